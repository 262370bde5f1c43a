import Foundation
import Pipeline
import Testing
import TextModel

/// Scalars whose NFC form is longer than themselves (U+2ADC, the musical symbols U+1D15E–U+1D1C0, …) once made
/// two tokens share an original scalar and crashed the fact stages ("Range requires lowerBound <= upperBound").
@Suite struct ExpandingScalarTests {
    /// Every scalar whose NFC form has more scalars than the scalar itself, found by asking Foundation.
    static let expandingScalars: [Unicode.Scalar] = (0...0x10FFFF).compactMap { value -> Unicode.Scalar? in
        guard let scalar = Unicode.Scalar(value), !scalar.properties.isNoncharacterCodePoint else { return nil }
        let composed = String(Character(scalar)).precomposedStringWithCanonicalMapping
        return composed.unicodeScalars.count > 1 ? scalar : nil
    }

    /// Tokens lie inside the text, in order, without overlap, and each one's text is its original slice.
    func expectWellFormedTokens(_ document: Document, _ comment: Comment) {
        var previousEnd = 0
        for token in document.tokens {
            #expect(token.start >= previousEnd && token.start <= token.end && token.end <= document.scalars.count, comment)
            #expect(document.slice(token.start, token.end) == token.text, comment)
            previousEnd = token.end
        }
        for entity in document.entities {
            #expect(entity.start <= entity.end && entity.end <= document.scalars.count, comment)
        }
    }

    @Test func foundationReportsTheKnownExpandingScalars() {
        // The set the crash was found with; if Foundation's Unicode tables change the test still checks them all.
        #expect(Self.expandingScalars.contains("\u{2ADC}"))
        #expect(Self.expandingScalars.contains("\u{1D160}"))
        #expect(Self.expandingScalars.count >= 14)
    }

    @Test func theReportedSentenceIsAnalysedWithItsFacts() {
        let text = "Алматыда концерт өтті \u{1D160} оған көп адам келді."
        let document = Pipeline.default.analyze(id: "x", text: text)
        expectWellFormedTokens(document, "U+1D160")
        #expect(document.tokens.contains { $0.text == "\u{1D160}" })
        #expect(document.entities.contains { $0.text == "Алматыда" })
    }

    @Test func everyExpandingScalarInsideKazakhTextKeepsTokensApart() {
        for scalar in Self.expandingScalars {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            // Glued to a word, alone, and repeated: the tokeniser splits around it in all three.
            let text = "Бауыржан Байбек\(scalar) Алматыда \(scalar) кездесті, - деді ол.\(scalar)\(scalar)"
            let document = Pipeline.default.analyze(id: hex, text: text)
            expectWellFormedTokens(document, "U+\(hex)")
        }
    }
}
