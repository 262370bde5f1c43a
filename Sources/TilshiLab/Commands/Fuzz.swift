import ArgumentParser
import Foundation
import TilshiCLI

extension TilshiCommand {
    /// `tilshi fuzz`: the deterministic mutation fuzzer over the readers and the analysis (``AnalysisFuzzer``).
    struct Fuzz: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fuzz the readers and the whole analysis with mutated inputs (deterministic; seeded).",
            discussion: """
                Mutates the seed corpus (byte flips, hostile and NFC-expanding code points, deep nesting, huge \
                tokens, invalid UTF-8, truncation, «» storms, misplaced markup) and runs every input through text \
                validation, the four news readers, the kk-default pipeline and every output format. Prints the \
                executions; exits 1 if an analysed document broke an invariant (the inputs are written to \
                --findings). A crash kills the process: with --save-current the input that did it is left in that \
                file. `swift test` runs a short bounded run (FuzzTests); an hour: `tilshi fuzz --seconds 3600`.
                """
        )

        @Option(help: "Stop after this many seconds.")
        var seconds: Double?

        @Option(help: "Stop after this many executions (default without --seconds: 1000).")
        var executions: Int?

        @Option(help: "The generator's seed; the same seed and corpus give the same inputs.")
        var seed: UInt64 = 1

        @Option(name: .customLong("max-bytes"), help: "Largest mutated input, in bytes.")
        var maximumBytes: Int = 96 * 1024

        @Option(help: "Folder of seed inputs.")
        var corpus: String = "Examples/fuzz"

        @Option(name: .customLong("save-current"), help: "Write each input to this file before running it (a crash leaves it there).")
        var saveCurrent: String?

        @Option(help: "Folder the inputs of findings are written to.")
        var findings: String = "fuzz-findings"

        func validate() throws {
            if let seconds, seconds <= 0 { throw ValidationError("--seconds must be positive") }
            if let executions, executions <= 0 { throw ValidationError("--executions must be positive") }
            if maximumBytes < 16 { throw ValidationError("--max-bytes must be at least 16") }
        }

        func run() async throws {
            let seeds: [(name: String, bytes: [UInt8])]
            do { seeds = try AnalysisFuzzer.corpus(in: URL(fileURLWithPath: corpus)) } catch {
                StandardError.report("\(corpus): cannot read the seed corpus (\(error.localizedDescription))")
                throw ExitCode.failure
            }
            guard !seeds.isEmpty else {
                StandardError.report("\(corpus): the seed corpus is empty")
                throw ExitCode.failure
            }
            let fuzzer = AnalysisFuzzer(corpus: seeds, seed: seed, maximumBytes: maximumBytes)
            let current = saveCurrent.map { URL(fileURLWithPath: $0) }
            let report = fuzzer.run(executions: executions ?? (seconds == nil ? 1000 : nil), seconds: seconds) { input in
                if let current { try? Data(input).write(to: current) }
            }
            print("""
                executions \(report.executions) in \(String(format: "%.1f", report.seconds)) s \
                (\(String(format: "%.1f", Double(report.executions) / max(report.seconds, 0.001))) /s), seed \(seed), corpus \(seeds.count) files; \
                refused as text \(report.refused), documents analysed \(report.documents), findings \(report.findings.count)
                """)
            guard !report.findings.isEmpty else { return }
            try? FileManager.default.createDirectory(atPath: findings, withIntermediateDirectories: true)
            for (index, finding) in report.findings.enumerated() {
                let path = (findings as NSString).appendingPathComponent("finding-\(index + 1).bin")
                try? Data(finding.input).write(to: URL(fileURLWithPath: path))
                StandardError.report("\(path): \(finding.problem)")
            }
            throw ExitCode.failure
        }
    }
}
