import Evaluation
import SampleArticles
import TilshiCLI
import Analysis
import ArgumentParser
import Formats

extension TilshiCommand.Eval {
    /// `tilshi eval ner FILE.iob2`: span precision/recall/F1 of the NER model, overall and per class.
    struct NER: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ner",
            abstract: "Score the NER model on a gold IOB2 file (exact-match spans, conlleval semantics)."
        )

        @Argument(help: "Gold IOB2 file (token and tag per line, blank line between sentences).")
        var file: String = NERCommandSupport.defaultData

        @Option(help: "Model file (default: the bundled model).")
        var model: String?

        @Flag(help: "Score only the dev part of the split `tilshi train ner` uses (the last 10 % of sentences).")
        var devSplit = false

        @Option(help: "Score one part of the training split: train, heldout, dev or all.")
        var split: EntityDataSplit = .all

        init() {}

        func run() async throws {
            let gold = try NERCommandSupport.readGold(file)
            let part = devSplit ? .dev : split
            let model = try NERCommandSupport.loadModel(model)
            let sentences = part.part(of: gold)
            print("\(file) (\(part.rawValue): \(sentences.count) sentences)")
            print(NERCommandSupport.evaluate(sentences, model: model).report(), terminator: "")
        }
    }
}
