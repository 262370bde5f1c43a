import Evaluation
import SampleArticles
import TilshiCLI
import Analysis
import ArgumentParser
import Formats
import Foundation

extension TilshiCommand.Train {
    /// `tilshi train ner`: trains the NER model deterministically and writes it.
    struct NER: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ner",
            abstract: "Train the named-entity model (structured averaged perceptron) on a KazNERD IOB2 file.",
            discussion: """
                Split (by sentence order, contiguous blocks): the first 80 % trains, the next 10 % is a held-out \
                part used for no decision, the last 10 % is dev. Each epoch prints the dev F1; the model of the \
                epoch with the best dev F1 is written. Shuffling uses a fixed seed, so two runs write identical bytes. \
                Files given with --extra (IOB2, e.g. the written set) are added whole to the training sentences; \
                held-out and dev stay KazNERD's. The bundled model is: \(NERCommandSupport.bundledModelCommand)
                """
        )

        @Option(help: "Gold IOB2 file (KazNERD).")
        var data: String = NERCommandSupport.defaultData

        @Option(help: "Extra gold IOB2 file added whole to the training sentences (repeatable).")
        var extra: [String] = []

        @Option(help: "Feature-set version: 5 = the bundled model's, 6 = 5 + word clusters, 7 = 5 + head nouns 4–6 words ahead and just behind.")
        var features: UInt32 = NERCommandSupport.defaultFeatureVersion

        @Option(help: "Where to write the model.")
        var out: String

        @Option(help: "Number of epochs (the best one on dev is kept).")
        var epochs: Int = EntityTrainer.Options().epochs

        @Option(help: "Shuffling seed.")
        var seed: UInt64 = EntityTrainer.Options().seed

        @Option(name: .customLong("average-seed"),
                help: "Also train with this seed and write the mean of the models (repeatable; each run keeps its own best epoch on dev).")
        var averageSeeds: [UInt64] = []

        @Option(help: "Drop averaged weights smaller than this from the saved model.")
        var prune: Float = EntityTrainer.Options().pruneBelow

        @Option(help: "Folds of the jackknifed training-name lexicon (1 = no lexicon).")
        var lexiconFolds: Int = EntityTrainer.Options().lexiconFolds

        @Option(help: "Drop features seen fewer times than this in training.")
        var minCount: Int = EntityTrainer.Options().minimumFeatureCount

        @Option(help: "Rounds of name-swap augmentation (copies with PERSON/GPE/ORGANISATION names swapped; 0 = none).")
        var augment: Int = EntityTrainer.Options().augmentationRounds

        @Option(help: "Cost-augmented training: extra score for every non-gold tag per token (0 = plain perceptron).")
        var margin: Float = EntityTrainer.Options().margin

        @Option(name: .customLong("pa-c"), help: "Passive-aggressive (PA-I) updates with this step cap (0 = plain perceptron steps).")
        var passiveAggressiveC: Float = EntityTrainer.Options().passiveAggressiveC

        @Option(name: .customLong("case-copies"),
                help: "Share (0–1) of the training sentences also trained as a lower-cased (two in three) or upper-cased copy; 0 = none.")
        var caseCopyShare: Double = EntityTrainer.Options().caseCopyShare

        @Option(help: "Train on only the first fraction (0 < f ≤ 1) of the train part, in file order (for learning curves); held-out and dev are unchanged.")
        var trainFraction: Double = 1

        @Flag(help: "Train on the held-out part too (its scores then mean nothing); the epoch is still chosen on dev.")
        var includeHeldout = false

        init() {}

        /// Progress lines go straight to the file descriptor, so they appear as each epoch ends even in a pipe.
        static func say(_ line: String) {
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }

        func validate() throws {
            guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1") }
            guard augment >= 0 else { throw ValidationError("--augment must not be negative") }
            guard margin >= 0, passiveAggressiveC >= 0 else { throw ValidationError("--margin and --pa-c must not be negative") }
            guard caseCopyShare >= 0, caseCopyShare <= 1 else { throw ValidationError("--case-copies must be in [0, 1]") }
            guard trainFraction > 0, trainFraction <= 1 else { throw ValidationError("--train-fraction must be in (0, 1]") }
            guard EntityFeatures.supportedVersions.contains(features) else {
                throw ValidationError("--features must be from \(EntityFeatures.supportedVersions.lowerBound) to \(EntityFeatures.supportedVersions.upperBound)")
            }
        }

        /// The trainer settings these options give.
        var trainerOptions: EntityTrainer.Options {
            var options = EntityTrainer.Options()
            options.epochs = epochs
            options.seed = seed
            options.pruneBelow = prune
            options.minimumFeatureCount = minCount
            options.lexiconFolds = lexiconFolds
            options.augmentationRounds = augment
            options.margin = margin
            options.passiveAggressiveC = passiveAggressiveC
            options.caseCopyShare = caseCopyShare
            return options
        }

        func run() async throws {
            let began = Date()
            let gold = try NERCommandSupport.readGold(data)
            // A prefix of the train part (not a sample): contiguous like the split itself, so near-duplicate
            // neighbours stay together; with the whole part, train + held-out are adjacent blocks, one slice.
            let trainRange = EntityDataSplit.train.range(count: gold.count)
            let trainCount = trainFraction >= 1 ? trainRange.count : Int((Double(trainRange.count) * trainFraction).rounded(.down))
            var train = Array(gold[0..<trainCount]) + (includeHeldout ? Array(EntityDataSplit.heldout.part(of: gold)) : [])
            var extraCount = 0
            for file in extra {
                let sentences = try NERCommandSupport.readGold(file)
                extraCount += sentences.count
                train += sentences
            }
            let dev = EntityDataSplit.dev.part(of: gold)
            Self.say("train: \(train.count) sentences\(trainFraction < 1 ? " (first \(trainCount) of the train part's \(trainRange.count))" : "")\(includeHeldout ? " (held-out part included)" : "")\(extraCount > 0 ? " (\(extraCount) from --extra)" : ""), dev: \(dev.count) sentences, held out: \(EntityDataSplit.heldout.part(of: gold).count), features v\(features)")
            let best = NERCommandSupport.trainKeepingBest(train, dev: dev, options: trainerOptions, featureVersion: features) { epoch, f1, model in
                let seconds = Date().timeIntervalSince(began)
                Self.say("epoch \(epoch)/\(epochs): dev F1 \(String(format: "%.2f", f1 * 100)), \(model.weightCount) weights, \(String(format: "%.1f", seconds)) s")
            }
            guard var best else { throw ExitCode.failure }
            if !averageSeeds.isEmpty {
                var models = [best.model]
                for seed in averageSeeds {
                    var options = trainerOptions
                    options.seed = seed
                    Self.say("seed \(seed):")
                    guard let run = NERCommandSupport.trainKeepingBest(train, dev: dev, options: options, featureVersion: features, report: { epoch, f1, model in
                        let seconds = Date().timeIntervalSince(began)
                        Self.say("epoch \(epoch)/\(epochs): dev F1 \(String(format: "%.2f", f1 * 100)), \(model.weightCount) weights, \(String(format: "%.1f", seconds)) s")
                    }) else { throw ExitCode.failure }
                    Self.say("seed \(seed): kept epoch \(run.epoch) (dev F1 \(String(format: "%.2f", run.f1 * 100)))")
                    models.append(run.model)
                }
                let mean = try EntityModel.averaged(models, pruneBelow: prune)
                let f1 = NERCommandSupport.evaluate(dev, model: mean).overall.f1
                Self.say("mean of \(models.count) seeds: dev F1 \(String(format: "%.2f", f1 * 100)), \(mean.weightCount) weights")
                best = (f1, best.epoch, mean)
            }
            let bytes = best.model.serialized()
            do {
                try bytes.write(to: URL(fileURLWithPath: out))
            } catch {
                StandardError.report("\(out): cannot write the model (\(error.localizedDescription))")
                throw ExitCode.failure
            }
            Self.say("\(averageSeeds.isEmpty ? "kept epoch \(best.epoch)" : "mean of \(averageSeeds.count + 1) seeds") (dev F1 \(String(format: "%.2f", best.f1 * 100))); wrote \(out) (\(bytes.count) bytes) in \(String(format: "%.1f", Date().timeIntervalSince(began))) s")
        }
    }
}
