import ArgumentParser
import Foundation
import Testing
import TextModel
import TilshiCLI
@testable import TilshiLab

/// The bounded run of the mutation fuzzer that `swift test` does: a fixed number of executions (deterministic: the
/// same inputs every time) over the seed corpus in `Examples/fuzz`. Longer: `TILSHI_FUZZ_EXECUTIONS=100000` or
/// `TILSHI_FUZZ_SECONDS=3600` for this test, or `tilshi fuzz --seconds 3600` (release build, much faster).
@Suite struct FuzzTests {
    /// `Examples/fuzz` of this checkout.
    static let corpusFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/fuzz")

    /// Executions of the bounded run (inputs up to 16 KB): well under a minute in a debug build on a busy core.
    static let defaultExecutions = 50

    @Test func theSeedCorpusHasOneInputPerReader() throws {
        let corpus = try AnalysisFuzzer.corpus(in: Self.corpusFolder)
        let names = Set(corpus.map(\.name))
        #expect(names.isSuperset(of: ["article.txt", "articles.jsonl", "page.html", "feed.rss", "feed.atom", "speech.txt"]))
    }

    @Test func mutationsAreDeterministicAndStayBounded() throws {
        let corpus = try AnalysisFuzzer.corpus(in: Self.corpusFolder)
        let mutator = FuzzMutator(corpus: corpus.map(\.bytes), maximumBytes: 4096)
        var first = SplitMix64(seed: 7)
        var second = SplitMix64(seed: 7)
        var changed = 0
        for input in corpus.map(\.bytes) {
            for _ in 0..<20 {
                let a = mutator.mutate(input, using: &first)
                #expect(a == mutator.mutate(input, using: &second))
                #expect(a.count <= 4096)
                if a != input { changed += 1 }
            }
        }
        #expect(changed > corpus.count * 15)
    }

    @Test func theNFCExpandingScalarsAreFound() {
        // U+2ADC and the musical symbols crashed the analyser (issue 21); U+0344 and U+0958 expand too.
        for scalar: Unicode.Scalar in ["\u{2ADC}", "\u{1D15E}", "\u{1D164}", "\u{1D1BB}", "\u{1D1C0}", "\u{0344}", "\u{0958}"] {
            #expect(FuzzMutator.expandingScalars.contains(scalar), "U+\(String(scalar.value, radix: 16))")
        }
        #expect(FuzzMutator.expandingScalars.count >= 80)
    }

    @Test func theInvariantsCatchABrokenDocument() {
        var document = Document(id: "x", text: "Алматыда концерт өтті.")
        document.tokens = [Token(text: "Алматыда", norm: "Алматыда", start: 0, end: 8, spaceAfter: true, kind: .word),
                           Token(text: "концерт", norm: "концерт", start: 8, end: 16, spaceAfter: true, kind: .word)]
        document.quotes = [Quote(text: "x", speaker: nil, start: 10, end: 99)]
        let problems = AnalysisFuzzer.problems(in: document)
        #expect(problems.count == 2)
        #expect(problems.contains { $0.hasPrefix("token 1 text") })
        #expect(problems.contains { $0.contains("10..<99") })
    }

    @Test func aBoundedRunFindsNothing() throws {
        let environment = ProcessInfo.processInfo.environment
        let seconds = environment["TILSHI_FUZZ_SECONDS"].flatMap(Double.init)
        let executions = environment["TILSHI_FUZZ_EXECUTIONS"].flatMap(Int.init) ?? (seconds == nil ? Self.defaultExecutions : nil)
        let seed = environment["TILSHI_FUZZ_SEED"].flatMap(UInt64.init) ?? 1
        let maximumBytes = environment["TILSHI_FUZZ_MAX_BYTES"].flatMap(Int.init) ?? 16 * 1024
        let fuzzer = AnalysisFuzzer(corpus: try AnalysisFuzzer.corpus(in: Self.corpusFolder), seed: seed, maximumBytes: maximumBytes)
        let report = fuzzer.run(executions: executions, seconds: seconds)
        print("fuzz: executions \(report.executions) in \(report.seconds) s, refused \(report.refused), documents \(report.documents)")
        if let executions { #expect(report.executions == executions) }
        #expect(report.documents > report.executions)
        for finding in report.findings.prefix(5) {
            Issue.record("\(finding.problem); input (base64): \(Data(finding.input).base64EncodedString())")
        }
        #expect(report.findings.isEmpty)
    }

    @Test func theCommandParsesItsBounds() throws {
        let command = try TilshiCommand.Fuzz.parse(["--seconds", "5", "--seed", "3", "--corpus", "c"])
        #expect(command.seconds == 5 && command.seed == 3 && command.corpus == "c")
        #expect(throws: (any Error).self) { try TilshiCommand.Fuzz.parse(["--seconds", "0"]) }
    }
}
