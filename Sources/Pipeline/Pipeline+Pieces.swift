public import TextModel

/// Long documents in bounded pieces.
///
/// Several stages compare items within a sentence or a document (quotations with their speakers, events with the
/// events before them, names with the names resolved before them). On a news article that is cheap; on a 64 MB
/// one-line file it is quadratic and holds every intermediate layer at once. So a document longer than
/// ``Pipeline/maximumPieceScalars`` is cut into pieces at paragraph breaks (else sentence ends, else spaces, else
/// anywhere but inside a combining sequence), each piece is analysed as a document of its own, and the layers are
/// shifted back to offsets of the whole text and concatenated. Time is then linear in the length and the working
/// memory of the stages is bounded by one piece; only the resulting layers grow with the text.
///
/// What a piece cannot see: a name resolved in one piece is not resolved against the names of another (each piece
/// has its own canonical forms), a quotation or sentence is never continued across a cut, and each piece identifies
/// its own paragraphs' languages. Documents no longer than the limit (every real article) are analysed whole, with
/// exactly the output they always had.
extension Pipeline {
    /// The default longest text analysed as one piece, in Unicode scalars (about 200 KB of Cyrillic text; news
    /// articles are a few thousand).
    public static let defaultMaximumPieceScalars = 100_000

    /// Scalar offsets where `scalars` is cut into pieces of at most `limit` scalars: the end of each piece, the last
    /// being `scalars.count`. A cut falls after the last line break of the second half of the window, else after the
    /// last sentence end followed by a space, else after the last space, else before any scalar that is not a
    /// combining mark (a run of marks longer than the window is cut anyway).
    public static func pieceEnds(of scalars: [Unicode.Scalar], limit: Int) -> [Int] {
        precondition(limit >= 2, "a piece holds at least two scalars")
        var ends: [Int] = []
        var start = 0
        while scalars.count - start > limit {
            let windowEnd = start + limit
            let floor = start + limit / 2
            ends.append(cut(in: scalars, from: floor, to: windowEnd) ?? windowEnd)
            start = ends[ends.count - 1]
        }
        ends.append(scalars.count)
        return ends
    }

    /// The best cut in `floor...end` (a cut at `i` ends the piece before `scalars[i]`), or nil for none.
    private static func cut(in scalars: [Unicode.Scalar], from floor: Int, to end: Int) -> Int? {
        var sentenceEnd: Int?
        var space: Int?
        var unmarked: Int?
        var index = end
        while index > floor {
            let previous = scalars[index - 1]
            if previous == "\n" || previous == "\u{2029}" { return index }
            if space == nil || sentenceEnd == nil, previous.properties.isWhitespace {
                space = space ?? index
                if sentenceEnd == nil, index >= 2, ".!?…".unicodeScalars.contains(scalars[index - 2]) { sentenceEnd = index }
            }
            if unmarked == nil, !isMark(scalars[index]) && scalars[index] != "\u{200D}" && previous != "\u{200D}" { unmarked = index }
            index -= 1
        }
        return sentenceEnd ?? space ?? unmarked
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Analyses `document` piece by piece (see the extension's overview) and returns it with every layer.
    func annotateInPieces(_ document: Document, limit: Int) -> Document {
        let ends = Self.pieceEnds(of: document.scalars, limit: limit)
        var merged = document
        var normalized = NormalizedText(originalCount: document.scalars.count, reservingCapacity: document.scalars.count)
        var letters: [Language: Int] = [:]
        var start = 0
        for end in ends {
            var piece = Document(id: document.id, text: String(scalars: document.scalars[start..<end]), metadata: document.metadata)
            annotate(&piece)
            let tokenShift = merged.tokens.count
            for index in 0..<piece.normalized.count {
                let range = piece.normalized.originalRange(index, index + 1)
                normalized.append(piece.normalized.scalars[index], from: range.start + start, to: range.end + start)
            }
            for paragraph in piece.paragraphs {
                merged.paragraphs.append(Paragraph(start: paragraph.start + start, end: paragraph.end + start, language: paragraph.language))
                letters[paragraph.language, default: 0] += paragraph.end - paragraph.start
            }
            merged.tokens += piece.tokens.lazy.map { token in
                var token = token
                token.start += start
                token.end += start
                return token
            }
            merged.sentences += piece.sentences.lazy.map { sentence in
                Sentence(start: sentence.start + start, end: sentence.end + start, tokenRange: sentence.tokenRange.shifted(by: tokenShift))
            }
            merged.entities += piece.entities.lazy.map { entity in
                var entity = entity
                entity.start += start
                entity.end += start
                entity.tokenRange = entity.tokenRange.shifted(by: tokenShift)
                return entity
            }
            merged.times += piece.times.lazy.map { $0.shifted(by: start) }
            merged.amounts += piece.amounts.lazy.map { $0.shifted(by: start) }
            merged.quotes += piece.quotes.lazy.map { $0.shifted(by: start) }
            merged.meetings += piece.meetings.lazy.map { $0.shifted(by: start) }
            merged.events += piece.events.lazy.map { $0.shifted(by: start) }
            start = end
        }
        merged.normalized = normalized
        // The language of most of the text, by paragraph length (ties by name, as the identifier breaks them).
        merged.language = letters.filter { $0.value > 0 }
            .max { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }?.key ?? .other
        return merged
    }
}

extension Range<Int> {
    fileprivate func shifted(by offset: Int) -> Range<Int> { (lowerBound + offset)..<(upperBound + offset) }
}

/// A span layer whose offsets can be moved to a larger text.
private protocol ScalarSpan {
    var start: Int { get set }
    var end: Int { get set }
}

extension ScalarSpan {
    fileprivate func shifted(by offset: Int) -> Self {
        var copy = self
        copy.start += offset
        copy.end += offset
        return copy
    }
}

extension TimeExpression: ScalarSpan {}
extension Amount: ScalarSpan {}
extension Quote: ScalarSpan {}
extension Meeting: ScalarSpan {}
extension Event: ScalarSpan {}
