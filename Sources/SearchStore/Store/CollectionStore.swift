public import Foundation
public import NewsSources
public import Pipeline

/// Everything the CLI and the server do with a collection, whatever holds it: a SQLite file (``NewsDatabase``, the
/// embedded default) or a PostgreSQL database (the `PostgresStore` module).
///
/// Every method is synchronous and may block on I/O: servers call it off Swift's cooperative pool (their work
/// limiter's queue), as they always did with ``NewsDatabase``. A conforming store analyses documents with the
/// same pipeline and indexes the same terms (``IndexTermAnalyzer``), so both backends find the same documents and
/// rank them alike.
public protocol CollectionStore: Sendable {
    /// What the backend is, for messages and statistics ("sqlite", "postgres").
    var backendName: String { get }
    /// The pipeline every ingested document goes through.
    var pipeline: Pipeline { get }

    // MARK: Ingest

    /// The analysis half of an ingest: pure, so callers may run it in parallel.
    func prepare(_ source: SourceDocument) -> PreparedDocument
    /// The write half of an ingest: duplicates (same normalised text) are counted and not stored again, near-duplicates
    /// are linked to their original. A store never shows part of a document.
    func store(_ prepared: [PreparedDocument]) throws -> IngestReport
    /// A document read from another collection (with its tokens) ready for ``store(_:)`` without analysing it again:
    /// what `tilshi migrate` copies (see ``NewsDatabase/prepare(stored:)``).
    func prepare(stored: StoredDocument) -> PreparedDocument

    // MARK: Reads

    /// Searches the collection (see ``NewsDatabase/search(_:)``).
    func search(_ query: SearchQuery) throws -> SearchResults
    /// The stored document `id`, or nil; with `withTokens` its paragraphs, sentences and tokens too.
    func document(id: Int64, withTokens: Bool) throws -> StoredDocument?
    /// Calls `body` for every stored document in id order.
    func forEachDocument(_ body: (StoredDocument) throws -> Void) throws
    /// The entity mentions and collection entities of each of `ids` that exists.
    func annotations(of ids: [Int64]) throws -> [Int64: DocumentAnnotations]
    /// Entities, most documents first; `label` keeps one class, `query` keeps names containing it.
    func entities(label: String?, query: String?, limit: Int, offset: Int) throws -> [EntitySummary]
    /// How many entities ``entities(label:query:limit:offset:)`` pages through.
    func entityCount(label: String?, query: String?) throws -> Int
    /// Mentions in context, co-occurring entities and a monthly timeline of entity `id`, or nil.
    func entity(id: Int64, mentionLimit: Int, relatedLimit: Int) throws -> EntityDetail?
    /// The profile of entity `id` (roles, quotes, meetings besides its detail), or nil.
    func entityProfile(id: Int64, documentLimit: Int) throws -> EntityProfile?
    /// The articles mentioning entity `id`, newest first, one row each with its first mentions in context; or nil.
    func entityArticles(id: Int64, limit: Int, offset: Int, snippetsPerArticle: Int) throws -> EntityArticlePage?
    /// The roles attached to entity `id` with the first and last dates they were seen; or nil.
    func entityRoleHistory(id: Int64, documentLimit: Int) throws -> [EntityRoleSpan]?
    /// Meetings and events between `from` and `to` (ISO prefixes, inclusive; nil is open).
    func events(from: String?, to: String?, limit: Int, offset: Int) throws -> [StoredEvent]
    /// How many events ``events(from:to:limit:offset:)`` pages through.
    func eventCount(from: String?, to: String?) throws -> Int
    /// The stored events of the documents `ids`, in date order (a search's calendar).
    func storedEvents(ofDocuments ids: [Int64]) throws -> [StoredEvent]
    /// Counts and sizes of the collection.
    func stats() throws -> CollectionStats

    // MARK: Exports (default implementations below, from the reads above)

    /// The ids of every match of `query` (its paging ignored) in its order, at most `limit`.
    func matchingIDs(_ query: SearchQuery, limit: Int) throws -> [Int64]
    /// The search's matches as CSV, one row per document.
    func searchCSV(_ query: SearchQuery, limit: Int) throws -> String
    /// The entities of the search's matches as CSV.
    func resultEntitiesCSV(_ query: SearchQuery, limit: Int) throws -> String
    /// The events of the search's matches as an iCalendar file.
    func resultCalendar(_ query: SearchQuery, limit: Int, now: Date) throws -> String
    /// The events between `from` and `to` as an iCalendar file.
    func eventCalendar(from: String?, to: String?, now: Date) throws -> String
}

