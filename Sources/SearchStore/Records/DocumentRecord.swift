import Foundation
import GRDB

/// A stored document: its text, metadata, analysis layers and near-duplicate link (table `document`).
struct DocumentRecord: Codable, Sendable, Identifiable {
    var id: Int64?
    var externalID: String?
    var title: String?
    var text: String
    var url: String?
    var source: String?
    /// ISO 8601 publication date.
    var published: String?
    /// `yyyy-MM` of ``published``, for facets and timelines.
    var month: String?
    var language: String
    /// Hash of the normalised text; unique, so the same content is stored once.
    var contentHash: String
    /// Where the document was read from (`path`, `path:line`, `path#item`).
    var origin: String
    var ingestedAt: Date
    /// The earlier document this one nearly repeats, and the estimated similarity.
    var duplicateOf: Int64?
    var similarity: Double?
    /// The pipeline that analysed it (`kk-default`).
    var pipeline: String
    /// JSON of the analysis layers except tokens (sentences, paragraphs, entities, times, amounts,
    /// quotes, meetings, events); tokens are recomputed on demand to keep the database small.
    var layers: String
}

extension DocumentRecord: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "document"

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let title = Column(CodingKeys.title)
        static let text = Column(CodingKeys.text)
        static let source = Column(CodingKeys.source)
        static let published = Column(CodingKeys.published)
        static let month = Column(CodingKeys.month)
        static let contentHash = Column(CodingKeys.contentHash)
        static let duplicateOf = Column(CodingKeys.duplicateOf)
        static let similarity = Column(CodingKeys.similarity)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A named entity of the collection (table `entity`), unique by label and lowercased canonical name.
struct EntityRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "entity"
    var id: Int64?
    var label: String
    var canonical: String
    /// Lowercased canonical name: the lookup key (SQLite's NOCASE folds ASCII only).
    var key: String

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// One mention of an entity in a document (table `mention`).
struct MentionRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "mention"
    var documentID: Int64
    var entityID: Int64
    var text: String
    var start: Int
    var end: Int
}

/// A meeting or event extracted from a document (table `event`).
struct EventRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "event"
    var documentID: Int64
    /// `event` or `meeting`.
    var kind: String
    var title: String?
    /// TIMEX3 value of when it happens, if known.
    var time: String?
    var place: String?
    /// JSON array of participant names.
    var participants: String
    var start: Int
    var end: Int
}
