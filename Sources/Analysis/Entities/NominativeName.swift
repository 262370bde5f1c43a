import KazakhData

/// Turns an inflected Kazakh name into its nominative form by stripping the case ending of its last word
/// ("Алматының" → "Алматы", "Ирина Боковамен" → "Ирина Бокова", "ЮНЕСКО-ның" → "ЮНЕСКО").
///
/// The endings and the stem-final letters each one attaches to live in `name-case-suffixes.tsv`;
/// the check on the stem's last letter is what keeps "Алматы" (not "Алма" + "-ты") intact.
public enum NominativeName {
    /// Shortest stem (in letters) left after stripping an ending from a plain word.
    static let minimumStemLength = 3

    /// Single-word gazetteer names: known nominatives, never stripped.
    /// Hashed, so checking a word allocates nothing.
    static let knownNames: Set<UInt64> = Set(EntityGazetteer.entries.filter { $0.words.count == 1 }.map { FeatureHash.of($0.words[0].unicodeScalars) })

    /// The nominative form of a multi-word name: only the last word is inflected in Kazakh.
    /// When the morphology analyser gave the last word a lemma that the surface starts with, that lemma wins.
    public static func canonical(words: [String], lastLemma: String? = nil) -> String {
        guard var last = words.last else { return "" }
        if let lemma = lastLemma, let fromLemma = prefix(of: last, matching: lemma) {
            last = fromLemma
        } else {
            last = stripEnding(last)
        }
        return (words.dropLast() + [last]).joined(separator: " ")
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

    /// The leading part of `word` that spells `lemma` (case-insensitively), or nil.
    static func prefix(of word: String, matching lemma: String) -> String? {
        let lemmaScalars = Array(lemma.lowercased().unicodeScalars)
        let wordScalars = Array(word.unicodeScalars)
        let lower = Array(word.lowercased().unicodeScalars)
        guard !lemmaScalars.isEmpty, lower.count == wordScalars.count, lemmaScalars.count <= lower.count,
              lower.starts(with: lemmaScalars) else { return nil }
        return String(String.UnicodeScalarView(wordScalars[..<lemmaScalars.count]))
    }
}
