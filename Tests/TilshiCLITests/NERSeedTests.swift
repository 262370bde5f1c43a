import Foundation
import Pipeline
import Testing
import TextModel

/// The people, organisations and places of the five seed articles, found by the `kk-default` pipeline.
@Suite struct NERSeedTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/TilshiCLI/Resources/Samples").standardizedFileURL

    static let found = labelledNames(Pipeline.default)

    /// The same, from the pipeline cut right after the `entities` stage: the canonical names this stage gives,
    /// before later stages (name resolution) rewrite them.
    static let foundByTagger = labelledNames(Pipeline(
        name: "kk-entities",
        annotators: Array(Pipeline.default.annotators.prefix { $0.name != "entities" })
            + Pipeline.default.annotators.filter { $0.name == "entities" }))

    static func labelledNames(_ pipeline: Pipeline) -> Set<String> {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []
        var found: Set<String> = []
        for file in files where file.hasSuffix(".txt") {
            guard let text = try? String(contentsOf: samples.appendingPathComponent(file), encoding: .utf8) else { continue }
            for entity in pipeline.analyze(id: file, text: text).entities {
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
