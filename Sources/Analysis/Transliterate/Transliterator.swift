import TextModel
import Foundation
import KazakhData

/// Kazakh Cyrillic ⇄ Latin transliteration per the official January 2021 Latin alphabet.
///
/// ```swift
/// Transliterator.toLatin("Қазақстан Республикасы")        // "Qazaqstan Respublikasy"
/// Transliterator.toCyrillic("Almatyda")                   // "Алматыда"
/// Transliterator.toCyrillic("Qazaqstan Respy'blikasy")    // 2017 apostrophe alphabet → "Қазақстан Республикасы"
/// Transliterator.toCyrillic("World Crafts Council", preserveForeign: true)  // unchanged
/// ```
///
/// Cyrillic → Latin is deterministic (table `translit.tsv`). Latin → Cyrillic reads the 2021 alphabet and also
/// the 2017 (apostrophe) and 2018 (acute) alphabets, chosen per word by its marks and otherwise by the marks of
/// the whole text. It is lossy where the Latin alphabet merges letters: и/й (chosen by context: after a vowel
/// `i` is й), х/һ (х), е/э (э only in listed loanword stems), ъ/ь (dropped), ё (read as ио), ц (read as ц only
/// word-initially, before `i`, and in listed stems; elsewhere тс). ``roundTripFold(_:)`` states those merges.
public enum Transliterator {
    /// A writing system of Kazakh text.
    public enum Script: String, Sendable, CaseIterable {
        case cyrillic, latin
    }

