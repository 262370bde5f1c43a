import Analysis
import KazakhData
package import TextModel

/// Induces a stem lexicon from raw running text (KazNERD, news articles), using the suffix grammar:
///
/// - every Cyrillic word form seen is a possible nominal stem (PROPN when it is mostly written inside a
///   named entity or capitalised away from the sentence start, NOUN otherwise);
/// - a verb stem is accepted when the corpus shows it with at least ``minimumVerbEndings`` different
///   verbal endings (past, present, converb, participle, verbal noun, …), which single inflected nouns rarely do.
package struct CorpusStemInducer {
    /// One running-text token.
    package struct Occurrence: Sendable {
        package var form: String
        /// Inside a gold named-entity span (KazNERD) or otherwise known to be a name.
        package var inEntity: Bool
        package var sentenceInitial: Bool

        package init(form: String, inEntity: Bool, sentenceInitial: Bool) {
            self.form = form
            self.inEntity = inEntity
            self.sentenceInitial = sentenceInitial
        }
    }

    package static let minimumVerbEndings = 3
    /// Forms seen this often are kept as stems even when they end like a case form (Қазақстан).
    package static let frequentForm = 2
    private let grammar = SuffixGrammar(rows: MorphologyTables.suffixes())
    private static let verbalEndings: Set<SuffixGrammar.Category> = [.PAST, .PERS, .PRES, .CONV, .PART, .GER, .COND, .VN]

    package init() {}

    /// Induced stems, sorted by stem then part of speech: (stem, UPOS, corpus count).
    package func induce(_ occurrences: [Occurrence]) -> [(stem: String, upos: UPOS, count: Int)] {
        var nominal: [String: (total: Int, proper: Int)] = [:]
        for occurrence in occurrences {
            let scalars = Array(occurrence.form.unicodeScalars)
            guard scalars.count >= 2, scalars.allSatisfy({ Self.isCyrillic($0) || $0 == "-" }) else { continue }
            let key = occurrence.form.lowercased()
            let capitalised = scalars[0].properties.isUppercase
            let proper = occurrence.inEntity || (capitalised && !occurrence.sentenceInitial)
            let old = nominal[key] ?? (0, 0)
            nominal[key] = (old.total + 1, old.proper + (proper ? 1 : 0))
        }
        var verbEndings: [String: Set<String>] = [:]
        var verbCounts: [String: Int] = [:]
        for (form, counts) in nominal {
            let scalars = Array(form.unicodeScalars)
            for segmentation in grammar.segmentations(of: scalars, minimumStem: 2) where segmentation.stemCategory == .V0 {
                guard let outer = segmentation.rows.last, Self.verbalEndings.contains(grammar.rows[outer].yields) else { continue }
                let stem = String(morphologyScalars: scalars[..<segmentation.stemLength])
                guard KazakhPhonology.hasVowel(stem.unicodeScalars) else { continue }
                verbEndings[stem, default: []].insert(grammar.rows[outer].id + String(segmentation.rows.count))
                verbCounts[stem, default: 0] += counts.total
            }
        }
        let verbs = Set(verbEndings.filter { $0.value.count >= Self.minimumVerbEndings }.keys)
        var result: [(String, UPOS, Int)] = []
        for (form, counts) in nominal where !isInflected(form, nominal: nominal, verbs: verbs)
            && !(counts.total < Self.frequentForm && endsInCaseOrPlural(form)) {
            result.append((form, counts.proper * 2 > counts.total ? .PROPN : .NOUN, counts.total))
        }
        for stem in verbs where !isInflected(stem, nominal: [:], verbs: verbs) {
            result.append((stem, .VERB, verbCounts[stem] ?? 1))
        }
        return result.sorted { ($0.0, $0.1.rawValue) < ($1.0, $1.1.rawValue) }.map { (stem: $0.0, upos: $0.1, count: $0.2) }
    }

    /// Whether `form` is a known stem plus inflection (қаласы = қала + сы, кездесті = кездес + ті,
    /// орындал = орында + л): such forms are not stems themselves.
    private func isInflected(_ form: String, nominal: [String: (total: Int, proper: Int)], verbs: Set<String>) -> Bool {
        let scalars = Array(form.unicodeScalars)
        for segmentation in grammar.segmentations(of: scalars, minimumStem: 2) {
            let stemScalars = Array(scalars[..<segmentation.stemLength])
            guard KazakhPhonology.hasVowel(stemScalars) else { continue }
            // The stem as written, or as it was before a vowel-initial suffix changed it (жылдығ- → жылдық).
            let variants = [stemScalars] + (segmentation.vowelInitial ? CandidateGenerator.alternations(of: stemScalars) : [])
            for variant in variants {
                let stem = String(morphologyScalars: variant)
                if segmentation.stemCategory == .N0 && nominal[stem] != nil { return true }
                if segmentation.stemCategory == .V0 && verbs.contains(stem) { return true }
            }
        }
        return false
    }

    /// Whether `form` ends in a case or plural allomorph of two letters or more after a plausible stem
    /// (Парижде, Боковамен): rare forms like that are inflected words, not stems.
    private func endsInCaseOrPlural(_ form: String) -> Bool {
        let scalars = Array(form.unicodeScalars)
        for segmentation in grammar.segmentations(of: scalars, minimumStem: 3) where segmentation.stemCategory == .N0 {
            guard let outer = segmentation.rows.last, [.NC, .NPL].contains(grammar.rows[outer].yields) else { continue }
            if scalars.count - segmentation.stemLength >= 2, KazakhPhonology.hasVowel(scalars[..<segmentation.stemLength]) { return true }
        }
        return false
    }

    static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool { (0x0400...0x04FF).contains(scalar.value) }
}
