import Evaluation
import SampleArticles
import TilshiCLI
import Analysis
import ArgumentParser
import Foundation
import TextModel

extension TilshiCommand.Eval {
    /// `tilshi eval langid`: accuracy of paragraph language identification.
    struct LanguageID: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "langid",
            abstract: "Language identification accuracy on the seed paragraphs, KTB and KazNERD sentences and a ru/en sample."
        )

        @OptionGroup var data: GoldDataOptions

        @Flag(help: "List the misclassified texts.")
        var verbose = false

        init() {}

        /// One evaluation set: gold-labelled texts.
        struct Sample: Sendable {
            let name: String
            let items: [(language: Language, text: String)]
        }

        func run() async throws {
            var samples = try [Self.seedParagraphs(), Self.russianEnglishSample()]
            if let ktb = try? Self.ktbSentences(directory: data.ktb) {
                samples.insert(ktb, at: 1)
                samples.insert(Sample(name: "KTB sentences in 2021 Latin (kk)", items: ktb.items.map { (.kk, Transliterator.toLatin($0.text)) }), at: 2)
            } else {
                print("(UD Kazakh KTB not found under \(data.ktb); pass --ktb DIR to include it)")
            }
            if let kaznerd = try? Self.kazNERDSentences(file: data.kaznerd) {
                samples.insert(kaznerd, at: samples.count - 1)
            } else {
                print("(KazNERD not found at \(data.kaznerd); pass --kaznerd FILE to include it)")
            }
            var total = 0, correct = 0
            for sample in samples {
                let errors = Self.errors(sample)
                total += sample.items.count
                correct += sample.items.count - errors.count
                print("\(sample.name): \(sample.items.count - errors.count)/\(sample.items.count) = \(TilshiCommand.Eval.Translit.percent(sample.items.count - errors.count, sample.items.count))")
                if verbose { for error in errors { print("  gold \(error.gold.rawValue), got \(error.got.rawValue): \(error.text)") } }
            }
            print("all: \(correct)/\(total) = \(TilshiCommand.Eval.Translit.percent(correct, total))")
        }

        /// The misclassified items of a sample.
        static func errors(_ sample: Sample) -> [(gold: Language, got: Language, text: String)] {
            let identifier = LanguageIdentifier()
            return sample.items.compactMap { item in
                let got = identifier.identify(item.text)
                return got == item.language ? nil : (item.language, got, item.text)
            }
        }

        /// Every paragraph of the bundled seed articles, identified in its document. Gold: all are Kazakh except
        /// the Russian footer "Новости партнеров" of seed 003 (checked by reading every seed).
        static func seedParagraphs() throws -> Sample {
            var items: [(Language, String)] = []
            for seed in try SampleArticles.all() {
                for paragraph in paragraphs(of: seed.text) {
                    items.append((paragraph == "Новости партнеров" ? .ru : .kk, paragraph))
                }
            }
            return Sample(name: "seed paragraphs (kk + 1 ru footer)", items: items)
        }

        /// The paragraph texts of a document, as the identifier splits them.
        static func paragraphs(of text: String) -> [String] {
            var document = Document(id: "p", text: text)
            Normalizer().annotate(&document)
            LanguageIdentifier().annotate(&document)
            return document.paragraphs.map { document.slice($0.start, $0.end) }
        }

        /// The `# text =` sentences of UD Kazakh KTB (all Kazakh).
        static func ktbSentences(directory: String) throws -> Sample {
            var items: [(Language, String)] = []
            for file in ["kk_ktb-dev.conllu", "kk_ktb-ud-train.conllu"] {
                let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
                for line in text.split(separator: "\n") where line.hasPrefix("# text = ") {
                    items.append((.kk, String(line.dropFirst("# text = ".count))))
                }
            }
            return Sample(name: "UD Kazakh KTB sentences (kk)", items: items)
        }

        /// The sentences of a KazNERD IOB2 file (one token per line, blank line between sentences; all Kazakh),
        /// tokens joined by spaces.
        static func kazNERDSentences(file: String) throws -> Sample {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            var items: [(Language, String)] = []
            var tokens: [Substring] = []
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.trimmingCharacters(in: .whitespaces).isEmpty {
                    if !tokens.isEmpty { items.append((.kk, tokens.joined(separator: " "))) }
                    tokens.removeAll()
                } else if let token = line.split(separator: " ").first {
                    tokens.append(token)
                }
            }
            if !tokens.isEmpty { items.append((.kk, tokens.joined(separator: " "))) }
            return Sample(name: "KazNERD valid sentences (kk)", items: items)
        }

        /// The bundled Russian/English sentences (`Resources/LanguageID/ru-en-sample.tsv`).
        static func russianEnglishSample() throws -> Sample {
            let url = try BundledGold.url("LanguageID/ru-en-sample.tsv")
            let items: [(Language, String)] = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap { line in
                guard !line.hasPrefix("#") else { return nil }
                let fields = line.split(separator: "\t", maxSplits: 1)
                guard fields.count == 2, let language = Language(rawValue: String(fields[0])) else { return nil }
                return (language, String(fields[1]))
            }
            return Sample(name: "ru/en sample", items: items)
        }
    }
}
