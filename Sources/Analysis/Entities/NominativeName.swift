import KazakhData
import TextModel

/// Turns an inflected Kazakh name into its nominative form by stripping the case ending of its last word
/// ("Алматының" → "Алматы", "Ирина Боковамен" → "Ирина Бокова", "ЮНЕСКО-ның" → "ЮНЕСКО").
///
/// The endings and the stem-final letters each one attaches to live in `case-suffixes.tsv` (its `stem` column);
/// the check on the stem's last letter is what keeps "Алматы" (not "Алма" + "-ты") intact.
public enum NominativeName {
    /// Shortest stem (in letters) left after stripping an ending from a plain word.
    static let minimumStemLength = 3

    /// Single-word gazetteer names: known nominatives, never stripped.
    /// Hashed, so checking a word allocates nothing.
    static let knownNames: Set<UInt64> = Set(EntityGazetteer.entries.filter { $0.words.count == 1 }.map { FeatureHash.of($0.words[0].unicodeScalars) })

    /// The nominative form of a multi-word name: only the last word is inflected in Kazakh.
    ///
    /// A lemma from the morphology analyser may only *undo* over-stripping: it is used when the surface starts
    /// with it and it is longer than the stripped stem. General-vocabulary lemmas are wrong for names in both
    /// other directions ("Алматы" → "алма", "университетінде" → "университет" where the name keeps "-і").
    public static func canonical(words: [String], lastLemma: String? = nil) -> String {
        guard let word = words.last else { return "" }
        // The word's scalars and their lower case are decoded once for both the ending and the lemma test.
        let scalars = Array(word.unicodeScalars)
        let lower = Array(word.fastLowercased.unicodeScalars)
        let sameLength = lower.count == scalars.count
        var length = sameLength ? (strippedLength(lower) ?? scalars.count) : scalars.count
        if let lemma = lastLemma, sameLength, let lemmaLength = prefixLength(of: lower, matching: lemma), lemmaLength > length {
            length = lemmaLength
        }
        let last = length == scalars.count ? word : String(scalars: scalars[..<length])
        return words.count == 1 ? last : (words.dropLast() + [last]).joined(separator: " ")
    }

    /// How many scalars of a lower-cased word spell `lemma` (case-insensitively), or nil when it does not begin so.
    private static func prefixLength(of lower: [Unicode.Scalar], matching lemma: String) -> Int? {
        var count = 0
        for scalar in lemma.fastLowercased.unicodeScalars {
            guard count < lower.count, lower[count] == scalar else { return nil }
            count += 1
        }
        return count == 0 ? nil : count
    }

    /// The word without one case/plural ending, original capitalisation kept ("Парижде" → "Париж").
    public static func stripEnding(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        let lower = Array(word.lowercased().unicodeScalars)
        guard lower.count == scalars.count else { return word }
        if let length = strippedLength(lower) { return String(String.UnicodeScalarView(scalars[..<length])) }
        return word
    }

    /// Length of the stem of a lower-cased word after one ending is stripped, or nil when nothing is stripped.
    /// A hyphenated ending after an abbreviation or a foreign name ("ЮНЕСКО-ның", "АҚШ-та") is always stripped.
    public static func strippedLength(_ lower: [Unicode.Scalar]) -> Int? {
        if let hyphen = lower.lastIndex(of: "-"), hyphen > 0 {
            let tail = lower[(hyphen + 1)...]
            if tail.isEmpty || NameCaseSuffixes.rules.contains(where: { $0.suffix[...] == tail }) { return hyphen }
            return nil
        }
        if NameCaseSuffixes.protectedEndings.contains(where: { lower.count >= $0.count && lower[(lower.count - $0.count)...].elementsEqual($0) })
            || knownNames.contains(FeatureHash.of(lower)) {
            return nil
        }
        for rule in NameCaseSuffixes.rules {
            let stemLength = lower.count - rule.suffix.count
            guard stemLength >= minimumStemLength, lower[stemLength...].elementsEqual(rule.suffix) else { continue }
            if let finals = rule.allowedFinals, !finals.contains(lower[stemLength - 1]) { continue }
            return stemLength
        }
        return nil
    }
}
