import KazakhData

/// Kazakh Arabic script (төте жазу) ⇄ Cyrillic, with the hamza convention of `translit-arabic.tsv`.
///
/// Reading: in a word with the high hamza ٴ every ا و ۇ ى reads front (ә ө ү і); a precomposed ٵ ٶ ٷ ٸ is
/// front itself. Without the hamza (the convention drops it when е к г mark the word front) each of those vowels
/// follows the nearest consonant that only one harmony has — before it, else after it: ك گ front, ق ع back; with
/// no such consonant, the word is front when ە is among its first two vowels ("өнер"), back otherwise
/// ("жастармен": a back stem with the front suffix -мен). ي is й after a vowel or before one
/// at the start of a word, и otherwise. Arabic punctuation (، ؛ ؟) reads as , ; ? and Arabic-Indic digits as
/// 0–9. Writing: a word with ә ө ү і and none of е э к г gets one ٴ at its start.
struct ArabicReader {
    let scalars: [Unicode.Scalar]
    /// Whether words the letter rules misread, and proper nouns, are read from ``ReadingLexicon`` (with their
    /// capitals): off only to build that table.
    let useLexicon: Bool

    init(scalars: [Unicode.Scalar], useLexicon: Bool = true) {
        self.scalars = scalars
        self.useLexicon = useLexicon
    }

    static let hamza: Unicode.Scalar = "\u{674}"
    /// The hamza signs a front word may carry: the high hamza ٴ of the convention, and the letter hamza ء (U+0621)
    /// that Kazakh outlets in China and Kazakhstan's Arabic-script editions write in its place ("ءبىلىم").
    static let hamzaSigns: Set<Unicode.Scalar> = ["\u{674}", "\u{621}"]
    /// The precomposed hamza letters ٵ ٶ ٷ ٸ and their plain letters.
    static let precomposedBase: [Unicode.Scalar: Unicode.Scalar] = ["\u{675}": "\u{627}", "\u{676}": "\u{648}", "\u{677}": "\u{6C7}", "\u{678}": "\u{649}"]

    /// The key a word is looked up by in ``ReadingLexicon``: its letters without tatweel, precomposed letters
    /// split, and one high hamza first when the word carries any hamza sign.
    static func lookupKey<Letters: Sequence<Unicode.Scalar>>(_ letters: Letters) -> String {
        var key = String.UnicodeScalarView()
        var hasHamza = false
        for letter in letters where letter != "\u{640}" {
            if hamzaSigns.contains(letter) { hasHamza = true; continue }
            if let base = precomposedBase[letter] { hasHamza = true; key.append(base); continue }
            key.append(letter)
        }
        return hasHamza ? "\u{674}" + String(key) : String(key)
    }

    /// Tables built once from the data file.
    struct Tables: Sendable {
        static let shared = Tables()
        /// Arabic letter → (back reading, front reading); equal for consonants.
        var reading: [Unicode.Scalar: (back: [Unicode.Scalar], front: [Unicode.Scalar])] = [:]
        /// Letters that make a word front by themselves (ە ك گ and the precomposed hamza letters).
        var frontLetters: Set<Unicode.Scalar> = []
        /// Cyrillic letter → Arabic spelling.
        var writing: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        /// Cyrillic letters that need the hamza (ә ө ү і), and those that make it unnecessary (е э к г).
        var hamzaVowels: Set<Unicode.Scalar> = [], frontConsonants: Set<Unicode.Scalar> = []

