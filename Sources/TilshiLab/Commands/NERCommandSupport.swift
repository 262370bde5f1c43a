import Evaluation
import SampleArticles
import TilshiCLI
import Analysis
import ArgumentParser
import Formats
import Foundation

/// What the NER commands share: reading a gold IOB2 file and loading a model with clear errors.
enum NERCommandSupport {
    static let defaultData = "../shared/data/kaznerd/kaznerd-valid.iob2"
    /// The written KazNERD-style set (`Sources/Evaluation/Resources/NER/README.md`).
    static let writtenData = "Sources/Evaluation/Resources/NER/tilshi-written.iob2"
    /// The feature set `train ner` uses unless told: version 5, the bundled model's, until the word-cluster
    /// features (version 6, `--features 6`) are measured to win on dev and held-out (EVALUATION.md).
    static let defaultFeatureVersion: UInt32 = 5
    /// The command that writes the bundled model.
    static let bundledModelCommand = "tilshi train ner --data ../shared/data/kaznerd/kaznerd-valid.iob2 --include-heldout --out Sources/KazakhData/Resources/ner.model"

    /// Trains on `train` and returns the model of the epoch with the best F1 on `dev` (the first such epoch);
    /// `report(epoch, devF1, model)` sees every epoch.
    static func trainKeepingBest(_ train: [IOB2Sentence], dev: some Collection<IOB2Sentence>, options: EntityTrainer.Options,
                                 featureVersion: UInt32,
                                 report: (Int, Double, EntityModel) -> Void = { _, _, _ in }) -> (f1: Double, epoch: Int, model: EntityModel)? {
        let trainer = EntityTrainer(options: options, features: EntityFeatures(version: featureVersion))
        var best: (f1: Double, epoch: Int, model: EntityModel)?
        _ = trainer.train(train.map { .init(words: $0.tokens, tags: $0.tags) }) { epoch, model in
            let f1 = evaluate(dev, model: model).overall.f1
            report(epoch, f1, model)
            if best == nil || f1 > best!.f1 { best = (f1, epoch, model) }
            return true
        }
        return best
    }

    /// Reads and parses an IOB2 file; errors name the file.
    static func readGold(_ path: String) throws -> [IOB2Sentence] {
        let text = try TextInput.read(path)
        do {
            return try IOB2.parse(text)
        } catch {
            throw ValidationError("\(path): \(error)")
        }
    }

    /// The model at `path`, or the bundled one when `path` is nil.
    static func loadModel(_ path: String?) throws -> EntityModel {
        do {
            if let path { return try EntityModel(contentsOf: URL(fileURLWithPath: path)) }
            return try EntityTagger.bundledModel.get()
        } catch {
            StandardError.report("\(error)")
            throw ExitCode.failure
        }
    }

    /// Predicted tags for every sentence.
    static func predict(_ sentences: some Collection<IOB2Sentence>, model: EntityModel) -> [[String]] {
        let recognizer = EntityRecognizer(model: model)
        return sentences.map { recognizer.tags($0.tokens) }
    }

    /// conlleval-style scores of `model` on `sentences`.
    static func evaluate(_ sentences: some Collection<IOB2Sentence>, model: EntityModel) -> NEREvaluation {
        var evaluation = NEREvaluation()
        for (sentence, predicted) in zip(sentences, predict(sentences, model: model)) {
            evaluation.add(gold: sentence.tags, predicted: predicted)
        }
        return evaluation
    }
}

extension EntityDataSplit: ExpressibleByArgument {}
