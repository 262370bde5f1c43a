import Foundation
import Pipeline
public import SearchStore
import TextModel

extension PostgresCollection {
    /// Columns of `document` that make a ``StoredDocument``.
    static let documentColumns = "id, external_id, title, text, url, source, published, language, origin, ingested_at, duplicate_of, similarity, layers"

    public func document(id: Int64, withTokens: Bool) throws -> StoredDocument? {
        let stored = try session { db -> StoredDocument? in
            guard let row = try db.row("SELECT \(Self.documentColumns) FROM document WHERE id = $1", [.int(id)]) else { return nil }
            return try storedDocument(row, tokens: withTokens, in: db)
        }
        guard var stored, withTokens, stored.analysis.tokens.isEmpty else { return stored }
        let reanalysed = pipeline.analyze(id: stored.analysis.id, text: stored.text)
        stored.analysis.tokens = reanalysed.tokens
        stored.analysis.sentences = reanalysed.sentences
        stored.analysis.paragraphs = reanalysed.paragraphs
        return stored
    }

    /// Every document in id order, read in pages of 200 (each page one query; documents ingested meanwhile with higher
    /// ids are included).
    public func forEachDocument(_ body: (StoredDocument) throws -> Void) throws {
        var after: Int64 = 0
        while true {
            let page = try session { db in
                try db.rows("SELECT \(Self.documentColumns) FROM document WHERE id > $1 ORDER BY id LIMIT 200", [.int(after)]).map {
                    try storedDocument($0, tokens: false, in: db)
                }
            }
            for document in page { try body(document) }
            guard let last = page.last else { return }
            after = last.id
        }
    }

    func storedDocument(_ row: SQLRow, tokens: Bool, in db: SQLSession) throws -> StoredDocument {
        let id = try row.int64("id")
        let externalID = try row.string("external_id")
        let text = try row.requiredString("text")
        let title = try row.string("title")
        let url = try row.string("url")
        let source = try row.string("source")
        let published = try row.string("published")
        var analysis = Document(
            id: externalID ?? String(id), text: text, metadata: DocumentMetadata(title: title, url: url, source: source, published: published)
        )
        try NewsDatabase.decodeLayers(try row.data("layers"), into: &analysis, documentID: id, tokens: tokens)
        var original: DuplicateLink?
        if let originalID = try row.optionalInt64("duplicate_of") {
            let info = try db.row("SELECT title, source FROM document WHERE id = $1", [.int(originalID)])
            original = DuplicateLink(id: originalID, title: try info?.string("title"), source: try info?.string("source"), similarity: try row.double("similarity") ?? 0)
        }
        return StoredDocument.make(
            id: id, externalID: externalID, title: title, text: text, url: url, source: source, published: published,
            language: try row.requiredString("language"), origin: try row.requiredString("origin"), ingestedAt: try row.date("ingested_at"),
            duplicateOf: original, duplicates: try duplicateLinks(of: [id], in: db)[id] ?? [], analysis: analysis,
            entities: try collectionEntities(ofDocument: id, in: db)
        )
    }

    /// The collection's entities named in document `id`, most mentioned first.
    func collectionEntities(ofDocument id: Int64, in db: SQLSession) throws -> [EntitySummary] {
        try db.rows("""
            SELECT e.id, e.label, e.canonical, de.mentions FROM document_entity de JOIN entity e ON e.id = de.entity_id
            WHERE de.document_id = $1 ORDER BY de.mentions DESC, e.canonical COLLATE "C"
            """, [.int(id)]).map {
            EntitySummary(id: try $0.int64("id"), label: try $0.requiredString("label"), canonical: try $0.requiredString("canonical"),
                          documentCount: 1, mentionCount: try $0.int("mentions"))
        }
    }

