import Evaluation
import SampleArticles
import TilshiCLI
import Analysis
import ArgumentParser
import Formats
import Foundation
import TextModel

extension TilshiCommand.Bench {
    /// `tilshi bench tokenize`: tokenizer + sentence segmenter throughput on KazNERD text.
    struct BenchTokenize: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tokenize",
            abstract: "Tokenise and segment KazNERD sentences (joined into paragraphs, repeated) and print tokens/s."
        )

        @Option(help: "KazNERD IOB2 file whose sentences make the text.")
        var data: String = "../shared/data/kaznerd/kaznerd-valid.iob2"

        @Option(help: "How many times the text is repeated.")
        var `repeat`: Int = 5

        @Option(help: "Timed runs; the best is reported.")
        var runs: Int = 3

        func validate() throws {
            guard `repeat` >= 1, runs >= 1 else { throw ValidationError("--repeat and --runs must be at least 1") }
        }

        func run() async throws {
            let source: String
            do { source = try TextInput.read(data) } catch {
                StandardError.report("\(error)")
                throw ExitCode.failure
            }
            let paragraphs = Self.paragraphs(fromIOB2: source)
            let text = Array(repeating: paragraphs, count: `repeat`).joined(separator: "\n\n")
            let tokenizer = Tokenizer()
            let segmenter = SentenceSegmenter()
            var best = Duration.seconds(1_000_000)
            var tokenCount = 0
            var sentenceCount = 0
            for _ in 0..<runs {
                let clock = ContinuousClock()
                let start = clock.now
                var document = Document(id: "bench", text: text)
                tokenizer.annotate(&document)
                segmenter.annotate(&document)
                let elapsed = clock.now - start
                best = min(best, elapsed)
                tokenCount = document.tokens.count
                sentenceCount = document.sentences.count
            }
            let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
            print("text: \(text.unicodeScalars.count) scalars, \(tokenCount) tokens, \(sentenceCount) sentences")
            print(String(format: "tokenize+sentences: %.3f s, %.0f tokens/s (best of %d)", seconds, Double(tokenCount) / seconds, runs))
        }

        /// Plain text from "token TAG" lines: sentences detokenised with ordinary spacing, eight to a paragraph.
        static func paragraphs(fromIOB2 source: String) -> String {
            let sentences = IOB2Text.sentences(source).map { $0.text ?? "" }
            var paragraphs: [String] = []
            var index = 0
            while index < sentences.count {
                paragraphs.append(sentences[index..<min(index + 8, sentences.count)].joined(separator: " "))
                index += 8
            }
            return paragraphs.joined(separator: "\n\n")
        }
    }
}
