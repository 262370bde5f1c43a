import Evaluation
import SampleArticles
import TilshiCLI
import Analysis
import ArgumentParser
import Formats
import Foundation
import Pipeline
import TextModel

extension TilshiCommand {
    /// `tilshi eval ud FILE.conllu`: lemma, UPOS and UFeats accuracy on gold-tokenised CoNLL-U.
    struct EvalUD: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ud",
            abstract: "Lemma, UPOS and UFeats accuracy of the morphology stage on gold-tokenised CoNLL-U.",
            discussion: """
                Gold words are analysed sentence by sentence (both words of a multiword token). \
                Definitions follow the CoNLL 2018 evaluation script: every word counts (punctuation included), \
                UFeats compares universal features only. With --cross-validate K the file is split into K \
                contiguous blocks; for each block a model (lexicon and disambiguator) is trained on the --train file \
                plus the other blocks and scores the held-out block, so no scored sentence is ever trained on. \
                Without it, the bundled model is used (which was trained on all of KTB: do not report that figure).
                """
        )

        @Argument(help: "Gold CoNLL-U file.")
        var file: String = "../shared/data/ud-kazakh-ktb/kk_ktb-dev.conllu"

        @Option(name: .customLong("cross-validate"), help: "Number of folds for honest cross-validation over FILE.")
        var folds: Int?

        @Option(help: "Extra gold CoNLL-U always used for training in cross-validation.")
        var train: String = "../shared/data/ud-kazakh-ktb/kk_ktb-ud-train.conllu"

        @Option(help: "Perceptron epochs in cross-validation.")
        var epochs: Int = MorphologyTrainer.defaultEpochs

        @Option(name: .customLong("show-errors"), help: "Print up to N wrongly analysed words (cross-validation only).")
        var showErrors: Int = 0

        @Option(name: .customLong("candidates"), help: "Only list the candidate analyses of these comma-separated words and exit.")
        var candidates: String?

        init() {}

        func validate() throws {
            if let folds, folds < 2 { throw ValidationError("--cross-validate needs at least 2 folds") }
            if epochs < 1 { throw ValidationError("--epochs must be positive") }
        }

        func run() async throws {
            if let candidates {
                for word in candidates.split(separator: ",").map(String.init) {
                    print(word)
                    for analysis in Morphology.shared.analyses(of: word) {
                        print("  \(analysis.lemma)\t\(analysis.upos.rawValue)\t\(analysis.feats)\t\(analysis.chain)\t\(analysis.source)")
                    }
                }
                return
            }
            let gold = try Self.readCoNLLU(file)
            guard let folds else {
                let scores = try Self.score(gold, morphology: Analysis.Morphology.shared)
                print("\(file): \(scores.words) words, bundled model (trained on KTB; not an honest figure for KTB files)")
                print(Self.describe(scores))
                return
            }
            let extra = try Self.readCoNLLU(train)
            let blocks = Self.contiguousBlocks(count: gold.count, folds: min(folds, gold.count))
            print("\(file): \(gold.count) sentences, \(folds)-fold cross-validation; each fold trains on \(train) + the other folds")
            print("fold  words  lemma   UPOS    UFeats")
            var pooled = UDEvaluation.Scores()
            var sums = (lemma: 0.0, upos: 0.0, ufeats: 0.0)
            for (fold, block) in blocks.enumerated() {
                let training = extra + gold.indices.filter { !block.contains($0) }.map { gold[$0] }
                let model = MorphologyTrainer.train(training.map(Self.goldWords), epochs: epochs)
                let morphology = Morphology(model: model)
                let heldOut = Array(gold[block])
                let scores = try Self.score(heldOut, morphology: morphology)
                if showErrors > 0 { Self.printErrors(heldOut, morphology: morphology, limit: showErrors) }
                pooled = pooled + scores
                sums.lemma += scores.lemmaAccuracy
                sums.upos += scores.uposAccuracy
                sums.ufeats += scores.ufeatsAccuracy
                print(String(format: "%4d %6d  %5.2f%%  %5.2f%%  %5.2f%%", fold + 1, scores.words, 100 * scores.lemmaAccuracy,
                             100 * scores.uposAccuracy, 100 * scores.ufeatsAccuracy))
            }
            let n = Double(blocks.count)
            print(String(format: "mean of folds:   lemma %.2f%%  UPOS %.2f%%  UFeats %.2f%%", 100 * sums.lemma / n, 100 * sums.upos / n, 100 * sums.ufeats / n))
            print("pooled (\(pooled.words) words): " + Self.describe(pooled))
        }

        static func describe(_ scores: UDEvaluation.Scores) -> String {
            String(format: "lemma %.2f%%  UPOS %.2f%%  UFeats %.2f%%  AllTags %.2f%%", 100 * scores.lemmaAccuracy,
                   100 * scores.uposAccuracy, 100 * scores.ufeatsAccuracy, 100 * scores.allTagsAccuracy)
        }

        static func readCoNLLU(_ path: String) throws -> [CoNLLUSentence] {
            let text = try TextInput.read(path)
            do { return try CoNLLU.parse(text) } catch {
                throw TextInput.Failure(input: path, reason: "malformed CoNLL-U (\(error))")
            }
        }

        /// Analyses the gold words of `gold` (syntactic words: both parts of a multiword token) with the
        /// morphology stage's analyser, sentence by sentence, and scores the result.
        static func score(_ gold: [CoNLLUSentence], morphology: Analysis.Morphology) throws -> UDEvaluation.Scores {
            try UDEvaluation.score(gold: gold, system: tag(gold, morphology: morphology))
        }

        static func tag(_ gold: [CoNLLUSentence], morphology: Analysis.Morphology) -> [CoNLLUSentence] {
            gold.map { sentence in
                var output = sentence
                let analyses = morphology.analyze(sentence.words.map(\.form))
                for (index, analysis) in analyses.enumerated() {
                    output.words[index].lemma = analysis.lemma
                    output.words[index].upos = analysis.upos.rawValue
                    output.words[index].feats = analysis.feats.isEmpty ? "_" : analysis.feats
                }
                return output
            }
        }

        static func printErrors(_ gold: [CoNLLUSentence], morphology: Analysis.Morphology, limit: Int) {
            let system = tag(gold, morphology: morphology)
            var printed = 0
            for (g, s) in zip(gold, system) {
                for (gw, sw) in zip(g.words, s.words) where printed < limit {
                    let same = gw.lemma == sw.lemma && gw.upos == sw.upos
                        && UDEvaluation.universalFeatures(gw.feats) == UDEvaluation.universalFeatures(sw.feats)
                    if !same {
                        printed += 1
                        print("  \(gw.form)\tgold \(gw.lemma) \(gw.upos) \(gw.feats)\tsys \(sw.lemma) \(sw.upos) \(sw.feats)")
                    }
                }
            }
        }

        static func goldWords(_ sentence: CoNLLUSentence) -> [GoldWord] {
            sentence.words.map { GoldWord(form: $0.form, lemma: $0.lemma, upos: $0.upos, feats: $0.feats) }
        }

        /// `folds` contiguous index ranges covering `0..<count` (neighbouring sentences share a document,
        /// so contiguous blocks keep a document's vocabulary out of its own training data).
        static func contiguousBlocks(count: Int, folds: Int) -> [Range<Int>] {
            (0..<folds).map { fold in (fold * count / folds)..<((fold + 1) * count / folds) }
        }
    }
}
