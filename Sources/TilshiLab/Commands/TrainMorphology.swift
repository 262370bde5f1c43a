import Evaluation
import SampleArticles
import TilshiCLI
import Analysis
import ArgumentParser
import Formats
import Foundation
import TextModel

extension TilshiCommand {
    /// `tilshi train morphology`: rebuilds `morphology-corpus-stems.tsv` and `morphology-model.tsv`.
    struct TrainMorphology: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "morphology",
            abstract: "Rebuild the morphology stem lexicon (KazNERD + seeds) and disambiguation model (UD KTB train + dev).",
            discussion: "Deterministic: the same inputs give byte-identical files."
        )

        @Option(help: "Directory with kk_ktb-ud-train.conllu and kk_ktb-dev.conllu.")
        var ud: String = "../shared/data/ud-kazakh-ktb"

        @Option(help: "KazNERD IOB2 file used to induce stems.")
        var kaznerd: String = "../shared/data/kaznerd/kaznerd-valid.iob2"

        @Option(help: "Directory of seed articles (*.txt) used to induce stems.")
        var seeds: String = "../shared/corpus/seeds"

        @Option(help: "Where to write the data files.")
        var output: String = "Sources/KazakhData/Resources"

        @Option(help: "Perceptron epochs.")
        var epochs: Int = MorphologyTrainer.defaultEpochs

        init() {}

        func run() async throws {
            // 1. Stems induced from raw text.
            var occurrences = try Self.kaznerdOccurrences(kaznerd)
            let seedFiles = ((try? FileManager.default.contentsOfDirectory(atPath: seeds)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
            for name in seedFiles {
                let text = try TextInput.read(seeds + "/" + name)
                var document = Document(id: name, text: text)
                Tokenizer().annotate(&document)
                SentenceSegmenter().annotate(&document)
                let starts = Set(document.sentences.map(\.tokenRange.lowerBound))
                for (index, token) in document.tokens.enumerated() where token.kind == .word {
                    occurrences.append(.init(form: token.norm, inEntity: false, sentenceInitial: starts.contains(index)))
                }
            }
            let stems = CorpusStemInducer().induce(occurrences)
            var stemText = """
                # Stems induced from raw Kazakh text by CorpusStemInducer (Sources/Evaluation): word forms seen in
                # KazNERD (kaznerd-valid.iob2, CC BY 4.0) and the seed articles (PROPN when mostly inside a named entity or
                # capitalised mid-sentence), plus verb stems seen with at least \(CorpusStemInducer.minimumVerbEndings) verbal endings.
                # Generated; rebuild with: swift run tilshi train morphology
                # stem\tupos\tcount

                """
            for stem in stems { stemText += "\(stem.stem)\t\(stem.upos.rawValue)\t\(stem.count)\n" }
            try stemText.write(toFile: output + "/morphology-corpus-stems.tsv", atomically: true, encoding: .utf8)
            print("morphology-corpus-stems.tsv: \(stems.count) stems from \(occurrences.count) tokens")

            // 2. Disambiguator and memorised lexicon from all the UD data we have.
            var sentences: [[GoldWord]] = []
            for name in ["kk_ktb-ud-train.conllu", "kk_ktb-dev.conllu"] {
                sentences += try TilshiCommand.EvalUD.readCoNLLU(ud + "/" + name).map(TilshiCommand.EvalUD.goldWords)
            }
            let model = MorphologyTrainer.train(sentences, epochs: epochs, lexicon: Self.lexiconWithout(stems: stems))
            let text = model.serialized(header: [
                "Kazakh morphology disambiguation model: memorised forms (F), stems (S) and hashed averaged-perceptron weights (W).",
                "Trained on UD Kazakh KTB (kk_ktb-ud-train + kk_ktb-dev, CC BY-SA 4.0), \(sentences.count) sentences, \(epochs) epochs.",
                "Generated; rebuild with: swift run tilshi train morphology",
            ])
            try text.write(toFile: output + "/morphology-model.tsv", atomically: true, encoding: .utf8)
            print("morphology-model.tsv: \(model.memorised.count) forms, \(model.stems.count) stems, \(model.weights.filter { $0 != 0 }.count) weights")
        }

        /// The bundled lexicon with the freshly induced corpus stems in place of the bundled ones.
        static func lexiconWithout(stems: [(stem: String, upos: UPOS, count: Int)]) -> StemLexicon {
            var lexicon = StemLexicon.handChecked()
            for stem in stems { lexicon.add(stem.stem, upos: stem.upos, source: .corpusStem, count: stem.count) }
            return lexicon
        }

        /// Tokens of a KazNERD IOB2 file (`token TAB? label` lines, blank lines between sentences).
        static func kaznerdOccurrences(_ path: String) throws -> [CorpusStemInducer.Occurrence] {
            let text = try TextInput.read(path)
            var occurrences: [CorpusStemInducer.Occurrence] = []
            var initial = true
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard fields.count >= 2 else {
                    initial = true
                    continue
                }
                occurrences.append(.init(form: String(fields[0]), inEntity: fields[fields.count - 1] != "O", sentenceInitial: initial))
                initial = false
            }
            return occurrences
        }
    }
}
