public import Foundation
public import NewsSources
public import Pipeline

/// One collection seen through two stores: writes go to the primary, reads to a replica of it (`tilshi serve --db
/// PRIMARY --read-db REPLICA`), so read traffic scales with replicas while one database takes the writes.
///
/// The replica is usually a PostgreSQL streaming standby of the primary: it shows a write once it has replayed it
/// (milliseconds on a local network), so a document just added may be missing from a search for that long. The two
/// stores must hold the same collection; nothing here copies between them.
public struct ReplicatedCollection: CollectionStore {
    /// Where ingests are written.
    public let primary: any CollectionStore
    /// Where searches, documents, entities, events and statistics are read.
    public let replica: any CollectionStore

    /// Writes to `primary`, reads from `replica`.
    public init(primary: any CollectionStore, replica: any CollectionStore) {
        self.primary = primary
        self.replica = replica
    }

    /// The backends, "postgres+replica" style (the primary's name, then the replica's when it differs).
    public var backendName: String {
        primary.backendName == replica.backendName ? primary.backendName + "+replica" : primary.backendName + "+" + replica.backendName
    }

    public var pipeline: Pipeline { primary.pipeline }

    // MARK: Writes: the primary

    public func prepare(_ source: SourceDocument) -> PreparedDocument { primary.prepare(source) }
    public func prepare(stored: StoredDocument) -> PreparedDocument { primary.prepare(stored: stored) }
    public func store(_ prepared: [PreparedDocument]) throws -> IngestReport { try primary.store(prepared) }

    // MARK: Reads: the replica

    public func search(_ query: SearchQuery) throws -> SearchResults { try replica.search(query) }
    public func document(id: Int64, withTokens: Bool) throws -> StoredDocument? { try replica.document(id: id, withTokens: withTokens) }
    public func forEachDocument(_ body: (StoredDocument) throws -> Void) throws { try replica.forEachDocument(body) }
    public func annotations(of ids: [Int64]) throws -> [Int64: DocumentAnnotations] { try replica.annotations(of: ids) }
    public func entities(label: String?, query: String?, limit: Int, offset: Int) throws -> [EntitySummary] {
        try replica.entities(label: label, query: query, limit: limit, offset: offset)
    }
    public func entityCount(label: String?, query: String?) throws -> Int { try replica.entityCount(label: label, query: query) }
    public func entity(id: Int64, mentionLimit: Int, relatedLimit: Int) throws -> EntityDetail? {
        try replica.entity(id: id, mentionLimit: mentionLimit, relatedLimit: relatedLimit)
    }
    public func entityProfile(id: Int64, documentLimit: Int) throws -> EntityProfile? {
        try replica.entityProfile(id: id, documentLimit: documentLimit)
    }
    public func entityArticles(id: Int64, limit: Int, offset: Int, snippetsPerArticle: Int) throws -> EntityArticlePage? {
        try replica.entityArticles(id: id, limit: limit, offset: offset, snippetsPerArticle: snippetsPerArticle)
    }
    public func entityRoleHistory(id: Int64, documentLimit: Int) throws -> [EntityRoleSpan]? {
        try replica.entityRoleHistory(id: id, documentLimit: documentLimit)
    }
    public func events(from: String?, to: String?, limit: Int, offset: Int) throws -> [StoredEvent] {
        try replica.events(from: from, to: to, limit: limit, offset: offset)
    }
    public func eventCount(from: String?, to: String?) throws -> Int { try replica.eventCount(from: from, to: to) }
    public func storedEvents(ofDocuments ids: [Int64]) throws -> [StoredEvent] { try replica.storedEvents(ofDocuments: ids) }
    public func stats() throws -> CollectionStats { try replica.stats() }
    public func matchingIDs(_ query: SearchQuery, limit: Int) throws -> [Int64] { try replica.matchingIDs(query, limit: limit) }
    public func searchCSV(_ query: SearchQuery, limit: Int) throws -> String { try replica.searchCSV(query, limit: limit) }
    public func resultEntitiesCSV(_ query: SearchQuery, limit: Int) throws -> String { try replica.resultEntitiesCSV(query, limit: limit) }
    public func resultCalendar(_ query: SearchQuery, limit: Int, now: Date) throws -> String {
        try replica.resultCalendar(query, limit: limit, now: now)
    }
    public func eventCalendar(from: String?, to: String?, now: Date) throws -> String { try replica.eventCalendar(from: from, to: to, now: now) }
}
