import ArgumentParser
import Formats
import Foundation
import NewsSources
package import Pipeline
package import TextModel

extension TilshiCommand {
    /// `tilshi analyze FILE...`: runs the analysis pipeline and prints every layer.
    struct Analyze: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Analyse Kazakh text: sentences, tokens, lemmas, entities, times, amounts, quotes, meetings, events.",
            discussion: """
                Offsets count Unicode scalars of the analysed text, end exclusive: the input itself for plain text, \
                the extracted main text of an HTML page or feed item (the document's "text" field). \
                Bad inputs are reported on one line each and skipped; the exit code is 1 if any failed. Limits: a file \
                of at most 256 MiB, a document text of at most 64 MiB (--max-document-size) and a JSON line of at most \
                65 MiB (--max-line-size); a document longer than 100,000 characters is analysed in pieces of at most \
                that length (cut at paragraph or sentence ends), so its time grows linearly with its length, and its \
                output is written piece by piece through temporary files ($TMPDIR), so its memory stays bounded.
                """
        )

        /// Output formats of `analyze`.
        enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
            case json, jsonl, conllu, text
            /// Only the facts summary that starts `text` (what `--summary` selects).
            case summary
        }

        /// Input formats of `analyze`.
        enum InputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
            /// HTML pages, RSS/Atom feeds and JSON Lines (by extension or content) as `news`, anything else as `text`.
            case auto
            /// The input exactly as it is, one document.
            case text
            /// Through the news readers `ingest` uses: an HTML page's main text without boilerplate, one document per
            /// feed item or JSON line, with its title and publication date (which anchors relative times).
            case news
            /// CoNLL-U with gold tokens.
            case conllu
        }

        @Argument(help: "Files to analyse; '-' reads standard input (the default when none is given).")
        var files: [String] = []

        @Option(name: .shortAndLong, help: "Output format: json, jsonl, conllu, text or summary (the facts summary only, as --summary).")
        var format: OutputFormat = .json

        @Option(name: .customLong("input-format"), help: ArgumentHelp(
            "Input format: auto, text, news (HTML/RSS/Atom/JSONL through the news readers) or conllu (gold tokens).",
            discussion: "auto reads HTML pages, feeds and .jsonl files as news and anything else as plain text."))
        var inputFormat: InputFormat = .auto

        @Option(help: "Registered pipeline to run (\(Pipeline.registeredNames.joined(separator: ", "))).")
        var pipeline: String = "kk-default"

        @Flag(help: "Print only the facts summary (who, where, when, how much, quotes, meetings, events) as text.")
        var summary = false

        @Option(help: ArgumentHelp(
            "Documents analysed at once (default: every core).",
            discussion: "The output is the same for any number; 1 analyses on this thread only."))
        var jobs: Int?

        @OptionGroup var limits: InputLimitOptions

        init() {}

        mutating func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
            if summary {
                guard format == .json || format == .text || format == .summary else { throw ValidationError("--summary writes text; drop --format \(format.rawValue)") }
                format = .summary
            }
            guard Pipeline.named(pipeline) != nil else {
                throw ValidationError("unknown pipeline '\(pipeline)'; known: \(Pipeline.registeredNames.joined(separator: ", "))")
            }
            if inputFormat == .conllu && format != .conllu && format != .json && format != .jsonl {
                throw ValidationError("--input-format conllu writes conllu, json or jsonl")
            }
        }

        func run() async throws {
            var output = StandardOutput()
            let failures = try analyzeAll(
                files.isEmpty ? ["-"] : files, write: { output.write($0) }, report: { StandardError.report($0) })
            output.flush()
            if failures > 0 { throw ExitCode.failure }
        }

        /// Analyses every input, `jobs` documents at a time, writing results through `write` in input order and one
        /// line per bad input through `report`; returns how many inputs failed. Bad inputs never stop the others.
        /// The output is the same whatever the number of jobs.
        func analyzeAll(_ inputs: [String], write: (String) -> Void, report: (String) -> Void) throws -> Int {
            let pipeline = Pipeline.named(pipeline) ?? .default
            let format = format, inputFormat = inputFormat
            // One input may hold one document (printed as a JSON object) or several (an array): the first is held
            // back until a second shows which.
            let holdsFirst = format == .json && inputs.count <= 1
            var failures = 0
            var array = JSONArrayWriter()
            var held: Outcome?
            /// Writes a long document's spilled output; a failure to read the spill back is reported like a bad input.
            func copy(_ spilled: SpilledDocument, level: Int?) {
                do { try spilled.write(level: level, to: write) } catch {
                    failures += 1
                    report("\(spilled.id): cannot read back the temporary output of a long document (\(error.localizedDescription))")
                }
            }
            func writeElement(_ outcome: Outcome) {
                if let spilled = outcome.spilled {
                    write(array.element(""))
                    copy(spilled, level: 1)
                } else if let rendered = outcome.rendered {
                    write(array.element(rendered))
                }
            }
            // Rendered outputs waiting for the writer are bounded by bytes too (a few huge documents among small ones;
            // a long document's output waits on disk).
            try OrderedWorkPool.run(AnalysisUnits(inputs, format: inputFormat, limits: limits.limits), jobs: jobs ?? OrderedWorkPool.defaultJobs,
                                    weight: { $0.rendered?.utf8.count ?? 0 }, produce: { unit in
                Self.outcome(of: unit, format: format, inputFormat: inputFormat, pipeline: pipeline, keepsDocument: holdsFirst)
            }, consume: { outcome in
                for line in outcome.reports {
                    failures += 1
                    report(line)
                }
                guard outcome.rendered != nil || outcome.spilled != nil else { return }
                guard format == .json else {
                    if let spilled = outcome.spilled { return copy(spilled, level: nil) }
                    return write(outcome.rendered ?? "")
                }
                if holdsFirst && array.count == 0 && held == nil && (outcome.document != nil || outcome.spilled != nil) {
                    held = outcome
                    return
                }
                if let first = held {
                    writeElement(first)
                    held = nil
                }
                writeElement(outcome)
            })
            if let single = held {
                if let spilled = single.spilled {
                    copy(spilled, level: 0)
                    write("\n")
                } else if let document = single.document {
                    write(document.prettyJSON() + "\n")
                }
            }
            write(array.end())
            return failures
        }

        /// What one unit of work gives: the reports to print before it, and its rendering (for JSON, an element of
        /// the top-level array, with the document itself when `keepsDocument`, in case it turns out to be alone).
        struct Outcome: Sendable {
            var reports: [String]
            var rendered: String?
            var document: Document?
            /// A long document's output, spilled to temporary files instead of rendered (see ``SpilledDocument``).
            var spilled: SpilledDocument?
        }

        /// Analyses and renders one unit; runs on any worker thread.
        static func outcome(of unit: AnalysisUnit, format: OutputFormat, inputFormat: InputFormat, pipeline: Pipeline, keepsDocument: Bool) -> Outcome {
            var outcome = Outcome(reports: unit.reports)
            guard let work = unit.work else { return outcome }
            do {
                if let spill = spillKind(format: format, inputFormat: inputFormat) {
                    switch work {
                    case .news(let source, let id) where pipeline.isLong(source.text):
                        outcome.spilled = try SpilledDocument(
                            id: id, text: source.text, metadata: source.documentMetadata(), pipeline: pipeline, kind: spill, input: id)
                        return outcome
                    case .text(let text, let input) where pipeline.isLong(text):
                        outcome.spilled = try SpilledDocument(
                            id: Self.documentID(for: input), text: text, metadata: DocumentMetadata(), pipeline: pipeline, kind: spill, input: input)
                        return outcome
                    default: break
                    }
                }
                let document: Document
                let rendered: String
                switch work {
                case .news(let source, let id):
                    document = pipeline.analyze(id: id, text: source.text, metadata: source.documentMetadata())
                    rendered = try render(document, format: format)
                case .text(let text, let input):
                    (document, rendered) = try analyze(text, input: input, pipeline: pipeline, format: format, inputFormat: inputFormat)
                }
                outcome.rendered = format == .json ? document.prettyJSON(level: 1) : rendered
                if keepsDocument { outcome.document = document }
            } catch {
                outcome.reports.append("\(error)")
            }
            return outcome
        }

        /// How a document too long for one piece is written without holding its layers: JSON and JSONL through the
        /// layer files, CoNLL-U and the text report's sentences through one file (the report's facts, which its
        /// summary needs first, stay in memory); nil for gold CoNLL-U input.
        static func spillKind(format: OutputFormat, inputFormat: InputFormat) -> SpilledDocument.Kind? {
            guard inputFormat != .conllu else { return nil }
            switch format {
            case .json, .jsonl: return .json
            case .conllu: return .conllu
            case .text: return .text(summaryOnly: false)
            case .summary: return .text(summaryOnly: true)
            }
        }

        /// Analyses one input's text and renders it in the output format (JSON is rendered by the caller,
        /// which may wrap several documents in one array).
        func analyze(_ text: String, input: String, pipeline: Pipeline) throws -> (document: Document, rendered: String) {
            try Self.analyze(text, input: input, pipeline: pipeline, format: format, inputFormat: inputFormat)
        }

        static func analyze(_ text: String, input: String, pipeline: Pipeline, format: OutputFormat, inputFormat: InputFormat) throws -> (document: Document, rendered: String) {
            let id = Self.documentID(for: input)
            if inputFormat == .conllu {
                let sentences: [CoNLLUSentence]
                do { sentences = try CoNLLU.parse(text) } catch {
                    throw TextInput.Failure(input: input, reason: "malformed CoNLL-U (\(error))")
                }
                guard sentences.contains(where: { !$0.words.isEmpty }) else {
                    throw TextInput.Failure(input: input, reason: "has no CoNLL-U word lines")
                }
                let analysed = GoldTokenAnalysis.analyze(sentences, id: id, pipeline: pipeline)
                switch format {
                case .conllu: return (analysed.document, CoNLLU.format(analysed.sentences))
                case .jsonl: return (analysed.document, try Self.jsonLine(analysed.document) + "\n")
                case .json, .text, .summary: return (analysed.document, "")
                }
            }
            let document = pipeline.analyze(id: id, text: text)
            return (document, format == .json ? "" : try render(document, format: format))
        }

        /// The documents the news readers find in `text`, or nil when the input is to be analysed as it is.
        static func newsDocuments(
            _ text: String, input: String, format inputFormat: InputFormat, limits: InputLimits = .default
        ) -> SourceReadResult? {
            let reader = SourceReader(limits: limits)
            switch inputFormat {
            case .text, .conllu: return nil
            case .news: return reader.read(text: text, input: input, format: SourceReader.format(of: input, text: text))
            case .auto:
                let format = SourceReader.format(of: input, text: text)
                return format == .text ? nil : reader.read(text: text, input: input, format: format)
            }
        }

        /// One document in a non-JSON output format (JSON documents are written by ``analyzeAll(_:write:report:)``).
        static func render(_ document: Document, format: OutputFormat) throws -> String {
            switch format {
            case .json: return ""
            case .jsonl: return try Self.jsonLine(document) + "\n"
            case .conllu: return CoNLLU.format(CoNLLU.sentences(of: document))
            case .text: return TextReport.render(document)
            case .summary: return TextReport.summary(document) + "\n"
            }
        }

        static func documentID(for input: String) -> String {
            input == "-" ? "stdin" : URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
        }

        /// One compact JSON line, as `JSONEncoder` would write it with sorted keys, by the direct writer.
        static func jsonLine(_ document: Document) throws -> String {
            document.jsonLine()
        }
    }
}