    public func annotations(of ids: [Int64]) throws -> [Int64: DocumentAnnotations] {
        guard !ids.isEmpty else { return [:] }
        return try session { db in
            var result: [Int64: DocumentAnnotations] = [:]
            for row in try db.rows("SELECT id, text, layers FROM document WHERE id = ANY($1)", [.ints(ids)]) {
                let id = try row.int64("id")
                var document = Document(id: String(id), text: try row.requiredString("text"))
                try NewsDatabase.decodeLayers(try row.data("layers"), into: &document, documentID: id, tokens: false)
                result[id] = DocumentAnnotations.make(analysis: document, entities: try collectionEntities(ofDocument: id, in: db))
            }
            return result
        }
    }

    // MARK: Entities

    private static func entityFilter(label: String?, query: String?) -> PostgresFilter {
        var filter = PostgresFilter()
        if let label, !label.isEmpty { filter.add("e.label = ?", .text(label.uppercased())) }
        // The name's key or one of its aliases (a spelling in another script), as the SQLite store filters.
        if let query, !query.isEmpty {
            filter.add("(strpos(e.key, ?) > 0 OR EXISTS (SELECT 1 FROM entity_alias a WHERE a.entity_id = e.id AND strpos(a.key, ?) > 0))",
                       .text(query.lowercased()), .text(query.lowercased()))
        }
        return filter
    }

    static func entitySummary(_ row: SQLRow) throws -> EntitySummary {
        EntitySummary(id: try row.int64("id"), label: try row.requiredString("label"), canonical: try row.requiredString("canonical"),
                      documentCount: try row.int("documents"), mentionCount: try row.int("mentions"))
    }

    public func entities(label: String?, query: String?, limit: Int, offset: Int) throws -> [EntitySummary] {
        let filter = Self.entityFilter(label: label, query: query)
        let next = filter.values.count + 1
        return try session { db in
            try db.rows("""
                SELECT e.id, e.label, e.canonical, count(*) AS documents, sum(de.mentions)::bigint AS mentions
                FROM entity e JOIN document_entity de ON de.entity_id = e.id \(filter.whereClause(from: 1))
                GROUP BY e.id ORDER BY documents DESC, mentions DESC, e.canonical COLLATE "C", e.id LIMIT $\(next) OFFSET $\(next + 1)
                """, filter.values + [.int(max(1, limit)), .int(max(0, offset))]).map(Self.entitySummary)
        }
    }

    public func entityCount(label: String?, query: String?) throws -> Int {
        let filter = Self.entityFilter(label: label, query: query)
        return try session { db in try db.count("SELECT count(*) FROM entity e \(filter.whereClause(from: 1))", filter.values) }
    }

    public func entity(id: Int64, mentionLimit: Int, relatedLimit: Int) throws -> EntityDetail? {
        try session { db in try entityDetail(id: id, mentionLimit: mentionLimit, relatedLimit: relatedLimit, in: db) { _, _, _, _ in } }
    }

