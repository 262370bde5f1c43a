import ArgumentParser
import Foundation
import Testing
import Evaluation
import TilshiCLI
@testable import TilshiLab

@Suite struct NERCommandTests {
    /// Two KazNERD sentences (from kaznerd-valid.iob2).
    static let gold = """
        Бұл O
        туралы O
        Қасым-Жомарт B-PERSON
        Тоқаев I-PERSON
        Астанада B-GPE
        мәлімдеді O
        . O

        Шымкенттегі B-GPE
        стадионда O
        жұмыстар O
        тоқтатылды O
        . O

        """

    func temporaryFile(_ name: String, _ contents: Data) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tilshi-ner-\(UUID().uuidString)-\(name)")
        try contents.write(to: url)
        return url
    }

    @Test func parsesTheNERCommands() throws {
        let eval = try TilshiCommand.Eval.NER.parse(["gold.iob2", "--dev-split"])
        #expect(eval.devSplit)
        #expect("\(try TilshiCommand.Eval.NER.parse(["gold.iob2", "--split", "heldout"]).split)" == "heldout")
        #expect(throws: (any Error).self) { try TilshiCommand.Eval.NER.parse(["--split", "test"]) }
        let train = try TilshiCommand.Train.NER.parse(["--out", "m.model", "--epochs", "3"])
        #expect(train.epochs == 3 && train.data == "../shared/data/kaznerd/kaznerd-valid.iob2")
        #expect(throws: (any Error).self) { try TilshiCommand.Train.NER.parse(["--out", "m", "--epochs", "0"]) }
        #expect(throws: (any Error).self) { try TilshiCommand.Train.NER.parse([]) }
    }

    @Test func tagWritesTokenGoldPredictedColumns() async throws {
        let input = try temporaryFile("gold.iob2", Data(Self.gold.utf8))
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tilshi-ner-\(UUID().uuidString).pred")
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: output)
        }
        try await TilshiCommand.Tag.NER.parse([input.path, "--output", output.path]).run()
        let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 15)  // 12 token lines, 2 sentence breaks, and the final newline
        #expect(lines[7] == "")
        #expect(lines[2].split(separator: " ").prefix(2) == ["Қасым-Жомарт", "B-PERSON"])
        #expect(lines.filter { !$0.isEmpty }.allSatisfy { $0.split(separator: " ").count == 3 })
        #expect(lines[4] == "Астанада B-GPE B-GPE")
    }

    @Test func corruptModelFailsWithExitCode() async throws {
        let input = try temporaryFile("gold.iob2", Data(Self.gold.utf8))
        let model = try temporaryFile("bad.model", Data("TLSNER01 but not really a model".utf8))
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: model)
        }
        await #expect(throws: ExitCode.failure) {
            try await TilshiCommand.Eval.NER.parse([input.path, "--model", model.path]).run()
        }
        await #expect(throws: ExitCode.failure) {
            try await TilshiCommand.Eval.NER.parse([input.path, "--model", "/nonexistent/ner.model"]).run()
        }
    }

    @Test func badGoldFileIsReportedWithItsLine() async throws {
        let input = try temporaryFile("bad.iob2", Data("Алматы B-GPE\nқаласы Z\n".utf8))
        defer { try? FileManager.default.removeItem(at: input) }
        await #expect {
            try await TilshiCommand.Eval.NER.parse([input.path]).run()
        } throws: { error in
            "\(error)".contains("line 2")
        }
    }
}