/// Writes a top-level JSON array element by element, laid out as `JSONEncoder`'s `.prettyPrinted` (elements are
/// rendered one level deep, see ``TextModel/Document/prettyJSON(level:)``); nothing at all when it stays empty.
struct JSONArrayWriter {
    private(set) var count = 0

    /// The text that adds `fragment` to the array.
    mutating func element(_ fragment: String) -> String {
        count += 1
        return (count == 1 ? "[\n  " : ",\n  ") + fragment
    }

    /// The text that closes the array, with the final newline; empty when no element was written.
    func end() -> String {
        count == 0 ? "" : "\n]\n"
    }
}

/// `analyze`'s command path for the lab's end-to-end benchmark (`tilshi bench analyze-cli`).
package enum AnalyzeCommandPath {
    /// The output formats, by name.
    package static var formats: [String] { TilshiCommand.Analyze.OutputFormat.allCases.map(\.rawValue) }

    /// Parses `arguments` (options and inputs) as `tilshi analyze` does and runs the analysis on `inputs`.
    package static func run(_ arguments: [String], inputs: [String], write: (String) -> Void, report: (String) -> Void) throws -> Int {
        try TilshiCommand.Analyze.parse(arguments + inputs).analyzeAll(inputs, write: write, report: report)
    }

    /// A long document's JSON as `analyze` writes it through its spill (``SpilledDocument``), once per entry of
    /// `levels`: nil for the `jsonl` line, else pretty JSON that many containers deep. For the fuzzer's invariant that
    /// it equals the merged document's rendering.
    package static func spilledJSON(id: String, text: String, pipeline: Pipeline, levels: [Int?]) throws -> [String] {
        let spilled = try SpilledDocument(id: id, text: text, metadata: DocumentMetadata(), pipeline: pipeline, kind: .json, input: id)
        return try levels.map { level in
            var output = ""
            try spilled.write(level: level) { output += $0 }
            return output
        }
    }

    /// One analysed document as `analyze --format format` writes it (JSON as an element of the top-level array).
    package static func render(_ document: Document, format: String) throws -> String {
        guard let format = TilshiCommand.Analyze.OutputFormat(rawValue: format) else { throw ValidationError("unknown format '\(format)'") }
        return format == .json ? document.prettyJSON(level: 1) : try TilshiCommand.Analyze.render(document, format: format)
    }
}
