import Foundation
import GRDB
import Pipeline
import TextModel

extension NewsDatabase {
    /// The stored document `id` with its layers, entities and near-duplicate links, or nil.
    ///
    /// With `withTokens` the paragraphs, sentences and tokens (with lemmas and morphology) are filled in: read from
    /// the stored token layer when the document has one (``Configuration/storesTokens``), else by analysing the
    /// text again with the collection's pipeline.
    public func document(id: Int64, withTokens: Bool = false) throws -> StoredDocument? {
        let stored = try writer.read { db -> StoredDocument? in
            guard let record = try DocumentRecord.fetchOne(db, key: id) else { return nil }
            return try storedDocument(record, in: db, tokens: withTokens)
        }
        guard var stored, withTokens, stored.analysis.tokens.isEmpty else { return stored }
        let reanalysed = pipeline.analyze(id: stored.analysis.id, text: stored.text)
        stored.analysis.tokens = reanalysed.tokens
        stored.analysis.sentences = reanalysed.sentences
        stored.analysis.paragraphs = reanalysed.paragraphs
        return stored
    }

    /// Calls `body` for every stored document in id order (for export), reading in one snapshot.
    public func forEachDocument(_ body: (StoredDocument) throws -> Void) throws {
        try writer.read { db in
            let cursor = try DocumentRecord.order(DocumentRecord.Columns.id).fetchCursor(db)
            while let record = try cursor.next() {
                try body(try storedDocument(record, in: db))
            }
        }
    }

    func storedDocument(_ record: DocumentRecord, in db: Database, tokens: Bool = false) throws -> StoredDocument {
        let id = record.id!
        var analysis = Document(
            id: record.externalID ?? String(id), text: record.text,
            metadata: DocumentMetadata(title: record.title, url: record.url, source: record.source, published: record.published)
        )
        try LayerBlob.decode(record.layers, into: &analysis, documentID: id, tokens: tokens)
        var original: DuplicateLink?
        if let originalID = record.duplicateOf {
            let row = try Row.fetchOne(db, sql: "SELECT title, source FROM document WHERE id = ?", arguments: [originalID])
            original = DuplicateLink(id: originalID, title: row?["title"], source: row?["source"], similarity: record.similarity ?? 0)
        }
        let entities = try Self.collectionEntities(ofDocument: id, in: db)
        return StoredDocument(
            id: id, externalID: record.externalID, title: record.title, text: record.text, url: record.url,
            source: record.source, published: record.published, language: record.language, origin: record.origin,
            ingestedAt: record.ingestedAt, duplicateOf: original,
            duplicates: try duplicateLinks(of: [id], in: db)[id] ?? [], analysis: analysis, entities: entities
        )
    }

    /// The collection's entities named in document `id`, most mentioned first (`documentCount` is 1).
    static func collectionEntities(ofDocument id: Int64, in db: Database) throws -> [EntitySummary] {
        try Row.fetchAll(db, sql: """
            SELECT e.id, e.label, e.canonical, de.mentions FROM document_entity de JOIN entity e ON e.id = de.entityID
            WHERE de.documentID = ? ORDER BY de.mentions DESC, e.canonical
            """, arguments: [id]).map {
            EntitySummary(id: $0["id"], label: $0["label"], canonical: $0["canonical"], documentCount: 1, mentionCount: $0["mentions"])
        }
    }

