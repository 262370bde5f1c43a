package import KazakhData

/// The compiled suffix table: strips inflectional suffixes right to left, obeying the morphotactics
/// (`left`/`yields` categories), vowel harmony and consonant assimilation given in `morphology-suffixes.tsv`.
package struct SuffixGrammar: Sendable {
    /// One allomorph of one table row, with the row's conditions copied in: plain values, so the walk over
    /// allomorphs retains nothing. Its scalars are `grammar.allomorphScalars[start..<start + length]`.
    package struct Allomorph: Sendable {
        package let rowIndex: Int
        package let start: Int
        package let length: Int
        package let harmony: KazakhPhonology.Harmony
        package let startsWithVowel: Bool
        package let afterMask: UInt8
        package let yields: Category
        /// The row's `left` categories as a bit set (bit = `Category.bit`).
        package let leftMask: UInt16
    }

    /// A table row with its conditions compiled to bit sets.
    package struct Row: Sendable {
        package let id: String
        package let afterMask: UInt8
        package let left: [Category]
        package let yields: Category
        package let readings: [[(String, String)]]
    }

    /// Morphotactic categories (what a suffix attaches to and what it yields).
    package enum Category: String, Sendable, CaseIterable {
        case N0, NPL, NP, NP3, NC, V0, VN, PAST, COND, PRES, CONV, PART, GER, PERS

        /// This category's bit in a category bit set.
        var bit: UInt16 {
            switch self {
            case .N0: 1 << 0
            case .NPL: 1 << 1
            case .NP: 1 << 2
            case .NP3: 1 << 3
            case .NC: 1 << 4
            case .V0: 1 << 5
            case .VN: 1 << 6
            case .PAST: 1 << 7
            case .COND: 1 << 8
            case .PRES: 1 << 9
            case .CONV: 1 << 10
            case .PART: 1 << 11
            case .GER: 1 << 12
            case .PERS: 1 << 13
            }
        }
    }

    /// A way of splitting a word into a stem and suffixes (outermost suffix last).
    package struct Segmentation: Sendable {
        /// Stem length in scalars.
        package var stemLength: Int
        /// The stem is nominal (`N0`) or verbal (`V0`).
        package var stemCategory: Category
        /// Row indices, innermost first.
        package var rows: [Int]
        /// The first suffix starts with a vowel (stem-final б/ғ/г may be voiced п/қ/к).
        package var vowelInitial: Bool
    }

    package let rows: [Row]
    /// Allomorphs ordered by last scalar (table order within one last scalar), and their scalars back to back.
    private let allomorphs: [Allomorph]
    private let allomorphScalars: [Unicode.Scalar]
    /// For a last scalar below ``indexedScalars``: the range of ``allomorphs`` ending with it (start, end).
    private let byLastScalar: [(Int32, Int32)]
    /// Suffixes are Cyrillic; a word ending in any other scalar has no suffix.
    private static let indexedScalars = 0x500

    package init(rows tableRows: [MorphologyTables.SuffixRow]) {
        var rows: [Row] = []
        var grouped: [UInt32: [(Int, [Unicode.Scalar], KazakhPhonology.Harmony)]] = [:]
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
                grouped[last.value, default: []].append(
                    (rows.count - 1, scalars, tableRow.harmonises ? KazakhPhonology.suffixHarmony(scalars) : .neutral))
            }
        }
        var allomorphs: [Allomorph] = []
        var scalars: [Unicode.Scalar] = []
        var byLastScalar = [(Int32, Int32)](repeating: (0, 0), count: Self.indexedScalars)
        for last in grouped.keys.sorted() where Int(last) < Self.indexedScalars {
            let first = allomorphs.count
            for (rowIndex, form, harmony) in grouped[last]! {
                let row = rows[rowIndex]
                allomorphs.append(Allomorph(
                    rowIndex: rowIndex, start: scalars.count, length: form.count, harmony: harmony,
                    startsWithVowel: KazakhPhonology.isVowel(form[0]), afterMask: row.afterMask, yields: row.yields,
                    leftMask: row.left.reduce(0) { $0 | $1.bit }))
                scalars += form
            }
            byLastScalar[Int(last)] = (Int32(first), Int32(allomorphs.count))
        }
        self.rows = rows
        self.allomorphs = allomorphs
        self.allomorphScalars = scalars
        self.byLastScalar = byLastScalar
    }

    /// Every segmentation of `word` (lowercased scalars) whose stem is at least `minimumStem` scalars long.
    /// The unsegmented word is not included.
    package func segmentations(of word: [Unicode.Scalar], minimumStem: Int = 1) -> [Segmentation] {
        var results: [Segmentation] = []
        var chain: [Int] = []
        walk(word, end: word.count, accepts: nil, chain: &chain, minimumStem: minimumStem, vowelInitial: false, into: &results)
        return results
    }

    private func walk(_ word: [Unicode.Scalar], end: Int, accepts: UInt16?, chain: inout [Int], minimumStem: Int,
                      vowelInitial: Bool, into results: inout [Segmentation]) {
        if let accepts, !chain.isEmpty {
            for category in [Category.N0, .V0] where accepts & category.bit != 0 && end >= minimumStem {
                results.append(Segmentation(stemLength: end, stemCategory: category, rows: chain.reversed(), vowelInitial: vowelInitial))
            }
        }
        guard chain.count < 6, end > minimumStem else { return }
        let last = Int(word[end - 1].value)
        guard last < Self.indexedScalars else { return }
        let (first, limit) = byLastScalar[last]
        for position in Int(first)..<Int(limit) {
            let allomorph = allomorphs[position]
            let length = allomorph.length
            let stemEnd = end - length
            guard stemEnd >= minimumStem else { continue }
            if let accepts, accepts & allomorph.yields.bit == 0 { continue }
            // Voice suffixes stack on V0 only a couple of times.
            if allomorph.yields == .V0 {
                var voices = 0
                for rowIndex in chain where rows[rowIndex].yields == .V0 { voices += 1 }
                if voices >= 2 { continue }
            }
            var matches = true
            for offset in 0..<length where word[stemEnd + offset] != allomorphScalars[allomorph.start + offset] {
                matches = false
                break
            }
            guard matches else { continue }
            guard let previous = KazakhPhonology.letterClass(word[stemEnd - 1]), allomorph.afterMask & previous.rawValue != 0 else { continue }
            if allomorph.harmony != .neutral {
                let stemHarmony = KazakhPhonology.stemHarmony(word, end: stemEnd)
                if stemHarmony != .neutral && stemHarmony != allomorph.harmony { continue }
            }
            chain.append(allomorph.rowIndex)
            walk(word, end: stemEnd, accepts: allomorph.leftMask, chain: &chain, minimumStem: minimumStem,
                 vowelInitial: allomorph.startsWithVowel, into: &results)
            chain.removeLast()
        }
    }
}
