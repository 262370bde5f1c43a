import ArgumentParser
import Corpora
import Foundation
import Pipeline
import TextModel

extension TilshiCommand {
    /// `tilshi analyze FILE...`: runs the analysis pipeline and prints every layer.
    public struct Analyze: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Analyse Kazakh text: sentences, tokens, lemmas, entities, times, amounts, quotes, meetings, events.",
            discussion: """
                Offsets count Unicode scalars of the original input, end exclusive. \
                Bad inputs are reported on one line each and skipped; the exit code is 1 if any failed.
                """
        )

        /// Output formats of `analyze`.
        public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
            case json, jsonl, conllu, text
        }

        /// Input formats of `analyze`.
        public enum InputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
            case text, conllu
        }

        @Argument(help: "Files to analyse; '-' reads standard input (the default when none is given).")
        public var files: [String] = []

        @Option(name: .shortAndLong, help: "Output format: json, jsonl, conllu or text.")
        public var format: OutputFormat = .json

        @Option(name: .customLong("input-format"), help: "Input format: plain text, or CoNLL-U with gold tokens.")
        public var inputFormat: InputFormat = .text

        @Option(help: "Registered pipeline to run (\(Pipeline.registeredNames.joined(separator: ", "))).")
        public var pipeline: String = "kk-default"

        public init() {}

        public func validate() throws {
            guard Pipeline.named(pipeline) != nil else {
                throw ValidationError("unknown pipeline '\(pipeline)'; known: \(Pipeline.registeredNames.joined(separator: ", "))")
            }
            if inputFormat == .conllu && format != .conllu && format != .json && format != .jsonl {
                throw ValidationError("--input-format conllu writes conllu, json or jsonl")
            }
        }

        public func run() async throws {
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
            switch format {
            case .json: return (document, "")
            case .jsonl: return (document, try Self.jsonLine(document) + "\n")
            case .conllu: return (document, CoNLLU.format(CoNLLU.sentences(of: document)))
            case .text: return (document, TextReport.render(document))
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
