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

extension CaseEndings {
    /// The endings of the given cases after a consonant-final stem: the rows whose `stem` column names only consonant
    /// classes (`K`, `Z`), so the accusative gives "ды", "ді", "ты", "ті" but not "ны" or the possessive-only "н".
    public static func endingsAfterConsonant(of cases: Set<GrammaticalCase>) -> Set<String> {
        Set(rows.filter { row in
            row.grammaticalCase.map(cases.contains) == true && !row.stem.isEmpty && row.stem.allSatisfy { $0 == "K" || $0 == "Z" }
        }.map(\.suffix))
    }

    /// The 3rd-person possessive ("қаласы", "университеті"): ы/і after a consonant, сы/сі after a vowel, from the
    /// `POSS3` rows of `morphology-suffixes.tsv`, in table order. Not a case ending: it ends names such as "Алматы".
    public static let possessives: [(ending: String, afterVowel: Bool)] = MorphologyTables.suffixes().filter { $0.id == "POSS3" }
        .flatMap { row in row.forms.map { ($0, row.after.contains("V")) } }

    /// The endings of the given cases after the 3rd-person possessive: the rows with the pronominal н (`stem` column
    /// `P`: "на", "н", "нда"), or, for a case without such rows, the rows after a vowel (the genitive "ның", "нің").
    public static func endingsAfterPossessive(of cases: Set<GrammaticalCase>) -> Set<String> {
        var endings: Set<String> = []
        for grammaticalCase in cases {
            let ofCase = rows.filter { $0.grammaticalCase == grammaticalCase && $0.stem != "protected" }
            let pronominal = ofCase.filter { $0.stem.contains("P") }
            endings.formUnion((pronominal.isEmpty ? ofCase.filter { $0.stem.contains("V") } : pronominal).map(\.suffix))
        }
        return endings
    }

    /// A 3rd-person possessive with each ending of the given cases after it, the vowels agreeing ("ының", "ында",
    /// "ын", "інің"; "сының", "сына" when `afterVowel`), longest first.
    public static func possessedForms(of cases: Set<GrammaticalCase>, afterVowel: Bool) -> [String] {
        var forms: [String] = []
        for possessive in possessives where possessive.afterVowel == afterVowel {
            let harmony = Letters.harmony(ofSuffix: possessive.ending)
            for ending in endingsAfterPossessive(of: cases) where agree(harmony, Letters.harmony(ofSuffix: ending)) {
                forms.append(possessive.ending + ending)
            }
        }
        return forms.sorted { $0.count > $1.count || $0.count == $1.count && $0 < $1 }
    }

    /// Whether two harmonies may stand in one word: equal, or either one absent (a suffix without a vowel).
    private static func agree(_ first: Letters.Harmony?, _ second: Letters.Harmony?) -> Bool {
        first == nil || second == nil || first == second
    }

    /// The endings of the given cases that follow only the 1st- or 2nd-person possessive (the dative "а", "е":
    /// "жасыма", "үйіңе"): the rows of `morphology-suffixes.tsv` whose `left` column is `NP` alone.
    public static func endingsAfterPersonalPossessive(of cases: Set<GrammaticalCase>) -> Set<String> {
        let ids = Set(cases.map(\.morphologyID))
        return Set(MorphologyTables.suffixes().filter { ids.contains($0.id) && $0.left == ["NP"] }.flatMap(\.forms))
    }
}

extension CaseEndings.GrammaticalCase {
    /// The morpheme name of the case in `morphology-suffixes.tsv` (`GEN`, `DAT`; the locative-attributive -дағы is a
    /// `LOC` row there).
    var morphologyID: String {
        switch self {
        case .genitive: "GEN"
        case .dative: "DAT"
        case .accusative: "ACC"
        case .locative, .locativeAttributive: "LOC"
        case .ablative: "ABL"
        case .instrumental: "INS"
        case .plural: "PL"
        }
    }
}
