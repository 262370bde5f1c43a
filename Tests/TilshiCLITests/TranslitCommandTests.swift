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
        #expect(try TilshiCommand.Translit.parse(["--to", "arab"]).to == .arab)
        #expect(throws: (any Error).self) { try TilshiCommand.Translit.parse(["--to", "hebr"]) }
        #expect(TilshiCommand.userCommands.contains { $0 == TilshiCommand.Translit.self })
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
}
