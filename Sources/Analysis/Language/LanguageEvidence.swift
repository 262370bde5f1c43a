import KazakhData
public import TextModel

/// Scores of one stretch of text for each language, summed over its words.
///
/// A Cyrillic word votes Kazakh for a Kazakh-specific letter (ә ғ қ ң ө ұ ү һ і, +2), a Kazakh stop word (+2)
/// or a Kazakh suffix (+1); Russian for ё ъ щ (+2), a Russian stop word (+2) or a Russian inflection (+1).
/// A Latin word votes Kazakh for a letter of the 2021 alphabet (ä ğ ı ñ ö ū ü ş, +2), a Kazakh stop word in
/// 2021 spelling (+2), a q (+1) or a Kazakh ending (+1, only if the word does not look English); English for an
/// English stop word (+2) or English spelling (th, w, c…, +1). Letters of the 2018 acute alphabet
/// (á ǵ ń ó ú ý) count as Kazakh letters; a Turkish or Uzbek function word (`stopwords-latin-other.txt`) and
/// Turkish ç vote for `other`, so Turkish and Uzbek text is not read as Latin-script Kazakh.
/// An Arabic-script word votes Kazakh when it has a letter of the Kazakh Arabic alphabet that Arabic and Persian
/// do not use (ٴ ۇ ۋ ڭ ە ۆ ٵ, ى inside a word), `other` for a letter only Uyghur writes (ئ ې ۈ) or one only Arabic
/// and Persian write (ة ث ذ ص ی ک…), and nothing otherwise.
/// Single letters followed by a full stop are initials ("И. Тасмағамбетов") and do not vote.
public struct LanguageEvidence: Sendable, Equatable {
    /// Votes for Kazakh (Cyrillic or Latin script).
    public var kazakh = 0
    /// Votes for Russian.
    public var russian = 0
    /// Votes for English.
    public var english = 0
    /// Votes for another language (Turkish, Uzbek, Arabic, Persian).
    public var otherLanguage = 0
    /// Arabic-script letters seen.
    public var arabicLetters = 0
    /// Latin words with evidence only Kazakh gives: q (not "qu"), ä ñ ū, an acute letter of 2018, a Kazakh stop
    /// word. Turkish shares ğ ı ö ü ş with the 2021 alphabet, so a Latin paragraph without any such word and with a
    /// Turkish or Uzbek vote has no Kazakh signal of its own ("Türkiye ve Kazakistan arasında…").
    public var kazakhOnlyLatinWords = 0
    /// Cyrillic letters seen.
    public var cyrillicLetters = 0
    /// Latin letters seen.
    public var latinLetters = 0
    /// All Cyrillic and Latin letters seen.
    public var letters: Int { cyrillicLetters + latinLetters + arabicLetters }

    /// Evidence with no votes; fill it with ``add(_:)``.
    public init() {}

    /// The language with the strictly highest score, or nil when there is no signal or a tie.
    ///
    /// English needs at least 2 points: one English-looking word in a line of names ("ALA CRAFT 2025") is
    /// not English text.
    public var winner: Language? {
        let scores: [(Language, Int)] = [(.kk, kazakh), (.ru, russian), (.en, english), (.other, otherLanguage)]
        let best = scores.max { $0.1 < $1.1 }!
        guard best.1 > 0, scores.filter({ $0.1 == best.1 }).count == 1 else { return nil }
        if best.0 == .kk && latinLetters > cyrillicLetters + arabicLetters && kazakhOnlyLatinWords == 0 && otherLanguage > 0 { return nil }
        if best.0 == .en && best.1 < 2 { return nil }
        return best.0
    }

    /// Adds the votes of the words in `scalars`.
    public mutating func add(_ scalars: ArraySlice<Unicode.Scalar>) {
        let cues = LanguageCues.shared
        var word: [Unicode.Scalar] = []
        word.reserveCapacity(32)
        var index = scalars.startIndex
        while index < scalars.endIndex {
            guard LanguageCues.isLetter(scalars[index]) else { index += 1; continue }
            var end = index
            var cyrillic = 0, latin = 0, arabic = 0
            var flags: UInt8 = 0
            // The word's key for the stop-word sets is hashed while it is read, so no lookup hashes it again.
            var key = LanguageCues.keySeed
            word.removeAll(keepingCapacity: true)
            while end < scalars.endIndex, LanguageCues.isLetter(scalars[end]) {
                let value = scalars[end].value
                if value >= 0x400 && value < 0x500 { cyrillic += 1 } else if value < 0x250 { latin += 1 }
                else if LanguageCues.isArabic(scalars[end]) { arabic += 1 }
                let lower = LanguageCues.lowercase(scalars[end])
                if lower.value < 0x500 { flags |= cues.letterFlags[Int(lower.value)] }
                key = LanguageCues.key(key, adding: lower)
                word.append(lower)
                end += 1
            }
            cyrillicLetters += cyrillic
            latinLetters += latin
            arabicLetters += arabic
            let isInitial = end - index == 1 && end < scalars.endIndex && scalars[end] == "."
            if !isInitial {
                if arabic > cyrillic && arabic > latin {
                    scoreArabic(word)
                } else if cyrillic >= latin { scoreCyrillic(word, key: key, flags: flags, cues) } else { scoreLatin(word, key: key, flags: flags, cues) }
            }
            index = end
        }
    }

