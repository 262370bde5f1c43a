public import Foundation
public import TextModel

/// A document as stored in the collection, with its analysis layers and near-duplicate links.
public struct StoredDocument: Sendable, Codable {
    public var id: Int64
    /// Identifier given by the source, if any.
    public var externalID: String?
    public var title: String?
    public var text: String
    public var url: String?
    public var source: String?
    public var published: String?
    public var language: String
    /// Where it was read from (`path`, `path:line`, `path#item`).
    public var origin: String
    public var ingestedAt: Date
    /// The earlier document this one nearly repeats.
    public var duplicateOf: DuplicateLink?
    /// Later documents that nearly repeat this one.
    public var duplicates: [DuplicateLink]
    /// The analysis layers as stored (language, entities, times, amounts, quotes, meetings, events).
    /// Tokens, sentences and paragraphs are not stored; ``NewsDatabase/document(id:withTokens:)``
    /// re-analyses the text when asked.
    public var analysis: Document
    /// The entities mentioned, with their collection-wide ids (for `entity(id:)`).
    public var entities: [EntitySummary]
}

/// An entity of the collection with how often it occurs.
public struct EntitySummary: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var label: String
    public var canonical: String
    public var documentCount: Int
    public var mentionCount: Int

    public init(id: Int64, label: String, canonical: String, documentCount: Int, mentionCount: Int) {
        self.id = id
        self.label = label
        self.canonical = canonical
        self.documentCount = documentCount
        self.mentionCount = mentionCount
    }
}

/// Everything the collection knows about one entity.
public struct EntityDetail: Sendable, Codable, Equatable {
    public var entity: EntitySummary
    /// Mentions, newest documents first (at most the requested number).
    public var mentions: [EntityMention]
    /// Entities that occur in the same documents, most shared documents first.
    public var related: [RelatedEntity]
    /// Documents mentioning it per month (`yyyy-MM`), oldest first.
    public var timeline: [FacetCount]
}

/// One mention of an entity in a document.
public struct EntityMention: Sendable, Codable, Equatable {
    public var documentID: Int64
    public var title: String?
    public var published: String?
    /// The surface form in the text.
    public var text: String
    public var start: Int
    public var end: Int
    /// The sentence-sized window of text around the mention, with the mention highlighted.
    public var context: Snippet
}

/// An entity co-occurring with another, with the number of documents they share.
public struct RelatedEntity: Sendable, Codable, Equatable {
    public var entity: EntitySummary
    public var sharedDocuments: Int
}

/// A meeting or event from a stored document.
public struct StoredEvent: Sendable, Codable, Equatable {
    public var documentID: Int64
    public var documentTitle: String?
    /// `event` or `meeting`.
    public var kind: String
    public var title: String?
    /// TIMEX3 value of when it happens, or nil.
    public var time: String?
    public var place: String?
    public var participants: [String]
    /// The document's publication date (used when ``time`` is unknown).
    public var published: String?
    public var start: Int
    public var end: Int
}

/// Size and make-up of the collection.
public struct CollectionStats: Sendable, Codable, Equatable {
    public var documents: Int
    /// Documents linked to an earlier near-duplicate.
    public var nearDuplicates: Int
    public var entities: Int
    public var mentions: Int
    public var events: Int
    /// UTF-8 bytes of stored text.
    public var textBytes: Int
    /// Size of the database file(s) on disk, 0 for an in-memory database.
    public var databaseBytes: Int
    public var sources: [FacetCount]
    public var languages: [FacetCount]
    public var months: [FacetCount]
    public var labels: [FacetCount]
}

/// What ingesting one batch (one file) did.
public struct IngestReport: Sendable, Codable, Equatable {
    /// Ids of the documents added.
    public var added: [Int64]
    /// Documents whose content was already stored (same normalised text).
    public var duplicates: Int
    /// Added documents linked to an earlier near-duplicate.
    public var nearDuplicates: Int
    /// Documents skipped because they have no text.
    public var empty: Int

    public init(added: [Int64] = [], duplicates: Int = 0, nearDuplicates: Int = 0, empty: Int = 0) {
        self.added = added
        self.duplicates = duplicates
        self.nearDuplicates = nearDuplicates
        self.empty = empty
    }
}

/// A stored document's text with its analysis layers (no tokens) and the collection's entities it names: what a
/// list of search hits marks in each snippet. See ``NewsDatabase/annotations(of:)``.
public struct DocumentAnnotations: Sendable {
    /// The text with its stored layers; its `id` is the stored id.
    public var analysis: Document
    /// Collection-wide entities named in the document, most mentioned first.
    public var entities: [EntitySummary]
}
