import ArgumentParser
import Formats
import Foundation
import NewsSources
import Pipeline
import TextModel

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
                that length (cut at paragraph or sentence ends), so its time grows linearly with its length.
                """
        )

        /// Output formats of `analyze`.
        enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
            case json, jsonl, conllu, text
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

        @Option(name: .shortAndLong, help: "Output format: json, jsonl, conllu or text.")
        var format: OutputFormat = .json

        @Option(name: .customLong("input-format"), help: ArgumentHelp(
            "Input format: auto, text, news (HTML/RSS/Atom/JSONL through the news readers) or conllu (gold tokens).",
            discussion: "auto reads HTML pages, feeds and .jsonl files as news and anything else as plain text."))
        var inputFormat: InputFormat = .auto

        @Option(help: "Registered pipeline to run (\(Pipeline.registeredNames.joined(separator: ", "))).")
        var pipeline: String = "kk-default"

        @OptionGroup var limits: InputLimitOptions

        init() {}

        func validate() throws {
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

        /// Analyses every input in order, writing results through `write` and one line per bad input
        /// through `report`; returns how many inputs failed. Bad inputs never stop the others.
        func analyzeAll(_ inputs: [String], write: (String) -> Void, report: (String) -> Void) throws -> Int {
            let pipeline = Pipeline.named(pipeline) ?? .default
            var failures = 0
            // Several inputs always make an array, written as each document is done; one input's documents are
            // kept until it is read, to know whether it gave one document (an object) or several (an array).
            var json = JSONDocuments(alwaysArray: inputs.count > 1)
            for input in inputs {
                do {
                    let text = try TextInput.read(input)
                    if let sources = Self.newsDocuments(text, input: input, format: inputFormat, limits: limits.limits) {
                        for problem in sources.problems {
                            failures += 1
                            report("\(problem)")
                        }
                        for document in Self.analyze(sources.documents, input: input, pipeline: pipeline) {
                            if format == .json { json.add(document, write: write) } else { write(try render(document)) }
                        }
                        continue
                    }
                    let analysed = try analyze(text, input: input, pipeline: pipeline)
                    if format == .json {
                        json.add(analysed.document, write: write)
                    } else {
                        write(analysed.rendered)
                    }
                } catch {
                    failures += 1
                    report("\(error)")
                }
            }
            json.finish(write: write)
            return failures
        }

        /// Analyses one input's text and renders it in the output format (JSON is rendered by the caller,
        /// which may wrap several documents in one array).
        func analyze(_ text: String, input: String, pipeline: Pipeline) throws -> (document: Document, rendered: String) {
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
                case .json, .text: return (analysed.document, "")
                }
            }
            try limits.limits.check(document: text, input: input)
            let document = pipeline.analyze(id: id, text: text)
            return (document, format == .json ? "" : try render(document))
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

        /// Analyses what the news readers found in one input, with its title and date (`defaultDate` when it has none);
        /// the documents are named after the input, numbered when there are several, or by their own identifiers.
        static func analyze(_ sources: [SourceDocument], input: String, pipeline: Pipeline, defaultDate: String? = nil) -> [Document] {
            let baseID = documentID(for: input)
            return sources.enumerated().map { index, source in
                let id = source.documentID(fallback: sources.count == 1 ? baseID : "\(baseID)#\(index + 1)")
                return pipeline.analyze(id: id, text: source.text, metadata: source.documentMetadata(defaultDate: defaultDate))
            }
        }

        /// One document in a non-JSON output format.
        func render(_ document: Document) throws -> String {
            switch format {
            case .json: return ""
            case .jsonl: return try Self.jsonLine(document) + "\n"
            case .conllu: return CoNLLU.format(CoNLLU.sentences(of: document))
            case .text: return TextReport.render(document)
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

/// The `--format json` output: one pretty-printed object for a single document, else an array of them, byte for byte
/// as `JSONEncoder` (`.prettyPrinted`, `.sortedKeys`, `.withoutEscapingSlashes`) writes it, without its value tree.
struct JSONDocuments {
    private let alwaysArray: Bool
    private var held: [Document] = []
    private var written = 0

    init(alwaysArray: Bool) {
        self.alwaysArray = alwaysArray
    }

    mutating func add(_ document: Document, write: (String) -> Void) {
        if alwaysArray { element(document, write: write) } else { held.append(document) }
    }

    mutating func finish(write: (String) -> Void) {
        if held.count == 1 && written == 0 {
            var pretty = PrettyJSON()
            pretty.format(held[0].jsonLine(), write: write)
            write("\n")
            return
        }
        for document in held { element(document, write: write) }
        held = []
        if written > 0 { write("\n]\n") }
    }

    private mutating func element(_ document: Document, write: (String) -> Void) {
        write(written == 0 ? "[\n  " : ",\n  ")
        var pretty = PrettyJSON(level: 1)
        pretty.format(document.jsonLine(), write: write)
        written += 1
    }
}
