import Evaluation
import SampleArticles
import TilshiCLI
import ArgumentParser
import Formats
import Foundation
import Pipeline
import TextModel

extension TilshiCommand.Eval {
    /// `tilshi eval facts`: precision and recall of times, amounts, quotes (with speakers) and meetings on hand-written
    /// gold: the five seed articles, the development items and the held-out items.
    struct Facts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "facts",
            abstract: "Precision/recall of times, amounts, quote speakers and meetings on hand-annotated gold.",
            discussion: """
                Scores the seed articles (Gold/facts-seeds.tsv), the development items (Gold/facts-extra.tsv, tuned \
                on) and the held-out items (Gold/facts-heldout.tsv, Gold/facts-heldout2.tsv and Gold/facts-heldout3.tsv, never tuned on), each set \
                on its own. Times match \
                on text and TIMEX3 value, amounts on text and value (unit agreement is reported on the matches), \
                quotes on their first words, meetings on their participants, events (in files with event rows) on a \
                stem of their title, entity rows on the canonical name and role of a mention; a quote's speaker is right, null, or wrong (the costly error).
                """
        )

        @Option(help: "Seed gold (TSV: seed, kind, text, value, unit). Default: the bundled seed annotations.")
        var gold: String?

        @Option(help: "Directory of the seed articles named NNN_*.txt. Default: the bundled samples.")
        var samples: String?

        @Option(name: .customLong("extra"), help: "Another item gold file (doc rows with their facts); repeatable.")
        var extra: [String] = []

        @Flag(help: "Score only the seeds and the --extra files, not the bundled development and held-out items.")
        var noBundledItems = false

        @Flag(help: "Print every miss (-), false hit (+) and wrong attribute (!).")
        var errors = false

        init() {}

        func run() async throws {
            let goldPath = try gold ?? BundledGold.url("Gold/facts-seeds.tsv").path
            let samplesPath = try samples ?? SampleArticles.folder.path
            var sets: [(name: String, path: String)] = [("seeds", goldPath)]
            if !noBundledItems {
                sets += try BundledGold.factItemSets.map { ($0.name, try BundledGold.url($0.path).path) }
            }
            sets += extra.map { ($0, $0) }
            let files = (try? FileManager.default.contentsOfDirectory(atPath: samplesPath)) ?? []
            for (name, path) in sets {
                let gold = FactGold(tsv: try TextInput.read(path))
                var scores = FactScores()
                for item in gold.items {
                    let text: String
                    if let own = item.text {
                        text = own
                    } else {
                        guard let file = files.first(where: { $0.hasPrefix(item.id + "_") && $0.hasSuffix(".txt") }) else {
                            throw ValidationError("no sample file for seed \(item.id) in \(samplesPath)")
                        }
                        text = try TextInput.read(URL(fileURLWithPath: samplesPath).appendingPathComponent(file).path)
                    }
                    let document = Pipeline.default.analyze(id: item.id, text: text, metadata: DocumentMetadata(published: item.published))
                    scores.add(document, gold: item, scoreMeetings: gold.scoresMeetings, scoreEvents: gold.scoresEvents)
                }
                print("\(name): \(gold.items.count) items (kk-default pipeline\(gold.scoresMeetings ? "" : ", no document date"))")
                for line in scores.report(meetings: gold.scoresMeetings, events: gold.scoresEvents, entities: gold.scoresEntities) { print(line) }
                if errors { for line in scores.errors { print("    " + line) } }
            }
        }
    }
}
