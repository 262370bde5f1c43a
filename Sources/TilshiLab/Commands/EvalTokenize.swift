import Evaluation
import SampleArticles
import TilshiCLI
import Analysis
import ArgumentParser
import Formats
import Foundation
import Pipeline
import TextModel

extension TilshiCommand.Eval {
    /// `tilshi eval tokenize FILE.conllu`: token and sentence-boundary F1 against a UD treebank's raw text.
    struct Tokenize: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tokenize",
            abstract: "Tokenisation and sentence-segmentation precision/recall/F1 against CoNLL-U gold.",
            discussion: """
                Runs the default pipeline up to sentence segmentation on the '# text' lines joined by spaces and compares surface tokens (multiword tokens \
                count once) and sentences by character span, like the CoNLL 2018 'Tokens' and 'Sentences' metrics. \
                A file ending in .iob2 (KazNERD) is read as pre-tokenised sentences whose text is rebuilt with \
                ordinary spacing: an agreement check with another corpus's token conventions.
                """
        )

        @Argument(help: "CoNLL-U gold files, or .iob2 token files (default: ../shared/data/ud-kazakh-ktb/kk_ktb-dev.conllu).")
        var files: [String] = []

        @Option(help: "Print up to this many token disagreements (gold ⇢ system).")
        var errors: Int = 0

        func run() async throws {
            let inputs = files.isEmpty ? ["../shared/data/ud-kazakh-ktb/kk_ktb-dev.conllu"] : files
            var failures = 0
            for input in inputs {
                do {
                    let report = try Self.evaluate(path: input)
                    print(Self.render(report, input: input))
                    for error in report.tokenErrors.prefix(errors) {
                        print("  gold \(error.gold.joined(separator: " | "))  ⇢  system \(error.system.joined(separator: " | "))")
                    }
                    for error in report.sentenceErrors.prefix(errors) {
                        print("  gold sentences \(error.gold.joined(separator: " ‖ "))\n    ⇢ system \(error.system.joined(separator: " ‖ "))")
                    }
                } catch {
                    failures += 1
                    StandardError.report("\(error)")
                }
            }
            if failures > 0 { throw ExitCode.failure }
        }

        /// Reads, tokenises and scores one CoNLL-U file.
        static func evaluate(path: String) throws -> TokenizationEvaluation.Report {
            let text = try TextInput.read(path)
            if path.hasSuffix(".iob2") { return evaluate(gold: IOB2Text.sentences(text)) }
            let gold: [CoNLLUSentence]
            do { gold = try CoNLLU.parse(text) } catch {
                throw TextInput.Failure(input: path, reason: "malformed CoNLL-U (\(error))")
            }
            return evaluate(gold: gold)
        }

        /// Scores the tokenizer and segmenter on parsed gold sentences.
        static func evaluate(gold: [CoNLLUSentence]) -> TokenizationEvaluation.Report {
            let raw = TokenizationEvaluation.rawText(of: gold)
            var document = Document(id: "eval", text: raw)
            for annotator in stagesThroughSentences { annotator.annotate(&document) }
            return TokenizationEvaluation.evaluate(
                gold: gold, text: raw,
                systemTokens: document.tokens.map { $0.start..<$0.end },
                systemSentences: document.sentences.map { $0.start..<$0.end }
            )
        }

        /// The default pipeline's stages up to sentence segmentation (normalisation, if registered, included),
        /// so the figures are those of the real pipeline.
        static var stagesThroughSentences: [any Annotator] {
            let stages = Pipeline.default.annotators
            guard let last = stages.lastIndex(where: { $0.name == "sentences" }) else { return [Tokenizer(), SentenceSegmenter()] }
            return Array(stages[...last])
        }

        static func render(_ report: TokenizationEvaluation.Report, input: String) -> String {
            func line(_ name: String, _ score: SpanScore) -> String {
                String(format: "%@  P %.2f  R %.2f  F1 %.2f  (gold %d, system %d, correct %d)",
                       name.padding(toLength: 9, withPad: " ", startingAt: 0), score.precision * 100, score.recall * 100,
                       score.f1 * 100, score.gold, score.system, score.correct)
            }
            return "\(input)\n" + line("tokens", report.tokens) + "\n" + line("sentences", report.sentences)
        }
    }
}
