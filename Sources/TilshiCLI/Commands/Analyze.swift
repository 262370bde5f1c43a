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
                Bad inputs are reported on one line each and skipped; the exit code is 1 if any failed.
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

        @Flag(help: "Print only the facts summary (who, where, when, how much, quotes, meetings, events) as text.")
        var summary = false

        init() {}

        mutating func validate() throws {
            if summary {
                guard format == .json || format == .text else { throw ValidationError("--summary writes text; drop --format \(format.rawValue)") }
                format = .text
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

        /// Analyses every input in order, writing results through `write` and one line per bad input
        /// through `report`; returns how many inputs failed. Bad inputs never stop the others.
        func analyzeAll(_ inputs: [String], write: (String) -> Void, report: (String) -> Void) throws -> Int {
            let pipeline = Pipeline.named(pipeline) ?? .default
            var failures = 0
            var documents: [Document] = []
            for input in inputs {
                do {
                    let text = try TextInput.read(input)
                    if let sources = Self.newsDocuments(text, input: input, format: inputFormat) {
                        for problem in sources.problems {
                            failures += 1
                            report("\(problem)")
                        }
                        for document in Self.analyze(sources.documents, input: input, pipeline: pipeline) {
                            if format == .json { documents.append(document) } else { write(try render(document)) }
                        }
                        continue
                    }
                    let analysed = try analyze(text, input: input, pipeline: pipeline)
                    if format == .json {
                        documents.append(analysed.document)
                    } else {
                        write(analysed.rendered)
                    }
                } catch {
                    failures += 1
                    report("\(error)")
                }
            }
            if format == .json && !documents.isEmpty {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let single = documents.count == 1 && inputs.count <= 1
                let data = try encoder.encode(single ? AnyEncodable(documents[0]) : AnyEncodable(documents))
                write(String(decoding: data, as: UTF8.self) + "\n")
            }
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
            let document = pipeline.analyze(id: id, text: text)
            return (document, format == .json ? "" : try render(document))
        }

        /// The documents the news readers find in `text`, or nil when the input is to be analysed as it is.
        static func newsDocuments(_ text: String, input: String, format inputFormat: InputFormat) -> SourceReadResult? {
            switch inputFormat {
            case .text, .conllu: return nil
            case .news: return SourceReader().read(text: text, input: input, format: SourceReader.format(of: input, text: text))
            case .auto:
                let format = SourceReader.format(of: input, text: text)
                return format == .text ? nil : SourceReader().read(text: text, input: input, format: format)
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
            case .text: return summary ? TextReport.summary(document) + "\n" : TextReport.render(document)
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

/// Type-erased `Encodable`, so one encoder call can print a document or an array of them.
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