        init() {
            for row in ArabicTransliterationTable.rows {
                let arabic = Array(row.arabic.unicodeScalars)
                writing[row.cyrillic] = arabic
                if row.harmony == "front" {
                    if row.precomposed != nil { hamzaVowels.insert(row.cyrillic) } else { frontConsonants.insert(row.cyrillic) }
                }
                if let precomposed = row.precomposed {
                    reading[precomposed] = ([row.cyrillic], [row.cyrillic])
                    frontLetters.insert(precomposed)
                }
                // Single Arabic letters only (ц щ ю я ё are read letter by letter); the first row wins (е before э,
                // и before й), and a vowel pair fills its back and front side.
                guard arabic.count == 1, let letter = arabic.first else { continue }
                var entry = reading[letter] ?? ([], [])
                switch row.harmony {
                case "back": entry.back = [row.cyrillic]; if entry.front.isEmpty { entry.front = [row.cyrillic] }
                case "front" where row.precomposed != nil: entry.front = [row.cyrillic]
                default:
                    if entry.back.isEmpty { entry.back = [row.cyrillic]; entry.front = [row.cyrillic] }
                    if row.harmony == "front" { frontLetters.insert(letter) }
                }
                reading[letter] = entry
            }
        }
    }

    static func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool {
        hamzaSigns.contains(scalar) || Tables.shared.reading[scalar] != nil
    }

    /// Latin i and Cyrillic і, which some Arabic-script outlets type inside a word for the front і (ٸ) when their
    /// keyboard lacks the hamza ("ۇكiمەتiنiڭ" for үкіметінің): read as ٸ when an Arabic letter is next to them.
    static let lettersForFrontI: Set<Unicode.Scalar> = ["i", "\u{456}"]

    static let punctuation: [Unicode.Scalar: Unicode.Scalar] = ["\u{60C}": ",", "\u{61B}": ";", "\u{61F}": "?", "\u{66A}": "%"]

    /// The input cut into pieces that cover it in order: Arabic words and marks rewritten, the rest copied.
    func pieces() -> [TransliterationPiece] {
        var pieces: [TransliterationPiece] = []
        var index = 0, copyStart = 0
        func flush(_ end: Int) {
            if copyStart < end { pieces.append(TransliterationPiece(range: copyStart..<end, output: Array(scalars[copyStart..<end]), rewritten: false)) }
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if let mark = Self.punctuation[scalar] ?? Self.digit(scalar) {
                flush(index)
                pieces.append(TransliterationPiece(range: index..<(index + 1), output: [mark], rewritten: true))
                index += 1
                copyStart = index
                continue
            }
            let startsWithFrontI = Self.lettersForFrontI.contains(scalar) && index + 1 < scalars.count && Self.isArabicLetter(scalars[index + 1])
                && (index == 0 || !scalars[index - 1].properties.isAlphabetic)
            guard Self.isArabicLetter(scalar) || startsWithFrontI else { index += 1; continue }
            flush(index)
            var end = index
            while end < scalars.count, Self.isArabicLetter(scalars[end]) || scalars[end] == "\u{640}"
                    || Self.lettersForFrontI.contains(scalars[end]) && end + 1 < scalars.count && Self.isArabicLetter(scalars[end + 1]) {
                end += 1
            }
            if end < scalars.count, Self.lettersForFrontI.contains(scalars[end]),
               end + 1 == scalars.count || !scalars[end + 1].properties.isAlphabetic {
                end += 1
            }
            let word = scalars[index..<end].compactMap { (letter: Unicode.Scalar) -> Unicode.Scalar? in
                letter == "\u{640}" ? nil : Self.lettersForFrontI.contains(letter) ? "\u{678}" : letter
            }
            let hasHamza = word.contains(where: Self.hamzaSigns.contains)
            var output = Self.patronymicReading(word) ?? Self.compoundNameReading(word) ?? Self.ruleReading(word)
            if output.isEmpty { output = Array(scalars[index..<end]) }
            if useLexicon, let form = ReadingLexicon.shared.arabicForm(Array(word)) ?? ReadingLexicon.shared.arabicStemForm(Array(word), hasHamza: hasHamza) {
                // A form longer than the written word (a ь or ъ the script does not write) would make output
                // letters share input letters: keep the rule reading then, with the form's capital.
                if form.count <= end - index {
                    output = form
                } else if let first = form.first, first.properties.isUppercase, let letter = output.first {
                    output[0] = Unicode.Scalar(letter.properties.uppercaseMapping) ?? letter
                }
            }
            pieces.append(TransliterationPiece(range: index..<end, output: output, rewritten: true))
            index = end
            copyStart = end
        }
        flush(scalars.count)
        return pieces
    }

