import Evaluation
import SampleArticles
import TilshiCLI
import ArgumentParser

extension TilshiCommand {
    /// `tilshi eval …`: accuracy against gold data (tokenisation, UD morphology, NER).
    struct Eval: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure accuracy against gold data; the figures in EVALUATION.md come from here.",
            subcommands: [
                Tokenize.self,
                LanguageID.self,
                Translit.self,
                Scripts.self,
                EvalUD.self,
                NER.self,
                Facts.self,
                FactsKazNERD.self,
                RealNews.self,
            ]
        )
        init() {}
    }

    /// `tilshi bench …`: speed and memory benchmarks; the figures in BENCHMARKS.md come from here.
    struct Bench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure speed and memory; the figures in BENCHMARKS.md come from here.",
            subcommands: [
                BenchTokenize.self,
                Normalize.self,
                BenchAnalyze.self,
                Facts.self,
                NER.self,
                BenchSearch.self,
                BenchPipeline.self,
                AnalyzeCLI.self,
            ]
        )
        init() {}
    }

    /// `tilshi train …`: deterministic training of the bundled models.
    struct Train: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train the bundled models from public gold data (deterministic).",
            subcommands: [
                TrainMorphology.self,
                NER.self,
                NERAverage.self,
                TrainClusters.self,
                TrainReadings.self,
            ]
        )
        init() {}
    }
}
