import Formats
import Testing

@Suite struct CoNLLUTests {
    static let sample = """
        # sent_id = x:1
        # text = Біз мүдделіміз.
        1\tБіз\tбіз\tPRON\tprn\tCase=Nom\t3\tnsubj\t_\t_
        2-3\tмүдделіміз\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
        2\tмүдделі\tмүдделі\tADJ\tadj\t_\t0\troot\t_\t_
        3\tміз\tе\tAUX\tcop\t_\t2\tcop\t_\t_
        4\t.\t.\tPUNCT\tsent\t_\t2\tpunct\t_\t_

        """

    @Test func parsesWordsAndMultiwordTokens() throws {
        let sentences = try CoNLLU.parse(Self.sample)
        #expect(sentences.count == 1)
        #expect(sentences[0].text == "Біз мүдделіміз.")
        #expect(sentences[0].words.map(\.form) == ["Біз", "мүдделі", "міз", "."])
        #expect(sentences[0].surfaceTokens.map(\.form) == ["Біз", "мүдделіміз", "."])
        #expect(sentences[0].surfaceTokens.map(\.spaceAfter) == [true, false, true])
    }

    @Test func formatRoundTrips() throws {
        let sentences = try CoNLLU.parse(Self.sample)
        #expect(try CoNLLU.parse(CoNLLU.format(sentences)) == sentences)
    }

    @Test func malformedLineNamesItsNumber() {
        #expect(throws: CoNLLUError.self) { try CoNLLU.parse("# text = x\n1\tx\tx\n") }
    }
}
