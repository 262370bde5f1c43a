import ArgumentParser
import Foundation
import Testing
import TextModel
@testable import TilshiCLI

@Suite struct TranslitCommandTests {
    @Test func parsesTargetsAndRejectsUnknownOnes() throws {
        let command = try TilshiCommand.Translit.parse(["a.txt", "--to", "latn"])
        #expect(command.files == ["a.txt"])
        #expect(command.to == .latn)
        #expect(try TilshiCommand.Translit.parse([]).to == nil)
        #expect(throws: (any Error).self) { try TilshiCommand.Translit.parse(["--to", "arab"]) }
        #expect(TilshiCommand.configuration.subcommands.contains { $0 == TilshiCommand.Translit.self })
    }

    @Test func detectsTheScriptAndConvertsToTheOther() {
        #expect(TilshiCommand.Translit.convert("Алматы қаласының әкімі", to: nil, keepForeign: false) == "Almaty qalasynyñ äkımı")
        #expect(TilshiCommand.Translit.convert("Almaty qalasynyñ äkımı", to: nil, keepForeign: false) == "Алматы қаласының әкімі")
        #expect(TilshiCommand.Translit.convert("Almaty", to: .latn, keepForeign: false) == "Almaty")
        #expect(TilshiCommand.Translit.convert("World Craft City Almatyda", to: .cyrl, keepForeign: true) == "World Craft City Алматыда")
    }

    @Test func badInputsFailButOthersAreStillConverted() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tilshi-translit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good.txt")
        let empty = directory.appendingPathComponent("empty.txt")
        try "Алматы".write(to: good, atomically: true, encoding: .utf8)
        try Data().write(to: empty)
        let command = try TilshiCommand.Translit.parse([good.path, empty.path, directory.appendingPathComponent("missing.txt").path])
        await #expect(throws: ExitCode.failure) { try await command.run() }
    }

    @Test func evalTranslitFiguresOnTheSeeds() throws {
        let report = TilshiCommand.Eval.Translit.measure(try SampleTexts.seeds().map(\.text))
        #expect(report.words > 1700)
        #expect(report.folded == report.words)
        #expect(Double(report.exact) / Double(report.words) >= 0.99)
        #expect(report.stableTexts == 5)
    }

    @Test func evalLanguageIDOnSeedsAndTheRussianEnglishSample() throws {
        let seeds = try TilshiCommand.Eval.LanguageID.seedParagraphs()
        #expect(seeds.items.count >= 20)
        #expect(seeds.items.filter { $0.language == .ru }.count == 1)
        #expect(TilshiCommand.Eval.LanguageID.errors(seeds).isEmpty)
        let sample = try TilshiCommand.Eval.LanguageID.russianEnglishSample()
        #expect(sample.items.count >= 40)
        #expect(TilshiCommand.Eval.LanguageID.errors(sample).count <= 1)
    }

    @Test func evalSubcommandsAreRegistered() throws {
        #expect(TilshiCommand.Eval.configuration.subcommands.contains { $0 == TilshiCommand.Eval.LanguageID.self })
        #expect(TilshiCommand.Eval.configuration.subcommands.contains { $0 == TilshiCommand.Eval.Translit.self })
        _ = try TilshiCommand.Eval.LanguageID.parse(["--ktb", "/nonexistent"])
    }
}
