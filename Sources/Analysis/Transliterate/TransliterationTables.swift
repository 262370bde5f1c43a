import KazakhData

/// Look-up tables derived once from `translit.tsv`, keyed by scalars: the Latin reader asks them of every letter,
/// so they hold no `String`s.
struct TransliterationTables: Sendable {
    static let shared = TransliterationTables()

    /// Lower-case Cyrillic letter → its 2021 Latin spelling (empty for ъ ь).
    let cyrillicToLatin: [Unicode.Scalar: [Unicode.Scalar]]
    /// 2017 letter (lower case, without an apostrophe) → 2021 spelling.
    let from2017: [Unicode.Scalar: [Unicode.Scalar]]
    /// 2017 letter written with an apostrophe after it ("a'" is keyed by "a") → 2021 spelling.
    let from2017Apostrophe: [Unicode.Scalar: [Unicode.Scalar]]
    /// 2018 letter (lower case) → 2021 spelling.
    let from2018: [Unicode.Scalar: [Unicode.Scalar]]
    /// 2018 digraphs that stand for one 2021 letter ("sh" → ş), keyed by ``pairKey(_:_:)``.
    let from2018Pairs: [UInt64: Unicode.Scalar]
    /// Loanword beginnings (2021 Latin → Cyrillic), longest first.
    let loanwordPrefixes: [(latin: [Unicode.Scalar], cyrillic: [Unicode.Scalar])]

    static func pairKey(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt64 {
        UInt64(first.value) << 32 | UInt64(second.value)
    }

    init() {
        var cyrillicToLatin: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        var from2017: [Unicode.Scalar: [Unicode.Scalar]] = [:], from2017Apostrophe: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        var from2018: [Unicode.Scalar: [Unicode.Scalar]] = [:], from2018Pairs: [UInt64: Unicode.Scalar] = [:]
        for row in TransliterationTable.rows {
            cyrillicToLatin[row.cyrillic] = Array(row.latin2021.unicodeScalars)
            guard !row.isLoanLetter else { continue }
            let latin2021 = Array(row.latin2021.unicodeScalars)
            // Later rows win, as in the table's own order (й after и: both i' in 2017, ı in 2018, i in 2021).
            switch Array(row.latin2017.unicodeScalars) {
            case let spelling where spelling.count == 1: from2017[spelling[0]] = latin2021
            case let spelling where spelling.count == 2 && spelling[1] == "'": from2017Apostrophe[spelling[0]] = latin2021
            default: break
            }
            switch Array(row.latin2018.unicodeScalars) {
            case let spelling where spelling.count == 1: from2018[spelling[0]] = latin2021
            case let spelling where spelling.count == 2 && latin2021.count == 1: from2018Pairs[Self.pairKey(spelling[0], spelling[1])] = latin2021[0]
            default: break
            }
        }
        self.cyrillicToLatin = cyrillicToLatin
        self.from2017 = from2017
        self.from2017Apostrophe = from2017Apostrophe
        self.from2018 = from2018
        self.from2018Pairs = from2018Pairs
        loanwordPrefixes = TransliterationTable.loanwordPrefixes.map { (Array($0.latin.unicodeScalars), Array($0.cyrillic.unicodeScalars)) }
    }
}
