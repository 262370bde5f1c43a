import Foundation
import KazakhData

/// Reads Latin-script Kazakh (2021, 2018 or 2017 alphabet) into Cyrillic; the engine behind
/// ``Transliterator/toCyrillic(_:preserveForeign:)``.
///
/// Steps: find the Latin words (a 2017 apostrophe after a letter belongs to the word; an English clitic such
/// as "'s" or "n't" marks the word as English); pick each word's alphabet from its marks (2017: apostrophes; 2018: á ǵ ń ó ú ý; 2021: ä ğ ı ñ ö ū ü ş
/// İ), falling back to the alphabet most marked in the whole text; rewrite the word in 2021 letters; then
/// spell it in Cyrillic with the context rules below. Texts without any 2021 letter read "sh", "zh", "kh" as
/// ш, ж, х (the 2018 alphabet and informal spelling: "Shymkent", "Zhanna"); "ch" and "ç" as ч, lone "c" as с before e/i/y and к
/// otherwise, "w" as у, "x" as х; ŋ (January 2021 draft) and ə are read as ñ and ä.
struct LatinReader {
    enum Alphabet: CaseIterable { case latin2021, latin2018, latin2017 }

    struct Word {
        var range: Range<Int>
        var marks: Alphabet?
        var foreign = false
        /// Only marks shared by two alphabets (ı: і in 2021, и/й in 2018); the text decides.
        var dotless = false
        /// A letter of an unofficial scheme (caron, Turkish ç), read as its 2021 letter.
        var variant = false
    }

    typealias Piece = TransliterationPiece

    let scalars: [Unicode.Scalar]
    let preserveForeign: Bool
    /// The alphabet to read unmarked words in when the input itself has no marks (the rest of the document's).
    var contextAlphabet: Alphabet?
    /// Whether the rest of the document is written in the digraph scheme (sh zh gh kh, no marks), for paragraphs
    /// too short to show it.
    var digraphContext = false
    /// Whether digraph-scheme words are read from ``ReadingLexicon`` (which restores the marks the scheme drops):
    /// off only to build that table.
    var useLexicon = true
    private let tables = TransliterationTables.shared
    /// Whether the input itself has a digraph (zh gh kh sh in any case): found once, as every "ng" asks.
    private let hasDigraphs: Bool

    init(text: String, preserveForeign: Bool) {
        let hasCombiningMarks = text.unicodeScalars.contains { (0x300...0x36F).contains($0.value) }
        scalars = Array((hasCombiningMarks ? text.precomposedStringWithCanonicalMapping : text).unicodeScalars)
        self.preserveForeign = preserveForeign
        hasDigraphs = Self.hasDigraphs(scalars)
    }

    /// Reads already-composed scalars (a document's normalised view), so input offsets are the caller's.
    init(scalars: [Unicode.Scalar], preserveForeign: Bool, contextAlphabet: Alphabet? = nil, digraphContext: Bool = false, useLexicon: Bool = true) {
        self.scalars = scalars
        self.preserveForeign = preserveForeign
        self.contextAlphabet = contextAlphabet
        self.digraphContext = digraphContext
        self.useLexicon = useLexicon
        hasDigraphs = Self.hasDigraphs(scalars)
    }

    /// Whether `scalars`, lower-cased, contain "zh", "gh", "kh" or "sh".
    private static func hasDigraphs(_ scalars: [Unicode.Scalar]) -> Bool {
        guard scalars.allSatisfy(\.isASCII) else {
            // Full lower-casing, as some non-ASCII letters lower-case to ASCII ones (the Kelvin sign to "k").
            let lowered = String(String.UnicodeScalarView(scalars)).lowercased()
            return ["zh", "gh", "kh", "sh"].contains { lowered.contains($0) }
        }
        var previous: UInt32 = 0
        for scalar in scalars {
            let value = scalar.value | 0x20  // ASCII letters to lower case; "h" and "H" both become "h"
            if value == 0x68, [0x7A, 0x67, 0x6B, 0x73].contains(previous) { return true }
            previous = (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value) ? value : 0
        }
        return false
    }

    func read() -> String {
        var out = String.UnicodeScalarView()
        for piece in pieces() { out.append(contentsOf: piece.output) }
        return String(out)
    }

