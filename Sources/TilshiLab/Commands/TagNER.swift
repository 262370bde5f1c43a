import Evaluation
import SampleArticles
import TilshiCLI
import Analysis
import ArgumentParser
import Formats
import Foundation

extension TilshiCommand {
    /// `tilshi tag …`: runs one tagger over gold-tokenised input.
    struct Tag: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tag gold-tokenised files with one model (output for external scorers).",
            subcommands: [NER.self]
        )
        init() {}
    }
}

extension TilshiCommand.Tag {
    /// `tilshi tag ner FILE.iob2 --output PRED`: writes `token gold predicted` lines (conlleval input).
    struct NER: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ner",
            abstract: "Tag an IOB2 file with the NER model; writes 'token gold predicted' per line, conlleval style."
        )

        @Argument(help: "Gold IOB2 file.")
        var file: String

        @Option(name: .shortAndLong, help: "Output file ('-' for standard output).")
        var output: String = "-"

        @Option(help: "Model file (default: the bundled model).")
        var model: String?

        @Option(help: "Tag only one part of the training split: train, heldout, dev or all.")
        var split: EntityDataSplit = .all

        init() {}

        func run() async throws {
            let gold = Array(split.part(of: try NERCommandSupport.readGold(file)))
            let model = try NERCommandSupport.loadModel(model)
            let predicted = NERCommandSupport.predict(gold, model: model)
            let text = IOB2.format(tokens: gold.map(\.tokens), columns: [gold.map(\.tags), predicted])
            if output == "-" {
                var out = StandardOutput()
                out.write(text)
                out.flush()
            } else {
                do {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: output))
                } catch {
                    StandardError.report("\(output): cannot write (\(error.localizedDescription))")
                    throw ExitCode.failure
                }
            }
        }
    }
}
