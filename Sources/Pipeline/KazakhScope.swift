import Analysis
import TextModel

/// Runs Kazakh models on the part of a document that is Kazakh (or has no letters at all).
enum KazakhScope {
    /// Runs `stages` on the sentences of `document` outside Russian, English and other-language paragraphs; when there
    /// are none, on everything. (English paragraphs got Kazakh "lemmas" and whole-sentence QUANTITY spans; a Uyghur
    /// sentence got a FACILITY.) An `other` paragraph without a language of its own stays in scope: a date line, a
    /// number, a Latin outlet or brand line ("Vesti.kz | 2 маусым 2025, 03:05") still holds times and amounts.
    static func run(_ stages: ArraySlice<any Annotator>, on document: inout Document) {
        guard let kept = keptSentences(of: document) else {
            for stage in stages { stage.annotate(&document) }
            return
        }
        // The copy shares the text and scalars; only the token and sentence arrays are rebuilt.
        var scoped = document
        var tokens: [Token] = []
        var sentences: [Sentence] = []
        var fullIndex: [Int] = []
        for sentenceIndex in kept {
            let sentence = document.sentences[sentenceIndex]
            let start = tokens.count
            tokens.append(contentsOf: document.tokens[sentence.tokenRange])
            fullIndex.append(contentsOf: sentence.tokenRange)
            sentences.append(Sentence(start: sentence.start, end: sentence.end, tokenRange: start..<tokens.count))
        }
        scoped.tokens = tokens
        scoped.sentences = sentences
        for stage in stages { stage.annotate(&scoped) }

        for (scopedIndex, index) in fullIndex.enumerated() { document.tokens[index] = scoped.tokens[scopedIndex] }
        func mapped(_ range: Range<Int>) -> Range<Int> {
            guard !range.isEmpty, range.upperBound <= fullIndex.count else { return range }
            return fullIndex[range.lowerBound]..<(fullIndex[range.upperBound - 1] + 1)
        }
        document.entities = scoped.entities.map { entity in
            var entity = entity
            entity.tokenRange = mapped(entity.tokenRange)
            return entity
        }
        document.times = scoped.times
        document.amounts = scoped.amounts
        document.quotes = scoped.quotes
        document.meetings = scoped.meetings
        document.events = scoped.events
    }

    /// Indices of the sentences outside out-of-scope paragraphs, or nil when no sentence is in one (the
    /// common case, and documents without paragraphs or sentences).
    static func keptSentences(of document: Document) -> [Int]? {
        let paragraphs = document.paragraphs
        func isOutOfScope(_ paragraph: Paragraph) -> Bool { Self.isOutOfScope(paragraph, in: document) }
        guard paragraphs.contains(where: isOutOfScope), !document.sentences.isEmpty else { return nil }
        var kept: [Int] = []
        for (index, sentence) in document.sentences.enumerated() {
            // The paragraph holding the sentence's first character; a sentence before any paragraph is kept.
            let position = paragraphs.partitionPoint { $0.end > sentence.start }
            let isRussian = position < paragraphs.count && paragraphs[position].start <= sentence.start
                && isOutOfScope(paragraphs[position])
            if !isRussian { kept.append(index) }
        }
        return kept.count == document.sentences.count ? nil : kept
    }

    /// Paragraphs the Kazakh models never see: Russian, English, and text in another language — Arabic-script `other`
    /// (Uyghur, Arabic, Persian) and Latin or Cyrillic `other` whose own words vote for another language (Turkish,
    /// Uzbek). An `other` paragraph without such votes (no letters, or a line of names, outlets and dates that the
    /// identifier could not place) is not another language's text and stays.
    static func isOutOfScope(_ paragraph: Paragraph, in document: Document) -> Bool {
        switch paragraph.language {
        case .ru, .en: return true
        case .kk: return false
        case .other:
            switch paragraph.script {
            case .none: return false
            case .arabic: return true
            case .latin, .cyrillic, .mixed:
                guard paragraph.start < paragraph.end, paragraph.end <= document.scalars.count else { return false }
                var evidence = LanguageEvidence()
                evidence.add(document.scalars[paragraph.start..<paragraph.end])
                return evidence.otherLanguage > 0 || evidence.arabicLetters * 2 > evidence.letters
            }
        }
    }
}