    /// Votes of the words' marks for each alphabet (a word with marks of one alphabet is one vote).
    func votes(_ words: [Word]) -> [Alphabet: Int] {
        var votes: [Alphabet: Int] = [:]
        for word in words { if let marks = word.marks { votes[marks, default: 0] += 1 } }
        return votes
    }

    /// The alphabet most words are marked for, nil when no word has a mark of its own.
    func markedAlphabet() -> Alphabet? {
        let votes = votes(findWords())
        let best = Alphabet.allCases.max { (votes[$0] ?? 0) < (votes[$1] ?? 0) } ?? .latin2021
        return (votes[best] ?? 0) > 0 ? best : nil
    }

    /// What the rest of a document tells a paragraph too short to show its own alphabet: the alphabet most of its
    /// words are marked for (``markedAlphabet()``), and, when none is, whether it is written in the digraph scheme.
    /// One pass over the words for both (a marked text is never the digraph scheme).
    func documentContext() -> (alphabet: Alphabet?, digraph: Bool) {
        let words = findWords()
        let votes = votes(words)
        let best = Alphabet.allCases.max { (votes[$0] ?? 0) < (votes[$1] ?? 0) } ?? .latin2021
        if (votes[best] ?? 0) > 0 { return (best, false) }
        return (nil, scheme(words: words) == .digraph)
    }

    /// The Latin scheme the input is written in, nil when it shows none (plain ASCII without digraphs).
    func scheme() -> Transliterator.LatinScheme? {
        scheme(words: findWords())
    }

    private func scheme(words: [Word]) -> Transliterator.LatinScheme? {
        let lowered = scalars.map(Transliterator.lowercase)
        var variantSchemes: [String: Int] = [:]
        for row in TransliterationTable.latinVariants where lowered.contains(row.letter) { variantSchemes[row.scheme, default: 0] += 1 }
        if variantSchemes["caron"] != nil { return .caron }
        let votes = votes(words)
        if let best = Alphabet.allCases.max(by: { (votes[$0] ?? 0) < (votes[$1] ?? 0) }), (votes[best] ?? 0) > 0 {
            switch best {
            case .latin2018: return .latin2018
            case .latin2017: return .latin2017
            case .latin2021: return variantSchemes["turkish"] != nil ? .turkish : .latin2021
            }
        }
        if words.contains(where: \.dotless) { return variantSchemes["turkish"] != nil ? .turkish : .latin2021 }
        if variantSchemes["turkish"] != nil { return .turkish }
        let text = String(String.UnicodeScalarView(lowered))
        for digraph in ["sh", "zh", "ch", "gh", "kh", "ng"] where text.contains(digraph) { return .digraph }
        return nil
    }

    /// The input cut into pieces that cover it in order: words (rewritten in Cyrillic, or kept when foreign) and the
    /// text between them (copied).
    func pieces() -> [Piece] {
        var words = findWords()
        if words.isEmpty { return scalars.isEmpty ? [] : [Piece(range: 0..<scalars.count, output: scalars, rewritten: false)] }
        let votes = votes(words)
        let textAlphabet = Alphabet.allCases.max { (votes[$0] ?? 0) < (votes[$1] ?? 0) } ?? .latin2021
        let fallback = (votes[textAlphabet] ?? 0) > 0 ? textAlphabet : contextAlphabet ?? .latin2021
        // ı alone is і in 2021 and и/й in 2018 ("baılanys" = байланыс): a text marked 2018 and not 2021 reads it so.
        let dotlessAlphabet: Alphabet = (votes[.latin2018] ?? 0) > 0 && (votes[.latin2021] ?? 0) == 0
            || fallback == .latin2018 ? .latin2018 : .latin2021
        // Informal digraphs (sh, zh, kh, gh, ng) only in texts with no 2021 letter at all: a 2021 writer spells ш
        // "ş", so their "sh" is с+х ("ashana" = асхана).
        // A text whose ı reads as 2021 і is a 2021 text too.
        let informal = (votes[.latin2021] ?? 0) == 0 && contextAlphabet != .latin2021
            && !(dotlessAlphabet == .latin2021 && words.contains { $0.dotless })
        if preserveForeign { markForeign(&words) }
        // The digraph scheme drops the marks of ә ө ү ұ і, which no letter rule restores: its words are looked up
        // first ("Suleimenov" → Сүлейменов). Only in text with no mark of any alphabet that shows digraphs.
        let digraphScheme = useLexicon && votes.values.allSatisfy { $0 == 0 } && contextAlphabet == nil
            && !words.contains { $0.dotless || $0.variant } && (digraphContext || digraphText)

        var pieces: [Piece] = []
        var position = 0
        for word in words {
            if position < word.range.lowerBound {
                pieces.append(Piece(range: position..<word.range.lowerBound, output: Array(scalars[position..<word.range.lowerBound]), rewritten: false))
            }
            if word.foreign {
                pieces.append(Piece(range: word.range, output: Array(scalars[word.range]), rewritten: false))
            } else {
                let letters = scalars[word.range].filter(Transliterator.isLatinLetter)
                let allCaps = letters.count >= 2 && letters.allSatisfy(\.properties.isUppercase)
                let alphabet = word.marks ?? (word.dotless ? dotlessAlphabet : fallback)
                if digraphScheme, let form = ReadingLexicon.shared.digraphForm(scalars[word.range]), form.count <= word.range.count {
                    pieces.append(Piece(range: word.range, output: Self.cased(form, like: scalars[word.range], allCaps: allCaps), rewritten: true))
                } else {
                    let spelled = spell(canonical(word.range, alphabet: alphabet, informal: informal), allCaps: allCaps,
                                        iaIsIya: alphabet != .latin2021)
                    pieces.append(Piece(range: word.range, output: spelled, rewritten: true))
                }
            }
            position = word.range.upperBound
        }
        if position < scalars.count {
            pieces.append(Piece(range: position..<scalars.count, output: Array(scalars[position...]), rewritten: false))
        }
        return pieces
    }

