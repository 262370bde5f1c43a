/// Russian name data for the Russian name finder: `russian-names.tsv` (Russian spelling → Kazakh canonical and
/// class) and `russian-case-endings.tsv` (case ending → nominative ending).
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
}
