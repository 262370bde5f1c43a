import Foundation
import KazakhData

/// Reads Latin-script Kazakh (2021, 2018 or 2017 alphabet) into Cyrillic; the engine behind
/// ``Transliterator/toCyrillic(_:preserveForeign:)``.
///
/// Steps: find the Latin words (a 2017 apostrophe after a letter belongs to the word, an English "'s" does
/// not); pick each word's alphabet from its marks (2017: apostrophes; 2018: á ǵ ń ó ú ý; 2021: ä ğ ı ñ ö ū ü ş
/// İ), falling back to the alphabet most marked in the whole text; rewrite the word in 2021 letters; then
/// spell it in Cyrillic with the context rules below. Unmarked ASCII words read "sh" as ш (the habit of the
/// 2018 alphabet and of informal spelling: "Shymkent"), "ch" and "ç" as ч, lone "c" as с before e/i/y and к
/// otherwise, "w" as у, "x" as х.
struct LatinReader {
    enum Alphabet: CaseIterable { case latin2021, latin2018, latin2017 }

    struct Word {
        var range: Range<Int>
        var marks: Alphabet?
        var foreign = false
        var capitalised = false
        var englishStopWord = false
    }

    let scalars: [Unicode.Scalar]
    let preserveForeign: Bool
    private let tables = TransliterationTables.shared

    init(text: String, preserveForeign: Bool) {
        let hasCombiningMarks = text.unicodeScalars.contains { (0x300...0x36F).contains($0.value) }
        scalars = Array((hasCombiningMarks ? text.precomposedStringWithCanonicalMapping : text).unicodeScalars)
        self.preserveForeign = preserveForeign
    }

    func read() -> String {
        var words = findWords()
        if words.isEmpty { return String(String.UnicodeScalarView(scalars)) }
        var votes: [Alphabet: Int] = [:]
        for word in words { if let marks = word.marks { votes[marks, default: 0] += 1 } }
        let textAlphabet = Alphabet.allCases.max { (votes[$0] ?? 0) < (votes[$1] ?? 0) } ?? .latin2021
        let fallback = (votes[textAlphabet] ?? 0) > 0 ? textAlphabet : .latin2021
        if preserveForeign { markForeign(&words) }

        var out = String.UnicodeScalarView()
        var position = 0
        for word in words {
            out.append(contentsOf: scalars[position..<word.range.lowerBound])
            if word.foreign {
                out.append(contentsOf: scalars[word.range])
            } else {
                out.append(contentsOf: spell(canonical(word.range, alphabet: word.marks ?? fallback, hasMarks: word.marks != nil)))
            }
            position = word.range.upperBound
        }
        out.append(contentsOf: scalars[position...])
        return String(out)
    }

    // MARK: Words and alphabets

    static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{2BC}"]
    /// Letters that take an apostrophe in the 2017 alphabet (a' g' i' n' o' u' y' s' c').
    static let apostropheLetters: Set<Unicode.Scalar> = ["a", "g", "i", "n", "o", "u", "y", "s", "c"]
    static let marks2018: Set<Unicode.Scalar> = ["á", "ǵ", "ń", "ó", "ú", "ý"]
    static let marks2021: Set<Unicode.Scalar> = ["ä", "ğ", "ı", "ñ", "ö", "ū", "ü", "ş"]

    private func findWords() -> [Word] {
        var words: [Word] = []
        var index = 0
        while index < scalars.count {
            guard Transliterator.isLatinLetter(scalars[index]) else { index += 1; continue }
            var end = index
            var marks: Alphabet?
            while end < scalars.count {
                let scalar = scalars[end]
                if Transliterator.isLatinLetter(scalar) {
                    let lower = Transliterator.lowercase(scalar)
                    if Self.marks2018.contains(lower) { marks = .latin2018 }
                    else if marks == nil, Self.marks2021.contains(lower) || scalar == "\u{130}" { marks = .latin2021 }
                    end += 1
                } else if Self.apostrophes.contains(scalar), isApostropheMark(at: end) {
                    marks = .latin2017
                    end += 1
                } else {
                    break
                }
            }
            let first = scalars[index]
            words.append(Word(range: index..<end, marks: marks, capitalised: first.properties.isUppercase))
            index = end
        }
        return words
    }

