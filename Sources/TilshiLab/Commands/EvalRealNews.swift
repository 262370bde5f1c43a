import Evaluation
import TilshiCLI
import ArgumentParser
import Formats
import Foundation
import Pipeline
import TextModel

extension TilshiCommand.Eval {
    /// `tilshi eval realnews`: names, times, amounts, quotes, credit lines, datelines, meetings and events on the
    /// real-news gold (web-page-like articles with datelines, credit lines and page chrome).
    struct RealNews: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "realnews",
            abstract: "Names, facts, credit lines and datelines on the real-news gold (blind and dev halves).",
            discussion: """
                Scores Gold/realnews-blind.tsv (never tuned on) and Gold/realnews-dev.tsv (tuned on). Names are \
                scored per article as the set of (class, canonical), per class; times on text and TIMEX3 value \
                (times inside the page's dateline are not false hits); amounts on text and value; quotes on their \
                first words with the speaker right, null or wrong, and credit lines taken as quotes counted apart; \
                the credit-line outlet as the document's source; the dateline as the document date; meetings on \
                their participants; events on a stem of their title.
                """
        )

        /// Which half of the real-news gold to score.
        enum Set: String, ExpressibleByArgument, CaseIterable {
            case blind, dev, both
        }

        @Option(help: "The half to score: blind, dev or both.")
        var set: Set = .both

        @Option(name: .customLong("gold"), help: "Score this real-news gold file instead of the bundled halves.")
        var gold: String?

        @Flag(help: "Print every miss (-), false hit (+) and wrong attribute (!).")
        var errors = false

        init() {}

        func run() async throws {
            var sets: [(name: String, path: String)]
            if let gold {
                sets = [(gold, gold)]
            } else {
                sets = try BundledGold.realNewsSets
                    .filter { set == .both || $0.name == set.rawValue }
                    .map { ($0.name, try BundledGold.url($0.path).path) }
            }
            for (name, path) in sets {
                let gold = FactGold(tsv: try TextInput.read(path))
                guard !gold.items.isEmpty else { throw ValidationError("\(path) holds no gold articles") }
                var scores = RealNewsScores()
                for item in gold.items {
                    guard let text = item.text else { throw ValidationError("\(path): item \(item.id) has no doc row") }
                    let document = Pipeline.default.analyze(id: item.id, text: text, metadata: DocumentMetadata(published: item.published))
                    scores.add(document, gold: item)
                }
                print("\(name): \(gold.items.count) articles (kk-default pipeline)")
                for line in scores.report() { print(line) }
                if errors { for line in scores.allErrors { print("    " + line) } }
            }
        }
    }
}
