import Analysis
import TextModel

/// Runs Kazakh models on the part of a document that is not Russian or English.
enum KazakhScope {
    /// Runs `stages` on the sentences of `document` outside Russian and English paragraphs; when there are none, on
    /// everything. (English paragraphs got Kazakh "lemmas" and whole-sentence QUANTITY spans; `other` paragraphs
    /// stay in scope: a date line or a number has no language and still holds times and amounts.)
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

    /// Indices of the sentences outside Russian and English paragraphs, or nil when no sentence is in one (the
    /// common case, and documents without paragraphs or sentences).
    static func keptSentences(of document: Document) -> [Int]? {
        let paragraphs = document.paragraphs
        guard paragraphs.contains(where: { isOutOfScope($0.language) }), !document.sentences.isEmpty else { return nil }
        var kept: [Int] = []
        for (index, sentence) in document.sentences.enumerated() {
            // The paragraph holding the sentence's first character; a sentence before any paragraph is kept.
            let position = paragraphs.partitionPoint { $0.end > sentence.start }
            let isRussian = position < paragraphs.count && paragraphs[position].start <= sentence.start
                && isOutOfScope(paragraphs[position].language)
            if !isRussian { kept.append(index) }
        }
        return kept.count == document.sentences.count ? nil : kept
    }

    /// Languages the Kazakh models never see.
    static func isOutOfScope(_ language: Language) -> Bool { language == .ru || language == .en }
}
