public import Foundation
public import TextModel

/// A document as stored in the collection, with its analysis layers and near-duplicate links.
public struct StoredDocument: Sendable, Codable {
    /// The collection's id for the document (`GET /api/documents/{id}`).
    public var id: Int64
    /// Identifier given by the source, if any.
    public var externalID: String?
    /// The headline, when the source gave one.
    public var title: String?
    /// The article text as ingested; offsets in the layers count its Unicode scalars.
    public var text: String
    /// The address the article was published at.
    public var url: String?
    /// The outlet or feed it came from.
    public var source: String?
    /// Publication date as ISO 8601, when known.
    public var published: String?
    /// Identified language code (`kk`, `ru`, `en`, `other`).
    public var language: String
    /// Where it was read from (`path`, `path:line`, `path#item`).
    public var origin: String
    /// When the document was added to the collection.
    public var ingestedAt: Date
    /// The earlier document this one nearly repeats.
    public var duplicateOf: DuplicateLink?
    /// Later documents that nearly repeat this one.
    public var duplicates: [DuplicateLink]
    /// The analysis layers as stored (language, entities, times, amounts, quotes, meetings, events).
    /// Tokens, sentences and paragraphs only when asked for (``NewsDatabase/document(id:withTokens:)``): from the
    /// stored token layer, or analysed again for a document stored without one.
    public var analysis: Document
    /// The entities mentioned, with their collection-wide ids (for `entity(id:)`).
    public var entities: [EntitySummary]
}

/// An entity of the collection with how often it occurs.
public struct EntitySummary: Sendable, Codable, Equatable, Identifiable {
    /// The collection-wide entity id (for `entity(id:)`).
    public var id: Int64
    /// The entity's class (`PERSON`, `GPE`, …).
    public var label: String
    /// The canonical (nominative) name ("Алматы" for "Алматыда").
    public var canonical: String
    /// Number of documents that mention the entity.
    public var documentCount: Int
    /// Number of mentions across the collection.
    public var mentionCount: Int

    /// Creates a summary from its stored counts.
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
    /// The entity with its collection-wide counts.
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
    /// Id of the stored document the mention is in.
    public var documentID: Int64
    /// Title of that document, when it has one.
    public var title: String?
    /// Publication date of that document, when known.
    public var published: String?
    /// The surface form in the text.
    public var text: String
    /// Start offset in Unicode scalars of the document's text.
    public var start: Int
    /// End offset (exclusive) in Unicode scalars of the document's text.
    public var end: Int
    /// The sentence-sized window of text around the mention, with the mention highlighted.
    public var context: Snippet
}

/// An entity co-occurring with another, with the number of documents they share.
public struct RelatedEntity: Sendable, Codable, Equatable {
    /// The co-occurring entity.
    public var entity: EntitySummary
    /// Number of documents that mention both entities.
    public var sharedDocuments: Int
}

/// A meeting or event from a stored document.
public struct StoredEvent: Sendable, Codable, Equatable {
    /// Id of the stored document that reports it.
    public var documentID: Int64
    /// Title of that document, when it has one.
    public var documentTitle: String?
    /// The document's URL, when it came from the web.
    public var documentURL: String? = nil
    /// `event` or `meeting`.
    public var kind: String
    /// The event's name; nil for a meeting.
    public var title: String?
    /// TIMEX3 value of when it happens, or nil.
    public var time: String?
    /// Canonical name of the place, when the text gives it.
    public var place: String?
    /// Canonical names of the participants.
    public var participants: [String]
    /// The document's publication date (used when ``time`` is unknown).
    public var published: String?
    /// Start offset in Unicode scalars of the document's text.
    public var start: Int
    /// End offset (exclusive) in Unicode scalars of the document's text.
    public var end: Int
}

/// Size and make-up of the collection.
public struct CollectionStats: Sendable, Codable, Equatable {
    /// Number of stored documents.
    public var documents: Int
    /// Documents linked to an earlier near-duplicate.
    public var nearDuplicates: Int
    /// Number of distinct entities.
    public var entities: Int
    /// Number of entity mentions across all documents.
    public var mentions: Int
    /// Number of stored meetings and events.
    public var events: Int
    /// UTF-8 bytes of stored text.
    public var textBytes: Int
    /// Size of the database file(s) on disk, 0 for an in-memory database.
    public var databaseBytes: Int
    /// Documents per source, the 20 largest sources, most first.
    public var sources: [FacetCount]
    /// Documents per language code, most first.
    public var languages: [FacetCount]
    /// Documents per publication month (`yyyy-MM`), oldest first.
    public var months: [FacetCount]
    /// Entity mentions per label (`PERSON`, `GPE`, …), most first.
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

    /// Creates a report; an empty one by default, for accumulating a batch.
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
