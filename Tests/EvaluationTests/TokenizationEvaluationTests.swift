import Evaluation
import Formats
import Testing

@Suite struct TokenizationEvaluationTests {
    static let gold = """
        # text = Біз мүдделіміз.
        1\tБіз\tбіз\tPRON\t_\t_\t2\tnsubj\t_\t_
        2-3\tмүдделіміз\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
        2\tмүдделі\tмүдделі\tADJ\t_\t_\t0\troot\t_\t_
        3\tміз\tе\tAUX\t_\t_\t2\tcop\t_\t_
        4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

        # text = Ол болған емес.
        1\tОл\tол\tPRON\t_\t_\t2\tnsubj\t_\t_
        2\tболған емес\tбол\tAUX\t_\t_\t0\troot\t_\tSpaceAfter=No
        3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

        """

    @Test func rawTextJoinsSentenceTexts() throws {
        let sentences = try CoNLLU.parse(Self.gold)
        #expect(TokenizationEvaluation.rawText(of: sentences) == "Біз мүдделіміз. Ол болған емес.")
    }

    @Test func perfectSystemScoresOneAndMultiwordTokensCountOnce() throws {
        let sentences = try CoNLLU.parse(Self.gold)
        let text = TokenizationEvaluation.rawText(of: sentences)
        // Біз(0-3) мүдделіміз(4-14) .(14-15) Ол(16-18) болған емес(19-30) .(30-31)
        let tokens = [0..<3, 4..<14, 14..<15, 16..<18, 19..<30, 30..<31]
        let report = TokenizationEvaluation.evaluate(gold: sentences, text: text, systemTokens: tokens, systemSentences: [0..<15, 16..<31])
        #expect(report.tokens == SpanScore(correct: 6, system: 6, gold: 6))
        #expect(report.tokens.f1 == 1)
        #expect(report.sentences.f1 == 1)
        #expect(report.tokenErrors.isEmpty)
    }

    @Test func splitTokensAndMissedBoundariesCost() throws {
        let sentences = try CoNLLU.parse(Self.gold)
        let text = TokenizationEvaluation.rawText(of: sentences)
        // "болған емес" split in two, and one sentence for the whole text.
        let tokens = [0..<3, 4..<14, 14..<15, 16..<18, 19..<25, 26..<30, 30..<31]
        let report = TokenizationEvaluation.evaluate(gold: sentences, text: text, systemTokens: tokens, systemSentences: [0..<31])
        #expect(report.tokens == SpanScore(correct: 5, system: 7, gold: 6))
        #expect(abs(report.tokens.precision - 5.0 / 7) < 1e-9)
        #expect(abs(report.tokens.recall - 5.0 / 6) < 1e-9)
        #expect(report.tokenErrors.count == 1)
        #expect(report.tokenErrors[0].gold == ["болған емес"])
        #expect(report.tokenErrors[0].system == ["болған", "емес"])
        #expect(report.sentences == SpanScore(correct: 0, system: 1, gold: 2))
    }
}
