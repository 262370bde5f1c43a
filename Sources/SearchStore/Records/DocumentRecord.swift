import Foundation
import GRDB

/// A stored document: its text, metadata, analysis layers and near-duplicate link (table `document`).
struct DocumentRecord: Sendable, Identifiable {
    var id: Int64?
    var externalID: String?
    var title: String?
    /// The article text (stored through ``StoredText``).
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
    /// The analysis layers in their compact binary form (``LayerBlob``): language, entities, times,
    /// amounts, quotes, meetings, events; tokens and sentences are recomputed on demand.
    var layers: Data
}

extension DocumentRecord: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "document"

    /// Decodes the row, reading `text` through ``StoredText`` (a malformed stored text throws, naming the document).
    init(row: Row) throws {
        id = row["id"]
        externalID = row["externalID"]
        title = row["title"]
        text = try StoredText.text(row["text"], documentID: row["id"])
        url = row["url"]
        source = row["source"]
        published = row["published"]
        month = row["month"]
        language = row["language"]
        contentHash = row["contentHash"]
        origin = row["origin"]
        ingestedAt = row["ingestedAt"]
        duplicateOf = row["duplicateOf"]
        similarity = row["similarity"]
        pipeline = row["pipeline"]
        layers = row["layers"]
    }

    /// Encodes the row, writing `text` in its compact stored form.
    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["externalID"] = externalID
        container["title"] = title
        container["text"] = StoredText.databaseValue(text)
        container["url"] = url
        container["source"] = source
        container["published"] = published
        container["month"] = month
        container["language"] = language
        container["contentHash"] = contentHash
        container["origin"] = origin
        container["ingestedAt"] = ingestedAt
        container["duplicateOf"] = duplicateOf
        container["similarity"] = similarity
        container["pipeline"] = pipeline
        container["layers"] = layers
    }

    enum Columns {
        static let id = Column("id")
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
