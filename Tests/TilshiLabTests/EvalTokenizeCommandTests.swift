import ArgumentParser
import Formats
import Foundation
import Testing
import Evaluation
import TilshiCLI
@testable import TilshiLab

@Suite struct EvalTokenizeCommandTests {
    /// Three sentences of UD_Kazakh-KTB kk_ktb-dev.conllu (CC BY-SA 4.0), analysis columns trimmed.
    static let ktb = """
        # text = Зейнетақы жинақтарының көлемі 2,2 трлн. теңгеге артты.
        1\tЗейнетақы\t_\t_\t_\t_\t_\t_\t_\t_
        2\tжинақтарының\t_\t_\t_\t_\t_\t_\t_\t_
        3\tкөлемі\t_\t_\t_\t_\t_\t_\t_\t_
        4\t2,2\t_\t_\t_\t_\t_\t_\t_\t_
        5\tтрлн.\t_\t_\t_\t_\t_\t_\t_\t_
        6\tтеңгеге\t_\t_\t_\t_\t_\t_\t_\t_
        7\tартты\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
        8\t.\t_\t_\t_\t_\t_\t_\t_\t_

        # text = 2008-2009 жылдардағы жаһандық дағдарыс осыны айғақтады.
        1\t2008\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
        2\t-\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
        3\t2009\t_\t_\t_\t_\t_\t_\t_\t_
        4\tжылдардағы\t_\t_\t_\t_\t_\t_\t_\t_
        5\tжаһандық\t_\t_\t_\t_\t_\t_\t_\t_
        6\tдағдарыс\t_\t_\t_\t_\t_\t_\t_\t_
        7\tосыны\t_\t_\t_\t_\t_\t_\t_\t_
        8\tайғақтады\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
        9\t.\t_\t_\t_\t_\t_\t_\t_\t_

        # text = Дауа жоқ...
        1\tДауа\t_\t_\t_\t_\t_\t_\t_\t_
        2\tжоқ\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
        3\t...\t_\t_\t_\t_\t_\t_\t_\t_

        """

    @Test func scoresKTBSentencesPerfectly() throws {
        let report = TilshiCommand.Eval.Tokenize.evaluate(gold: try CoNLLU.parse(Self.ktb))
        #expect(report.tokens == SpanScore(correct: 20, system: 20, gold: 20))
        #expect(report.sentences == SpanScore(correct: 3, system: 3, gold: 3))
        let rendered = TilshiCommand.Eval.Tokenize.render(report, input: "ktb")
        #expect(rendered.contains("tokens     P 100.00  R 100.00  F1 100.00  (gold 20, system 20, correct 20)"))
    }

    @Test func missingGoldFileIsReported() {
        #expect(throws: TextInput.Failure(input: "/no/such.conllu", reason: "no such file")) {
            try TilshiCommand.Eval.Tokenize.evaluate(path: "/no/such.conllu")
        }
    }

    @Test func benchTextDetokenisesIOB2Sentences() {
        let iob2 = "Ол O\n« O\nАлатау B-ORG\n» O\nкеңесіне O\nбарды O\n. O\n\nИә O\n, O\nрас O\n. O\n"
        #expect(TilshiCommand.Bench.BenchTokenize.paragraphs(fromIOB2: iob2) == "Ол «Алатау» кеңесіне барды. Иә, рас.")
    }

    @Test func parsesTheSubcommands() throws {
        #expect(throws: Never.self) { try TilshiCommand.Eval.parseAsRoot(["tokenize", "x.conllu", "--errors", "5"]) }
        #expect(throws: Never.self) { try TilshiCommand.Bench.parseAsRoot(["tokenize", "--repeat", "2"]) }
        #expect(throws: (any Error).self) { try TilshiCommand.Bench.parseAsRoot(["tokenize", "--repeat", "0"]) }
    }
}
