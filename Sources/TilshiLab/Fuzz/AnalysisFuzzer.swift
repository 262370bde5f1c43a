public import Foundation
import Formats
import NewsSources
import Pipeline
import TextModel
import TilshiCLI

/// A deterministic mutation fuzzer over everything `tilshi analyze` and `tilshi ingest` do with an input: validating
/// the bytes as text, each news reader (plain text, JSON Lines, HTML, RSS/Atom), the whole `kk-default` pipeline (whole
/// and in small pieces) and every output format.
///
/// Each execution takes a corpus file, applies one to four mutations (``FuzzMutator``) and runs the target. A crash
/// stops the process (run it with `--save-current` to keep the input that did it); a broken invariant of the analysed
/// document (an offset outside the text, a token whose text is not its slice, tokens out of order, a sentence or
/// entity pointing past the tokens) is counted and kept as a finding. The same seed and corpus give the same inputs.
public struct AnalysisFuzzer: Sendable {
    /// What a run did.
    public struct Report: Sendable {
        /// Inputs executed.
        public var executions = 0
        /// Inputs the text validation refused (invalid UTF-8, NUL bytes, empty): the expected, clean outcome.
        public var refused = 0
        /// Documents analysed (the raw text and every document the readers found).
        public var documents = 0
        /// Broken invariants, each with the input (as bytes) that broke it.
        public var findings: [(problem: String, input: [UInt8])] = []
        /// Wall time of the run, in seconds.
        public var seconds = 0.0
    }

    /// The seed corpus: file name and bytes.
    public let corpus: [(name: String, bytes: [UInt8])]
    /// The generator's seed.
    public let seed: UInt64
    /// Largest input a mutation leaves, in bytes.
    public let maximumBytes: Int
    /// The pipeline every document goes through.
    let pipeline = Pipeline.default
    /// The same pipeline cutting texts into pieces of 700 scalars, so the piece merging is fuzzed on small inputs too.
    let piecewise: Pipeline = {
        var pipeline = Pipeline.default
        pipeline.maximumPieceScalars = 700
        return pipeline
    }()

    /// Creates a fuzzer over `corpus` with generator `seed`, mutating inputs up to `maximumBytes`.
    public init(corpus: [(name: String, bytes: [UInt8])], seed: UInt64 = 1, maximumBytes: Int = 96 * 1024) {
        precondition(!corpus.isEmpty, "the fuzzer needs at least one seed input")
        self.corpus = corpus
        self.seed = seed
        self.maximumBytes = maximumBytes
    }