    public func entityProfile(id: Int64, documentLimit: Int) throws -> EntityProfile? {
        try session { db in
            var roleCounts: [String: Int] = [:]
            var quotes: [EntityProfile.EntityQuote] = []
            var meetings: [EntityProfile.EntityMeeting] = []
            var visited = 0
            let detail = try entityDetail(id: id, mentionLimit: 20, relatedLimit: 20, in: db) { summary, documentID, document, title in
                visited += 1
                guard visited <= documentLimit else { return }
                let name = summary.canonical
                // By key: the document may spell the name another way than the one the collection files it under.
                for entity in document.entities where NewsDatabase.storeEntityKey(of: entity).key == name.lowercased() && entity.label.rawValue == summary.label {
                    for role in entity.roles { roleCounts[role, default: 0] += 1 }
                }
                for quote in document.quotes where quote.speaker.map({ EntityProfile.storeSameName($0, name) }) == true {
                    quotes.append(.make(documentID: documentID, title: title, text: quote.text, start: quote.start, end: quote.end))
                }
                for meeting in document.meetings where meeting.participants.contains(where: { EntityProfile.storeSameName($0, name) }) {
                    meetings.append(.make(
                        documentID: documentID, title: title, participants: meeting.participants, when: meeting.when, where: meeting.where,
                        start: meeting.start, end: meeting.end
                    ))
                }
            }
            guard let detail else { return nil }
            return EntityProfile.make(
                detail: detail, roles: roleCounts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key), quotes: quotes, meetings: meetings
            )
        }
    }

    private func entityDetail(
        id: Int64, mentionLimit: Int, relatedLimit: Int, in db: SQLSession,
        mentioning: (_ entity: EntitySummary, _ documentID: Int64, _ document: Document, _ title: String?) throws -> Void
    ) throws -> EntityDetail? {
        guard let summaryRow = try db.row("""
            SELECT e.id, e.label, e.canonical, e.key, count(de.document_id) AS documents, coalesce(sum(de.mentions), 0)::bigint AS mentions
            FROM entity e LEFT JOIN document_entity de ON de.entity_id = e.id WHERE e.id = $1 GROUP BY e.id
            """, [.int(id)]) else { return nil }
        let summary = try Self.entitySummary(summaryRow)
        let key = try summaryRow.requiredString("key")
        let documentRows = try db.rows("""
            SELECT d.id, d.title, d.published, d.text, d.layers FROM document_entity de JOIN document d ON d.id = de.document_id
            WHERE de.entity_id = $1 ORDER BY d.published COLLATE "C" DESC NULLS LAST, d.id DESC LIMIT $2
            """, [.int(id), .int(max(1, mentionLimit))])
        var mentions: [EntityMention] = []
        for row in documentRows where mentions.count < mentionLimit {
            let documentID = try row.int64("id")
            var document = Document(id: String(documentID), text: try row.requiredString("text"))
            try NewsDatabase.decodeLayers(try row.data("layers"), into: &document, documentID: documentID, tokens: false)
            let before = mentions.count
            let title = try row.string("title")
            for entity in document.entities where mentions.count < mentionLimit {
                guard entity.label.rawValue == summary.label, NewsDatabase.storeEntityKey(of: entity).key == key else { continue }
                mentions.append(.make(
                    documentID: documentID, title: title, published: try row.string("published"), text: entity.text, start: entity.start,
                    end: entity.end, context: NewsDatabase.mentionContext(of: document.text, start: entity.start, end: entity.end)
                ))
            }
            if mentions.count > before { try mentioning(summary, documentID, document, title) }
        }
        let related = try db.rows("""
            SELECT e.id, e.label, e.canonical, count(*) AS shared,
                   (SELECT count(*) FROM document_entity WHERE entity_id = e.id) AS documents,
                   (SELECT sum(mentions)::bigint FROM document_entity WHERE entity_id = e.id) AS mentions
            FROM document_entity this JOIN document_entity other ON other.document_id = this.document_id AND other.entity_id <> this.entity_id
            JOIN entity e ON e.id = other.entity_id
            WHERE this.entity_id = $1 GROUP BY e.id ORDER BY shared DESC, e.canonical COLLATE "C" LIMIT $2
            """, [.int(id), .int(max(1, relatedLimit))]).map { RelatedEntity.make(entity: try Self.entitySummary($0), sharedDocuments: try $0.int("shared")) }
        let timeline = try db.rows("""
            SELECT d.month, count(*) AS count FROM document_entity de JOIN document d ON d.id = de.document_id
            WHERE de.entity_id = $1 AND d.month IS NOT NULL GROUP BY d.month ORDER BY d.month COLLATE "C"
            """, [.int(id)]).map { FacetCount(value: try $0.requiredString("month"), count: try $0.int("count")) }
        return EntityDetail.make(entity: summary, mentions: mentions, related: related, timeline: timeline)
    }

    // MARK: Events

    /// When an event happens: its own time, else its document's date.
    private static let eventWhen = "coalesce(ev.time, d.published)"

    private static func eventFilter(from: String?, to: String?) -> PostgresFilter {
        var filter = PostgresFilter()
        if let from, !from.isEmpty { filter.add("\(eventWhen) COLLATE \"C\" >= ?", .text(from)) }
        if let to, !to.isEmpty { filter.add("substr(\(eventWhen), 1, ?::integer) COLLATE \"C\" <= ?", .int(to.count), .text(to)) }
        return filter
    }

    private static let eventColumns = """
        ev.document_id, ev.kind, ev.title, ev.time, ev.place, ev.participants, ev.start_offset, ev.end_offset, d.title AS document_title, d.published
        """

    private static func storedEvent(_ row: SQLRow) throws -> StoredEvent {
        StoredEvent.make(
            documentID: try row.int64("document_id"), documentTitle: try row.string("document_title"), kind: try row.requiredString("kind"),
            title: try row.string("title"), time: try row.string("time"), place: try row.string("place"),
            participantsJSON: try row.requiredString("participants"), published: try row.string("published"),
            start: try row.int("start_offset"), end: try row.int("end_offset")
        )
    }

    public func events(from: String?, to: String?, limit: Int, offset: Int) throws -> [StoredEvent] {
        let filter = Self.eventFilter(from: from, to: to)
        let next = filter.values.count + 1
        return try session { db in
            try db.rows("""
                SELECT \(Self.eventColumns) FROM event ev JOIN document d ON d.id = ev.document_id \(filter.whereClause(from: 1))
                ORDER BY \(Self.eventWhen) COLLATE "C" NULLS FIRST, ev.document_id, ev.start_offset LIMIT $\(next) OFFSET $\(next + 1)
                """, filter.values + [.int(max(1, limit)), .int(max(0, offset))]).map(Self.storedEvent)
        }
    }

    public func eventCount(from: String?, to: String?) throws -> Int {
        let filter = Self.eventFilter(from: from, to: to)
        return try session { db in
            try db.count("SELECT count(*) FROM event ev JOIN document d ON d.id = ev.document_id \(filter.whereClause(from: 1))", filter.values)
        }
    }

    public func storedEvents(ofDocuments ids: [Int64]) throws -> [StoredEvent] {
        guard !ids.isEmpty else { return [] }
        return try session { db in
            try db.rows("""
                SELECT \(Self.eventColumns) FROM event ev JOIN document d ON d.id = ev.document_id WHERE ev.document_id = ANY($1)
                ORDER BY \(Self.eventWhen) COLLATE "C" NULLS FIRST, ev.document_id, ev.start_offset
                """, [.ints(ids)]).map(Self.storedEvent)
        }
    }

    // MARK: Statistics

    public func stats() throws -> CollectionStats {
        try session { db in
            func facet(_ sql: String) throws -> [FacetCount] {
                try db.rows(sql).map { FacetCount(value: try $0.string("value") ?? "", count: try $0.int("count")) }
            }
            return CollectionStats.make(
                documents: try db.count("SELECT count(*) FROM document"),
                nearDuplicates: try db.count("SELECT count(*) FROM document WHERE duplicate_of IS NOT NULL"),
                entities: try db.count("SELECT count(*) FROM entity"),
                mentions: try db.count("SELECT coalesce(sum(mentions), 0)::bigint FROM document_entity"),
                events: try db.count("SELECT count(*) FROM event"),
                textBytes: try db.count("SELECT coalesce(sum(octet_length(text)), 0)::bigint FROM document"),
                databaseBytes: try db.count("""
                    SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = $1 AND c.relkind = 'r'
                    """, [.text(schema)]),
                sources: try facet("""
                    SELECT source AS value, count(*) AS count FROM document WHERE source IS NOT NULL GROUP BY source
                    ORDER BY count DESC, source COLLATE "C" LIMIT 20
                    """),
                languages: try facet("SELECT language AS value, count(*) AS count FROM document GROUP BY language ORDER BY count DESC, language COLLATE \"C\""),
                months: try facet("SELECT month AS value, count(*) AS count FROM document WHERE month IS NOT NULL GROUP BY month ORDER BY month COLLATE \"C\""),
                labels: try facet("""
                    SELECT e.label AS value, sum(de.mentions)::bigint AS count FROM document_entity de JOIN entity e ON e.id = de.entity_id
                    GROUP BY e.label ORDER BY count DESC, e.label COLLATE "C"
                    """)
            )
        }
    }
}

