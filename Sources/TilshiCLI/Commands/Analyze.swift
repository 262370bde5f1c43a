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
            let pipeline = Pipeline.named(pipeline)!
            let inputs = files.isEmpty ? ["-"] : files
            var failures = 0
            var documents: [Document] = []
            var output = StandardOutput()
            for input in inputs {
                do {
                    let text = try TextInput.read(input)
                    if inputFormat == .conllu {
                        try analyzeCoNLLU(text, input: input, pipeline: pipeline, into: &output)
                        continue
                    }
                    let document = pipeline.analyze(id: Self.documentID(for: input), text: text)
                    switch format {
                    case .json: documents.append(document)
                    case .jsonl: output.write(try Self.jsonLine(document) + "\n")
                    case .conllu: output.write(CoNLLU.format(CoNLLU.sentences(of: document)))
                    case .text: output.write(TextReport.render(document))
                    }
                } catch {
                    failures += 1
                    StandardError.report("\(error)")
                }
            }
            if format == .json && !documents.isEmpty {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let data = try encoder.encode(documents.count == 1 && files.count <= 1 ? AnyEncodable(documents[0]) : AnyEncodable(documents))
                output.write(String(decoding: data, as: UTF8.self) + "\n")
            }
            output.flush()
            if failures > 0 { throw ExitCode.failure }
        }

        /// Analyses gold-tokenised CoNLL-U: keeps the tokens, fills lemma/UPOS/features.
        private func analyzeCoNLLU(_ text: String, input: String, pipeline: Pipeline, into output: inout StandardOutput) throws {
            let sentences: [CoNLLUSentence]
            do { sentences = try CoNLLU.parse(text) } catch {
                throw TextInput.Failure(input: input, reason: "malformed CoNLL-U (\(error))")
            }
            let analysed = GoldTokenAnalysis.analyze(sentences, id: Self.documentID(for: input), pipeline: pipeline)
            switch format {
            case .conllu: output.write(CoNLLU.format(analysed.sentences))
            case .jsonl: output.write(try Self.jsonLine(analysed.document) + "\n")
            default:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                output.write(String(decoding: try encoder.encode(analysed.document), as: UTF8.self) + "\n")
            }
        }

        static func documentID(for input: String) -> String {
            input == "-" ? "stdin" : URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
        }

        static func jsonLine(_ document: Document) throws -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(document), as: UTF8.self)
        }
    }
}

/// Type-erased `Encodable`, so one encoder call can print a document or an array of them.
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
