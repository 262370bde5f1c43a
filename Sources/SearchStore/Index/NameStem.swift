import Analysis
import KazakhData

/// The index key every form of a name shares ("Алматы", "Алматының", "Алматыдағы" → `!алмат`), indexed
/// beside the lemma of each capitalised word so that a name query reads one term list.
///
/// Names are where the lemmatizer misses inflected forms (a surname it does not know keeps its case ending:
/// "Тоқаевтың"). Matching the name as a prefix recovered them, but a prefix query merges the list of every
/// indexed word that begins with the name, which at 100,000 articles cost more than everything else in a query.
/// The key is computed the same way for the query word and for the indexed word, so it only has to group forms,
/// not be a correct nominative: case endings are stripped with the rules of ``NominativeName`` (data in
/// `case-suffixes.tsv`), then one possessive ending (`search-stem-endings.tsv`).
public enum NameStem {
    /// Prefix of key terms: no word the tokenizer emits starts with it, and the query parser never passes it
    /// through from user text, so keys cannot collide with words.
    public static let marker: Unicode.Scalar = "!"
    /// Case endings stripped one after another at most this many times ("Алматыдағылардың").
    static let maximumCaseEndings = 3
    /// Shortest key kept, in letters.
    static let minimumKeyLength = 3

    /// The key term (with its marker) of a word as written, when it is capitalised; nil for other words.
    ///
    /// `lowercased` is the word lowercased and folded to Cyrillic (the indexed surface form).
    public static func indexKeys(original: String, lowercased: String) -> [String] {
        guard let first = original.unicodeScalars.first, first.properties.isUppercase else { return [] }
        let lower = Array(lowercased.unicodeScalars)
        guard lower.count >= minimumKeyLength else { return [] }
        let key = self.key(lower)
        // "Қазақстаны": its case-ending reading ("-ны" after "а") is wrong, the possessive one is right. The
        // query word "Қазақстан" has no such ambiguity, so the second reading is indexed too when it differs.
        let alternative = stripCaseEndings(stripPossessive(lower))
        return alternative == key ? [term(key)] : [term(key), term(alternative)]
    }

    /// The key term (with its marker) of a query word.
    public static func queryKey(_ lowercased: String) -> String {
        term(key(Array(lowercased.unicodeScalars)))
    }

    static func key(_ lower: [Unicode.Scalar]) -> [Unicode.Scalar] {
        stripPossessive(stripCaseEndings(lower))
    }

    static func stripCaseEndings(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var word = word
        for _ in 0..<maximumCaseEndings {
            guard let length = NominativeName.strippedLength(word), length < word.count, length >= minimumKeyLength else { break }
            word = Array(word[..<length])
        }
        return word
    }

    static func stripPossessive(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
        for ending in SearchStemEndings.possessive where word.count - ending.count >= minimumKeyLength {
            if word[(word.count - ending.count)...].elementsEqual(ending) { return Array(word[..<(word.count - ending.count)]) }
        }
        return word
    }

    private static func term(_ key: [Unicode.Scalar]) -> String {
        var view = String.UnicodeScalarView()
        view.append(marker)
        view.append(contentsOf: key)
        return String(view)
    }
}
