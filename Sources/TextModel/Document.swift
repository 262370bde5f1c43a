/// A news document and every analysis layer added to it.
///
/// One `Document` flows through the whole pipeline: each ``Annotator`` adds a layer
/// (normalised text, paragraphs, sentences, tokens, entities, facts) and none re-tokenises.
///
/// ## Offsets
/// Every `start`/`end` in the model counts **Unicode scalars (code points) of the original
/// ``text``**, end exclusive, so `text[start:end]` in Python yields the span. Use
/// ``slice(_:_:)`` to get the substring in Swift.
public struct Document: Sendable {
    /// Stable identifier (file name, JSONL `id`, or a content hash).
    public var id: String
    /// The original input text, exactly as read.
    public let text: String
    /// Title, URL, source and publication date, when the input carries them.
    public var metadata: DocumentMetadata
    /// The original text as an array of Unicode scalars, for O(1) offset slicing.
    public let scalars: [Unicode.Scalar]
    /// The normalised view of ``text`` with its map back to original offsets.
    public var normalized: NormalizedText
    /// Dominant language of the document (`kk`, `ru`, `en`, `other`); set by language identification.
    public var language: Language
    /// Paragraphs with their own language.
    public var paragraphs: [Paragraph]
    /// Sentences in text order; set by sentence splitting.
    public var sentences: [Sentence]
    /// Tokens in text order; each sentence's ``Sentence/tokenRange`` indexes into them.
    public var tokens: [Token]
    /// Entity mentions in text order (by `start`); fact stages look them up by binary search.
    public var entities: [Entity]
    /// Time expressions with their TIMEX3 values ("5 қарашада" → `XXXX-11-05`).
    public var times: [TimeExpression]
    /// Quantities with their units ("1,8 млрд. теңге").
    public var amounts: [Amount]
    /// Reported speech with its speaker, when known.
    public var quotes: [Quote]
    /// Reported meetings between participants.
    public var meetings: [Meeting]
    /// Announced or reported events (exhibitions, concerts, ceremonies).
    public var events: [Event]

    /// Creates a document with no analysis layers; ``normalized`` is the identity view until a normaliser runs.
    public init(id: String, text: String, metadata: DocumentMetadata = DocumentMetadata()) {
        self.id = id
        self.text = text
        self.metadata = metadata
        let scalars = Self.scalars(of: text)
        self.scalars = scalars
        self.normalized = NormalizedText(identityOf: scalars)
        self.language = .other
        self.paragraphs = []
        self.sentences = []
        self.tokens = []
        self.entities = []
        self.times = []
        self.amounts = []
        self.quotes = []
        self.meetings = []
        self.events = []
    }

    /// The Unicode scalars of `text`, decoded straight from its UTF-8 bytes into an array of the right size
    /// (`Array(text.unicodeScalars)` walks the text twice through the generic scalar view, a visible share of
    /// building every document). A `String` always holds valid UTF-8, so no validation is needed.
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return [Unicode.Scalar](unsafeUninitializedCapacity: count) { buffer, initialized in
                var index = 0
                var written = 0
                while index < bytes.count {
                    let lead = UInt32(bytes[index])
                    let value: UInt32
                    switch lead {
                    case 0..<0x80:
                        value = lead
                        index += 1
                    case 0xC0..<0xE0:
                        value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                        index += 2
                    case 0xE0..<0xF0:
                        value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                        index += 3
                    default:
                        value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                        index += 4
                    }
                    buffer[written] = Unicode.Scalar(value)!
                    written += 1
                }
                initialized = written
            }
        }
    }

    /// The original text between two scalar offsets (clamped to the text).
    public func slice(_ start: Int, _ end: Int) -> String {
        let lower = max(0, min(start, scalars.count))
        let upper = max(lower, min(end, scalars.count))
        return String(scalars: scalars[lower..<upper])
    }

    /// The tokens that lie inside a scalar range of the original text.
    public func tokens(in start: Int, _ end: Int) -> ArraySlice<Token> {
        let lower = tokens.partitionPoint { $0.end > start }
        let upper = tokens.partitionPoint { $0.start >= end }
        return tokens[lower..<max(lower, upper)]
    }
}

/// Descriptive fields carried by the input (JSONL, HTML meta tags, RSS items).
public struct DocumentMetadata: Sendable, Codable, Equatable {
    /// The article's headline, when the input carries one.
    public var title: String?
    /// The address the article was published at.
    public var url: String?
    /// The outlet or feed the article came from.
    public var source: String?
    /// Publication date as ISO 8601 (`2025-10-05` or a full timestamp); anchors relative times.
    public var published: String?
    /// The article's authors as its byline names them ("Автор: Айгүл Сапарова", an author line at the foot): who
    /// wrote the page, not people the text is about. Nil when the page names none.
    public var authors: [String]?

    /// Creates metadata; every field is optional.
    public init(title: String? = nil, url: String? = nil, source: String? = nil, published: String? = nil, authors: [String]? = nil) {
        self.title = title
        self.url = url
        self.source = source
        self.published = published
        self.authors = authors
    }
}

extension Collection {
    /// Index of the first element for which `belongsToUpperPart` is true, for a partitioned collection.
    @inlinable
    public func partitionPoint(where belongsToUpperPart: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if try belongsToUpperPart(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