// MARK: Entity pages

extension PostgresCollection {
    /// The articles mentioning entity `id`, newest first (undated last), each with its mention count and snippets of
    /// its mentions, as ``NewsDatabase/entityArticles(id:limit:offset:snippetsPerArticle:)`` gives them.
    public func entityArticles(id: Int64, limit: Int, offset: Int, snippetsPerArticle: Int) throws -> EntityArticlePage? {
        try session { db in
            guard let entity = try db.row("SELECT label, key FROM entity WHERE id = $1", [.int(id)]) else { return nil }
            let label = try entity.requiredString("label"), key = try entity.requiredString("key")
            let total = try db.count("SELECT count(*) FROM document_entity WHERE entity_id = $1", [.int(id)])
            let articles = try db.rows("""
                SELECT d.id, d.title, d.published, d.source, d.text, d.layers, de.mentions
                FROM document_entity de JOIN document d ON d.id = de.document_id
                WHERE de.entity_id = $1 ORDER BY d.published COLLATE "C" DESC NULLS LAST, d.id DESC LIMIT $2 OFFSET $3
                """, [.int(id), .int(max(1, limit)), .int(max(0, offset))]).map { row -> EntityArticle in
                let documentID = try row.int64("id")
                var document = Document(id: String(documentID), text: try row.requiredString("text"))
                try NewsDatabase.decodeLayers(try row.data("layers"), into: &document, documentID: documentID, tokens: false)
                let ranges = document.entities
                    .filter { $0.label.rawValue == label && NewsDatabase.storeEntityKey(of: $0).key == key }
                    .map { TextRange(start: $0.start, end: $0.end) }
                    .sorted { $0.start < $1.start }
                return EntityArticle.make(
                    documentID: documentID, title: try row.string("title"), published: try row.string("published"), source: try row.string("source"),
                    mentionCount: max(try row.int("mentions"), ranges.count),
                    snippets: NewsDatabase.storeSnippets(of: document.text, ranges: ranges, limit: snippetsPerArticle)
                )
            }
            return EntityArticlePage.make(articles: articles, total: total)
        }
    }

