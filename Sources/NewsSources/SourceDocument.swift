public import Formats
public import TextModel

/// One news document as read from a source, before analysis.
public struct SourceDocument: Sendable, Equatable, Codable {
    /// Identifier given by the source (JSONL `id`, Atom `id`, RSS `guid`), if any.
    public var externalID: String?
    /// The headline, when the source gives one.
    public var title: String?
    /// The main text, boilerplate removed, paragraphs separated by blank lines.
    public var text: String
    /// The article's address, when the source gives one.
    public var url: String?
    /// Publisher (site name or feed title).
    public var source: String?
    /// Publication date as ISO 8601 (`2025-10-05` or `2025-10-05T10:00:00+06:00`).
    public var published: String?
    /// Where it came from, for reports: `path`, `path:line` or `path#item`.
    public var origin: String

    /// Creates a document; only the text and its origin are required.
    public init(
        externalID: String? = nil, title: String? = nil, text: String, url: String? = nil,
        source: String? = nil, published: String? = nil, origin: String
    ) {
        self.externalID = externalID
        self.title = title
        self.text = text
        self.url = url
        self.source = source
        self.published = published
        self.origin = origin
    }
}

extension SourceDocument {
    /// The id of the document analysed from this source, by the one id rule: the source's own identifier (JSONL
    /// `id`, Atom `id`, RSS `guid`) when it has one, else `fallback`, the name the caller gives the place it came
    /// from (the CLI: the input's file name, numbered when it holds several documents; the collection: ``origin``).
    public func documentID(fallback: String) -> String { externalID ?? fallback }

    /// The metadata of the document analysed from this source: title, URL, publisher and publication date, or
    /// `defaultDate` when the source gives none.
    public func documentMetadata(defaultDate: String? = nil) -> DocumentMetadata {
        DocumentMetadata(title: title, url: url, source: source, published: published ?? defaultDate)
    }
}

/// A problem with one input or one part of it (a JSONL line, a feed item), named for the report:
/// the same input-plus-reason error every reader of the project uses (`input` is a path, with `:line` when known).
public typealias SourceProblem = TextInput.Failure

/// What reading one input gave: the documents found and the problems met (the rest is still usable).
public struct SourceReadResult: Sendable {
    /// The documents read, in input order.
    public var documents: [SourceDocument]
    /// What went wrong with parts of the input that were skipped.
    public var problems: [SourceProblem]

    /// Creates a result; empty by default, for accumulating.
    public init(documents: [SourceDocument] = [], problems: [SourceProblem] = []) {
        self.documents = documents
        self.problems = problems
    }
}
