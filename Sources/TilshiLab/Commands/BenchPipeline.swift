import Evaluation
import SampleArticles
import TilshiCLI
import ArgumentParser
import Foundation
import NewsSources
import Pipeline
import TextModel

extension TilshiCommand.Bench {
    /// `tilshi bench pipeline`: the whole `kk-default` pipeline from raw text over a large synthetic news collection,
    /// in tokens per CPU second of one thread, with the share of every stage.
    struct BenchPipeline: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pipeline",
            abstract: "Tokens per second of the whole kk-default pipeline (raw text → facts) over synthetic articles, per stage.",
            discussion: """
                Composes articles from detokenised KazNERD sentences (fixed seed, the same articles as `bench search`), \
                then runs every annotator of the pipeline on each article exactly as `tilshi analyze` does, --repeat \
                times on one thread. The first pass runs with cold caches; later passes show the steady state. \
                Figures are CPU time of the benchmark thread, so other load on the machine does not skew them. \
                Build with -c release for real figures.
                """
        )

        @Option(help: "KazNERD IOB2 file whose sentences make up the articles.")
        var data: String = "../shared/data/kaznerd/kaznerd-valid.iob2"

        @Option(help: "Number of synthetic articles (about 300 tokens each).")
        var docs: Int = 1000

        @Option(help: "How many passes over all the articles.")
        var `repeat`: Int = 3

        @Option(help: "Random seed for composing articles.")
        var seed: UInt64 = 2025

        @Option(help: "Registered pipeline to run (\(Pipeline.registeredNames.joined(separator: ", "))).")
        var pipeline: String = "kk-default"

        @Flag(help: "Also encode every analysed document as a JSON line, as `tilshi analyze -f jsonl` does.")
        var json = false

        @Option(help: """
            Write the articles in this script or Latin scheme before the run (\(ScriptEvaluation.versions.map(\.name).joined(separator: ", "))), \
            as `tilshi eval scripts` does, to time the Latin and Arabic reading paths against the Cyrillic one.
            """)
        var script: String = "cyrillic"

        init() {}

        func validate() throws {
            guard docs >= 1 else { throw ValidationError("--docs must be positive") }
            guard self.repeat >= 1 else { throw ValidationError("--repeat must be positive") }
            guard ScriptEvaluation.versions.contains(where: { $0.name == script }) else {
                throw ValidationError("unknown --script '\(script)'; known: \(ScriptEvaluation.versions.map(\.name).joined(separator: ", "))")
            }
            guard Pipeline.named(pipeline) != nil else {
                throw ValidationError("unknown pipeline '\(pipeline)'; known: \(Pipeline.registeredNames.joined(separator: ", "))")
            }
        }

        func run() async throws {
            let pipeline = Pipeline.named(pipeline) ?? .default
            let sentences = try TilshiCommand.BenchAnalyze.sentences(data).map(TilshiCommand.BenchSearch.detokenize).filter { $0.count > 20 }
            guard sentences.count > 100 else { throw ValidationError("\(data) has too few sentences") }
            let version = ScriptEvaluation.versions.first { $0.name == script } ?? ScriptEvaluation.versions[0]
            // The same articles in every script (written before the clock starts), so runs compare paths alone.
            let articles = TilshiCommand.BenchSearch.compose(count: docs, from: sentences, seed: seed).map { article in
                var written = article
                written.text = version.write(article.text)
                return written
            }
            let bytes = articles.reduce(0) { $0 + $1.text.utf8.count }

            let stageNames = pipeline.annotators.map(\.name) + (json ? ["json"] : [])
            var passes: [PassTimes] = []
            var tokenCount = 0
            var checksum = 0
            for pass in 0..<self.repeat {
                var times = PassTimes(stages: stageNames.count)
                var tokens = 0
                for (index, article) in articles.enumerated() {
                    var stageStart = ThreadCPUClock.now()
                    var document = Document(id: "bench-\(index)", text: article.text)
                    times.documentSetup += ThreadCPUClock.now() - stageStart
                    for (stage, annotator) in pipeline.annotators.enumerated() {
                        stageStart = ThreadCPUClock.now()
                        annotator.annotate(&document)
                        times.stages[stage] += ThreadCPUClock.now() - stageStart
                    }
                    if json {
                        stageStart = ThreadCPUClock.now()
                        let line = document.jsonLine()
                        times.stages[stageNames.count - 1] += ThreadCPUClock.now() - stageStart
                        checksum &+= line.utf8.count
                    }
                    tokens += document.tokens.count
                    checksum &+= document.entities.count + document.times.count + document.amounts.count + document.quotes.count
                }
                if pass == 0 { tokenCount = tokens }
                passes.append(times)
            }

            print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; load average \(Self.loadAverage())")
            print("data: \(data): \(sentences.count) sentences → \(docs) articles (seed \(seed)), "
                + "\(tokenCount) tokens, \(bytes / 1024) KiB; script \(script); pipeline \(pipeline.name)\(json ? " + JSON lines" : ""); \(self.repeat) passes")
            print("CPU time of this thread (one core):")
            func rate(_ seconds: Double) -> String { String(format: "%.0f tokens/s (%.2f s)", Double(tokenCount) / max(seconds, 1e-9), seconds) }
            print("  first pass (cold caches): \(rate(passes[0].total))")
            let warm = passes.dropFirst()
            if !warm.isEmpty {
                print("  later passes (mean):      \(rate(warm.reduce(0) { $0 + $1.total } / Double(warm.count)))")
            }
            let steady = warm.isEmpty ? passes[0] : warm.reduce(PassTimes(stages: stageNames.count)) { $0.adding($1) }
            let scale = warm.isEmpty ? 1 : Double(warm.count)
            print("per stage (\(warm.isEmpty ? "first pass" : "later passes")): share of the time · tokens/s of the stage alone")
            let rows = [("document", steady.documentSetup)] + zip(stageNames, steady.stages).map { ($0, $1) }
            for (name, seconds) in rows {
                let share = 100 * seconds / max(steady.total, 1e-9)
                let alone = Double(tokenCount) * scale / max(seconds, 1e-9)
                let padded = name.padding(toLength: 12, withPad: " ", startingAt: 0)
                print("  \(padded)" + String(format: "%5.1f %%  %12.0f", share, alone))
            }
            print("checksum: \(checksum)")
        }

        /// The 1-minute load average, so readers know how busy the machine was.
        static func loadAverage() -> String {
            guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
            return text.split(separator: " ").prefix(3).joined(separator: " ")
        }
    }
}

/// CPU seconds spent in each part of one benchmark pass.
private struct PassTimes {
    var documentSetup = 0.0
    var stages: [Double]

    init(stages: Int) { self.stages = Array(repeating: 0, count: stages) }

    var total: Double { documentSetup + stages.reduce(0, +) }

    func adding(_ other: PassTimes) -> PassTimes {
        var sum = self
        sum.documentSetup += other.documentSetup
        for index in stages.indices { sum.stages[index] += other.stages[index] }
        return sum
    }
}
