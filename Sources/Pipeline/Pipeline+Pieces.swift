import Analysis
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
/// Names carry forward: the full person names of the pieces before are known names of the next piece's resolver, so
/// "Досаев" alone in a later piece resolves to "Ерболат Досаев" named in an earlier one (not backwards: a piece is
/// finished before the next is analysed). What a piece cannot see: a quotation or sentence is never continued across
/// a cut, and each piece identifies its own paragraphs' languages. Documents no longer than the limit (every real article) are analysed whole, with
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
    static func cut(in scalars: [Unicode.Scalar], from floor: Int, to end: Int) -> Int? {
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

    /// One analysed piece of a long text (see ``analyzePieces(id:text:metadata:_:)``).
    public struct Piece: Sendable {
        /// The piece analysed as a document of its own: its text is the piece's and its offsets count from its start.
        public var document: Document
        /// Where the piece starts in the whole text, in Unicode scalars.
        public var scalarOffset: Int
        /// How many tokens the pieces before it hold.
        public var tokenOffset: Int

        /// The piece's layers with offsets of the whole text (scalars and token indices); its `text`, `scalars` and
        /// `normalized` stay the piece's own.
        public var shiftedLayers: Document {
            let start = scalarOffset, tokenShift = tokenOffset
            var shifted = document
            shifted.tokens = document.tokens.map { token in
                var token = token
                token.start += start
                token.end += start
                return token
            }
            shifted.sentences = document.sentences.map { sentence in
                Sentence(start: sentence.start + start, end: sentence.end + start, tokenRange: sentence.tokenRange.shifted(by: tokenShift))
            }
            shifted.paragraphs = document.paragraphs.map { paragraph in
                var paragraph = paragraph
                paragraph.start += start
                paragraph.end += start
                return paragraph
            }
            shifted.entities = document.entities.map { entity in
                var entity = entity
                entity.start += start
                entity.end += start
                entity.tokenRange = entity.tokenRange.shifted(by: tokenShift)
                return entity
            }
            shifted.times = document.times.map { $0.shifted(by: start) }
            shifted.amounts = document.amounts.map { $0.shifted(by: start) }
            shifted.quotes = document.quotes.map { $0.shifted(by: start) }
            shifted.meetings = document.meetings.map { $0.shifted(by: start) }
            shifted.events = document.events.map { $0.shifted(by: start) }
            return shifted
        }
    }

    /// Most distinct full names carried from piece to piece (a bound on each piece's resolver scope).
    static let maximumCarriedNames = 10_000

    /// Analyses `text` in pieces of at most ``maximumPieceScalars`` scalars, cut as ``pieceEnds(of:limit:)`` cuts, and
    /// hands each analysed piece to `body` in text order; returns the language of most of the text (by paragraph
    /// length). Only one piece's scalars and layers are held at a time, so a caller that writes each piece out (as
    /// `tilshi analyze` does for long documents) works in memory bounded by the piece length, not the text's.
    public func analyzePieces(
        id: String, text: String, metadata: DocumentMetadata = DocumentMetadata(), _ body: (Piece) throws -> Void
    ) rethrows -> Language {
        let limit = maximumPieceScalars
        var scalars = text.unicodeScalars.makeIterator()
        var window: [Unicode.Scalar] = []
        window.reserveCapacity(limit + 1)
        var scalarOffset = 0
        var tokenOffset = 0
        var letters: [Language: Int] = [:]
        var carried: [String] = []
        var carriedSet: Set<String> = []
        var first = true
        while true {
            // One scalar past the window shows whether the text goes on (and lets the cut look at the next scalar).
            while window.count <= limit, let scalar = scalars.next() { window.append(scalar) }
            if window.isEmpty && !first { break }
            first = false
            let end = window.count > limit ? Self.cut(in: window, from: limit / 2, to: limit) ?? limit : window.count
            var piece = Document(id: id, text: String(scalars: window[0..<end]), metadata: metadata)
            window.removeFirst(end)
            (carried.isEmpty ? self : knowing(carried)).annotate(&piece)
            for paragraph in piece.paragraphs { letters[paragraph.language, default: 0] += paragraph.end - paragraph.start }
            for entity in piece.entities where entity.label == .person && carried.count < Self.maximumCarriedNames {
                if NameResolver.surnameOfFullName(entity.canonical) != nil, carriedSet.insert(entity.canonical).inserted {
                    carried.append(entity.canonical)
                }
            }
            let tokens = piece.tokens.count
            try body(Piece(document: piece, scalarOffset: scalarOffset, tokenOffset: tokenOffset))
            scalarOffset += end
            tokenOffset += tokens
            if window.isEmpty { break }
        }
        // The language of most of the text, by paragraph length (ties by name, as the identifier breaks them).
        return letters.filter { $0.value > 0 }
            .max { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }?.key ?? .other
    }

    /// This pipeline with `names` added to its resolver's known full names.
    private func knowing(_ names: [String]) -> Pipeline {
        Pipeline(name: name, annotators: annotators.map { annotator -> any Annotator in
            guard let resolver = annotator as? EntityResolver else { return annotator }
            return EntityResolver(knownNames: resolver.knownNames + names)
        }, maximumPieceScalars: maximumPieceScalars)
    }

    /// Analyses `document` piece by piece (see the extension's overview) and returns it with every layer.
    func annotateInPieces(_ document: Document, limit: Int) -> Document {
        var merged = document
        var normalized = NormalizedText(originalCount: document.scalars.count, reservingCapacity: document.scalars.count)
        var pipeline = self
        pipeline.maximumPieceScalars = limit
        let language = pipeline.analyzePieces(id: document.id, text: document.text, metadata: document.metadata) { piece in
            let start = piece.scalarOffset
            for index in 0..<piece.document.normalized.count {
                let range = piece.document.normalized.originalRange(index, index + 1)
                normalized.append(piece.document.normalized.scalars[index], from: range.start + start, to: range.end + start)
            }
            let shifted = piece.shiftedLayers
            merged.paragraphs += shifted.paragraphs
            merged.tokens += shifted.tokens
            merged.sentences += shifted.sentences
            merged.entities += shifted.entities
            merged.times += shifted.times
            merged.amounts += shifted.amounts
            merged.quotes += shifted.quotes
            merged.meetings += shifted.meetings
            merged.events += shifted.events
        }
        merged.normalized = normalized
        merged.language = language
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

extension Pipeline {
    /// Whether `text` is longer than one piece (``maximumPieceScalars`` scalars), so it is analysed in pieces.
    public func isLong(_ text: String) -> Bool {
        // A scalar takes at least one UTF-8 byte: most texts are decided without counting.
        text.utf8.count > maximumPieceScalars && text.unicodeScalars.count > maximumPieceScalars
    }
}
