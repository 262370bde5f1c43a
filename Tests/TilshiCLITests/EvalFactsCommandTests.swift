import ArgumentParser
import Testing
@testable import TilshiCLI

@Suite struct EvalFactsCommandTests {
    @Test func parsesPathsAndScores() throws {
        let command = try TilshiCommand.Eval.Facts.parse(["--gold", "g.tsv", "--samples", "dir"])
        #expect(command.gold == "g.tsv")
        #expect(command.samples == "dir")
        var score = Score()
        score.add(predicted: 4, gold: 5, matched: 3)
        #expect(score.description.hasPrefix("P 0.750  R 0.600  F1 0.667"))
        #expect(Score().description.hasPrefix("P 0.000  R 0.000"))
    }
}
