import Testing
import TextModel

@Suite struct DocumentTests {
    @Test func decodesScalarsOfEveryUTF8Width() {
        // One, two, three and four UTF-8 bytes (ASCII, Kazakh Cyrillic, "–" and "€", an emoji), a decomposed "й",
        // line breaks: the document's scalars are exactly the string's.
        for text in ["Алматы қаласының әкімі 2025 жылы «Қазақстан-2030» – €40 млн 😀\nи\u{306}ә\r\n", "A", ""] {
            #expect(Document(id: "t", text: text).scalars == Array(text.unicodeScalars))
        }
    }

    @Test func sliceCountsUnicodeScalars() {
        // "Алматы" is 6 scalars but 12 UTF-8 bytes: offsets must be scalar-based.
        let document = Document(id: "t", text: "Алматы ЮНЕСКО-ның")
        #expect(document.slice(0, 6) == "Алматы")
        #expect(document.slice(7, 17) == "ЮНЕСКО-ның")
        #expect(document.slice(15, 100) == "ың")
    }

    @Test func tokensInRangeUsesBinarySearch() {
        var document = Document(id: "t", text: "a b c d")
        document.tokens = (0..<4).map { Token(text: ["a", "b", "c", "d"][$0], start: $0 * 2, end: $0 * 2 + 1) }
        #expect(document.tokens(in: 2, 5).map(\.text) == ["b", "c"])
        #expect(document.tokens(in: 7, 9).isEmpty)
    }

    @Test func normalizedTextMapsMergedAndDroppedScalarsBack() {
        // "и" + combining breve (2 original scalars) becomes one "й"; the map covers both.
        var view = NormalizedText(originalCount: 3, reservingCapacity: 2)
        view.append("й", from: 0, to: 2)
        view.append("а", from: 2, to: 3)
        #expect(view.originalRange(0, 1) == (0, 2))
        #expect(view.originalRange(0, 2) == (0, 3))
        #expect(view.string(0, 2) == "йа")
    }

    @Test func jsonRoundTripKeepsLayers() throws {
        var document = Document(id: "seed", text: "Алматыда концерт өтті.")
        document.tokens = [Token(text: "Алматыда", start: 0, end: 8, lemma: "Алматы", upos: .PROPN, feats: "Case=Loc")]
        document.quotes = [Quote(text: "x", speaker: nil, start: 0, end: 1)]
        let data = try JSONEncoder().encode(document)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"speaker\":null"))
        let decoded = try JSONDecoder().decode(Document.self, from: data)
        #expect(decoded.tokens == document.tokens)
        #expect(decoded.text == document.text)
    }
}

import Foundation