    /// A table form in the case of the word it stands for: all capitals for an all-caps word, a capital first
    /// letter for a capitalised one; a form the table capitalises (a proper noun) keeps its capitals.
    static func cased(_ form: [Unicode.Scalar], like word: ArraySlice<Unicode.Scalar>, allCaps: Bool) -> [Unicode.Scalar] {
        if allCaps { return form.flatMap { Array($0.properties.uppercaseMapping.unicodeScalars) } }
        guard word.first?.properties.isUppercase == true, let first = form.first, !first.properties.isUppercase else { return form }
        let upper = Array(first.properties.uppercaseMapping.unicodeScalars)
        return upper.count == 1 ? upper + form.dropFirst() : form
    }

    // MARK: Words and alphabets

    static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{2BC}"]
    /// Letters that take an apostrophe in the 2017 alphabet (a' g' i' n' o' u' y' s' c').
    static let apostropheLetters: Set<Unicode.Scalar> = ["a", "g", "i", "n", "o", "u", "y", "s", "c"]
    static let marks2018: Set<Unicode.Scalar> = ["á", "ǵ", "ń", "ó", "ú", "ý"]
    /// Letters only the 2021 alphabet (and its drafts) write; ı is shared with 2018 and decided by the text.
    static let marks2021: Set<Unicode.Scalar> = ["ä", "ğ", "ñ", "ö", "ū", "ü", "ş", "ŋ", "ə"]
    /// Letters of drafts and unofficial schemes, read as 2021 letters (`translit-latin-variants.tsv`): ŋ (the
    /// January 2021 draft) for ñ, ə for ä, carons (ǧ š č ž ň), Turkish-style ç.
    static let variants2021: [Unicode.Scalar: [Unicode.Scalar]] = {
        var table: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        for row in TransliterationTable.latinVariants { table[row.letter] = Array(row.latin2021.unicodeScalars) }
        return table
    }()

    private func findWords() -> [Word] {
        var words: [Word] = []
        var index = 0
        while index < scalars.count {
            guard Transliterator.isLatinLetter(scalars[index]) else { index += 1; continue }
            var end = index
            var marks: Alphabet?
            var hasEnglishClitic = false
            var dotless = false, variant = false
            while end < scalars.count {
                let scalar = scalars[end]
                if Transliterator.isLatinLetter(scalar) {
                    let lower = Transliterator.lowercase(scalar)
                    if Self.marks2018.contains(lower) { marks = .latin2018 }
                    else if marks == nil, Self.marks2021.contains(lower) || scalar == "\u{130}" { marks = .latin2021 }
                    else if lower == "ı" { dotless = true }
                    else if Self.variants2021[lower] != nil { variant = true }
                    end += 1
                } else if Self.apostrophes.contains(scalar), end > index, isApostropheMark(at: end) {
                    marks = .latin2017
                    end += 1
                } else if Self.apostrophes.contains(scalar), end > index, let clitic = englishClitic(at: end) {
                    end = clitic
                    hasEnglishClitic = true
                    break
                } else {
                    break
                }
            }
            words.append(Word(
                range: index..<end, marks: hasEnglishClitic ? nil : marks, foreign: hasEnglishClitic, dotless: dotless && marks == nil,
                variant: variant))
            index = end
        }
        return words
    }