    /// The roles the texts attach to entity `id` with the first and last dates of the articles that give them, from the
    /// newest `documentLimit` articles naming it (``RoleHistory``, the SQLite store's rule); nil when there is no such entity.
    public func entityRoleHistory(id: Int64, documentLimit: Int) throws -> [EntityRoleSpan]? {
        try session { db in
            guard let entity = try db.row("SELECT label, key FROM entity WHERE id = $1", [.int(id)]) else { return nil }
            var history = RoleHistory(label: try entity.requiredString("label"), key: try entity.requiredString("key"))
            // A page at a time: a person named in thousands of articles is never read whole into memory.
            var done = 0
            let page = 200
            while done < max(1, documentLimit) {
                let rows = try db.rows("""
                    SELECT d.id, d.published, d.text, d.layers FROM document_entity de JOIN document d ON d.id = de.document_id
                    WHERE de.entity_id = $1 ORDER BY d.published COLLATE "C" DESC NULLS LAST, d.id DESC LIMIT $2 OFFSET $3
                    """, [.int(id), .int(min(page, max(1, documentLimit) - done)), .int(done)])
                for row in rows {
                    let documentID = try row.int64("id")
                    var document = Document(id: String(documentID), text: try row.requiredString("text"))
                    try NewsDatabase.decodeLayers(try row.data("layers"), into: &document, documentID: documentID, tokens: false)
                    history.add(document, published: try row.string("published"))
                }
                done += rows.count
                if rows.count < page { break }
            }
            return history.roles
        }
    }
}
