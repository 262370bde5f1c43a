import TextModel

/// Letter case of Unicode scalars with fast paths for ASCII and Cyrillic (Kazakh letters included),
/// which are nearly all the NER tagger sees; other scalars fall back to the Unicode tables.
package enum LetterCase: UInt8 {
    case upper, lower, none

    @inline(__always)
    package static func of(_ scalar: Unicode.Scalar) -> LetterCase {
        let v = scalar.value
        switch v {
        case 0x41...0x5A, 0x400...0x42F: return .upper
        case 0x61...0x7A, 0x430...0x45F: return .lower
        case 0x460...0x4FF where v != 0x482 && !(0x483...0x489).contains(v):
            // Historic and Kazakh letters (Ә ә, Ғ ғ, Қ қ, Ң ң, Ө ө, Ұ ұ, Ү ү, Һ һ) alternate upper/lower, except Ӏ/ӏ (04C0/04CF).
            if v == 0x4C0 { return .upper }
            if v == 0x4CF { return .lower }
            return ((0x4C1...0x4CE).contains(v) ? v % 2 == 1 : v % 2 == 0) ? .upper : .lower
        case 0...0x7F, 0x2000...0x206F, 0x20A0...0x20CF: return .none
        default:
            let properties = scalar.properties
            return properties.isUppercase ? .upper : properties.isLowercase ? .lower : .none
        }
    }

    /// The lower-case scalar (single-scalar mappings only; others are kept as they are).
    @inline(__always)
    package static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.fastLowercase
    }
}