    /// Cyrillic → Latin (2021 alphabet). Latin letters, digits and punctuation pass through unchanged.
    public static func toLatin(_ text: String) -> String {
        let tables = TransliterationTables.shared
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard tables.cyrillicToLatin[scalars[index]] != nil || tables.cyrillicToLatin[lowercase(scalars[index])] != nil else {
                out.append(scalars[index])
                index += 1
                continue
            }
            // A Cyrillic word: all-caps words keep digraphs all-caps (ЦОН → TSON, Цой → Tsoi).
            var end = index
            var upper = 0, lower = 0
            while end < scalars.count, isCyrillicLetter(scalars[end]) {
                if scalars[end].properties.isUppercase { upper += 1 } else { lower += 1 }
                end += 1
            }
            let allCaps = upper >= 2 && lower == 0
            for scalar in scalars[index..<end] {
                let small = lowercase(scalar)
                guard let latin = tables.cyrillicToLatin[small] else { out.append(scalar); continue }
                if small == scalar {
                    out.append(contentsOf: latin)
                } else {
                    for (position, letter) in latin.enumerated() {
                        out.append(contentsOf: allCaps || position == 0 ? latinUppercase(letter) : [letter])
                    }
                }
            }
            index = end
        }
        return String(out)
    }

    /// Latin → Cyrillic. Reads the 2021 alphabet and the 2017/2018 ones.
    ///
    /// - Parameter preserveForeign: leave URLs, e-mail addresses, domain-like tokens ("Almaty.tv") and words that
    ///   are evidently not Kazakh (English function words and clitics; letters c, w, x; "th", "ee", "oo"…; and
    ///   the other words of a phrase that is mostly such words, as in "World Crafts Council") unchanged. The
    ///   search engine folds Latin-script queries with this on.
    public static func toCyrillic(_ text: String, preserveForeign: Bool = false) -> String {
        LatinReader(text: text, preserveForeign: preserveForeign).read()
    }

    /// A way of writing Kazakh in Latin letters.
    public enum LatinScheme: String, Sendable, CaseIterable {
        /// The official January 2021 alphabet (ä ğ ı ñ ö ū ü ş; ı is і, i is и/й).
        case latin2021 = "2021"
        /// The February 2018 alphabet with acute accents (á ǵ ń ó ú ý; ı is и/й, i is і; sh ch digraphs).
        case latin2018 = "2018"
        /// The October 2017 alphabet with apostrophes (a' g' n' o' u' y' s' c' i').
        case latin2017 = "2017"
        /// Informal ASCII with digraphs (sh zh ch gh kh ng).
        case digraph
        /// Carons (ǧ š č ž ň) as in some sites' schemes.
        case caron
        /// Turkish-style letters: the 2021 letters with ç.
        case turkish
    }

    /// Cyrillic → Latin in `scheme`: the 2021 alphabet as ``toLatin(_:)``; 2018 and 2017 letter by letter from their
    /// columns of `translit.tsv`; the digraph scheme from its column. Only 2021, 2018, 2017 and digraph are written
    /// (caron and Turkish-style spellings are read, not written: nil). Upper case: the first letter of a letter's
    /// spelling (2018 capital ı is I).
    public static func toLatin(_ text: String, scheme: LatinScheme) -> String? {
        let column: (TransliterationTable.Row) -> String
        switch scheme {
        case .latin2021: return toLatin(text)
        case .latin2018: column = \.latin2018
        case .latin2017: column = \.latin2017
        case .digraph: column = \.digraph
        case .caron, .turkish: return nil
        }
        var table: [Unicode.Scalar: String] = [:]
        for row in TransliterationTable.rows { table[row.cyrillic] = column(row) }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let small = lowercase(scalar)
            guard let latin = table[small] else { out.append(scalar); continue }
            if small == scalar {
                out.append(contentsOf: latin.unicodeScalars)
            } else {
                for (position, letter) in latin.unicodeScalars.enumerated() {
                    if position == 0 {
                        out.append(contentsOf: letter == "ı" ? ["I"] : Array(letter.properties.uppercaseMapping.unicodeScalars))
                    } else {
                        out.append(letter)
                    }
                }
            }
        }
        return String(out)
    }

    /// The Latin scheme `text` is written in, nil when it shows none (ASCII without any digraph).
    public static func latinScheme(of text: String) -> LatinScheme? {
        LatinReader(text: text, preserveForeign: true).scheme()
    }

    /// Cyrillic → Kazakh Arabic script (төте жазу), with the hamza convention: a word with ә ө ү і and none of
    /// е э к г starts with ٴ. Upper case is folded (the script has none); other characters pass through.
    public static func toArabic(_ text: String) -> String {
        ArabicReader.write(text)
    }

    /// Kazakh Arabic script → Cyrillic: words `script-readings.tsv` lists (proper nouns and words the letter rules
    /// misread) are read from it; other words by the rules: the hamza (ٴ or ء), the precomposed hamza letters and
    /// ە ك گ make a word front. Other characters pass through. The script has no case: the words read are lower
    /// case, or with `capitals` the table's proper nouns get their capitals ("Ерболат Досаев").
    public static func arabicToCyrillic(_ text: String, capitals: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        for piece in ArabicReader(scalars: Array(text.unicodeScalars)).pieces() {
            out.append(contentsOf: capitals || !piece.rewritten ? piece.output : piece.output.map(\.fastLowercase))
        }
        return String(out)
    }

    /// Arabic script → Cyrillic by the letter rules alone (no word table, no capitals): what
    /// ``arabicToCyrillic(_:)`` reads where `script-readings.tsv` has no row. For building that table.
    package static func arabicRuleReading(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for piece in ArabicReader(scalars: Array(text.unicodeScalars), useLexicon: false).pieces() { out.append(contentsOf: piece.output) }
        return String(out)
    }

    /// The key `script-readings.tsv` looks an Arabic-script word up by: its letters with any hamza sign (ٴ or ء) as
    /// one leading ٴ, precomposed hamza letters split, tatweel dropped.
    package static func arabicLookupKey(_ word: String) -> String {
        ArabicReader.lookupKey(word.unicodeScalars)
    }

    /// A digraph-scheme word (sh zh ch gh ng, no marks) → Cyrillic by the letter rules alone. For building
    /// `script-readings.tsv`.
    package static func digraphRuleReading(_ word: String) -> String {
        LatinReader(scalars: Array(word.unicodeScalars), preserveForeign: false, digraphContext: true, useLexicon: false).read()
    }

    /// The script with more letters in `text`, or nil when it has no Cyrillic or Latin letters.
    public static func dominantScript(_ text: String) -> Script? {
        var cyrillic = 0, latin = 0
        for scalar in text.unicodeScalars {
            if isCyrillicLetter(scalar) { cyrillic += 1 } else if isLatinLetter(scalar) { latin += 1 }
        }
        if cyrillic == 0 && latin == 0 { return nil }
        return cyrillic >= latin ? .cyrillic : .latin
    }

    /// Folds the distinctions that Latin → Cyrillic cannot recover, so `roundTripFold(toCyrillic(toLatin(w)))
    /// == roundTripFold(w)` for every Kazakh word `w`: lower case; й→и, һ→х, э→е, ё→ио, ю→иу, я→иа, ц→тс,
    /// щ→шш, ъ ь dropped; сх, зх, кх (written "sh", "zh", "kh", read as ш, ж, х in a text without 2021 letters,
    /// such as a single word) → ш, ж, х.
    public static func roundTripFold(_ word: String) -> String {
        var out = ""
        for character in word.lowercased() {
            switch character {
            case "й": out += "и"
            case "һ": out += "х"
            case "э": out += "е"
            case "ё": out += "ио"
            case "ю": out += "иу"
            case "я": out += "иа"
            case "ц": out += "тс"
            case "щ": out += "шш"
            case "ъ", "ь": break
            default: out.append(character)
            }
        }
        return out.replacingOccurrences(of: "сх", with: "ш").replacingOccurrences(of: "зх", with: "ж").replacingOccurrences(of: "кх", with: "х")
    }

    static func isCyrillicLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x400...0x481).contains(scalar.value) || (0x48A...0x52F).contains(scalar.value)
    }

    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x259, 0x18F, 0x1E00...0x1EFF: return true
        default: return false
        }
    }

    static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.fastLowercase
    }

    /// Upper case of a 2021 Latin letter: i → İ (dotted, for и/й), ı → I (for і).
    static func latinUppercase(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        switch scalar {
        case "i": return ["\u{130}"]
        case "ı": return ["I"]
        default: return Array(scalar.properties.uppercaseMapping.unicodeScalars)
        }
    }
}
