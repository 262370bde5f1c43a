import Analysis
import ArgumentParser
import Evaluation
import Foundation
import Pipeline
import TextModel
import TilshiCLI

extension TilshiCommand.Eval {
    /// `tilshi eval scripts`: Kazakh in every script and scheme, and Russian kept away from the Kazakh models.
    struct Scripts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scripts",
            abstract: "Word tokens analysed and name P/R/F1 per script and Latin scheme; Kazakh-model entities on Russian text; round trips.",
            discussion: """
                Scores the bundled articles (Evaluation/Resources/Scripts), written and annotated for Tilshi in Cyrillic \
                and written by the Transliterator in the 2021, 2018, 2017 and digraph Latin schemes and the Arabic \
                script; articles written natively in those schemes and the Arabic script (scored apart); Russian and \
                mixed articles. Figures are upper bounds: the same person wrote the text, \
                the annotation and the rules.
                """
        )

        @Flag(help: "List missed and spurious entity spans.")
        var errors = false

        init() {}

        func run() async throws {
            let kazakh = ScriptEvaluation.articles(try String(contentsOf: BundledGold.url("Scripts/kazakh-articles.txt"), encoding: .utf8))
            let russian = ScriptEvaluation.articles(try String(contentsOf: BundledGold.url("Scripts/russian-articles.txt"), encoding: .utf8))
            print("Kazakh articles: \(kazakh.count), each in \(ScriptEvaluation.versions.count) versions")
            print("version          words  analysed   entities P     R     F1    round trip exact / folded")
            for version in ScriptEvaluation.versions {
                let score = ScriptEvaluation.score(kazakh, version)
                let trips = ScriptEvaluation.roundTrips(kazakh, version, read: ScriptEvaluation.readBack)
                let name = version.name.padding(toLength: 15, withPad: " ", startingAt: 0)
                print(String(format: "%@ %6d  %6.1f %%   %5.1f %5.1f %5.1f    %5.1f %% / %5.1f %%", name, score.words,
                             100 * score.analysedShare, 100 * score.precision, 100 * score.recall, 100 * score.f1,
                             percent(trips.exact, trips.words), percent(trips.folded, trips.words)))
                if errors {
                    for error in score.errors { print("    \(error)") }
                    for mismatch in trips.mismatches.prefix(15) { print("    round trip \(mismatch)") }
                }
            }
            for (file, title) in [("native-articles.txt", "Natively written articles (not transliterated)"),
                                  ("native-heldout.txt", "Second natively written set (errors read once before round 3)"),
                                  ("native-third.txt", "Third natively written set (written before round 4's rules ran on it)")] {
                try scoreNative(file: file, title: title)
            }
            let kazakhModels = Pipeline(name: "kazakh-models", annotators: Pipeline.default.annotators.filter { $0.name != "russian-names" })
            let onRussian = ScriptEvaluation.entitiesOnRussian(russian, pipeline: kazakhModels)
            print("Russian and mixed articles: \(russian.count) (\(onRussian.russianParagraphs) Russian paragraphs)")
            print("  entities from Kazakh models on Russian paragraphs: \(onRussian.entities); times/amounts/quotes: \(onRussian.facts)")
            let names = ScriptEvaluation.score(russian, ScriptEvaluation.versions[0], language: .ru)
            print(String(format: "  entities in Russian paragraphs (all stages) P %.1f R %.1f F1 %.1f (%d gold, %d found)",
                         100 * names.precision, 100 * names.recall, 100 * names.f1, names.gold, names.predicted))
            if errors { for error in names.errors { print("    \(error)") } }
        }

        /// Scores a bundled file of natively written articles, one row per scheme.
        func scoreNative(file: String, title: String) throws {
            let native = ScriptEvaluation.articles(try String(contentsOf: BundledGold.url("Scripts/\(file)"), encoding: .utf8))
            print("\(title): \(native.count)")
            print("scheme           articles  words  analysed   entities P     R     F1")
            for (scheme, articles) in ScriptEvaluation.bySchemes(native) {
                let score = ScriptEvaluation.score(articles, ScriptEvaluation.Version(name: scheme) { $0 })
                let name = scheme.padding(toLength: 15, withPad: " ", startingAt: 0)
                print(String(format: "%@ %9d %6d  %6.1f %%   %5.1f %5.1f %5.1f", name, articles.count, score.words,
                             100 * score.analysedShare, 100 * score.precision, 100 * score.recall, 100 * score.f1))
                if errors {
                    for error in score.errors { print("    \(error)") }
                    for word in score.unanalysed { print("    unanalysed \(word)") }
                }
            }
        }

        func percent(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 0 : 100 * Double(part) / Double(whole) }
    }
}