    /// The files of `folder` (sorted by name) as a corpus.
    public static func corpus(in folder: URL) throws -> [(name: String, bytes: [UInt8])] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        return try names.map { ($0, [UInt8](try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }

    /// Runs until `executions` inputs are done or `seconds` have passed (whichever comes first; nil is no bound),
    /// calling `willExecute` with each input first (to save it, so a crash leaves it behind).
    public func run(executions: Int?, seconds: Double?, willExecute: (([UInt8]) -> Void)? = nil) -> Report {
        var rng = SplitMix64(seed: seed)
        let mutator = FuzzMutator(corpus: corpus.map(\.bytes), maximumBytes: maximumBytes)
        var report = Report()
        let clock = ContinuousClock()
        let start = clock.now
        func elapsed() -> Double {
            let duration = clock.now - start
            return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        // The seeds themselves first, unmutated.
        var pending = corpus.map(\.bytes)
        while executions.map({ report.executions < $0 }) ?? true, seconds.map({ elapsed() < $0 }) ?? true {
            var input: [UInt8]
            if !pending.isEmpty {
                input = pending.removeFirst()
            } else {
                input = corpus.randomElement(using: &rng)!.bytes
                for _ in 0..<Int.random(in: 1...4, using: &rng) { input = mutator.mutate(input, using: &rng) }
            }
            willExecute?(input)
            execute(input, report: &report)
            report.executions += 1
        }
        report.seconds = elapsed()
        return report
    }

    /// Runs the target on one input: what the readers find in it and the text itself, analysed and rendered.
    func execute(_ input: [UInt8], report: inout Report) {
        let text: String
        do { text = try TextInput.decode(Data(input), input: "fuzz") } catch {
            report.refused += 1
            return
        }
        var documents: [(Document, String)] = []
        // `analyze` on plain text: the input as it is, whole and in small pieces.
        documents.append((pipeline.analyze(id: "fuzz", text: text), "text"))
        let pieces = piecewise.analyze(id: "fuzz", text: text)
        documents.append((pieces, "text in pieces"))
        // A long text's `analyze` output is written piece by piece through temporary files: the same bytes.
        if piecewise.isLong(text) {
            do {
                let spilled = try AnalyzeCommandPath.spilledJSON(id: "fuzz", text: text, pipeline: piecewise, levels: [nil, 0])
                if spilled != [pieces.jsonLine() + "\n", pieces.prettyJSON()] {
                    report.findings.append(("text in pieces: the spilled JSON differs from the merged document's", input))
                }
            } catch {
                report.findings.append(("text in pieces: spilling failed: \(error)", input))
            }
        }
        // `analyze`/`ingest` through the news readers, in every format whatever the content.
        let reader = SourceReader()
        for format in SourceReader.Format.allCases {
            let result = reader.read(text: text, input: "fuzz", format: format)
            for problem in result.problems where !problem.input.hasPrefix("fuzz") {
                report.findings.append(("\(format): problem not named after the input: \(problem)", input))
            }
            for source in result.documents.prefix(8) {
                let metadata = source.documentMetadata(defaultDate: "2025-10-05")
                documents.append((pipeline.analyze(id: source.documentID(fallback: "fuzz"), text: source.text, metadata: metadata), "\(format)"))
            }
        }
        for (document, path) in documents {
            report.documents += 1
            for problem in Self.problems(in: document) { report.findings.append(("\(path): \(problem)", input)) }
            // Every output format of `analyze` renders it without trapping.
            _ = document.jsonLine()
            _ = CoNLLU.format(CoNLLU.sentences(of: document))
            _ = TextReport.render(document)
        }
    }

    /// What is wrong with the layers of an analysed document (empty when all is well).
    static func problems(in document: Document) -> [String] {
        var problems: [String] = []
        let count = document.scalars.count
        var previousEnd = 0
        for (index, token) in document.tokens.enumerated() {
            guard token.start >= previousEnd, token.start <= token.end, token.end <= count else {
                problems.append("token \(index) at \(token.start)..<\(token.end) is out of order or outside the text (\(count) scalars)")
                break
            }
            if document.slice(token.start, token.end) != token.text {
                problems.append("token \(index) text \(token.text.debugDescription) is not its slice")
                break
            }
            previousEnd = token.end
        }
        for (index, sentence) in document.sentences.enumerated()
        where sentence.tokenRange.upperBound > document.tokens.count || sentence.start > sentence.end || sentence.end > count {
            problems.append("sentence \(index) points outside the text or tokens")
        }
        for (index, entity) in document.entities.enumerated()
        where entity.tokenRange.upperBound > document.tokens.count || entity.start > entity.end || entity.end > count {
            problems.append("entity \(index) points outside the text or tokens")
        }
        let spans = document.times.map { ($0.start, $0.end) } + document.amounts.map { ($0.start, $0.end) }
            + document.quotes.map { ($0.start, $0.end) } + document.meetings.map { ($0.start, $0.end) } + document.events.map { ($0.start, $0.end) }
        for (start, end) in spans where start < 0 || start > end || end > count {
            problems.append("a fact at \(start)..<\(end) lies outside the text (\(count) scalars)")
        }
        for paragraph in document.paragraphs where paragraph.start > paragraph.end || paragraph.end > count {
            problems.append("paragraph \(paragraph.start)..<\(paragraph.end) lies outside the text")
        }
        return problems
    }
}
