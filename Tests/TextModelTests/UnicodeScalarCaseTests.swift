import Testing
import TextModel

@Suite struct UnicodeScalarCaseTests {
    @Test func kazakhLettersLowercase() {
        let upper = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
        let lower = String(String.UnicodeScalarView(upper.unicodeScalars.map(\.fastLowercase)))
        #expect(lower == "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя")
    }

    @Test func fastPathAgreesWithUnicodeTablesOverLatinAndCyrillic() {
        // Every scalar of ASCII, Latin-1, the Cyrillic blocks and general punctuation: the fast path must give what
        // the Unicode single-scalar lower-case mapping gives.
        for value in Array(0x0...0x24F) + Array(0x400...0x52F) + Array(0x2000...0x206F) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let mapping = scalar.properties.lowercaseMapping.unicodeScalars
            let expected = mapping.count == 1 ? mapping.first! : scalar
            #expect(scalar.fastLowercase == expected, "U+\(String(value, radix: 16, uppercase: true))")
        }
    }
}