    /// A 2017 apostrophe follows one of a g i n o u y s c, and does not start an English clitic.
    private func isApostropheMark(at index: Int) -> Bool {
        guard Self.apostropheLetters.contains(Transliterator.lowercase(scalars[index - 1])) else { return false }
        return englishClitic(at: index) == nil
    }

    /// The end of an English clitic ("'s", "'t", "'re", "'ll", "'ve", "'d", "'m") that closes the word at the
    /// apostrophe `index`, or nil.
    private func englishClitic(at index: Int) -> Int? {
        var end = index + 1
        while end < scalars.count, Transliterator.isLatinLetter(scalars[end]) { end += 1 }
        let clitic = String(String.UnicodeScalarView(scalars[(index + 1)..<end])).lowercased()
        guard Self.englishClitics.contains(clitic) else { return nil }
        // 2017 words that look like clitics: "o's" (өс), "o't" (өт), "i't" (ит); English has "n't" only.
        let before = index > 0 ? Transliterator.lowercase(scalars[index - 1]) : " "
        if clitic == "t" && before != "n" || clitic == "s" && before == "o" { return nil }
        // "y's'" is 2017 уш ("ui'ymdastyry's'ysy", "jazy's'ylar"): an s with its own apostrophe is ш, not "'s".
        if clitic == "s", end < scalars.count, Self.apostrophes.contains(scalars[end]) { return nil }
        return end
    }

    static let englishClitics: Set<String> = ["s", "t", "re", "ll", "ve", "d", "m"]

    /// The word rewritten in lower-case 2021 letters, each with whether its source letter was upper case.
    /// Whether the input shows a digraph scheme: zh, gh, kh or sh somewhere. Only then is "ng" read as ң — alone,
    /// "brifing" is брифинг.
    private var digraphText: Bool { digraphContext || hasDigraphs }

