import Evaluation
import SampleArticles
import TilshiCLI
import Analysis
import ArgumentParser
import Formats
import Pipeline
import TextModel

extension TilshiCommand.Eval {
    /// `tilshi eval facts-kaznerd`: times and amounts of the `kk-default` pipeline against KazNERD's DATE, TIME, MONEY,
    /// PERCENTAGE, QUANTITY and CARDINAL spans, on real sentences.
    struct FactsKazNERD: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "facts-kaznerd",
            abstract: "Precision/recall of times and amounts against KazNERD's numeric spans (exact and overlapping).",
            discussion: """
                Rebuilds each sentence's text as `bench pipeline` does (except that decimals KazNERD split at the comma, \
                "2 , 5", are joined again: "2,5"), runs the kk-default pipeline on it (no document \
                date, so relative times such as "бүгін" yield nothing), and matches times to DATE/TIME spans and amounts \
                to MONEY/PERCENTAGE/QUANTITY/CARDINAL spans by characters. The parts are those of `eval ner` and \
                `train ner`; tune on train and dev, score heldout. KazNERD's conventions differ from ours (durations and \
                ages are DATE, CARDINAL stops before the counted noun), so read the overlap columns for coverage.
                """
        )

        @Argument(help: "KazNERD IOB2 file.")
        var file: String = NERCommandSupport.defaultData

        @Option(help: "Part of the NER split to score: train, heldout, dev or all; repeatable (the parts are pooled).")
        var split: [EntityDataSplit] = [.all]

        @Flag(help: "Print every miss (-), partial match (~) and false hit (+) with its sentence.")
        var errors = false

        init() {}

        func run() async throws {
            let gold = try NERCommandSupport.readGold(file)
            var evaluation = FactSpanEvaluation(recordsErrors: errors)
            let parts = EntityDataSplit.allCases.filter { split.contains($0) }
            for part in parts {
                for (index, sentence) in zip(part.range(count: gold.count), part.part(of: gold)) {
                    let text = IOB2Detokenized(sentence.tokens, joiningDecimalCommas: true)
                    let document = Pipeline.default.analyze(id: "kaznerd-\(index)", text: text.text)
                    evaluation.add(gold: sentence, text: text, document: document)
                }
            }
            print("\(file) (\(parts.map(\.rawValue).joined(separator: "+")): \(evaluation.sentences) sentences, kk-default pipeline, no document date)")
            for line in evaluation.report() { print(line) }
            if errors { for line in evaluation.errors { print("    " + line) } }
        }
    }
}