    /// A word's reading by the letter rules alone: hamza, precomposed letters and ە ك گ, else the nearest consonant
    /// of one harmony, decide each vowel pair.
    static func ruleReading(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let tables = Tables.shared
        let hasHamza = word.contains(where: Self.hamzaSigns.contains)
        let vowelLetters = word.filter { Self.pairedVowels.contains($0) || $0 == "\u{6D5}" }
        let earlyE = vowelLetters.prefix(2).contains("\u{6D5}")
        var output: [Unicode.Scalar] = []
        for (position, letter) in word.enumerated() where !Self.hamzaSigns.contains(letter) {
            guard let entry = tables.reading[letter] else { continue }
            var front = hasHamza
            if !hasHamza, Self.pairedVowels.contains(letter) {
                let before = word[..<position].last { Self.frontConsonants.contains($0) || Self.backConsonants.contains($0) }
                let after = word[(position + 1)...].first { Self.frontConsonants.contains($0) || Self.backConsonants.contains($0) }
                if let signal = before ?? after { front = Self.frontConsonants.contains(signal) } else { front = earlyE }
            }
            // о before в is the Russian surname ending -ов (Омаров, Сүлейменов), never ө, whatever the stem.
            if letter == "\u{648}", position + 1 < word.count, word[position + 1] == "\u{6C6}" { front = false }
            var cyrillic = front ? entry.front : entry.back
            if cyrillic == ["и"] {
                let previous = output.last
                let nextIsVowel = position + 1 < word.count && Self.isVowelLetter(word[word.index(word.startIndex, offsetBy: position + 1)])
                if previous.map(Self.isCyrillicVowel) == true || (previous == nil && nextIsVowel) { cyrillic = ["й"] }
            }
            // я is written يا, ю يۋ: ي read as й before ا or ۋ makes я or ю ("تاياق" → таяқ, "ايۋ" → аю),
            // and ي after a consonant before ا is ия, the way outlets write -ия with one ي ("اۆتونوميالى" →
            // автономиялы; Kazakh has no я after a consonant). Stems with иа (материал) are in the word table.
            if position > 0, word[position - 1] == "\u{64A}", letter == "\u{627}" || letter == "\u{6CB}" {
                if output.last == "й" {
                    output.removeLast()
                    cyrillic = [letter == "\u{627}" ? "я" : "ю"]
                } else if letter == "\u{627}", output.last == "и", position >= 2, !Self.isVowelLetter(word[position - 2]) {
                    cyrillic = ["я"]
                }
            }
            output.append(contentsOf: cyrillic)
        }
        return output
    }

    /// A name ending in a patronymic written with its own back letters (ۇلى ұлы, قىزى қызы: `person-name-parts.tsv`)
    /// is read as stem + ending, each in its own harmony: the ending never takes the stem's front vowels
    /// ("قابىلبەكۇلى" → қабылбекұлы, not қабылбекүлі). Nil for other words.
    static func patronymicReading(_ word: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        for (arabic, cyrillic) in patronymics where word.count >= arabic.count + 3 && word.suffix(arabic.count).elementsEqual(arabic) {
            let stem = Array(word.dropLast(arabic.count))
            return (compoundNameReading(stem) ?? ruleReading(stem)) + cyrillic
        }
        return nil
    }

    /// A compound given name ending in a part that keeps its own harmony (`person-name-parts.tsv` "final": бай, бек,
    /// жан, гүл) is read as first part + that part, each in its own harmony ("تولەۋباي" → төлеубай, not төлеубәй;
    /// "نۇربەك" → нұрбек, not нүрбек), when the whole word read by the rules would give the part other vowels.
    /// Nil for other words.
    static func compoundNameReading(_ word: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        let letters = word.filter { !hamzaSigns.contains($0) }
        for (arabic, cyrillic) in nameFinals where letters.count >= arabic.count + 2 && letters.suffix(arabic.count).elementsEqual(arabic) {
            var stem = Array(word.dropLast(arabic.count))
            while let last = stem.last, hamzaSigns.contains(last) { stem.removeLast() }
            let split = ruleReading(stem) + cyrillic
            return split == ruleReading(word) ? nil : split
        }
        return nil
    }

