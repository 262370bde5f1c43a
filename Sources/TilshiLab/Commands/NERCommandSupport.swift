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
