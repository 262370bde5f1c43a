/// Kazakh case endings, one row per allomorph, from `Resources/case-suffixes.tsv`: the case each one marks, whether
/// the fact stages may strip it from a mention, and the stem-final letters a name keeps before it
/// (``NameCaseSuffixes`` reads that column).
public enum CaseEndings {
    /// The case a row marks (the `case` column).
    public enum GrammaticalCase: String, Sendable, CaseIterable {
        case genitive = "gen", dative = "dat", accusative = "acc", locative = "loc", ablative = "abl"
        case instrumental = "ins"
        /// -дағы/-дегі "located in".
        case locativeAttributive = "loc-attr"
        /// The plural -лар/-лер, not a case, stripped from names too.
        case plural = "pl"
    }

    /// One row of the table.
    public struct Ending: Sendable {
        /// The allomorph as written (`ның`, `да`, `мен`).
        public let suffix: String
        /// Nil for a protected word end (`стан`).
        public let grammaticalCase: GrammaticalCase?
        /// Whether the fact stages may strip it without other evidence; nil when they keep it.
        public let strength: Bool?
        /// Whether it is strong (stripped whenever the stem keeps >= 3 letters).
        public var strong: Bool { strength == true }
        /// The `stem` column: letter classes, `*`, `-` or `protected`.
        public let stem: String
        /// Whether the fact stages may strip it without other evidence from the last word of a person's name
        /// whose stem ends in a vowel ("Коштаны" → "Кошта").
        public let strongOnPersonsAfterVowel: Bool
        /// Whether it follows only the 3rd-person possessive ("қаласында", "қаласына").
        public let afterPossessive: Bool
    }

    /// Every row, in table order.
    public static let rows: [Ending] = DataFile.requiredRows("case-suffixes.tsv").compactMap { row in
        guard row.count >= 5 else { return nil }
        return Ending(suffix: row[0], grammaticalCase: GrammaticalCase(rawValue: row[1]),
                      strength: row[2] == "strong" ? true : (row[2] == "weak" ? false : nil), stem: row[3],
                      strongOnPersonsAfterVowel: row[4] == "after-vowel", afterPossessive: row[4] == "after-possessive")
    }

    /// The endings the fact stages strip from a mention (strong or weak), longest first.
    public static let strippable: [Ending] = rows.filter { $0.strength != nil }.sorted { $0.suffix.count > $1.suffix.count }

    /// The endings of ``strippable`` as a set, for membership tests.
    public static let strippableSuffixes: Set<String> = Set(strippable.map(\.suffix))

    /// Every case, but not the plural.
    public static let allCases: Set<GrammaticalCase> = Set(GrammaticalCase.allCases).subtracting([.plural])

    /// The endings of the given cases, as a set; the endings that follow only the possessive when asked.
    public static func endings(of cases: Set<GrammaticalCase>, afterPossessive: Bool = false) -> Set<String> {
        Set(rows.filter { row in
            row.grammaticalCase.map(cases.contains) == true && (afterPossessive || !row.afterPossessive)
        }.map(\.suffix))
    }

    /// The six oblique cases after a bare stem ("бестен", "екіге", "жүзді", "оннан", "мыңмен"): no possessive-only
    /// ending, no -дағы.
    public static let oblique: Set<String> = endings(of: [.genitive, .dative, .accusative, .locative, .ablative, .instrumental])

    /// The case an ending marks ("ға" → dative); nil when the table has no such ending.
    public static func grammaticalCase(of ending: String) -> GrammaticalCase? {
        rows.first { $0.suffix == ending }?.grammaticalCase
    }

    /// The longest ending of the table that ends a lower-case word, with its row ("алматыға" → "ға", dative).
    public static func longestEnding(of word: String) -> Ending? {
        rows.filter { $0.grammaticalCase != nil && word.count > $0.suffix.count && word.hasSuffix($0.suffix) }
            .max { $0.suffix.count < $1.suffix.count }
    }
}