    /// A 2017 apostrophe follows one of a g i n o u y s c, and is not an English possessive "'s".
    private func isApostropheMark(at index: Int) -> Bool {
        guard index > 0, Self.apostropheLetters.contains(Transliterator.lowercase(scalars[index - 1])) else { return false }
        if index + 1 < scalars.count, Transliterator.lowercase(scalars[index + 1]) == "s",
           index + 2 >= scalars.count || !Transliterator.isLatinLetter(scalars[index + 2]) {
            return false
        }
        return true
    }

    /// The word rewritten in lower-case 2021 letters, each with whether its source letter was upper case.
    private func canonical(_ range: Range<Int>, alphabet: Alphabet, hasMarks: Bool) -> [(letter: Unicode.Scalar, upper: Bool)] {
        var units: [(letter: Unicode.Scalar, upper: Bool)] = []
        var index = range.lowerBound
        func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            switch scalar {
            case "I": return alphabet == .latin2021 ? "ı" : "i"
            case "\u{130}": return "i"
            default: return Transliterator.lowercase(scalar)
            }
        }
        func emit(_ spelling: String, upper: Bool) {
            for (offset, letter) in spelling.unicodeScalars.enumerated() { units.append((letter, upper && offset == 0)) }
        }
        while index < range.upperBound {
            let scalar = scalars[index]
            let upper = scalar.properties.isUppercase
            let letter = lower(scalar)
            let next: Unicode.Scalar? = index + 1 < range.upperBound ? scalars[index + 1] : nil
            switch alphabet {
            case .latin2017:
                if let next, Self.apostrophes.contains(next) {
                    emit(tables.from2017["\(letter)'"] ?? String(letter), upper: upper)
                    index += 2
                    continue
                }
                emit(tables.from2017[String(letter)] ?? String(letter), upper: upper)
            case .latin2018:
                if let next, let digraph = tables.from2018["\(letter)\(lower(next))"], digraph.unicodeScalars.count == 1 {
                    emit(digraph, upper: upper)
                    index += 2
                    continue
                }
                emit(tables.from2018[String(letter)] ?? String(letter), upper: upper)
            case .latin2021:
                if !hasMarks, letter == "s", let next, lower(next) == "h" {
                    emit("ş", upper: upper)
                    index += 2
                    continue
                }
                emit(letter == "ç" ? "ch" : String(letter), upper: upper)
            }
            index += 1
        }
        return units
    }

    // MARK: Spelling in Cyrillic

    static let vowels: Set<Unicode.Scalar> = ["a", "ä", "e", "o", "ö", "u", "ū", "ü", "y", "ı", "i"]
    static let letters: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = ["w": "у", "x": "х"]
        // First row wins: е before э, и before й, х before һ (the native, more frequent letter).
        for row in TransliterationTable.rows where row.latin2021.unicodeScalars.count == 1 && !row.isLoanLetter {
            let latin = row.latin2021.unicodeScalars.first!
            if table[latin] == nil { table[latin] = row.cyrillic }
        }
        return table
    }()

    private func spell(_ units: [(letter: Unicode.Scalar, upper: Bool)]) -> String.UnicodeScalarView {
        let letters = units.map(\.letter)
        var pieces: [(cyrillic: [Unicode.Scalar], upper: Bool)] = []
        var index = 0
        for prefix in tables.loanwordPrefixes where letters.count >= prefix.latin.count && Array(letters[0..<prefix.latin.count]) == prefix.latin {
            pieces.append((prefix.cyrillic, units[0].upper))
            for position in 1..<prefix.latin.count where units[position].upper { pieces.append(([], true)) }
            index = prefix.latin.count
            break
        }
        while index < letters.count {
            let letter = letters[index]
            let next: Unicode.Scalar? = index + 1 < letters.count ? letters[index + 1] : nil
            let previous: Unicode.Scalar? = index > 0 ? letters[index - 1] : nil
            var cyrillic: [Unicode.Scalar]
            var width = 1
            switch letter {
            case "ş" where next == "ş": cyrillic = ["щ"]; width = 2
            case "t" where next == "s" && (index == 0 || (index + 2 < letters.count && letters[index + 2] == "i")):
                cyrillic = ["ц"]; width = 2
            case "c" where next == "h": cyrillic = ["ч"]; width = 2
            case "c": cyrillic = next.map { ["e", "i", "y"].contains($0) } == true ? ["с"] : ["к"]
            case "i" where next == "a" && (previous == nil || Self.vowels.contains(previous!)): cyrillic = ["я"]; width = 2
            case "i" where next == "u": cyrillic = ["ю"]; width = 2
            // After a vowel i is the glide й ("ойын", "үй"), except after u, which is itself a glide ("заманауи").
            case "i": cyrillic = previous.map { Self.vowels.contains($0) && $0 != "u" } == true ? ["й"] : ["и"]
            default: cyrillic = Self.letters[letter].map { [$0] } ?? [letter]
            }
            pieces.append((cyrillic, units[index].upper))
            index += width
        }
        let letterCount = units.count
        let upperCount = units.filter(\.upper).count
        let allCaps = letterCount >= 2 && upperCount == letterCount
        var out = String.UnicodeScalarView()
        for piece in pieces {
            for (offset, scalar) in piece.cyrillic.enumerated() {
                if allCaps || (piece.upper && offset == 0) {
                    out.append(contentsOf: scalar.properties.uppercaseMapping.unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
        }
        return out
    }

    // MARK: Foreign words

    /// Marks URLs, e-mails, domains, evidently English words, and capitalised names that stand with them.
    private func markForeign(_ words: inout [Word]) {
        for index in words.indices {
            let range = words[index].range
            if isInsideAddress(range) {
                words[index].foreign = true
                continue
            }
            let lower = String(String.UnicodeScalarView(scalars[range])).lowercased()
            if StopWords.english.contains(lower) {
                words[index].englishStopWord = true
                words[index].foreign = true
            } else if words[index].marks == nil {
                words[index].foreign = Self.looksEnglish(lower)
            }
        }
        // Runs of capitalised words (with English function words between them) are one name: foreign if at
        // least half of the run is ("World Crafts Council", "Global Book of Records", "ALA CRAFT").
        var index = 0
        while index < words.count {
            guard words[index].capitalised || words[index].englishStopWord else { index += 1; continue }
            var end = index + 1
            while end < words.count, words[end].capitalised || words[end].englishStopWord,
                  scalars[words[end - 1].range.upperBound..<words[end].range.lowerBound].allSatisfy({ $0 == " " }) {
                end += 1
            }
            let foreign = words[index..<end].filter(\.foreign).count
            if end - index > 1, foreign > 0, foreign * 2 >= end - index {
                // Not a word that carries a Kazakh suffix: "World Craft City Almatyda" keeps "Almatyda" Kazakh.
                for member in index..<end where words[member].marks == nil && !words[member].foreign
                    && !hasKazakhEnding(words[member].range) {
                    words[member].foreign = true
                }
            }
            index = end
        }
    }

    static let kazakhLatinEndings: [String] = LanguageEndings.kazakhLatin + LanguageEndings.kazakh.map { Transliterator.toLatin($0) }

    private func hasKazakhEnding(_ range: Range<Int>) -> Bool {
        let lower = String(String.UnicodeScalarView(scalars[range])).lowercased()
        return Self.kazakhLatinEndings.contains { lower.hasSuffix($0) && lower.count > $0.count + 1 }
    }

    /// Whether the whitespace-delimited token around `range` is a URL, e-mail address or domain name.
    private func isInsideAddress(_ range: Range<Int>) -> Bool {
        var start = range.lowerBound, end = range.upperBound
        while start > 0, !scalars[start - 1].properties.isWhitespace { start -= 1 }
        while end < scalars.count, !scalars[end].properties.isWhitespace { end += 1 }
        let token = scalars[start..<end]
        if token.contains("@") || token.contains("/") { return true }
        for index in token.indices.dropFirst().dropLast() where token[index] == "." {
            if Transliterator.isLatinLetter(token[index - 1]) && Transliterator.isLatinLetter(token[index + 1]) { return true }
        }
        return false
    }

    /// Letter patterns of English that Kazakh Latin spelling does not produce.
    static func looksEnglish(_ word: String) -> Bool {
        if word.contains("q") && !word.contains("qu") { return false }
        if word.contains("w") || word.contains("x") { return true }
        let scalars = Array(word.unicodeScalars)
        for (index, scalar) in scalars.enumerated() where scalar == "c" {
            if index + 1 >= scalars.count || scalars[index + 1] != "h" { return true }
        }
        for pattern in ["th", "ee", "oo", "ph", "ck", "ou", "ea"] where word.contains(pattern) { return true }
        return word.hasSuffix("ing") || word.hasSuffix("tion")
    }
}