    /// An Arabic-script word: a letter only Uyghur writes votes `other` (+2); a letter of the Kazakh alphabet that
    /// Arabic and Persian do not write (+2 Kazakh), among them ى inside a word (Arabic writes it only at the end);
    /// a letter Arabic or Persian write and Kazakh does not (ة أ إ ث ذ ص ض ط ظ ی ک…) votes `other` (+1). A word
    /// with none of them ("ول", "قالا") gives no vote: short Kazakh words are written with shared letters only.
    private mutating func scoreArabic(_ word: [Unicode.Scalar]) {
        if word.contains(where: LanguageCues.uyghurArabicLetters.contains) { otherLanguage += 2; return }
        if word.contains(where: LanguageCues.kazakhArabicLetters.contains) || word.dropLast().contains("\u{649}") { kazakh += 2; return }
        if word.contains(where: LanguageCues.arabicPersianLetters.contains) { otherLanguage += 1 }
    }

    private mutating func scoreCyrillic(_ word: [Unicode.Scalar], key: UInt64, flags: UInt8, _ cues: LanguageCues) {
        if flags & LanguageCues.kazakhLetter != 0 { kazakh += 2 }
        if flags & LanguageCues.russianLetter != 0 { russian += 2 }
        if cues.kazakhStopWords.contains(key) { kazakh += 2; return }
        if cues.russianStopWords.contains(key) { russian += 2; return }
        if cues.kazakhEndings.matches(word) { kazakh += 1 }
        if cues.russianEndings.matches(word) { russian += 1 }
    }

    private mutating func scoreLatin(_ word: [Unicode.Scalar], key: UInt64, flags: UInt8, _ cues: LanguageCues) {
        if flags & (LanguageCues.kazakhLatinLetter | LanguageCues.sharedLatinLetter) != 0 { kazakh += 2 }
        if flags & LanguageCues.kazakhLatinLetter != 0 { kazakhOnlyLatinWords += 1 }
        if cues.englishStopWords.contains(key) { english += 2; return }
        if cues.kazakhLatinStopWords.contains(key) { kazakh += 2; kazakhOnlyLatinWords += 1; return }
        if cues.otherLatinStopWords.contains(key) { otherLanguage += 2; return }
        if word.contains("ç") { otherLanguage += 1 }
        let text = String(String.UnicodeScalarView(word))
        if word.contains("q") && !text.contains("qu") { kazakh += 1; kazakhOnlyLatinWords += 1 }
        let looksEnglish = LatinReader.looksEnglish(text)
        if looksEnglish { english += 1 }
        if !looksEnglish, cues.kazakhLatinEndings.matches(word) { kazakh += 1 }
    }
}

/// The word lists and letter sets language identification uses, built once from KazakhData; words are
/// lower-case scalar arrays so the per-word work allocates no strings.
struct LanguageCues: Sendable {
    static let shared = LanguageCues()

    static let kazakhLetter: UInt8 = 1, russianLetter: UInt8 = 2, kazakhLatinLetter: UInt8 = 4, sharedLatinLetter: UInt8 = 8
    /// Per scalar below U+0500: Kazakh-specific Cyrillic letter (ә ғ қ ң ө ұ ү һ і), Russian-only letter (ё ъ щ),
    /// letter of a Kazakh Latin alphabet not in ASCII that Turkish lacks (ä ñ ū, the 2018 acutes, ǧ), letter the
    /// 2021 alphabet shares with Turkish (ğ ı ö ü ş).
    let letterFlags: [UInt8] = {
        var flags = [UInt8](repeating: 0, count: 0x500)
        for (letters, flag) in [("әғқңөұүһі", kazakhLetter), ("ёъщ", russianLetter), ("äñūáǵńóúýǧ", kazakhLatinLetter), ("ğıöüş", sharedLatinLetter)] {
            for scalar in letters.unicodeScalars { flags[Int(scalar.value)] |= flag }
        }
        return flags
    }()
    let kazakhStopWords = Self.keySet(StopWords.kazakh)
    let russianStopWords = Self.keySet(StopWords.russian)
    let englishStopWords = Self.keySet(StopWords.english)
    let otherLatinStopWords = Self.keySet(StopWords.otherLatin)
    /// Letters of the Kazakh Arabic alphabet that Arabic and Persian do not write: hamza sign ٴ (front word),
    /// ۇ ۋ ڭ ە ۆ, and the precomposed ٵ ٶ ٷ.
    static let kazakhArabicLetters: Set<Unicode.Scalar> = ["\u{674}", "\u{6C7}", "\u{6CB}", "\u{6AD}", "\u{6D5}", "\u{6C6}", "\u{675}", "\u{676}", "\u{677}"]

