@testable import Analysis
import Testing

/// The tokenizer's character classes answer common scalars without the Unicode tables; these tests pin the fast
/// answers to the table-based ones for every scalar of the Basic Multilingual Plane.
@Suite struct ScalarClassTests {
    /// The classes as they were before the punctuation and Kazakh-letter fast paths (the reference).
    static func referenceIsLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return ScalarClass.isASCIILetter(s) }
        if v >= 0x0400 && v <= 0x04FF { return v < 0x0482 || v > 0x0489 }
        if v == 0x00D7 || v == 0x00F7 { return false }
        if v >= 0x00C0 && v <= 0x024F { return true }
        if v == 0x0259 || v == 0x018F { return true }
        let properties = s.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func referenceIsWordScalar(_ s: Unicode.Scalar) -> Bool {
        ScalarClass.isDigit(s) || referenceIsLetter(s) || (s.value >= 0x80 && s.properties.numericType == .decimal)
    }

    @Test func fastClassesAgreeWithTheUnicodeTables() {
        var mismatches: [String] = []
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let hex = String(value, radix: 16)
            if ScalarClass.isUppercase(scalar) != scalar.properties.isUppercase { mismatches.append("upper \(hex)") }
            if ScalarClass.isLowercase(scalar) != scalar.properties.isLowercase { mismatches.append("lower \(hex)") }
            if ScalarClass.isLetter(scalar) != Self.referenceIsLetter(scalar) { mismatches.append("letter \(hex)") }
            if ScalarClass.isWordScalar(scalar) != Self.referenceIsWordScalar(scalar) { mismatches.append("word \(hex)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test func kazakhLettersHaveTheirCase() {
        for letter in "ӘҒҚҢӨҰҮҺІ".unicodeScalars { #expect(ScalarClass.isUppercase(letter) && !ScalarClass.isLowercase(letter)) }
        for letter in "әғқңөұүһі".unicodeScalars { #expect(ScalarClass.isLowercase(letter) && !ScalarClass.isUppercase(letter)) }
        for mark in "«»–—“”„…".unicodeScalars { #expect(!ScalarClass.isWordScalar(mark)) }
    }
}
