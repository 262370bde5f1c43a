/// Kazakh number words and ordinal endings: one table each, `Resources/number-words.tsv` and
/// `Resources/ordinal-endings.tsv`.
public enum NumberWords {
    /// A cardinal number word (`бес` → 5) or scale word (`мың` → 1000).
    public struct Word: Sendable {
        /// The word's role in a number: 1–9, a ten, жүз, a scale (мың and above), жарым, бүтін or ширек.
        public enum Kind: String, Sendable { case unit, ten, hundred, scale, half, point, fraction }
        /// The word's value (`бес` → 5, `мың` → 1000, `жарым` → 0.5).
        public let value: Double
        /// Which of those roles the word plays.
        public let kind: Kind
        /// Whether case/possessive suffixes may follow the stem (`бестен`, `мыңнан`).
        public let takesSuffixes: Bool
    }

    /// Every row of the table by written form.
    public static let all: [String: Word] = {
        var table: [String: Word] = [:]
        for row in DataFile.requiredRows("number-words.tsv") where row.count >= 4 {
            guard let value = Double(row[1]), let kind = Word.Kind(rawValue: row[2]) else { continue }
            table[row[0]] = Word(value: value, kind: kind, takesSuffixes: row[3] == "y")
        }
        return table
    }()

    /// Lower-case cardinal stem → value ("елу" → 50), as the entity tagger's number feature reads them: every
    /// number word but the decimal point "бүтін".
    public static let values: [String: Double] = all.filter { $0.value.kind != .point }.mapValues(\.value)

    /// Number and scale words as amounts and dates read them: every word but the fraction "ширек".
    public static let cardinals: [String: Word] = all.filter { $0.value.kind != .fraction }

    /// Endings that turn a cardinal into an ordinal ("бесінші", "жетінші", "2015-інші"): the standard allomorphs,
    /// after a consonant and after a vowel, in table order.
    public static let ordinalEndings: [String] = OrdinalEndings.endings(after: [.consonant, .vowel])
}

/// Endings that make an ordinal of a number word or of digits, from `Resources/ordinal-endings.tsv`.
public enum OrdinalEndings {
    /// What an ending follows.
    public enum Stem: String, Sendable, CaseIterable {
        /// -ыншы/-інші ("бесінші").
        case consonant
        /// -ншы/-нші ("жетінші").
        case vowel
        /// -сыншы/-сінші, as transcribed speech writes them ("жиырмасыншы").
        case vowelSpoken = "vowel-spoken"
        /// -шы/-ші, only after a hyphenated number ("35-ші").
        case digits
    }

    /// Every ending with what it follows, in table order.
    public static let rows: [(ending: String, stem: Stem)] = DataFile.requiredRows("ordinal-endings.tsv").compactMap { row in
        guard row.count >= 2, let stem = Stem(rawValue: row[1]) else { return nil }
        return (row[0], stem)
    }

    /// The endings that follow any of `stems`, in table order.
    public static func endings(after stems: Set<Stem>) -> [String] {
        rows.filter { stems.contains($0.stem) }.map(\.ending)
    }

    /// Endings that make an ordinal of a number word ("бесінші", "жиырмасыншы"), longest first.
    public static let afterWord: [String] = endings(after: [.consonant, .vowel, .vowelSpoken]).sorted { $0.count > $1.count }

    /// Endings that make an ordinal of digits after a hyphen ("2017-нші", "35-ші"): the word endings, longest
    /// first, then the short digit-only ones.
    public static let afterDigits: [String] = afterWord + endings(after: [.digits]).sorted { $0.count > $1.count }
}
