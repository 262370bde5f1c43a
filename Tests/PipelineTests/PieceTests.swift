import Pipeline
import Testing
import TextModel

/// Long documents are analysed in pieces of at most `maximumPieceScalars` scalars; the layers are shifted back to
/// offsets of the whole text. A piece ends at a paragraph break if it can, else at a sentence end, else at a space.
@Suite struct PieceTests {
    static let paragraphs = [
        "Алматы қаласының әкімі Бауыржан Байбек Пьер Кабаремен кездесті.",
        "Астанада 5 қарашада сағат 11.00-де кітап көрмесі ашылады. Көрмеге 1,5 млн. теңге бөлінді.",
        "«Кітап – біздің байлығымыз», – деді Бауыржан Байбек.",
        "Шымкентте халықаралық марафон өтті.",
    ]

    func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    @Test func cutsFallAfterLineBreaksThenSentenceEndsThenSpaces() {
        let text = scalars("Бір екі үш.\nТөрт бес. Алты жеті сегіз тоғыз он")
        // Window 16: the line break at 12 is inside the second half of the first window.
        #expect(Pipeline.pieceEnds(of: text, limit: 16).first == 12)
        // No line break in a window: the last sentence end followed by a space.
        let sentences = scalars("Бір екі. Үш төрт бес алты")
        #expect(Pipeline.pieceEnds(of: sentences, limit: 14).first == 9)
        // Neither: the last space.
        let words = scalars("бір екі үш төрт бес алты жеті")
        #expect(Pipeline.pieceEnds(of: words, limit: 14).first == 11)
        // One huge word: cut at the limit, but never before a combining mark.
        let word = scalars(String(repeating: "a", count: 9) + "e\u{0301}" + String(repeating: "b", count: 9))
        let ends = Pipeline.pieceEnds(of: word, limit: 10)
        #expect(ends.first == 9)
        #expect(ends.last == word.count)
        #expect(zip([0] + ends, ends).allSatisfy { $1 - $0 <= 10 && $1 > $0 })
    }

    @Test func aShortTextIsOnePiece() {
        #expect(Pipeline.pieceEnds(of: scalars("Алматыда концерт өтті."), limit: 100) == [22])
    }

