import KazakhData

/// Letter classes of Kazakh Cyrillic that suffix allomorphy depends on: vowel harmony (back/front) and the
/// voicing/nasality of the last letter of a stem (consonant assimilation).
package enum KazakhPhonology {
    /// Class of a stem's last letter, as named in the `after` column of `morphology-suffixes.tsv`.
    package enum LetterClass: UInt8 {
        case vowel = 1, sonorant = 2, voiced = 4, nasal = 8, voiceless = 16, lateral = 32

        init?(code: String) {
            guard let soundClass = Letters.SoundClass(rawValue: code) else { return nil }
            self.init(soundClass)
        }

        init(_ soundClass: Letters.SoundClass) {
            switch soundClass {
            case .vowel: self = .vowel
            case .sonorant: self = .sonorant
            case .voiced: self = .voiced
            case .nasal: self = .nasal
            case .voiceless: self = .voiceless
            case .lateral: self = .lateral
            }
        }
    }

    /// Harmony of a vowel or a word: back (а о ұ ы я ё), front (ә е ө ү і э), or neutral (и у ю and no vowel).
    package enum Harmony { case back, front, neutral }

    /// The Cyrillic block U+0400…U+04FF, which holds every letter of `phonology-letters.tsv`: the class and harmony
    /// tables below are indexed by a scalar's offset in it, built once, so a lookup in the analyser's inner loops is
    /// an array read.
    private static let blockStart: UInt32 = 0x400
    private static let blockSize = 0x100

    private static let classes: [LetterClass?] = {
        var table = [LetterClass?](repeating: nil, count: blockSize)
        for letter in Letters.table { table[Int(letter.scalar.value - blockStart)] = LetterClass(letter.soundClass) }
        return table
    }()

    /// я and ё count as back here: they choose back allomorphs ("Россияға").
    private static let harmonies: [Harmony?] = {
        var table = [Harmony?](repeating: nil, count: blockSize)
        for letter in Letters.table {
            let harmony: Harmony? = switch letter.harmony {
            case .back, .loanBack: .back
            case .front: .front
            case .neutral: .neutral
            case nil: nil
            }
            table[Int(letter.scalar.value - blockStart)] = harmony
        }
        return table
    }()

    package static func letterClass(_ scalar: Unicode.Scalar) -> LetterClass? {
        let offset = Int(scalar.value) &- Int(blockStart)
        return offset >= 0 && offset < blockSize ? classes[offset] : nil
    }

    package static func harmony(of scalar: Unicode.Scalar) -> Harmony? {
        let offset = Int(scalar.value) &- Int(blockStart)
        return offset >= 0 && offset < blockSize ? harmonies[offset] : nil
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
    package static let voicedBeforeVowel: [Unicode.Scalar: Unicode.Scalar] = Dictionary(
        Letters.table.compactMap { letter in letter.voiced.map { ($0, letter.scalar) } }, uniquingKeysWith: { first, _ in first })
}
