import Foundation
import Pipeline
import Testing
import TextModel

/// The people, organisations and places of the five seed articles, found by the `kk-default` pipeline.
@Suite struct NERSeedTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/TilshiCLI/Resources/Samples").standardizedFileURL

    static let found: Set<String> = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []
        var found: Set<String> = []
        for file in files where file.hasSuffix(".txt") {
            guard let text = try? String(contentsOf: samples.appendingPathComponent(file), encoding: .utf8) else { continue }
            for entity in Pipeline.default.analyze(id: file, text: text).entities {
                found.insert("\(entity.label) \(entity.canonical)")
            }
        }
        return found
    }()

    @Test(arguments: ["Бауыржан Байбек", "Пьер Кабаре", "Иманғали Тасмағамбетов", "Ирина Бокова", "Арман Қырықбаев", "Джуд ван дер Мерве"])
    func person(_ name: String) {
        #expect(Self.found.contains("PERSON \(name)"))
    }

    @Test(arguments: ["ЮНЕСКО", "КБТУ", "World Crafts Council"])
    func organisation(_ name: String) {
        #expect(Self.found.contains("ORGANISATION \(name)"))
    }

    @Test(arguments: ["Алматы", "Париж", "Астана"])
    func place(_ name: String) {
        #expect(Self.found.contains("GPE \(name)"))
    }
}