    @Test func piecesGiveTheLayersOfEachParagraphAtItsOffsetInTheWhole() throws {
        let text = Self.paragraphs.joined(separator: "\n")
        var small = Pipeline.default
        small.maximumPieceScalars = 100
        let whole = small.analyze(id: "x", text: text)
        // Cut at the line breaks after the first and the second paragraph (the last two fit in one piece): each
        // piece analysed on its own gives the same layers, shifted by the piece's offset.
        let all = scalars(text)
        let ends = Pipeline.pieceEnds(of: all, limit: 100)
        #expect(ends == [64, 154, all.count])
        var offset = 0
        var tokenOffset = 0
        var expectedTokens: [Token] = []
        var expectedEntities: [(String, Int, Int, Range<Int>)] = []
        var expectedQuotes: [Quote] = []
        var expectedTimes: [TimeExpression] = []
        var expectedAmounts: [Amount] = []
        for end in ends {
            let piece = String(String.UnicodeScalarView(all[offset..<end]))
            let alone = Pipeline.default.analyze(id: "x", text: piece)
            expectedTokens += alone.tokens.map { var token = $0; token.start += offset; token.end += offset; return token }
            expectedEntities += alone.entities.map { ($0.canonical, $0.start + offset, $0.end + offset, ($0.tokenRange.lowerBound + tokenOffset)..<($0.tokenRange.upperBound + tokenOffset)) }
            expectedQuotes += alone.quotes.map { Quote(text: $0.text, speaker: $0.speaker, start: $0.start + offset, end: $0.end + offset) }
            expectedTimes += alone.times.map { TimeExpression(text: $0.text, value: $0.value, start: $0.start + offset, end: $0.end + offset) }
            expectedAmounts += alone.amounts.map { Amount(text: $0.text, value: $0.value, unit: $0.unit, modifier: $0.modifier, start: $0.start + offset, end: $0.end + offset) }
            offset = end
            tokenOffset += alone.tokens.count
        }
        #expect(!expectedTimes.isEmpty && !expectedAmounts.isEmpty && !expectedEntities.isEmpty)
        #expect(whole.tokens == expectedTokens)
        #expect(whole.entities.map { ($0.canonical, $0.start, $0.end, $0.tokenRange) }.elementsEqual(expectedEntities) { $0 == $1 })
        #expect(whole.quotes == expectedQuotes)
        #expect(whole.times == expectedTimes)
        #expect(whole.amounts == expectedAmounts)
        #expect(whole.paragraphs.map(\.start) == [0, 64, 154, 207])
        #expect(whole.language == .kk)
        // Sentences cover the tokens in order, and every offset slices the original text.
        #expect(whole.sentences.first?.tokenRange.lowerBound == 0)
        #expect(whole.sentences.last?.tokenRange.upperBound == whole.tokens.count)
        for token in whole.tokens { #expect(whole.slice(token.start, token.end) == token.text) }
        #expect(whole.quotes.first?.speaker == "Бауыржан Байбек")
        #expect(whole.normalized.count == whole.scalars.count)
        #expect(whole.normalized.originalRange(whole.normalized.count - 1, whole.normalized.count).end == whole.scalars.count)
    }

    @Test func aLongDocumentWithoutBreaksIsAnalysedInPiecesWithOffsetsInTheWhole() {
        let sentence = "Қарағандыда кітап көрмесі ашылды. "
        let text = String(repeating: sentence, count: 40)
        var small = Pipeline.default
        small.maximumPieceScalars = 200
        let document = small.analyze(id: "x", text: text)
        #expect(document.tokens.count == 40 * 5)
        #expect(document.sentences.count == 40)
        for token in document.tokens { #expect(document.slice(token.start, token.end) == token.text) }
        #expect(document.tokens.last?.end == text.unicodeScalars.count - 1)
    }

    /// The pieces `analyzePieces` hands out one at a time start where ``Pipeline/pieceEnds(of:limit:)`` cuts, and
    /// their layers shifted to the whole text are the merged document's.
    @Test func piecesComeOneAtATimeAtTheCutsOfTheWhole() {
        let text = Self.paragraphs.joined(separator: "\n")
        var small = Pipeline.default
        small.maximumPieceScalars = 100
        var offsets: [Int] = []
        var tokens: [Token] = []
        let language = small.analyzePieces(id: "x", text: text) { piece in
            offsets.append(piece.scalarOffset)
            #expect(piece.tokenOffset == tokens.count)
            tokens += piece.shiftedLayers.tokens
        }
        #expect(offsets == [0] + Pipeline.pieceEnds(of: scalars(text), limit: 100).dropLast())
        #expect(language == .kk)
        #expect(tokens == small.analyze(id: "x", text: text).tokens)
        var count = 0
        _ = small.analyzePieces(id: "e", text: "") { piece in
            count += 1
            #expect(piece.document.tokens.isEmpty)
        }
        #expect(count == 1)
    }

    /// A person named in full in one piece and by the surname alone in a later one is resolved to the full name, as
    /// in the whole document (each piece used to resolve its names on its own: "Досаев" stayed "Досаев").
    @Test func aSurnameInALaterPieceResolvesToTheFullNameOfAnEarlierOne() {
        let first = "Алматы қаласының әкімі Ерболат Досаев Пьер Кабаремен кездесті."
        let second = "Кездесуден кейін Досаев жаңа мектепті аралады."
        let text = first + "\n" + second
        var small = Pipeline.default
        small.maximumPieceScalars = first.unicodeScalars.count + 10
        #expect(Pipeline.pieceEnds(of: scalars(text), limit: small.maximumPieceScalars).count == 2)
        let laterStart = first.unicodeScalars.count + 1
        func laterPersons(_ document: Document, shift: Int = 0) -> [String] {
            document.entities.filter { $0.label == .person && $0.start + shift >= laterStart }.map(\.canonical)
        }
        // The whole document resolves the surname; the second paragraph alone cannot.
        #expect(laterPersons(Pipeline.default.analyze(id: "x", text: text)) == ["Ерболат Досаев"])
        #expect(laterPersons(Pipeline.default.analyze(id: "x", text: second), shift: laterStart) == ["Досаев"])
        #expect(laterPersons(small.analyze(id: "x", text: text)) == ["Ерболат Досаев"])
    }

    /// Paragraphs of the merged document keep the script their piece found (they used to lose it: `none`).
    @Test func paragraphsOfPiecesKeepTheirScripts() {
        let text = Self.paragraphs.joined(separator: "\n") + "\nAlmatyda konsert ótti."
        var small = Pipeline.default
        small.maximumPieceScalars = 100
        let whole = Pipeline.default.analyze(id: "x", text: text)
        let pieced = small.analyze(id: "x", text: text)
        #expect(pieced.paragraphs.map(\.script).contains(.latin))
        #expect(pieced.paragraphs == whole.paragraphs)
    }

    @Test func theDefaultPipelinesKeepNormalDocumentsWhole() {
        #expect(Pipeline.default.maximumPieceScalars == Pipeline.defaultMaximumPieceScalars)
        #expect(Pipeline.search.maximumPieceScalars == 100_000)
    }
}
