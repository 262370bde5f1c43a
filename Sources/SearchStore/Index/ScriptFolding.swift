/// Folds Latin-script and mixed-script Kazakh words to Cyrillic, so "Almaty", "Qazaqstan" and
/// "Aлматы" (Latin A) meet "Алматы" and "Қазақстан" in the index.
///
/// A stop-gap: the `Transliterator` being written for normalisation (branch `textnorm`) will replace
/// ``cyrillic(_:)``; everything in the store calls only that function and ``queryVariants(_:)``.
/// It follows the 2021 Kazakh Latin alphabet (ä ğ ı i ñ ö q ş ū ü y) and also accepts the common
/// English-style spellings seen in news (sh, ch, zh, kh, ya, yu, and y for ы after a consonant).
public enum ScriptFolding {
    /// The lowercased Cyrillic form of a word that contains Latin letters, or nil when it has none.
    ///
    /// Words mixing Cyrillic and Latin letters are treated as homoglyph damage: Latin look-alikes
    /// (a, c, e, o, p, x, y, i, …) become the Cyrillic letters they imitate.
    public static func cyrillic(_ word: String) -> String? {
        var hasLatin = false
        var hasCyrillic = false
        for scalar in word.unicodeScalars {
            if isLatinLetter(scalar) { hasLatin = true } else if isCyrillic(scalar) { hasCyrillic = true }
        }
        guard hasLatin else { return nil }
        if hasCyrillic { return repairHomoglyphs(word) }
        return transliterate(Array(word.lowercased().unicodeScalars), choices: nil)
    }

    /// Cyrillic spellings a Latin query word may stand for, most likely first (at most `limit`).
    ///
    /// Latin spellings lose distinctions (k: к/қ, g: г/ғ, u: у/ұ/ү, o: о/ө, a: а/ә, n: н/ң, i: і/и/ы),
    /// so a Latin query is searched as the OR of these spellings.
    public static func queryVariants(_ word: String, limit: Int = 24) -> [String] {
        guard let first = cyrillic(word) else { return [word] }
        // Homoglyph repairs have one answer; only pure Latin words are ambiguous.
        guard !word.unicodeScalars.contains(where: isCyrillic) else { return [first] }
        let scalars = Array(word.lowercased().unicodeScalars)
        let positions = scalars.indices.filter { alternatives[scalars[$0]] != nil }
        var variants = [first]
        var seen: Set<String> = [first]
        // Breadth-first over the number of letters changed, so the likeliest spellings come first.
        var frontier: [[Int: Int]] = [[:]]
        while !frontier.isEmpty && variants.count < limit {
            var next: [[Int: Int]] = []
            for choice in frontier {
                let lastPosition = choice.keys.max() ?? -1
                for position in positions where position > lastPosition {
                    for option in 1..<(alternatives[scalars[position]]!.count) {
                        var extended = choice
                        extended[position] = option
                        next.append(extended)
                        let variant = transliterate(scalars, choices: extended)
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

    /// Latin letters that imitate Cyrillic ones, by case (an upper-case H imitates Н, a lower-case h imitates һ).
    private static let homoglyphs: [Unicode.Scalar: Unicode.Scalar] = [
        "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і", "h": "һ", "k": "к",
        "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О", "P": "Р", "T": "Т",
        "X": "Х", "Y": "У", "I": "І",
    ]

    private static func repairHomoglyphs(_ word: String) -> String {
        var view = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            view.append(homoglyphs[scalar] ?? scalar)
        }
        return String(view).lowercased()
    }

    /// Two-letter spellings, checked before single letters.
    private static let digraphs: [String: String] = [
        "sh": "ш", "ch": "ч", "zh": "ж", "kh": "х", "ts": "ц", "ya": "я", "yu": "ю",
    ]

    private static let letters: [Unicode.Scalar: String] = [
        "a": "а", "ä": "ә", "á": "ә", "b": "б", "c": "с", "d": "д", "e": "е", "é": "е", "f": "ф", "g": "г",
        "ğ": "ғ", "ǵ": "ғ", "h": "х", "ı": "ы", "i": "і", "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н",
        "ñ": "ң", "ń": "ң", "o": "о", "ö": "ө", "ó": "ө", "p": "п", "q": "қ", "r": "р", "s": "с", "ş": "ш",
        "t": "т", "u": "у", "ū": "ұ", "ü": "ү", "ú": "ү", "v": "в", "w": "у", "x": "х", "ý": "у", "z": "з",
    ]

    /// Letters whose Cyrillic reading is ambiguous; the first option is the default of ``letters``.
    private static let alternatives: [Unicode.Scalar: [String]] = [
        "k": ["к", "қ"], "g": ["г", "ғ"], "u": ["у", "ұ", "ү"], "o": ["о", "ө"], "a": ["а", "ә"],
        "n": ["н", "ң"], "i": ["і", "и", "ы"], "h": ["х", "һ"], "e": ["е", "э"],
    ]

    private static let vowels: Set<Unicode.Scalar> = ["a", "ä", "á", "e", "é", "ı", "i", "o", "ö", "ó", "u", "ū", "ü", "ú", "y"]

    private static func transliterate(_ scalars: [Unicode.Scalar], choices: [Int: Int]?) -> String {
        var output = ""
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if index + 1 < scalars.count, choices?[index] == nil {
                let pair = String(String.UnicodeScalarView([scalar, scalars[index + 1]]))
                if let folded = digraphs[pair] {
                    output += folded
                    index += 2
                    continue
                }
            }
            if let choice = choices?[index], let options = alternatives[scalar], choice < options.count {
                output += options[choice]
            } else if scalar == "y" {
                // English-style "y" after a consonant is ы (Almaty); elsewhere it is й (2021 alphabet: Y = Й).
                let previous = index > 0 ? scalars[index - 1] : nil
                let afterConsonant = previous.map { isLatinLetter($0) && !vowels.contains($0) } ?? false
                output += afterConsonant ? "ы" : "й"
            } else if let folded = letters[scalar] {
                output += folded
            } else {
                output.unicodeScalars.append(scalar)
            }
            index += 1
        }
        return output
    }
}
