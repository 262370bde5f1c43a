/// Russian name data for the Russian name finder and the collection's name lookups: `russian-names.tsv` (Russian
/// spelling → Kazakh canonical and class), `russian-case-endings.tsv` (case ending → nominative ending) and
/// `russian-letter-folds.tsv` (Kazakh letters → their Russian look-alikes).
public enum RussianNames {
    /// A known name in its Russian nominative spelling.
    public struct Name: Sendable, Equatable {
        /// The Russian nominative ("Караганда").
        public let russian: String
        /// The Kazakh canonical name it resolves to ("Қарағанды").
        public let canonical: String
        /// KazNERD class (`GPE`, `PERSON`, …).
        public let label: String
    }

    /// Every row of `russian-names.tsv`.
    public static let names: [Name] = DataFile.requiredRows("russian-names.tsv").compactMap { fields in
        fields.count >= 3 && !fields[0].isEmpty ? Name(russian: fields[0], canonical: fields[1], label: fields[2]) : nil
    }

    /// (ending, nominative replacement) pairs of `russian-case-endings.tsv`.
    public static let caseEndings: [(ending: String, replacement: String)] = DataFile.requiredRows("russian-case-endings.tsv")
        .compactMap { $0.count >= 1 && !$0[0].isEmpty ? ($0[0], $0.count > 1 ? $0[1] : "") : nil }

    /// `word` with the case ending of `rule` replaced by its nominative ending, or nil when the word does not end so or
    /// would keep fewer than three letters before the ending (the one place this rule is written).
    public static func nominative(of word: String, by rule: (ending: String, replacement: String)) -> String? {
        guard word.hasSuffix(rule.ending), word.count > rule.ending.count + 2 else { return nil }
        return String(word.dropLast(rule.ending.count)) + rule.replacement
    }

    /// The word itself, then its candidate nominatives, one per case ending it ends with, in the table's order
    /// ("Досаеву" → Досаеву, Досаев, Досаева): several, since an ending is ambiguous; callers keep those they know.
    public static func nominatives(of word: String) -> [String] {
        [word] + caseEndings.compactMap { nominative(of: word, by: $0) }
    }

    /// Each folded letter of `russian-letter-folds.tsv` (lower case) with its look-alike and whether only Kazakh has it.
    static let letterFolds: [Unicode.Scalar: (lookAlike: Unicode.Scalar, kazakhOnly: Bool)] = {
        var folds: [Unicode.Scalar: (lookAlike: Unicode.Scalar, kazakhOnly: Bool)] = [:]
        for row in DataFile.requiredRows("russian-letter-folds.tsv") where row.count >= 3 {
            guard let letter = row[0].unicodeScalars.first, let lookAlike = row[1].unicodeScalars.first else { continue }
            folds[letter] = (lookAlike, row[2] == "kazakh")
        }
        return folds
    }()

    /// `text` lowercased with the letters of `russian-letter-folds.tsv` replaced by their Russian look-alikes, so a
    /// Russian spelling and a Kazakh one compare equal ("Токаев", "Тоқаев" → токаев).
    public static func folded(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            out.append(letterFolds[scalar]?.lookAlike ?? scalar)
        }
        return String(out)
    }

    /// Whether `text` holds a letter only Kazakh has (ә, қ, …: `russian-letter-folds.tsv`), in either case: such a word
    /// is not a Russian case form.
    public static func hasKazakhOnlyLetter(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            (letterFolds[scalar] ?? scalar.properties.lowercaseMapping.unicodeScalars.first.flatMap { letterFolds[$0] })?.kazakhOnly == true
        }
    }
}
