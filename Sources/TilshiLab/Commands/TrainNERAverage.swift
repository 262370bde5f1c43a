import Evaluation
import TilshiCLI
import Analysis
import ArgumentParser
import Foundation

extension TilshiCommand.Train {
    /// `tilshi train ner-average`: the mean of NER models trained on the same data with different seeds.
    struct NERAverage: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ner-average",
            abstract: "Average NER models trained on the same data with different seeds into one model.",
            discussion: """
                The models must have the same classes, feature-set version and training-name lexicon (same training \
                data). Weights are averaged (a feature missing from a model counts as 0), pruned and re-quantised; \
                the result tags as fast as one model. `tilshi train ner --average-seed S` does the same in one run.
                """
        )

        @Argument(help: "NER model files (at least two).")
        var models: [String]

        @Option(help: "Where to write the averaged model.")
        var out: String

        @Option(help: "Drop averaged weights smaller than this from the saved model.")
        var prune: Float = EntityTrainer.Options().pruneBelow

        init() {}

        func validate() throws {
            guard models.count >= 2 else { throw ValidationError("give at least two model files") }
        }

        func run() async throws {
            let loaded = try models.map { try NERCommandSupport.loadModel($0) }
            let mean: EntityModel
            do {
                mean = try EntityModel.averaged(loaded, pruneBelow: prune)
            } catch {
                StandardError.report("\(models.joined(separator: ", ")): \(error)")
                throw ExitCode.failure
            }
            let bytes = mean.serialized()
            do {
                try bytes.write(to: URL(fileURLWithPath: out))
            } catch {
                StandardError.report("\(out): cannot write the model (\(error.localizedDescription))")
                throw ExitCode.failure
            }
            print("wrote \(out) (\(bytes.count) bytes, \(mean.weightCount) weights, mean of \(loaded.count) models)")
        }
    }
}
