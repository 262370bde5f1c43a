import Evaluation
import SampleArticles
import TilshiCLI
import Analysis
import ArgumentParser
import Foundation

extension TilshiCommand.Eval {
    /// `tilshi eval translit`: Cyrillic → Latin → Cyrillic round trip over the seed articles.
    struct Translit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "translit",
            abstract: "Round-trip rate of Cyrillic → Latin (2021) → Cyrillic, word by word, over the seeds, KTB and KazNERD."
        )

        @Argument(help: "Text files to measure on (default: the bundled seed articles, plus KTB and KazNERD when present).")
        var files: [String] = []

        @OptionGroup var data: GoldDataOptions

        @Flag(help: "List the words that do not round-trip exactly.")
        var verbose = false

        init() {}

        func run() async throws {
            var sets: [(name: String, texts: [String])] = []
            if files.isEmpty {
                sets.append(("seed articles (the loanword table was tuned on these)", try SampleArticles.all().map(\.text)))
                if let sample = try? TilshiCommand.Eval.LanguageID.ktbSentences(directory: data.ktb) {
                    sets.append(("UD Kazakh KTB sentences (held out)", [sample.items.map(\.text).joined(separator: "\n")]))
                }
                if let sample = try? TilshiCommand.Eval.LanguageID.kazNERDSentences(file: data.kaznerd) {
                    sets.append(("KazNERD valid sentences (held out)", [sample.items.map(\.text).joined(separator: "\n")]))
                }
            } else {
                sets.append(("files", try files.map { try String(contentsOfFile: $0, encoding: .utf8) }))
            }
            for set in sets {
                let report = Self.measure(set.texts)
                print("""
                    \(set.name): \(report.words) words
                      exact round trip: \(report.exact) (\(Self.percent(report.exact, report.words)))
                      equal up to the documented merges (roundTripFold): \(report.folded) (\(Self.percent(report.folded, report.words)))
                      toLatin(toCyrillic(toLatin(x))) == toLatin(x) for \(report.stableTexts) of \(set.texts.count) texts
                    """)
                if verbose {
                    for (word, back) in report.mismatches { print("    \(word) → \(Transliterator.toLatin(word)) → \(back)") }
                }
            }
        }

        /// Word-level round-trip figures.
        struct Report: Sendable {
            var words = 0
            var exact = 0
            var folded = 0
            var stableTexts = 0
            /// Words that differ after the round trip (original, result), in text order.
            var mismatches: [(String, String)] = []
        }

        /// Measures the round trip of every Cyrillic word (taken in isolation) and the Latin fixed point of each text,
        /// after normalisation (so a stray Latin letter inside a Cyrillic word does not count against it).
        static func measure(_ texts: [String]) -> Report {
            var report = Report()
            for text in texts.map({ Normalizer().normalize($0) }) {
                for word in cyrillicWords(text) {
                    let back = Transliterator.toCyrillic(Transliterator.toLatin(word))
                    report.words += 1
                    if back == word { report.exact += 1 } else { report.mismatches.append((word, back)) }
                    if Transliterator.roundTripFold(back) == Transliterator.roundTripFold(word) { report.folded += 1 }
                }
                let latin = Transliterator.toLatin(text)
                if Transliterator.toLatin(Transliterator.toCyrillic(latin, preserveForeign: true)) == latin { report.stableTexts += 1 }
            }
            return report
        }

        /// Maximal runs of Cyrillic letters.
        static func cyrillicWords(_ text: String) -> [String] {
            var words: [String] = []
            var current = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                if (0x400...0x4FF).contains(scalar.value) && scalar.properties.isAlphabetic {
                    current.append(scalar)
                } else if !current.isEmpty {
                    words.append(String(current))
                    current = String.UnicodeScalarView()
                }
            }
            if !current.isEmpty { words.append(String(current)) }
            return words
        }

        static func percent(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "n/a" : String(format: "%.2f %%", 100 * Double(part) / Double(whole))
        }
    }
}