extension CollectionStore {
    /// Analyses and stores `documents` in one call.
    @discardableResult
    public func ingest(_ documents: [SourceDocument]) throws -> IngestReport {
        try store(documents.map(prepare))
    }

    /// The events between `from` and `to` as an iCalendar file, stamped `now`.
    public func eventCalendar(from: String?, to: String?, now: Date) throws -> String {
        EventCalendar.ics(try events(from: from, to: to, limit: 100, offset: 0), now: now)
    }

    /// The ids of every match of `query` (its paging ignored) in its order, at most `limit`.
    public func matchingIDs(_ query: SearchQuery, limit: Int) throws -> [Int64] {
        var query = query
        query.facets = false
        query.snippets = false
        query.limit = 200
        var ids: [Int64] = []
        var offset = 0
        while ids.count < limit {
            query.offset = offset
            let page = try search(query).hits.map(\.id)
            ids += page.prefix(limit - ids.count)
            if page.count < query.limit { break }
            offset += page.count
        }
        return ids
    }

    /// The search's matches as CSV (the columns of ``NewsDatabase/searchCSV(_:limit:)``), from the store's reads.
    public func searchCSV(_ query: SearchQuery, limit: Int) throws -> String {
        let ids = try matchingIDs(query, limit: limit)
        var lines = ["id,title,published,source,url,entities"]
        let valueLabels = Set(NewsDatabase.valueLabels)
        for id in ids {
            guard let document = try document(id: id, withTokens: false) else { continue }
            let headline = document.title ?? Headline.of(title: nil, text: document.text) ?? ""
            let names = document.entities.filter { !valueLabels.contains($0.label) }.map(\.canonical)
            let fields = [String(id), headline, document.published ?? "", document.source ?? "", document.url ?? "", names.joined(separator: "; ")]
            lines.append(fields.map(NewsDatabase.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The entities of the search's matches, most documents first, then most mentions, then by name (byte order).
    public func resultEntities(_ query: SearchQuery, limit: Int) throws -> [ResultEntity] {
        let ids = try matchingIDs(query, limit: limit)
        var totals: [Int64: ResultEntity] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 200).map({ Array(ids[$0..<min($0 + 200, ids.count)]) }) {
            for (_, annotation) in try annotations(of: chunk) {
                for entity in annotation.entities {
                    var total = totals[entity.id] ?? ResultEntity(entity: entity.canonical, label: entity.label, documents: 0, mentions: 0)
                    total.documents += 1
                    total.mentions += entity.mentionCount
                    totals[entity.id] = total
                }
            }
        }
        return totals.values.sorted { a, b in
            if a.documents != b.documents { return a.documents > b.documents }
            if a.mentions != b.mentions { return a.mentions > b.mentions }
            return Array(a.entity.utf8).lexicographicallyPrecedes(Array(b.entity.utf8))
        }
    }

    /// ``resultEntities(_:limit:)`` as CSV.
    public func resultEntitiesCSV(_ query: SearchQuery, limit: Int) throws -> String {
        let rows = try resultEntities(query, limit: limit).map { entity in
            [entity.entity, entity.label, String(entity.documents), String(entity.mentions)].map(NewsDatabase.csvField).joined(separator: ",")
        }
        return (["entity,label,documents,mentions"] + rows).joined(separator: "\r\n") + "\r\n"
    }

    /// The events and meetings of the search's matches as an iCalendar file.
    public func resultCalendar(_ query: SearchQuery, limit: Int, now: Date) throws -> String {
        EventCalendar.ics(try storedEvents(ofDocuments: try matchingIDs(query, limit: limit)), now: now)
    }
}

// MARK: SQLite

extension NewsDatabase: CollectionStore {
    /// "sqlite".
    public var backendName: String { "sqlite" }

    /// ``events(of:)`` under its ``CollectionStore`` name.
    public func storedEvents(ofDocuments ids: [Int64]) throws -> [StoredEvent] {
        try events(of: ids)
    }
}