    private func canonical(_ range: Range<Int>, alphabet: Alphabet, informal: Bool) -> [(letter: Unicode.Scalar, upper: Bool)] {
        var units: [(letter: Unicode.Scalar, upper: Bool)] = []
        units.reserveCapacity(range.count)
        var index = range.lowerBound
        func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            switch scalar {
            case "I": return alphabet == .latin2021 ? "ı" : "i"
            case "\u{130}": return "i"
            default: return Transliterator.lowercase(scalar)
            }
        }
        func emit(_ spelling: [Unicode.Scalar]?, or letter: Unicode.Scalar, upper: Bool) {
            guard let spelling else { units.append((letter, upper)); return }
            for (offset, letter) in spelling.enumerated() { units.append((letter, upper && offset == 0)) }
        }
        while index < range.upperBound {
            let scalar = scalars[index]
            let upper = scalar.properties.isUppercase
            let letter = lower(scalar)
            let next: Unicode.Scalar? = index + 1 < range.upperBound ? scalars[index + 1] : nil
            switch alphabet {
            case .latin2017:
                if let next, Self.apostrophes.contains(next) {
                    emit(tables.from2017Apostrophe[letter], or: letter, upper: upper)
                    index += 2
                    continue
                }
                emit(tables.from2017[letter], or: letter, upper: upper)
            case .latin2018:
                if let next, let digraph = tables.from2018Pairs[TransliterationTables.pairKey(letter, lower(next))] {
                    units.append((digraph, upper))
                    index += 2
                    continue
                }
                emit(tables.from2018[letter], or: letter, upper: upper)
            case .latin2021:
                if informal, let next, lower(next) == "h", let digraph = Self.informalDigraphs[letter] {
                    units.append((digraph, upper))
                    index += 2
                    continue
                }
                // Digraph schemes write ң "ng": read so at the end of a word or before a consonant ("Qazaqstannyng",
                // "angghime"); before a vowel н+г is as likely ("sengen" = сенген) and stays.
                if informal, digraphText, letter == "n", let next, lower(next) == "g" {
                    let after: Unicode.Scalar? = index + 2 < range.upperBound ? lower(scalars[index + 2]) : nil
                    if after == nil || !Self.vowels.contains(after!) && after != "ı" {
                        units.append(("ñ", upper))
                        index += 2
                        continue
                    }
                }
                emit(Self.variants2021[letter], or: letter, upper: upper)
            }
            index += 1
        }
        if alphabet != .latin2021 { Self.harmonizeI(&units) }
        return units
    }

    /// Digraphs of informal and Russian-style romanisation, read in texts without 2021 letters: sh → ш
    /// ("Shymkent", also the 2018 alphabet), zh → ж ("Zhanna"), kh → х ("Kazakhstan"). In the 2021 alphabet these
    /// pairs would be с+һ, з+һ, к+һ, which native words hardly ever contain.
    static let informalDigraphs: [Unicode.Scalar: Unicode.Scalar] = ["s": "ş", "z": "j", "k": "h", "g": "ğ"]

    static let backVowels: Set<Unicode.Scalar> = ["a", "o", "ū", "y"]
    static let frontVowels: Set<Unicode.Scalar> = ["ä", "e", "ö", "ü"]

    /// In the 2017 and 2018 alphabets a plain i is і, yet writers (and the 2017 decree's own
    /// "Qazaqstan Respy'blikasy") also use it for и in loanwords. Native words keep vowel harmony, and і is a
    /// front vowel: an і whose nearest vowel after it (or, at the end, before it) is back (a o ұ ы) cannot be
    /// a native і, so it is read as и ("Respy'blikasy" → Республикасы; "On'tu'stik" keeps its і).
    static func harmonizeI(_ units: inout [(letter: Unicode.Scalar, upper: Bool)]) {
        for index in units.indices where units[index].letter == "ı" {
            let after = units[(index + 1)...].first { backVowels.contains($0.letter) || frontVowels.contains($0.letter) }
            let before = units[..<index].last { backVowels.contains($0.letter) || frontVowels.contains($0.letter) }
            if let neighbour = after ?? before, backVowels.contains(neighbour.letter) { units[index].letter = "i" }
        }
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

    /// Cyrillic spelling of canonical 2021 letters; `allCaps` words come out all upper case ("ALMATY" → "АЛМАТЫ").
    /// With `iaIsIya` (the 2018 and 2017 alphabets), "ia" after a consonant is ия: they write я "ıa"/"i'a" and и
    /// "ı"/"i'", and writers spell -ия with one и ("Germanıa", "kompanıasy"); Kazakh has no я after a consonant, and
    /// the loanwords with иа (материал, олимпиада) are listed stems of `translit-loanwords.tsv`.
    private func spell(_ units: [(letter: Unicode.Scalar, upper: Bool)], allCaps: Bool, iaIsIya: Bool = false) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(units.count + 2)
        func append(_ scalar: Unicode.Scalar, upper: Bool) {
            guard allCaps || upper else { out.append(scalar); return }
            let mapping = scalar.properties.uppercaseMapping.unicodeScalars
            if mapping.count == 1, let single = mapping.first { out.append(single) } else { out.append(contentsOf: mapping) }
        }
        var index = 0
        for prefix in tables.loanwordPrefixes where units.count >= prefix.latin.count
            && zip(units, prefix.latin).allSatisfy({ $0.letter == $1 }) {
            var cyrillic = prefix.cyrillic[...]
            // Kazakh drops a stem's final ь before a vowel suffix: фестиваль, фестивалі, фестивальдің.
            if cyrillic.last == "ь", prefix.latin.count < units.count, Self.vowels.contains(units[prefix.latin.count].letter) {
                cyrillic = cyrillic.dropLast()
            }
            for (offset, scalar) in cyrillic.enumerated() { append(scalar, upper: units[0].upper && offset == 0) }
            index = prefix.latin.count
            break
        }
        while index < units.count {
            let letter = units[index].letter, upper = units[index].upper
            let next: Unicode.Scalar? = index + 1 < units.count ? units[index + 1].letter : nil
            let previous: Unicode.Scalar? = index > 0 ? units[index - 1].letter : nil
            var width = 1
            switch letter {
            case "ş" where next == "ş": append("щ", upper: upper); width = 2
            case "t" where next == "s" && (index == 0 || (index + 2 < units.count && units[index + 2].letter == "i")):
                append("ц", upper: upper); width = 2
            case "c" where next == "h": append("ч", upper: upper); width = 2
            case "c": append(next.map { ["e", "i", "y"].contains($0) } == true ? "с" : "к", upper: upper)
            case "i" where next == "a" && (previous == nil || Self.vowels.contains(previous!)): append("я", upper: upper); width = 2
            case "i" where next == "a" && iaIsIya: append("и", upper: upper); append("я", upper: false); width = 2
            case "i" where next == "u": append("ю", upper: upper); width = 2
            // After a vowel i is the glide й ("ойын", "үй"), except after u, which is itself a glide ("заманауи").
            case "i": append(previous.map { Self.vowels.contains($0) && $0 != "u" } == true ? "й" : "и", upper: upper)
            default: append(Self.letters[letter] ?? letter, upper: upper)
            }
            index += width
        }
        return out
    }

    // MARK: Foreign words

    /// Marks URLs, e-mails, domains, evidently English words, and the words of phrases they dominate.
    private func markForeign(_ words: inout [Word]) {
        // Words come in text order, so the whitespace-delimited token of the previous word is checked once for all
        // its words: a token of thousands of words ("<span><span>…") stays linear.
        var token: (range: Range<Int>, isAddress: Bool)?
        for index in words.indices {
            let range = words[index].range
            if token.map({ !($0.range.lowerBound <= range.lowerBound && range.upperBound <= $0.range.upperBound) }) ?? true {
                let around = tokenAround(range)
                token = (around, isAddress(around))
            }
            if token!.isAddress {
                words[index].foreign = true
                continue
            }
            let lower = String(String.UnicodeScalarView(scalars[range])).lowercased()
            if StopWords.english.contains(lower) {
                words[index].foreign = true
            } else if words[index].marks == nil {
                words[index].foreign = words[index].foreign || Self.looksEnglish(lower)
            }
        }
        // Runs of Latin words separated by single spaces are one phrase: when at least half of a run is foreign
        // ("World Crafts Council", "Global Book of Records", "Kazakhstan's people don't"), so are its words
        // without a Kazakh mark or ending ("World Craft City Almatyda" keeps "Almatyda").
        var index = 0
        while index < words.count {
            var end = index + 1
            while end < words.count, scalars[words[end - 1].range.upperBound..<words[end].range.lowerBound].elementsEqual([" "]) {
                end += 1
            }
            let foreign = words[index..<end].filter(\.foreign).count
            if end - index > 1, foreign > 0, foreign * 2 >= end - index {
                for member in index..<end where words[member].marks == nil && !words[member].foreign
                    && !hasKazakhEnding(words[member].range) && !isKazakhStopWord(words[member].range) {
                    words[member].foreign = true
                }
            }
            index = end
        }
    }

    /// Kazakh stop words in 2021 spelling ("dep", "men"): never part of an English phrase ("…, dep habarlady World
    /// Crafts Council").
    static let kazakhLatinStopWords: Set<String> = Set(StopWords.kazakh.map { Transliterator.toLatin($0) })

    private func isKazakhStopWord(_ range: Range<Int>) -> Bool {
        Self.kazakhLatinStopWords.contains(String(String.UnicodeScalarView(scalars[range])).lowercased())
    }

    static let kazakhLatinEndings: [String] = LanguageEndings.kazakhLatin + LanguageEndings.kazakh.map { Transliterator.toLatin($0) }

    private func hasKazakhEnding(_ range: Range<Int>) -> Bool {
        let lower = String(String.UnicodeScalarView(scalars[range])).lowercased()
        return Self.kazakhLatinEndings.contains { lower.hasSuffix($0) && lower.count > $0.count + 1 }
    }

    /// The whitespace-delimited token around `range`.
    private func tokenAround(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        while start > 0, !scalars[start - 1].properties.isWhitespace { start -= 1 }
        while end < scalars.count, !scalars[end].properties.isWhitespace { end += 1 }
        return start..<end
    }

    /// Whether a whitespace-delimited token is a URL, e-mail address or domain name.
    private func isAddress(_ range: Range<Int>) -> Bool {
        let token = scalars[range]
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

/// A stretch of a reader's input and what it reads as: words are rewritten, everything else is copied.
struct TransliterationPiece {
    /// Input scalar range.
    var range: Range<Int>
    /// The Cyrillic spelling, or the input itself for text between words and for kept foreign words.
    var output: [Unicode.Scalar]
    /// Whether `output` is a rewritten Kazakh word (false: copied as it is).
    var rewritten: Bool
}
