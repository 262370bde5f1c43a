import KazakhData
import TextModel

/// Scores of one stretch of text for each language, summed over its words.
///
/// A Cyrillic word votes Kazakh for a Kazakh-specific letter (ә ғ қ ң ө ұ ү һ і, +2), a Kazakh stop word (+2)
/// or a Kazakh suffix (+1); Russian for ё ъ щ (+2), a Russian stop word (+2) or a Russian inflection (+1).
/// A Latin word votes Kazakh for a letter of the 2021 alphabet (ä ğ ı ñ ö ū ü ş, +2), a Kazakh stop word in
/// 2021 spelling (+2) or a q (+1); English for an English stop word (+2) or English spelling (th, w, c…, +1).
/// Single letters followed by a full stop are initials ("И. Тасмағамбетов") and do not vote.
public struct LanguageEvidence: Sendable, Equatable {
    public var kazakh = 0
    public var russian = 0
    public var english = 0
    public var cyrillicLetters = 0
    public var latinLetters = 0
    public var letters: Int { cyrillicLetters + latinLetters }

    public init() {}

    /// The language with the strictly highest score, or nil when there is no signal or a tie.
    ///
    /// English needs at least 2 points: one English-looking word in a line of names ("ALA CRAFT 2025") is
    /// not English text.
    public var winner: Language? {
        let scores: [(Language, Int)] = [(.kk, kazakh), (.ru, russian), (.en, english)]
        let best = scores.max { $0.1 < $1.1 }!
        guard best.1 > 0, scores.filter({ $0.1 == best.1 }).count == 1 else { return nil }
        if best.0 == .en && best.1 < 2 { return nil }
        return best.0
    }

    /// Adds the votes of the words in `scalars`.
    public mutating func add(_ scalars: ArraySlice<Unicode.Scalar>) {
        let cues = LanguageCues.shared
        var index = scalars.startIndex
        while index < scalars.endIndex {
            guard scalars[index].properties.isAlphabetic else { index += 1; continue }
            var end = index
            var cyrillic = 0, latin = 0
            while end < scalars.endIndex, scalars[end].properties.isAlphabetic {
                let value = scalars[end].value
                if (0x400...0x4FF).contains(value) { cyrillic += 1 } else if value < 0x250 { latin += 1 }
                end += 1
            }
            cyrillicLetters += cyrillic
            latinLetters += latin
            let isInitial = end - index == 1 && end < scalars.endIndex && scalars[end] == "."
            if !isInitial {
                var word = String.UnicodeScalarView()
                word.append(contentsOf: scalars[index..<end])
                let lower = String(word).lowercased()
                if cyrillic >= latin { scoreCyrillic(lower, cues) } else { scoreLatin(lower, cues) }
            }
            index = end
        }
    }

    private mutating func scoreCyrillic(_ word: String, _ cues: LanguageCues) {
        let scalars = word.unicodeScalars
        if scalars.contains(where: cues.kazakhLetters.contains) { kazakh += 2 }
        if scalars.contains(where: cues.russianLetters.contains) { russian += 2 }
        if cues.kazakhStopWords.contains(word) { kazakh += 2; return }
        if cues.russianStopWords.contains(word) { russian += 2; return }
        let length = scalars.count
        if cues.kazakhEndings.contains(where: { word.hasSuffix($0) && length > $0.unicodeScalars.count + 1 }) { kazakh += 1 }
        if cues.russianEndings.contains(where: { word.hasSuffix($0) && length > $0.unicodeScalars.count + 1 }) { russian += 1 }
    }

    private mutating func scoreLatin(_ word: String, _ cues: LanguageCues) {
        let scalars = word.unicodeScalars
        if scalars.contains(where: cues.kazakhLatinLetters.contains) { kazakh += 2 }
        if cues.englishStopWords.contains(word) { english += 2; return }
        if cues.kazakhLatinStopWords.contains(word) { kazakh += 2; return }
        if scalars.contains("q") && !word.contains("qu") { kazakh += 1 }
        if LatinReader.looksEnglish(word) { english += 1 }
    }
}

/// The word lists and letter sets language identification uses, built once from KazakhData.
struct LanguageCues: Sendable {
    static let shared = LanguageCues()

    let kazakhLetters: Set<Unicode.Scalar> = Set("әғқңөұүһі".unicodeScalars)
    let russianLetters: Set<Unicode.Scalar> = Set("ёъщ".unicodeScalars)
    let kazakhLatinLetters: Set<Unicode.Scalar> = Set("äğıñöūüş".unicodeScalars)
    let kazakhStopWords = StopWords.kazakh
    let russianStopWords = StopWords.russian
    let englishStopWords = StopWords.english
    /// Kazakh stop words in the 2021 Latin alphabet, for Latin-script Kazakh.
    let kazakhLatinStopWords: Set<String> = Set(StopWords.kazakh.map { Transliterator.toLatin($0) })
    let kazakhEndings = LanguageEndings.kazakh
    let russianEndings = LanguageEndings.russian
}