    /// Letters of the Uyghur Arabic alphabet that Kazakh does not write: the hamza seat ئ before every initial vowel,
    /// ې (e) and ۈ (ü). Uyghur shares ۇ ۋ ڭ ە ۆ with Kazakh, so without these it would be read as Kazakh.
    static let uyghurArabicLetters: Set<Unicode.Scalar> = ["\u{626}", "\u{6D0}", "\u{6C8}"]

    /// Letters of Arabic and Persian spelling that the Kazakh Arabic alphabet does not use: ة, hamza seats أ إ آ ؤ,
    /// ث ذ ص ض ط ظ, Persian ی ک ژ.
    static let arabicPersianLetters: Set<Unicode.Scalar> = [
        "\u{629}", "\u{623}", "\u{625}", "\u{622}", "\u{624}", "\u{62B}", "\u{630}", "\u{635}", "\u{636}", "\u{637}", "\u{638}",
        "\u{6CC}", "\u{6A9}", "\u{698}",
    ]

    /// Whether `scalar` is an Arabic-script letter (Arabic, Arabic Supplement, presentation forms).
    @inline(__always)
    static func isArabic(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value >= 0x600 && value < 0x700 || value >= 0x750 && value < 0x780 || value >= 0xFB50 && value < 0xFE00
            || value >= 0xFE70 && value < 0xFF00
    }
    /// Kazakh stop words in the 2021 Latin alphabet, for Latin-script Kazakh.
    let kazakhLatinStopWords = Self.keySet(StopWords.kazakh.map { Transliterator.toLatin($0) })
    let kazakhEndings = EndingSet(LanguageEndings.kazakh)
    let russianEndings = EndingSet(LanguageEndings.russian)
    /// Kazakh endings in the 2021 Latin alphabet, at least two letters long.
    let kazakhLatinEndings = EndingSet(LatinReader.kazakhLatinEndings.filter { $0.unicodeScalars.count >= 2 })

    /// FNV-1a over lower-cased scalar values: stop words are looked up by this 64-bit key, which ``LanguageEvidence``
    /// computes while reading a word (no array hashing per lookup).
    static let keySeed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func key(_ hash: UInt64, adding scalar: Unicode.Scalar) -> UInt64 {
        (hash ^ UInt64(scalar.value)) &* 0x0000_0100_0000_01b3
    }

    static func keySet<Words: Sequence<String>>(_ words: Words) -> KeySet {
        KeySet(words.map { word in word.unicodeScalars.reduce(keySeed) { key($0, adding: $1.fastLowercase) } })
    }

    /// Word endings grouped by their last letter, so a word is compared only with the endings it could have.
    struct EndingSet: Sendable {
        /// Groups of the endings whose last letter is below U+0500 (Latin, Cyrillic), indexed by that letter: every
        /// word of every paragraph asks twice, and a dictionary lookup ran Swift's seeded hashing each time.
        private var byDirectFinal = [[[Unicode.Scalar]]](repeating: [], count: 0x500)
        /// Groups of the endings whose last letter is any other scalar.
        private var byFinal: [UInt32: [[Unicode.Scalar]]] = [:]

        init(_ endings: [String]) {
            for ending in endings {
                let scalars = Array(ending.unicodeScalars)
                guard let last = scalars.last else { continue }
                if last.value < 0x500 {
                    byDirectFinal[Int(last.value)].append(scalars)
                } else {
                    byFinal[last.value, default: []].append(scalars)
                }
            }
        }

        /// Whether `word` ends with one of the endings and keeps at least two letters of stem before it.
        func matches(_ word: [Unicode.Scalar]) -> Bool {
            guard let last = word.last else { return false }
            if last.value < 0x500 {
                return LanguageCues.endsWithAny(word, byDirectFinal[Int(last.value)])
            }
            guard let endings = byFinal[last.value] else { return false }
            return LanguageCues.endsWithAny(word, endings)
        }
    }

    /// Whether `word` ends with one of `endings` and keeps at least two letters of stem before it.
    static func endsWithAny(_ word: [Unicode.Scalar], _ endings: [[Unicode.Scalar]]) -> Bool {
        // Compared by index: the generic `suffix(_:).elementsEqual(_:)` was most of this test's cost.
        for ending in endings where word.count > ending.count + 1 {
            let offset = word.count - ending.count
            var k = 0
            while k < ending.count, word[offset + k] == ending[k] { k += 1 }
            if k == ending.count { return true }
        }
        return false
    }

    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        if value >= 0x400 && value < 0x482 || value >= 0x48A && value < 0x530 { return true }
        if value < 0xC0 { return false }
        return scalar.properties.isAlphabetic
    }

    @inline(__always)
    static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.fastLowercase
    }
}
