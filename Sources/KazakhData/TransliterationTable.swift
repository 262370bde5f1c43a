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
        /// The informal ASCII digraph scheme (sh zh ch gh ng, marks dropped); empty when the file has no such column.
        public var digraph: String = ""
    }

    /// Every row of `translit.tsv`, in alphabetical order.
    public static let rows: [Row] = DataFile.requiredRows("translit.tsv").compactMap { fields in
        guard fields.count >= 5, fields[0].unicodeScalars.count == 1, let cyrillic = fields[0].unicodeScalars.first else { return nil }
        var row = Row(cyrillic: cyrillic, latin2021: fields[1], latin2018: fields[2], latin2017: fields[3], isLoanLetter: fields[4] == "loan")
        if fields.count > 5 { row.digraph = fields[5] }
        return row
    }

    /// Loanword beginnings whose Latin spelling is ambiguous: (Latin prefix, Cyrillic prefix), longest first.
    public static let loanwordPrefixes: [(latin: String, cyrillic: String)] = DataFile.requiredRows("translit-loanwords.tsv")
        .compactMap { $0.count >= 2 && !$0[0].isEmpty ? ($0[0].lowercased(), $0[1].lowercased()) : nil }
        .sorted { $0.latin.unicodeScalars.count > $1.latin.unicodeScalars.count }

    /// Letters of drafts and unofficial schemes (`translit-latin-variants.tsv`): letter → 2021 spelling and scheme
    /// name (`draft-2021`, `caron`, `turkish`).
    public static let latinVariants: [(letter: Unicode.Scalar, latin2021: String, scheme: String)] =
        DataFile.requiredRows("translit-latin-variants.tsv").compactMap { fields in
            guard fields.count >= 3, fields[0].unicodeScalars.count == 1, let letter = fields[0].unicodeScalars.first else { return nil }
            return (letter, fields[1], fields[2])
        }
}

/// The Kazakh Cyrillic ⇄ Arabic-script table (`Resources/translit-arabic.tsv`, with the hamza convention).
public enum ArabicTransliterationTable {
    /// One Cyrillic letter and its Arabic-script spelling.
    public struct Row: Sendable, Equatable {
        /// The Cyrillic letter, lower case.
        public let cyrillic: Unicode.Scalar
        /// Its Arabic-script spelling (a front vowel is written with its back pair's letter; empty for ъ ь).
        public let arabic: String
        /// `back` or `front` for the letters of a vowel pair, `front` for е э к г, empty otherwise.
        public let harmony: String
        /// The precomposed high-hamza letter of a front vowel (ٵ ٶ ٷ ٸ), when there is one.
        public let precomposed: Unicode.Scalar?
    }

    /// Every row, in the table's order.
    public static let rows: [Row] = DataFile.requiredRows("translit-arabic.tsv").compactMap { fields in
        guard fields.count >= 2, fields[0].unicodeScalars.count == 1, let cyrillic = fields[0].unicodeScalars.first else { return nil }
        let harmony = fields.count > 2 ? fields[2] : ""
        let precomposed = fields.count > 3 ? fields[3].unicodeScalars.first : nil
        return Row(cyrillic: cyrillic, arabic: fields[1], harmony: harmony, precomposed: precomposed)
    }
}