    /// What a list of hits shows besides the hit itself, for each of `ids` that exists: the entity mentions of the
    /// text (to mark them in a snippet) and the collection's entities it names. One read, without the rest of a
    /// ``StoredDocument`` (metadata, near-duplicate links).
    public func annotations(of ids: [Int64]) throws -> [Int64: DocumentAnnotations] {
        guard !ids.isEmpty else { return [:] }
        return try writer.read { db in
            var result: [Int64: DocumentAnnotations] = [:]
            let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ", ")
            for row in try Row.fetchAll(db, sql: "SELECT id, text, layers FROM document WHERE id IN (\(placeholders))", arguments: StatementArguments(ids)) {
                let id: Int64 = row["id"]
                var document = Document(id: String(id), text: try StoredText.text(row["text"], documentID: id))
                try LayerBlob.decode(row["layers"], into: &document, documentID: id)
                result[id] = DocumentAnnotations(analysis: document, entities: try Self.collectionEntities(ofDocument: id, in: db))
            }
            return result
        }
    }

    /// Entities of the collection, most documents first; `label` keeps one class, `query` keeps
    /// names containing it, or whose aliases (spellings in another script) contain it (case-insensitive).
    public func entities(label: String? = nil, query: String? = nil, limit: Int = 50, offset: Int = 0) throws -> [EntitySummary] {
        let filter = Self.entityFilter(label: label, query: query)
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.id, e.label, e.canonical, COUNT(*) AS documents, SUM(de.mentions) AS mentions
                FROM entity e JOIN document_entity de ON de.entityID = e.id \(filter.whereClause)
                GROUP BY e.id ORDER BY documents DESC, mentions DESC, e.canonical LIMIT ? OFFSET ?
                """, arguments: StatementArguments(filter.arguments + [max(1, limit), max(0, offset)])).map(Self.entitySummary)
        }
    }

    /// How many entities ``entities(label:query:limit:offset:)`` pages through.
    public func entityCount(label: String? = nil, query: String? = nil) throws -> Int {
        let filter = Self.entityFilter(label: label, query: query)
        return try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entity e \(filter.whereClause)", arguments: StatementArguments(filter.arguments)) ?? 0
        }
    }

    private static func entityFilter(label: String?, query: String?) -> SQLFilter {
        var filter = SQLFilter()
        if let label, !label.isEmpty { filter.equal(.entityLabel, label.uppercased()) }
        if let query, !query.isEmpty { filter.entityNameContains(query.lowercased()) }
        return filter
    }

    /// Everything about entity `id`: mentions in context, co-occurring entities, and a monthly timeline.
    public func entity(id: Int64, mentionLimit: Int = 20, relatedLimit: Int = 20) throws -> EntityDetail? {
        try writer.read { db in
            try Self.entityDetail(id: id, mentionLimit: mentionLimit, relatedLimit: relatedLimit, in: db) { _, _, _, _ in }
        }
    }

    /// The profile of entity `id` (its ``EntityDetail`` plus roles, quotes and meetings), or nil when there is none.
    ///
    /// One read: the documents decoded for the mentions (the newest naming the entity) also give the roles, quotes and
    /// meetings, at most `documentLimit` of them.
    public func entityProfile(id: Int64, documentLimit: Int = 30) throws -> EntityProfile? {
        try writer.read { db in
            var roleCounts: [String: Int] = [:]
            var quotes: [EntityProfile.EntityQuote] = []
            var meetings: [EntityProfile.EntityMeeting] = []
            var visited = 0
            let detail = try Self.entityDetail(id: id, mentionLimit: 20, relatedLimit: 20, in: db) { summary, documentID, document, title in
                visited += 1
                guard visited <= documentLimit else { return }
                let name = summary.canonical
                // By key: the document may spell the name another way than the one the collection files it under.
                for entity in document.entities where Self.entityKey(of: entity).key == name.lowercased() && entity.label.rawValue == summary.label {
                    for role in entity.roles { roleCounts[role, default: 0] += 1 }
                }
                for quote in document.quotes where quote.speaker.map({ EntityProfile.sameName($0, name) }) == true {
                    quotes.append(.init(documentID: documentID, title: title, text: quote.text, start: quote.start, end: quote.end))
                }
                for meeting in document.meetings where meeting.participants.contains(where: { EntityProfile.sameName($0, name) }) {
                    meetings.append(.init(
                        documentID: documentID, title: title, participants: meeting.participants,
                        when: meeting.when, where: meeting.where, start: meeting.start, end: meeting.end
                    ))
                }
            }
            guard let detail else { return nil }
            return EntityProfile(
                entity: detail.entity, mentions: detail.mentions, related: detail.related, timeline: detail.timeline,
                roles: roleCounts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key), quotes: quotes, meetings: meetings
            )
        }
    }

    /// The detail of entity `id`; `mentioning` is called once for each document that gave mentions, in mention order,
    /// with the document decoded with its layers and its title.
    static func entityDetail(
        id: Int64, mentionLimit: Int, relatedLimit: Int, in db: Database,
        mentioning: (_ entity: EntitySummary, _ documentID: Int64, _ document: Document, _ title: String?) throws -> Void
    ) throws -> EntityDetail? {
        guard let summaryRow = try Row.fetchOne(db, sql: """
            SELECT e.id, e.label, e.canonical, e.key, COUNT(de.documentID) AS documents, COALESCE(SUM(de.mentions), 0) AS mentions
            FROM entity e LEFT JOIN document_entity de ON de.entityID = e.id WHERE e.id = ? GROUP BY e.id
            """, arguments: [id]) else { return nil }
        let summary = Self.entitySummary(summaryRow)
        // Mentions live in the documents' layers: read the newest documents naming the entity and pick them out.
        let documentRows = try Row.fetchAll(db, sql: """
            SELECT d.id, d.title, d.published, d.text, d.layers FROM document_entity de JOIN document d ON d.id = de.documentID
            WHERE de.entityID = ? ORDER BY d.published DESC, d.id DESC LIMIT ?
            """, arguments: [id, max(1, mentionLimit)])
        var mentions: [EntityMention] = []
        for row in documentRows where mentions.count < mentionLimit {
            let documentID: Int64 = row["id"]
            var document = Document(id: String(documentID), text: try StoredText.text(row["text"], documentID: documentID))
            try LayerBlob.decode(row["layers"], into: &document, documentID: documentID)
            let before = mentions.count
            for entity in document.entities where mentions.count < mentionLimit {
                guard entity.label.rawValue == summary.label, Self.entityKey(of: entity).key == summaryRow["key"] as String else { continue }
                mentions.append(EntityMention(
                    documentID: documentID, title: row["title"], published: row["published"], text: entity.text,
                    start: entity.start, end: entity.end, context: Self.context(of: document.text, start: entity.start, end: entity.end)
                ))
            }
            if mentions.count > before { try mentioning(summary, documentID, document, row["title"]) }
        }
        let related = try Row.fetchAll(db, sql: """
            SELECT e.id, e.label, e.canonical, COUNT(*) AS shared,
                   (SELECT COUNT(*) FROM document_entity WHERE entityID = e.id) AS documents,
                   (SELECT SUM(mentions) FROM document_entity WHERE entityID = e.id) AS mentions
            FROM document_entity this JOIN document_entity other ON other.documentID = this.documentID AND other.entityID != this.entityID
            JOIN entity e ON e.id = other.entityID
            WHERE this.entityID = ? GROUP BY e.id ORDER BY shared DESC, e.canonical LIMIT ?
            """, arguments: [id, max(1, relatedLimit)]).map { row in
            RelatedEntity(entity: Self.entitySummary(row), sharedDocuments: row["shared"])
        }
        let timeline = try Row.fetchAll(db, sql: """
            SELECT d.month, COUNT(*) AS count FROM document_entity de JOIN document d ON d.id = de.documentID
            WHERE de.entityID = ? AND d.month IS NOT NULL GROUP BY d.month ORDER BY d.month
            """, arguments: [id]).map { FacetCount(value: $0["month"], count: $0["count"]) }
        return EntityDetail(entity: summary, mentions: mentions, related: related, timeline: timeline)
    }

    /// Meetings and events whose time (or, when unknown, whose document's publication date) falls
    /// between `from` and `to` (ISO prefixes, both inclusive; nil is open).
    public func events(from: String? = nil, to: String? = nil, limit: Int = 100, offset: Int = 0) throws -> [StoredEvent] {
        let filter = Self.eventFilter(from: from, to: to)
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT ev.*, d.title AS documentTitle, d.url AS documentURL, d.published FROM event ev JOIN document d ON d.id = ev.documentID
                \(filter.whereClause) ORDER BY \(SQLFilter.Expression.eventWhen.sql), ev.documentID, ev.start LIMIT ? OFFSET ?
                """, arguments: StatementArguments(filter.arguments + [max(1, limit), max(0, offset)])).map(Self.storedEvent)
        }
    }

    /// How many events ``events(from:to:limit:offset:)`` pages through.
    public func eventCount(from: String? = nil, to: String? = nil) throws -> Int {
        let filter = Self.eventFilter(from: from, to: to)
        return try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event ev JOIN document d ON d.id = ev.documentID \(filter.whereClause)",
                             arguments: StatementArguments(filter.arguments)) ?? 0
        }
    }

    private static func eventFilter(from: String?, to: String?) -> SQLFilter {
        var filter = SQLFilter()
        if let from, !from.isEmpty { filter.atLeast(.eventWhen, from) }
        if let to, !to.isEmpty { filter.prefixAtMost(.eventWhen, to) }
        return filter
    }

    /// An event row (with its document's title and date) as a ``StoredEvent``.
    static func storedEvent(_ row: Row) -> StoredEvent {
        let participants = (try? JSONDecoder().decode([String].self, from: Data((row["participants"] as String).utf8))) ?? []
        return StoredEvent(
            documentID: row["documentID"], documentTitle: row["documentTitle"], documentURL: row["documentURL"], kind: row["kind"], title: row["title"],
            time: row["time"], place: row["place"], participants: participants, published: row["published"],
            start: row["start"], end: row["end"]
        )
    }

    /// Counts and sizes of the collection.
    public func stats() throws -> CollectionStats {
        try writer.read { db in
            func facet(_ sql: String) throws -> [FacetCount] {
                try Row.fetchAll(db, sql: sql).map { FacetCount(value: $0[0] ?? "", count: $0[1]) }
            }
            let pageCount = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            return CollectionStats(
                documents: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0,
                nearDuplicates: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document WHERE duplicateOf IS NOT NULL") ?? 0,
                entities: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entity") ?? 0,
                mentions: try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(mentions), 0) FROM document_entity") ?? 0,
                events: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0,
                textBytes: try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(\(StoredText.utf8LengthFunction.name)(text)), 0) FROM document") ?? 0,
                databaseBytes: pageCount * pageSize,
                sources: try facet("SELECT source, COUNT(*) c FROM document WHERE source IS NOT NULL GROUP BY source ORDER BY c DESC LIMIT 20"),
                languages: try facet("SELECT language, COUNT(*) c FROM document GROUP BY language ORDER BY c DESC"),
                months: try facet("SELECT month, COUNT(*) c FROM document WHERE month IS NOT NULL GROUP BY month ORDER BY month"),
                labels: try facet("SELECT e.label, SUM(de.mentions) c FROM document_entity de JOIN entity e ON e.id = de.entityID GROUP BY e.label ORDER BY c DESC")
            )
        }
    }

    static func entitySummary(_ row: Row) -> EntitySummary {
        EntitySummary(id: row["id"], label: row["label"], canonical: row["canonical"], documentCount: row["documents"], mentionCount: row["mentions"])
    }

    /// About a sentence of text around `start..<end`, with the mention highlighted.
    ///
    /// The window is cut at word boundaries (never inside a word), with "…" where it does not reach the text's ends.
    static func context(of text: String, start: Int, end: Int, radius: Int = 100) -> Snippet {
        context(of: Array(text.unicodeScalars), highlights: [TextRange(start: start, end: end)], radius: radius)
    }

    /// The window of `scalars` around the first of `highlights` (document scalar ranges, sorted), with every highlight
    /// that falls inside it marked. ``contextBounds(_:start:end:radius:)`` gives the window.
    static func context(of scalars: [Unicode.Scalar], highlights: [TextRange], radius: Int = 100) -> Snippet {
        let first = highlights.first ?? TextRange(start: 0, end: 0)
        let (lower, upper) = contextBounds(scalars, start: first.start, end: first.end, radius: radius)
        var view = String.UnicodeScalarView()
        let prefix = lower > 0 ? "… " : ""
        view.append(contentsOf: prefix.unicodeScalars)
        view.append(contentsOf: scalars[lower..<upper].map { $0 == "\n" ? " " : $0 })
        if upper < scalars.count { view.append(contentsOf: " …".unicodeScalars) }
        let shift = prefix.unicodeScalars.count
        let marked = highlights.enumerated().filter { $0.offset == 0 || ($0.element.start >= lower && $0.element.end <= upper) }.map(\.element)
        let ranges = marked.map { range in
            TextRange(start: max(0, range.start - lower) + shift, end: max(0, min(range.end, scalars.count) - lower) + shift)
        }
        return Snippet(text: String(view), highlights: ranges, documentStart: lower)
    }

    /// The scalar window `lower..<upper` of about `radius` scalars each side of `start..<end`, cut at word boundaries:
    /// widened to the enclosing words (at most 30 letters), or narrowed to the previous whitespace when a word is
    /// longer than that, so no cut falls inside a word; whitespace at the cuts is dropped.
    static func contextBounds(_ scalars: [Unicode.Scalar], start: Int, end: Int, radius: Int = 100) -> (lower: Int, upper: Int) {
        let start = min(max(0, start), scalars.count), end = min(max(start, end), scalars.count)
        var lower = max(0, start - radius)
        var upper = min(scalars.count, end + radius)
        let isSpace = { (scalar: Unicode.Scalar) in scalar.properties.isWhitespace }
        if lower > 0, !isSpace(scalars[lower - 1]) {
            var widened = lower
            while widened > 0, !isSpace(scalars[widened - 1]), lower - widened < 30 { widened -= 1 }
            if widened == 0 || isSpace(scalars[widened - 1]) {
                lower = widened
            } else {
                // A very long "word" (a URL, a run of letters): cut at the next whitespace towards the mention instead.
                while lower < start, !isSpace(scalars[lower - 1]) { lower += 1 }
            }
        }
        if upper < scalars.count, !isSpace(scalars[upper]) {
            var widened = upper
            while widened < scalars.count, !isSpace(scalars[widened]), widened - upper < 30 { widened += 1 }
            if widened == scalars.count || isSpace(scalars[widened]) {
                upper = widened
            } else {
                while upper > end, !isSpace(scalars[upper]) { upper -= 1 }
            }
        }
        while lower < min(start, upper), isSpace(scalars[lower]) { lower += 1 }
        while upper > max(end, lower), isSpace(scalars[upper - 1]) { upper -= 1 }
        return (lower, upper)
    }
}
