import Analysis

/// Folds Latin-script, Arabic-script and mixed-script words to lowercased Cyrillic for the index and the query parser,
/// so "Almaty", "Qazaqstan", "Qazaqstandag'y" (2017), "Qazaqstandaǵy" (2018) and "Aлматы" (Latin A) meet
/// "Алматы" and "Қазақстандағы".
///
/// The reading itself is the project's: ``Normalizer`` repairs homoglyphs in mixed-script words and
/// ``Transliterator/toCyrillic(_:preserveForeign:)`` reads the 2021, 2018 and 2017 Latin alphabets and
/// informal spellings. This type only adds what search needs on top: one word at a time, lowercased, with
/// English words, URLs and domains left as they are, and the Cyrillic spellings an ASCII-only query word may
/// stand for (``queryVariants(_:limit:)``). Documents and queries go through the same function, so they agree.
public enum ScriptFolding {
    /// The lowercased Cyrillic form of a word that contains Latin letters, or nil when it has none.
    ///
    /// Evidently English words ("council", "the") and addresses ("almaty.tv") stay Latin, only lowercased.
    /// An Arabic-script word (төте жазу) is read into Cyrillic with the hamza convention.
    public static func cyrillic(_ word: String) -> String? {
        if word.unicodeScalars.contains(where: { (0x620...0x6FF).contains($0.value) }) {
            return Transliterator.arabicToCyrillic(word)
        }
        guard word.unicodeScalars.contains(where: isLatinLetter) else { return nil }
        // A word mixing scripts is homoglyph damage first ("Aлматы"); what stays Latin is then read as Kazakh Latin.
        let repaired = word.unicodeScalars.contains(where: isCyrillic) ? normalizer.normalize(word) : word
        return Transliterator.toCyrillic(repaired, preserveForeign: true).lowercased()
    }

    /// Cyrillic spellings a Latin query word may stand for, most likely first (at most `limit`).
    ///
    /// A word written with plain ASCII letters may have lost the marks that tell к/қ, г/ғ, у/ұ/ү, о/ө, а/ә,
    /// н/ң, і/и/ы, х/һ and е/э apart ("Kazakstan" for "Qazaqstan"), so it is searched as the OR of these
    /// spellings. A word with 2021/2018/2017 marks, a homoglyph-damaged word and a kept English word have one.
    public static func queryVariants(_ word: String, limit: Int = 24) -> [String] {
        guard let first = cyrillic(word) else { return [word] }
        guard word.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0 == "-") }),
              !first.unicodeScalars.contains(where: isLatinLetter)
        else { return [first] }
        let letters = Array(first)
        let positions = letters.indices.filter { confusable[letters[$0]] != nil }
        var variants = [first]
        var seen: Set<String> = [first]
        // Breadth-first over the number of letters changed, so the likeliest spellings come first.
        var frontier: [[Int: Character]] = [[:]]
        while !frontier.isEmpty && variants.count < limit {
            var next: [[Int: Character]] = []
            for choice in frontier {
                let lastPosition = choice.keys.max() ?? -1
                for position in positions where position > lastPosition {
                    for option in confusable[letters[position]]! {
                        var extended = choice
                        extended[position] = option
                        next.append(extended)
                        var spelled = letters
                        for (index, letter) in extended { spelled[index] = letter }
                        let variant = String(spelled)
                        if seen.insert(variant).inserted { variants.append(variant) }
                        if variants.count >= limit { return variants }
                    }
                }
            }
            frontier = next
        }
        return variants
    }

    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: return scalar.properties.isAlphabetic
        default: return false
        }
    }

    static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool {
        (0x400...0x52F).contains(scalar.value)
    }

    private static let normalizer = Normalizer()

    /// Cyrillic letters an ASCII-only Latin spelling cannot tell apart: for the letter the transliterator chose,
    /// the others it may stand for (the Kazakh letters whose Latin forms need marks the writer may have dropped).
    private static let confusable: [Character: [Character]] = {
        let groups: [[Character]] = [["к", "қ"], ["г", "ғ"], ["у", "ұ", "ү"], ["о", "ө"], ["а", "ә"], ["н", "ң"],
                                     ["і", "и", "ы"], ["х", "һ"], ["е", "э"]]
        var table: [Character: [Character]] = [:]
        for group in groups {
            for letter in group { table[letter] = group.filter { $0 != letter } }
        }
        return table
    }()
}
