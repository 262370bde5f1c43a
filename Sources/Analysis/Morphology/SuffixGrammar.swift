import KazakhData

/// The compiled suffix table: strips inflectional suffixes right to left, obeying the morphotactics
/// (`left`/`yields` categories), vowel harmony and consonant assimilation given in `morphology-suffixes.tsv`.
struct SuffixGrammar: Sendable {
    /// One allomorph of one table row.
    struct Allomorph: Sendable {
        let rowIndex: Int
        let scalars: [Unicode.Scalar]
        let harmony: KazakhPhonology.Harmony
        let startsWithVowel: Bool
    }

    /// A table row with its conditions compiled to bit sets.
    struct Row: Sendable {
        let id: String
        let afterMask: UInt8
        let left: [Category]
        let yields: Category
        let readings: [[(String, String)]]
    }

    /// Morphotactic categories (what a suffix attaches to and what it yields).
    enum Category: String, Sendable, CaseIterable {
        case N0, NPL, NP, NP3, NC, V0, VN, PAST, COND, PRES, CONV, PART, GER, PERS

        var isVerbal: Bool { self == .V0 }
    }

    /// A way of splitting a word into a stem and suffixes (outermost suffix last).
    struct Segmentation: Sendable {
        /// Stem length in scalars.
        var stemLength: Int
        /// The stem is nominal (`N0`) or verbal (`V0`).
        var stemCategory: Category
        /// Row indices, innermost first.
        var rows: [Int]
        /// The first suffix starts with a vowel (stem-final б/ғ/г may be voiced п/қ/к).
        var vowelInitial: Bool
    }

    let rows: [Row]
    /// Allomorphs grouped by their last scalar, for fast matching at a word end.
    private let byLastScalar: [Unicode.Scalar: [Allomorph]]

    init(rows tableRows: [MorphologyTables.SuffixRow]) {
        var rows: [Row] = []
        var index: [Unicode.Scalar: [Allomorph]] = [:]
        for tableRow in tableRows {
            var mask: UInt8 = 0
            for code in tableRow.after {
                if code == "*" { mask = 0xFF } else if let c = KazakhPhonology.LetterClass(code: code) { mask |= c.rawValue }
            }
            let readings = tableRow.readings.map { reading in
                reading == "_" ? [] : reading.split(separator: "|").compactMap { pair -> (String, String)? in
                    guard let eq = pair.firstIndex(of: "=") else { return nil }
                    return (String(pair[..<eq]), String(pair[pair.index(after: eq)...]))
                }
            }
            let row = Row(
                id: tableRow.id, afterMask: mask, left: tableRow.left.compactMap(Category.init(rawValue:)),
                yields: Category(rawValue: tableRow.yields) ?? .NC, readings: readings)
            rows.append(row)
            for form in tableRow.forms {
                let scalars = Array(form.unicodeScalars)
                guard let last = scalars.last else { continue }
                index[last, default: []].append(Allomorph(
                    rowIndex: rows.count - 1, scalars: scalars,
                    harmony: tableRow.harmonises ? KazakhPhonology.suffixHarmony(scalars) : .neutral,
                    startsWithVowel: KazakhPhonology.isVowel(scalars[0])))
            }
        }
        self.rows = rows
        self.byLastScalar = index
    }

    /// Every segmentation of `word` (lowercased scalars) whose stem is at least `minimumStem` scalars long.
    /// The unsegmented word is not included.
    func segmentations(of word: [Unicode.Scalar], minimumStem: Int = 1) -> [Segmentation] {
        var results: [Segmentation] = []
        var chain: [Int] = []
        walk(word, end: word.count, accepts: nil, chain: &chain, minimumStem: minimumStem, vowelInitial: false, into: &results)
        return results
    }

    private func walk(_ word: [Unicode.Scalar], end: Int, accepts: [Category]?, chain: inout [Int], minimumStem: Int,
                      vowelInitial: Bool, into results: inout [Segmentation]) {
        if let accepts, !chain.isEmpty {
            for category in [Category.N0, .V0] where accepts.contains(category) && end >= minimumStem {
                results.append(Segmentation(stemLength: end, stemCategory: category, rows: chain.reversed(), vowelInitial: vowelInitial))
            }
        }
        guard chain.count < 6, end > minimumStem, let candidates = byLastScalar[word[end - 1]] else { return }
        for allomorph in candidates {
            let length = allomorph.scalars.count
            let stemEnd = end - length
            guard stemEnd >= minimumStem else { continue }
            let row = rows[allomorph.rowIndex]
            if let accepts, !accepts.contains(row.yields) { continue }
            // Voice suffixes stack on V0 only a couple of times.
            if row.yields == .V0 && chain.filter({ rows[$0].yields == .V0 }).count >= 2 { continue }
            var matches = true
            for offset in 0..<length where word[stemEnd + offset] != allomorph.scalars[offset] {
                matches = false
                break
            }
            guard matches else { continue }
            guard let previous = KazakhPhonology.letterClass(word[stemEnd - 1]), row.afterMask & previous.rawValue != 0 else { continue }
            if allomorph.harmony != .neutral {
                let stemHarmony = KazakhPhonology.stemHarmony(word, end: stemEnd)
                if stemHarmony != .neutral && stemHarmony != allomorph.harmony { continue }
            }
            chain.append(allomorph.rowIndex)
            walk(word, end: stemEnd, accepts: row.left, chain: &chain, minimumStem: minimumStem,
                 vowelInitial: allomorph.startsWithVowel, into: &results)
            chain.removeLast()
        }
    }
}
