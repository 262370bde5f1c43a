import Formats
import Testing

@Suite struct IOB2Tests {
    // Two sentences as they appear in KazNERD (kaznerd-valid.iob2), with a tab-separated line mixed in.
    let sample = """
        Әрі O
        « O
        Қара B-ART
        сөздерінің\tI-ART
        » O
        аудиодискісін O
        тыңдауға O
        болады O
        . O

        Олардың O
        арасында O
        « O
        Әміре B-ART
        » O

        """

    @Test func parsesSentencesTokensAndTags() throws {
        let sentences = try IOB2.parse(sample)
        #expect(sentences.count == 2)
        #expect(sentences[0].tokens == ["Әрі", "«", "Қара", "сөздерінің", "»", "аудиодискісін", "тыңдауға", "болады", "."])
        #expect(sentences[0].tags[2...3] == ["B-ART", "I-ART"])
        #expect(sentences[1].tokens.last == "»")
    }

    @Test func badTagNamesItsLine() {
        #expect {
            try IOB2.parse("Алматы B-GPE\nқаласы X-GPE\n")
        } throws: { error in
            (error as? IOB2Error)?.line == 2 && "\(error)".contains("X-GPE")
        }
        #expect(throws: IOB2Error.self) { try IOB2.parse("Алматы\n") }
    }

    @Test func formatWritesConllevalColumns() throws {
        let sentences = try IOB2.parse(sample)
        let text = IOB2.format(tokens: sentences.map(\.tokens), columns: [sentences.map(\.tags), sentences.map(\.tags)])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2] == "Қара B-ART B-ART")
        #expect(lines[9] == "")
        // The written file parses back to the same tokens (the last column is read as the tag).
        #expect(try IOB2.parse(text) == sentences)
    }
}
