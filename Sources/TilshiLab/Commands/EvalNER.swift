import Evaluation
import SampleArticles
import TilshiCLI
import Analysis
import ArgumentParser
import Formats
import Foundation

extension LetterCaseVariant: ExpressibleByArgument {}

extension TilshiCommand.Eval {
    /// `tilshi eval ner FILE.iob2`: span precision/recall/F1 of the NER model, overall and per class.
    struct NER: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ner",
            abstract: "Score the NER model on a gold IOB2 file (exact-match spans, conlleval semantics).",
            discussion: """
                Any IOB2 file can be scored (--split all, the default). With --cross-validate K, FILE (e.g. the \
                written set) is cut into K contiguous folds; for each fold a model is trained on the train part of \
                --train-data (KazNERD) plus the other K − 1 folds, its epoch chosen on KazNERD's dev part, and the \
                fold is scored; the report sums all folds. A second evaluation set, never a replacement for the \
                KazNERD dev and held-out figures.
                """
        )

        @Argument(help: "Gold IOB2 file (token and tag per line, blank line between sentences).")
        var file: String = NERCommandSupport.defaultData

        @Option(help: "Model file (default: the bundled model).")
        var model: String?

        @Flag(help: "Score only the dev part of the split `tilshi train ner` uses (the last 10 % of sentences).")
        var devSplit = false

        @Option(help: "Score one part of the training split: train, heldout, dev or all.")
        var split: EntityDataSplit = .all

        @Option(name: .customLong("case"),
                help: "Score a copy of the sentences in this letter case: original, lower or upper (text without case information: Arabic-script Kazakh, headlines in capitals).")
        var letterCase: LetterCaseVariant = .original

        @Option(help: "Cross-validate on FILE with this many folds (trains K models; see the discussion).")
        var crossValidate: Int?

        @Option(help: "With --cross-validate: the KazNERD file whose train part trains every fold and whose dev part picks the epoch.")
        var trainData: String = NERCommandSupport.defaultData

        @Option(help: "With --cross-validate: epochs per fold (the best one on KazNERD dev is kept).")
        var epochs: Int = EntityTrainer.Options().epochs

        @Option(help: "With --cross-validate: feature-set version (5 = the bundled model's, 6 = 5 + word clusters, 7 = 5 + far head nouns).")
        var features: UInt32 = NERCommandSupport.defaultFeatureVersion

        init() {}

        func validate() throws {
            if let crossValidate, crossValidate < 2 { throw ValidationError("--cross-validate needs at least 2 folds") }
            guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1") }
            guard EntityFeatures.supportedVersions.contains(features) else {
                throw ValidationError("--features must be from \(EntityFeatures.supportedVersions.lowerBound) to \(EntityFeatures.supportedVersions.upperBound)")
            }
        }

        func run() async throws {
            let gold = try NERCommandSupport.readGold(file)
            if let folds = crossValidate {
                return try crossValidated(gold, folds: folds)
            }
            let part = devSplit ? .dev : split
            let model = try NERCommandSupport.loadModel(model)
            let sentences = part.part(of: gold).map(letterCase.apply)
            print("\(file) (\(part.rawValue): \(sentences.count) sentences\(letterCase == .original ? "" : ", \(letterCase.rawValue)-cased copy"))")
            print(NERCommandSupport.evaluate(sentences, model: model).report(), terminator: "")
        }

        /// K-fold cross-validation on `gold`, each fold's model trained with KazNERD's train part and the other folds.
        func crossValidated(_ gold: [IOB2Sentence], folds: Int) throws {
            guard gold.count >= folds else { throw ValidationError("\(file): \(gold.count) sentences, fewer than \(folds) folds") }
            let kaznerd = try NERCommandSupport.readGold(trainData)
            let kaznerdTrain = Array(EntityDataSplit.train.part(of: kaznerd))
            let dev = EntityDataSplit.dev.part(of: kaznerd)
            var options = EntityTrainer.Options()
            options.epochs = epochs
            var total = NEREvaluation()
            for fold in 0..<folds {
                let range = (gold.count * fold / folds)..<(gold.count * (fold + 1) / folds)
                let train = kaznerdTrain + Array(gold[..<range.lowerBound]) + Array(gold[range.upperBound...])
                guard let best = NERCommandSupport.trainKeepingBest(train, dev: dev, options: options, featureVersion: features) else {
                    throw ExitCode.failure
                }
                let part = gold[range]
                let predicted = NERCommandSupport.predict(part, model: best.model)
                var scores = NEREvaluation()
                for (sentence, tags) in zip(part, predicted) {
                    scores.add(gold: sentence.tags, predicted: tags)
                    total.add(gold: sentence.tags, predicted: tags)
                }
                print("fold \(fold + 1)/\(folds): sentences \(range.lowerBound)..<\(range.upperBound), epoch \(best.epoch) (KazNERD dev F1 \(String(format: "%.2f", best.f1 * 100))), fold F1 \(String(format: "%.2f", scores.overall.f1 * 100))")
            }
            print("\(file) (\(folds)-fold cross-validation, each fold trained with \(trainData)'s train part + the other folds, features v\(features))")
            print(total.report(), terminator: "")
        }
    }
}
