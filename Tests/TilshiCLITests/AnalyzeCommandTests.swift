import Testing
import ArgumentParser
@testable import TilshiCLI

@Suite struct AnalyzeCommandTests {
    @Test func parsesFormatsAndRejectsUnknownPipeline() throws {
        let command = try TilshiCommand.Analyze.parse(["a.txt", "--format", "jsonl"])
        #expect(command.files == ["a.txt"])
        #expect(command.format == .jsonl)
        #expect(throws: (any Error).self) { try TilshiCommand.Analyze.parse(["--pipeline", "nope"]) }
        #expect(throws: (any Error).self) { try TilshiCommand.Analyze.parse(["--format", "xml"]) }
    }

    @Test func documentIDIsTheFileStem() {
        #expect(TilshiCommand.Analyze.documentID(for: "../shared/corpus/seeds/000_44aa7e2efce9c335.txt") == "000_44aa7e2efce9c335")
        #expect(TilshiCommand.Analyze.documentID(for: "-") == "stdin")
    }
}
