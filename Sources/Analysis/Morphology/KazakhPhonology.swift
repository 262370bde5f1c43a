/// Letter classes of Kazakh Cyrillic that suffix allomorphy depends on: vowel harmony (back/front) and the
/// voicing/nasality of the last letter of a stem (consonant assimilation).
package enum KazakhPhonology {
    /// Class of a stem's last letter, as named in the `after` column of `morphology-suffixes.tsv`.
    package enum LetterClass: UInt8 {
        case vowel = 1, sonorant = 2, voiced = 4, nasal = 8, voiceless = 16, lateral = 32

        init?(code: String) {
            switch code {
            case "V": self = .vowel
            case "S": self = .sonorant
            case "Z": self = .voiced
            case "N": self = .nasal
            case "K": self = .voiceless
            case "L": self = .lateral
            default: return nil
            }
        }
    }

    /// Harmony of a vowel or a word: back (а о ұ ы), front (ә е ө ү і э), or neutral (и у ю ё я and no vowel).
    package enum Harmony { case back, front, neutral }

    package static func letterClass(_ scalar: Unicode.Scalar) -> LetterClass? {
        switch scalar {
        case "а", "ә", "е", "о", "ө", "ұ", "ү", "ы", "і", "э", "ю", "я", "ё": return .vowel
        case "р", "й", "у", "и": return .sonorant
        case "л": return .lateral
        case "з", "ж": return .voiced
        case "м", "н", "ң": return .nasal
        case "п", "т", "к", "қ", "с", "ш", "ф", "х", "һ", "ц", "ч", "щ", "б", "в", "г", "ғ", "д": return .voiceless
        default: return nil
        }
    }

    package static func harmony(of scalar: Unicode.Scalar) -> Harmony? {
        switch scalar {
        case "а", "о", "ұ", "ы", "я", "ё": return .back
        case "ә", "е", "ө", "ү", "і", "э": return .front
        case "и", "у", "ю": return .neutral
        default: return nil
        }
    }

    /// Harmony of the last harmonic vowel of `scalars[..<end]` (what a following suffix must agree with).
    package static func stemHarmony(_ scalars: [Unicode.Scalar], end: Int) -> Harmony {
        // The last vowel decides; и, у, ю (loanwords: Париж, Мәскеу) let either harmony through.
        var index = end - 1
        while index >= 0 {
            if let harmony = harmony(of: scalars[index]) { return harmony }
            index -= 1
        }
        return .neutral
    }

    /// Harmony of a suffix allomorph, read from its own vowels.
    package static func suffixHarmony(_ scalars: [Unicode.Scalar]) -> Harmony {
        for scalar in scalars {
            if let harmony = harmony(of: scalar), harmony != .neutral { return harmony }
        }
        return .neutral
    }

    package static func isVowel(_ scalar: Unicode.Scalar) -> Bool { letterClass(scalar) == .vowel }

    package static func hasVowel<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> Bool {
        scalars.contains { isVowel($0) || $0 == "и" || $0 == "у" }
    }

    /// Stem-final consonants voiced before a vowel-initial suffix: кітап → кітабы, соқ → соғыс, тілек → тілегі.
    package static let voicedBeforeVowel: [Unicode.Scalar: Unicode.Scalar] = ["б": "п", "ғ": "қ", "г": "к"]
}
