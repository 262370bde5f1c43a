import Foundation
import KazakhData

/// Lookups in ``ScriptReadings``: Arabic-script and digraph spellings that the letter rules misread, and the
/// capitalised forms of proper nouns, built once on first use (only text in those scripts pays for it).
struct ReadingLexicon: Sendable {
    static let shared = ReadingLexicon()

    /// Arabic lookup key (``ArabicReader/lookupKey(_:)``) → Cyrillic form.
    private(set) var arabic: [String: [Unicode.Scalar]] = [:]
    /// Lower-case digraph spelling → Cyrillic form.
    private(set) var digraph: [String: [Unicode.Scalar]] = [:]
    /// Lower-case Cyrillic form → the form capitalised as the corpus writes it (proper nouns only).
    private(set) var proper: [String: [Unicode.Scalar]] = [:]

    /// Lower-case forms of common words: the word-cluster vocabulary (`word-clusters.tsv`, forms seen at least three
    /// times in Kazakh text) without the proper nouns above. A caseless word listed here is never given a capital by
    /// the place, role and Chinese-name rules ("бас қаласы" keeps "бас").
    private(set) var common: Set<String> = []

    init(rows: [ScriptReadings.Row] = ScriptReadings.rows, commonForms: [String] = WordClusters.entries.map(\.form)) {
        // Rows come most frequent first: the first form of a spelling wins.
        for row in rows {
            let form = Array(row.form.unicodeScalars)
            let lower = row.form.lowercased()
            if lower != row.form, proper[lower] == nil { proper[lower] = form }
            if row.arabic {
                let key = ArabicReader.lookupKey(Array(ArabicReader.write(lower).unicodeScalars))
                if arabic[key] == nil { arabic[key] = form }
                // Outlets write -ия with one ي ("ازيا"), where the table's spelling has two (и ي + я يا).
                let single = key.replacingOccurrences(of: "\u{64A}\u{64A}\u{627}", with: "\u{64A}\u{627}")
                if single != key, arabic[single] == nil { arabic[single] = form }
            }
            if row.digraph, let spelling = Transliterator.toLatin(lower, scheme: .digraph)?.lowercased(), digraph[spelling] == nil {
                digraph[spelling] = form
            }
        }
        common = Set(commonForms.filter { form in
            form.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "-" } && proper[form] == nil
        })
    }

    /// The Cyrillic form of the Arabic-script word `letters` (hamza, if any, included), or nil. A word written with
    /// a hamza that its form does not need ("ءۇرىمجىدە": е already marks it front) is also found without it.
    func arabicForm(_ letters: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        let key = ArabicReader.lookupKey(letters)
        if let form = arabic[key] { return form }
        // Outlets write е after a vowel as it sounds, йе ("توقايەۆ" for "توقاەۆ", Тоқаев): looked up without the й.
        if let withoutGlide = Self.droppingGlideBeforeE(letters), let form = arabicForm(withoutGlide) { return form }
        guard key.unicodeScalars.first == ArabicReader.hamza else { return nil }
        let bare = String(String.UnicodeScalarView(key.unicodeScalars.dropFirst()))
        guard let form = arabic[bare], form.contains(where: Self.frontLetters.contains) else { return nil }
        return form
    }

    /// A listed stem of at least four letters followed by a name's case or plural ending, read in the stem's
    /// harmony ("وزبەكستاننان" → Өзбекстан + нан, "سۇلەيمەنوۆتىڭ" → Сүлейменов + тың), or nil. Only proper
    /// nouns (capitalised forms) are stems here: a common word's forms are in the table themselves or read by the rules.
    func arabicStemForm(_ letters: [Unicode.Scalar], hasHamza: Bool) -> [Unicode.Scalar]? {
        let plain = letters.filter { !ArabicReader.hamzaSigns.contains($0) }
        guard plain.count > 5 else { return nil }
        // Only the cuts where a name ending's spelling follows are looked up (longest stem first).
        let spelling = plain.lazy.map { ArabicReader.precomposedBase[$0] ?? $0 }
        for endingLength in Self.arabicNameEndings.matchingLengths(spelling, minimumStem: 4) {
            let length = plain.count - endingLength
            let stemLetters = (hasHamza ? [ArabicReader.hamza] : []) + plain[..<length]
            guard let stem = arabicForm(stemLetters), stem.first?.properties.isUppercase == true else { continue }
            guard let vowel = stem.last(where: { Self.backVowels.contains($0) || Self.frontVowels.contains($0) }),
                  let ending = ArabicReader.read(plain[length...], front: Self.frontVowels.contains(vowel)),
                  Self.nameEndings.contains(String(String.UnicodeScalarView(ending)))
            else { continue }
            return stem + ending
        }
        return nil
    }

    /// `letters` without each ي that stands between a vowel letter and ە, or nil when there is none.
    static func droppingGlideBeforeE(_ letters: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        func isGlide(_ index: Int) -> Bool {
            letters[index] == "\u{64A}" && index > 0 && index + 1 < letters.count && letters[index + 1] == "\u{6D5}"
                && ArabicReader.isVowelLetter(letters[index - 1])
        }
        guard letters.indices.contains(where: isGlide) else { return nil }
        return letters.indices.filter { !isGlide($0) }.map { letters[$0] }
    }

    static let backVowels: Set<Unicode.Scalar> = Set("аоұыАОҰЫ".unicodeScalars)
    static let frontVowels: Set<Unicode.Scalar> = Set("әеөүіӘЕӨҮІ".unicodeScalars)
    /// Case and plural endings a name takes (`case-suffixes.tsv`).
    static let nameEndings: Set<String> = Set(NameCaseSuffixes.rules.map { String(String.UnicodeScalarView($0.suffix)) })
    /// The Arabic-script spellings of ``nameEndings`` (no hamza; both harmonies write the same letters).
    static let arabicNameEndings = SuffixMatcher(nameEndings.map { ending in
        String(String.UnicodeScalarView(ArabicReader.write(ending).unicodeScalars.filter { !ArabicReader.hamzaSigns.contains($0) }))
    })

    /// The Cyrillic form of a digraph-spelled word (any case), or nil.
    func digraphForm<Letters: Collection<Unicode.Scalar>>(_ letters: Letters) -> [Unicode.Scalar]? {
        digraph[String(String.UnicodeScalarView(letters.map(Transliterator.lowercase)))]
    }

    /// Letters that make a word front in the Arabic script's reading (ә ө ү і, е, к, г; either case).
    static let frontLetters: Set<Unicode.Scalar> = Set("әөүіекгӘӨҮІЕКГ".unicodeScalars)
}
