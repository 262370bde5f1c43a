import Foundation
import Pipeline
import Testing
import TextModel
import SampleArticles

/// The people, organisations and places of the five seed articles, found by the `kk-default` pipeline.
@Suite struct NERSeedTests {
    static let found = labelledNames(Pipeline.default)

    /// The same, from the pipeline cut right after the `entities` stage: the canonical names this stage gives,
    /// before later stages (name resolution) rewrite them.
    static let foundByTagger = labelledNames(Pipeline(
        name: "kk-entities",
        annotators: Array(Pipeline.default.annotators.prefix { $0.name != "entities" })
            + Pipeline.default.annotators.filter { $0.name == "entities" }))

    static func labelledNames(_ pipeline: Pipeline) -> Set<String> {
        var found: Set<String> = []
        for article in try! SampleArticles.all() {
            for entity in pipeline.analyze(id: article.fileName, text: article.text).entities {
                found.insert("\(entity.label) \(entity.canonical)")
            }
        }
        return found
    }

    @Test(arguments: ["Бауыржан Байбек", "Пьер Кабаре", "Иманғали Тасмағамбетов", "Ирина Бокова", "Арман Қырықбаев", "Джуд ван дер Мерве"])
    func person(_ name: String) {
        #expect(Self.found.contains("PERSON \(name)"))
    }

    @Test(arguments: ["ЮНЕСКО", "КБТУ", "World Crafts Council"])
    func organisation(_ name: String) {
        #expect(Self.found.contains("ORGANISATION \(name)"))
    }

    @Test func canonicalNamesAreNotOverStripped() {
        // "Алматы" is not "Алма" + "-ты", "Қазақстан" is not "Қазақс" + "-тан", even with morphology lemmas around.
        #expect(Self.foundByTagger.contains("GPE Алматы") && Self.foundByTagger.contains("GPE Қазақстан"))
        #expect(!Self.foundByTagger.contains { $0.hasSuffix(" Алма") || $0.hasSuffix(" Қазақс") })
    }

    @Test(arguments: ["Алматы", "Париж", "Астана"])
    func place(_ name: String) {
        #expect(Self.found.contains("GPE \(name)"))
    }
}
