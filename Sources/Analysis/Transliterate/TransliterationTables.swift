import KazakhData

/// Look-up tables derived once from `translit.tsv`.
struct TransliterationTables: Sendable {
    static let shared = TransliterationTables()

    /// Lower-case Cyrillic letter → its 2021 Latin spelling (empty for ъ ь).
    let cyrillicToLatin: [Unicode.Scalar: [Unicode.Scalar]]
    /// 2017 spellings (letter or letter + apostrophe, lower case) → 2021 spelling.
    let from2017: [String: String]
    /// 2018 spellings (letter or digraph, lower case) → 2021 spelling.
    let from2018: [String: String]
    /// Loanword beginnings (2021 Latin → Cyrillic), longest first.
    let loanwordPrefixes: [(latin: [Unicode.Scalar], cyrillic: [Unicode.Scalar])]

    init() {
        var cyrillicToLatin: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        var from2017: [String: String] = [:]
        var from2018: [String: String] = [:]
        for row in TransliterationTable.rows {
            cyrillicToLatin[row.cyrillic] = Array(row.latin2021.unicodeScalars)
            guard !row.isLoanLetter else { continue }
            from2017[row.latin2017] = row.latin2021
            from2018[row.latin2018] = row.latin2021
        }
        self.cyrillicToLatin = cyrillicToLatin
        self.from2017 = from2017
        self.from2018 = from2018
        loanwordPrefixes = TransliterationTable.loanwordPrefixes.map { (Array($0.latin.unicodeScalars), Array($0.cyrillic.unicodeScalars)) }
    }
}
