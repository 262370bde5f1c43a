public import TextModel

/// Identifies the language of every paragraph (`kk`, `ru`, `en`, `other`) and of the whole document.
///
/// Paragraphs are the lines of the text: a blank line or a single line break both start a new paragraph (news
/// files often hold one paragraph per line); leading and trailing spaces are not part of a paragraph and blank
/// lines make none. Each paragraph is scored by ``LanguageEvidence`` (letters, stop words, endings).
///
/// ## Paragraphs without a signal
/// A paragraph whose words give no vote, or a tie ("ALA CRAFT 2025", "Алматы", a date line), is decided by
/// the document:
/// - Cyrillic letters → the document's dominant Cyrillic language (kk or ru, by letters of the paragraphs that
///   had a signal), `kk` when there is none;
/// - Latin letters → the document's dominant Latin-script language (`en`, or `kk` in Latin-script Kazakh
///   documents), `other` when there is none — a Latin brand name in a Kazakh article is not Kazakh text;
/// - Arabic-script letters (most of them) → `other`: Arabic-script Kazakh has its own letters to vote with;
/// - no letters at all (digits, punctuation) → `other`.
///
/// Each paragraph also gets its ``Script``: the script of at least 80 % of its letters, else `mixed`.
///
/// The document's ``Document/language`` is the language covering the most letters (`other` when it has none).
/// Reads ``Document/normalized`` (so homoglyph-repaired words count in their script), writes original offsets.
public struct LanguageIdentifier: Annotator {
    /// The stage's name in a pipeline (`language`).
    public let name = "language"

    /// Creates the stage; its evidence tables are bundled.
    public init() {}

    /// Sets `paragraphs` with each paragraph's language, and the document's `language`.
    public func annotate(_ document: inout Document) {
        let normalized = document.normalized
        let scalars = normalized.scalars
        var spans: [(start: Int, end: Int, evidence: LanguageEvidence)] = []
        var lineStart = 0
        for index in 0...scalars.count {
            guard index == scalars.count || Self.isLineBreak(scalars[index]) else { continue }
            var start = lineStart, end = index
            while start < end, scalars[start].properties.isWhitespace { start += 1 }
            while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
            if start < end {
                var evidence = LanguageEvidence()
                evidence.add(scalars[start..<end])
                spans.append((start, end, evidence))
            }
            lineStart = index + 1
        }
        let labels = Self.decide(spans.map(\.evidence))
        document.paragraphs = zip(spans, labels).map { span, language in
            let original = normalized.originalRange(span.start, span.end)
            return Paragraph(start: original.start, end: original.end, language: language, script: Self.script(of: span.evidence))
        }
        document.language = Self.dominant(zip(spans.map(\.evidence), labels).map { ($0, $1) })
    }

    /// The language of a text taken on its own (one paragraph, no document context).
    public func identify(_ text: String) -> Language {
        var evidence = LanguageEvidence()
        evidence.add(Array(text.unicodeScalars)[...])
        return Self.decide([evidence])[0]
    }

    /// Labels for paragraphs with the given evidence, resolving those without a signal from the others.
    static func decide(_ evidence: [LanguageEvidence]) -> [Language] {
        let direct = evidence.map(\.winner)
        var cyrillicLetters: [Language: Int] = [:]
        var latinLetters: [Language: Int] = [:]
        for (paragraph, language) in zip(evidence, direct) {
            guard let language else { continue }
            cyrillicLetters[language, default: 0] += paragraph.cyrillicLetters
            latinLetters[language, default: 0] += paragraph.latinLetters
        }
        func strongest(_ letters: [Language: Int]) -> Language? {
            letters.filter { $0.value > 0 }.max { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }?.key
        }
        let cyrillicDefault = strongest(cyrillicLetters.filter { $0.key == .kk || $0.key == .ru }) ?? .kk
        let latinDefault = strongest(latinLetters.filter { $0.key == .kk || $0.key == .en }) ?? .other
        return zip(evidence, direct).map { paragraph, language in
            if let language { return language }
            if paragraph.letters == 0 || paragraph.arabicLetters * 2 > paragraph.letters { return .other }
            return paragraph.cyrillicLetters >= paragraph.latinLetters ? cyrillicDefault : latinDefault
        }
    }

    /// The script holding at least 80 % of a paragraph's letters, `mixed` when none does, `none` without letters.
    static func script(of evidence: LanguageEvidence) -> Script {
        let total = evidence.letters
        guard total > 0 else { return .none }
        let counts: [(Script, Int)] = [(.cyrillic, evidence.cyrillicLetters), (.latin, evidence.latinLetters), (.arabic, evidence.arabicLetters)]
        let best = counts.max { $0.1 < $1.1 }!
        return best.1 * 5 >= total * 4 ? best.0 : .mixed
    }

    /// The language covering the most letters.
    static func dominant(_ paragraphs: [(LanguageEvidence, Language)]) -> Language {
        var letters: [Language: Int] = [:]
        for (evidence, language) in paragraphs { letters[language, default: 0] += evidence.letters }
        return letters.filter { $0.value > 0 }.max { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }?.key ?? .other
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}