    /// The compound name finals in Arabic script and Cyrillic.
    static let nameFinals: [(arabic: [Unicode.Scalar], cyrillic: [Unicode.Scalar])] = FactLexicon.nameFinals
        .map { (Array(write($0).unicodeScalars.filter { !hamzaSigns.contains($0) }), Array($0.unicodeScalars)) }

    /// The patronymic endings with a letter only back words have (ұ қ), in Arabic script and Cyrillic.
    static let patronymics: [(arabic: [Unicode.Scalar], cyrillic: [Unicode.Scalar])] = FactLexicon.patronymicEndings
        .filter { $0.contains("ұ") || $0.contains("қ") }
        .map { (Array(write($0).unicodeScalars), Array($0.unicodeScalars)) }

    /// Arabic letters read in one harmony (a suffix after a stem whose harmony is known): vowels front or back,
    /// ي as й after a vowel; nil when a letter is not Kazakh Arabic.
    static func read<Letters: Sequence<Unicode.Scalar>>(_ letters: Letters, front: Bool) -> [Unicode.Scalar]? {
        var output: [Unicode.Scalar] = []
        for letter in letters where !hamzaSigns.contains(letter) {
            guard let entry = Tables.shared.reading[letter] else { return nil }
            var cyrillic = front ? entry.front : entry.back
            if cyrillic == ["и"], output.last.map(isCyrillicVowel) == true { cyrillic = ["й"] }
            output.append(contentsOf: cyrillic)
        }
        return output
    }

    static func digit(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x660...0x669: return Unicode.Scalar(scalar.value - 0x660 + 0x30)
        case 0x6F0...0x6F9: return Unicode.Scalar(scalar.value - 0x6F0 + 0x30)
        default: return nil
        }
    }

    /// The letters of the vowel pairs а/ә о/ө ұ/ү ы/і.
    static let pairedVowels: Set<Unicode.Scalar> = ["\u{627}", "\u{648}", "\u{6C7}", "\u{649}"]
    /// Consonants of one harmony only: к г (front), қ ғ (back).
    static let frontConsonants: Set<Unicode.Scalar> = ["\u{643}", "\u{6AF}"]
    static let backConsonants: Set<Unicode.Scalar> = ["\u{642}", "\u{639}"]
    static let arabicVowels: Set<Unicode.Scalar> = ["\u{627}", "\u{648}", "\u{6C7}", "\u{649}", "\u{6D5}", "\u{675}", "\u{676}", "\u{677}", "\u{678}"]
    static func isVowelLetter(_ scalar: Unicode.Scalar) -> Bool { arabicVowels.contains(scalar) }
    static let cyrillicVowels: Set<Unicode.Scalar> = Set("аәеёиоөуұүыіэюя".unicodeScalars)
    static func isCyrillicVowel(_ scalar: Unicode.Scalar) -> Bool { cyrillicVowels.contains(scalar) }

    /// Cyrillic → Arabic script: letters by the table, one hamza at the start of a front word that needs it,
    /// punctuation , ; ? as ، ؛ ؟. Upper case is folded (the script has none); other characters pass through.
    static func write(_ text: String) -> String {
        let tables = Tables.shared
        let scalars = Array(text.lowercased().unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard tables.writing[scalars[index]] != nil else {
                switch scalars[index] {
                case ",": out.append("\u{60C}")
                case ";": out.append("\u{61B}")
                case "?": out.append("\u{61F}")
                default: out.append(scalars[index])
                }
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, tables.writing[scalars[end]] != nil { end += 1 }
            let word = scalars[index..<end]
            if word.contains(where: tables.hamzaVowels.contains), !word.contains(where: tables.frontConsonants.contains) {
                out.append(hamza)
            }
            for letter in word { out.append(contentsOf: tables.writing[letter] ?? []) }
            index = end
        }
        return String(out)
    }
}
