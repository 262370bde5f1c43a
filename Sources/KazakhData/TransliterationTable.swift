/// The Kazakh Cyrillic ⇄ Latin tables, from `Resources/translit.tsv` and `Resources/translit-loanwords.tsv`.
public enum TransliterationTable {
    /// One Cyrillic letter (lower case) and its spelling in the three official Latin alphabets.
    public struct Row: Sendable, Equatable {
        /// The Cyrillic letter, lower case.
        public let cyrillic: Unicode.Scalar
        /// The January 2021 alphabet (31 letters); empty for ъ and ь.
        public let latin2021: String
        /// The February 2018 alphabet (acute accents, digraphs sh/ch).
        public let latin2018: String
        /// The October 2017 alphabet (apostrophes).
        public let latin2017: String
        /// True for letters that only occur in Russian loanwords (ё ц щ ъ ь э ю я).
        public let isLoanLetter: Bool
    }

    /// Every row of `translit.tsv`, in alphabetical order.
    public static let rows: [Row] = DataFile.requiredRows("translit.tsv").compactMap { fields in
        guard fields.count >= 5, fields[0].unicodeScalars.count == 1, let cyrillic = fields[0].unicodeScalars.first else { return nil }
        return Row(cyrillic: cyrillic, latin2021: fields[1], latin2018: fields[2], latin2017: fields[3], isLoanLetter: fields[4] == "loan")
    }

    /// Loanword beginnings whose Latin spelling is ambiguous: (Latin prefix, Cyrillic prefix), longest first.
    public static let loanwordPrefixes: [(latin: String, cyrillic: String)] = DataFile.requiredRows("translit-loanwords.tsv")
        .compactMap { $0.count >= 2 && !$0[0].isEmpty ? ($0[0].lowercased(), $0[1].lowercased()) : nil }
        .sorted { $0.latin.unicodeScalars.count > $1.latin.unicodeScalars.count }
}
