import Analysis
import Foundation
import GRDB
public import NewsSources
import Pipeline
import TextModel

/// A source document analysed and hashed, ready to be written (the slow part, done outside the write).
public struct PreparedDocument: Sendable {
    var record: DocumentRecord
    var entities: [Entity]
    var events: [EventRecord]
    var signature: [UInt16]?
    /// What the index stores for the title and the text (``IndexTermStream``), from this analysis: written to
    /// `document_terms`, whose trigger feeds them to FTS5, so the write analyses nothing.
    var termStreams: (title: Data?, text: Data)
}

extension NewsDatabase {
    /// Analyses, stores and indexes `documents` in one transaction: all of them or none.
    ///
    /// A document whose normalised text is already stored is counted as a duplicate and not stored
    /// again, so ingesting the same input twice changes nothing. A document that nearly repeats
    /// an earlier one is stored and linked to it (see ``SearchResults`` for how it is shown).
    @discardableResult
    public func ingest(_ documents: [SourceDocument]) throws -> IngestReport {
        try store(prepareAll(documents))
    }

    /// ``prepare(_:)`` for many documents, spread over the processor's cores; results keep the input order.
    public func prepareAll(_ documents: [SourceDocument]) -> [PreparedDocument] {
        guard documents.count > 1 else { return documents.map(prepare) }
        let results = PreparedSlots(count: documents.count)
        DispatchQueue.concurrentPerform(iterations: documents.count) { index in
            results.set(index, prepare(documents[index]))
        }
        return results.values()
    }

    /// The analysis half of ``ingest(_:)``: pure, so callers may run it in parallel.
    public func prepare(_ source: SourceDocument) -> PreparedDocument {
        let document = pipeline.analyze(id: source.documentID(fallback: source.origin), text: source.text, metadata: source.documentMetadata())
        let layers = LayerBlob.encode(document, tokens: configuration.storesTokens)
        let record = DocumentRecord(
            id: nil, externalID: source.externalID, title: source.title, text: source.text, url: source.url,
            // The analysis keeps the input's source and date, or reads them from the page (credit line, dateline).
            source: document.metadata.source, published: document.metadata.published, month: Self.month(of: document.metadata.published),
            language: document.language.rawValue, contentHash: Self.contentHash(source.text), origin: source.origin,
            ingestedAt: Date(), duplicateOf: nil, similarity: nil, pipeline: pipeline.name, layers: layers
        )
        return prepared(record, document: document)
    }

    /// The rows of one document to store: its record, entities, events and meetings, MinHash signature and index
    /// terms (title and text), whether it was just analysed (``prepare(_:)``) or read from another collection
    /// (``prepare(stored:)``).
    func prepared(_ record: DocumentRecord, document: Document) -> PreparedDocument {
        let events = document.events.map { event in
            EventRecord(
                documentID: 0, kind: "event", title: event.title, time: event.when, place: event.where,
                participants: Self.jsonArray(event.participants), start: event.start, end: event.end
            )
        } + document.meetings.map { meeting in
            EventRecord(
                documentID: 0, kind: "meeting", title: nil, time: meeting.when, place: meeting.where,
                participants: Self.jsonArray(meeting.participants), start: meeting.start, end: meeting.end
            )
        }
        let terms = termAnalyzer.terms(of: document)
        return PreparedDocument(
            record: record, entities: document.entities, events: events, signature: minHash.signature(of: terms.map(\.lemma)),
            termStreams: IndexTermStream.streams(textTerms: terms, title: record.title, analyzer: termAnalyzer)
        )
    }

    /// The write half of ``ingest(_:)``: one transaction for the whole batch.
    @discardableResult
    public func store(_ prepared: [PreparedDocument]) throws -> IngestReport {
        try writer.write { db in
            var report = IngestReport()
            for item in prepared {
                var record = item.record
                if item.record.text.allSatisfy(\.isWhitespace) {
                    report.empty += 1
                    continue
                }
                if let value = try DatabaseValue.fetchOne(
                    db.cachedStatement(sql: "SELECT text FROM document WHERE contentHash = ?"), arguments: [item.record.contentHash]
                ) {
                    let stored = try StoredText.text(value)
                    // The hash is 64-bit: confirm the match, so a collision can never drop a document.
                    if Self.normalizedContent(stored) == Self.normalizedContent(item.record.text) {
                        report.duplicates += 1
                        continue
                    }
                    record.contentHash += "-" + String(item.record.text.utf8.count)
                }
                if let signature = item.signature, let match = try nearestDuplicate(of: signature, in: db) {
                    record.duplicateOf = match.id
                    record.similarity = match.similarity
                    report.nearDuplicates += 1
                }
                // Short names ("Н.Ә. Назарбаев") take the one full name the collection already knows for them.
                var events = item.events
                let entities = try Self.withCollectionNames(item.entities, record: &record, events: &events, in: db)
                try record.insert(db)
                guard let id = record.id else { continue }
                report.added.append(id)
                // The index: its trigger hands these streams to FTS5 (see IndexTermStream).
                try Self.insertTermStreams(item.termStreams, documentID: id, in: db)
                try insertEntities(entities, documentID: id, in: db)
                for var event in events {
                    event.documentID = id
                    try event.insert(db)
                }
                if let signature = item.signature {
                    // Statements of the per-document loop are prepared once per connection (compiling them cost more than running them).
                    try db.cachedStatement(sql: "INSERT INTO minhash (documentID, signature) VALUES (?, ?)")
                        .execute(arguments: [id, Self.blob(signature)])
                    let insertBand = try db.cachedStatement(sql: "INSERT OR IGNORE INTO minhash_band (key, documentID) VALUES (?, ?)")
                    for key in minHash.bandKeys(of: signature) {
                        try insertBand.execute(arguments: [key, id])
                    }
                }
            }
            return report
        }
    }

    /// Links the document to its entities (created on first sight), one row per entity with its number of mentions.
    private func insertEntities(_ entities: [Entity], documentID: Int64, in db: Database) throws {
        var mentions: [Int64: Int] = [:]
        var order: [Int64] = []
        var cache: [String: Int64] = [:]
        for entity in entities {
            let (canonical, key) = Self.entityKey(of: entity)
            let cacheKey = entity.label.rawValue + "\u{1F}" + key
            let entityID: Int64
            if let cached = cache[cacheKey] {
                entityID = cached
            } else if let existing = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM entity WHERE key = ? AND label = ?"), arguments: [key, entity.label.rawValue]
            ) {
                entityID = existing
            } else {
                var record = EntityRecord(id: nil, label: entity.label.rawValue, canonical: canonical, key: key)
                try record.insert(db)
                entityID = record.id!
                if entity.label == .person, let surname = NameResolver.surnameOfFullName(canonical) {
                    try db.cachedStatement(sql: "INSERT INTO person_surname (surname, entityID) VALUES (?, ?)").execute(arguments: [surname, entityID])
                    try Self.adoptShortNames(of: canonical, entityID: entityID, surname: surname, in: db)
                } else if entity.label == .person, let surname = NameResolver.surnameOfShortName(canonical) {
                    try db.cachedStatement(sql: "INSERT INTO person_short_name (surname, entityID) VALUES (?, ?)").execute(arguments: [surname, entityID])
                }
            }
            cache[cacheKey] = entityID
            if mentions[entityID] == nil { order.append(entityID) }
            mentions[entityID, default: 0] += 1
        }
        for entityID in order {
            try db.cachedStatement(sql: "INSERT INTO document_entity (documentID, entityID, mentions) VALUES (?, ?, ?)")
                .execute(arguments: [documentID, entityID, mentions[entityID]])
        }
        // The collection's names: this document's spellings and aliases counted, each entity filed under its preferred
        // spelling (whatever order the documents arrive in).
        try Self.recordNames(of: entities, lookup: { label, key in cache[label.rawValue + "\u{1F}" + key] }, in: db)
    }

    /// `entities` with each short person name (initials and a surname, or a lone surname) the document could not
    /// resolve itself renamed to the one full name of the collection it stands for (``NameResolver/fullName(forShortName:among:)``),
    /// the stored layers of `record` and its `events` rows renamed to match (mentions, speakers, participants). A short name whose full
    /// name arrives only later is renamed when it does (``adoptShortNames(of:entityID:surname:in:)``).
    static func withCollectionNames(
        _ entities: [Entity], record: inout DocumentRecord, events: inout [EventRecord], in db: Database
    ) throws -> [Entity] {
        var renames: [String: String] = [:]
        var looked: Set<String> = []
        for entity in entities where entity.label == .person && looked.insert(entity.canonical).inserted {
            guard let surname = NameResolver.surnameOfShortName(entity.canonical) else { continue }
            let known = try String.fetchAll(db.cachedStatement(sql: """
                SELECT e.canonical FROM person_surname s JOIN entity e ON e.id = s.entityID WHERE s.surname = ? LIMIT 16
                """), arguments: [surname])
            if let full = NameResolver.fullName(forShortName: entity.canonical, among: known) { renames[entity.canonical] = full }
        }
        guard !renames.isEmpty else { return entities }
        func renamed(_ name: String) -> String { renames[name] ?? name }
        var document = Document(id: "", text: record.text)
        let keepsTokens = LayerBlob.hasTokens(record.layers)
        try LayerBlob.decode(record.layers, into: &document, tokens: keepsTokens)
        Self.renamePeople(in: &document, renamed)
        record.layers = LayerBlob.encode(document, tokens: keepsTokens)
        // The event rows (meetings and events) name the same people.
        for index in events.indices {
            events[index].participants = Self.renamedParticipants(events[index].participants, renamed) ?? events[index].participants
        }
        return entities.map { entity in
            var entity = entity
            if entity.label == .person { entity.canonical = renamed(entity.canonical) }
            return entity
        }
    }

    /// Renames people everywhere a document's stored layers name them: PERSON entities, quote speakers, meeting and
    /// event participants.
    static func renamePeople(in document: inout Document, _ renamed: (String) -> String) {
        for index in document.entities.indices where document.entities[index].label == .person {
            document.entities[index].canonical = renamed(document.entities[index].canonical)
        }
        for index in document.quotes.indices { document.quotes[index].speaker = document.quotes[index].speaker.map(renamed) }
        for index in document.meetings.indices { document.meetings[index].participants = document.meetings[index].participants.map(renamed) }
        for index in document.events.indices { document.events[index].participants = document.events[index].participants.map(renamed) }
    }

    /// An event row's JSON list of participants with each name renamed, or nil when it is not such a list.
    static func renamedParticipants(_ json: String, _ renamed: (String) -> String) -> String? {
        guard let names = try? JSONDecoder().decode([String].self, from: Data(json.utf8)) else { return nil }
        return jsonArray(names.map(renamed))
    }

    /// Backward resolution: a full name seen for the first time takes over the short-name entities of earlier
    /// documents ("Б.Байбек" stored before "Бауыржан Байбек" arrives) that it is now the one full name for in the
    /// collection (``NameResolver/fullName(forShortName:among:)``, as forward resolution decides). Their documents'
    /// stored layers and event rows are renamed and their links move to the full name; the short entity is deleted.
    /// With two full names for the short name, nothing moves: a short name is never given a guessed owner.
    static func adoptShortNames(of fullName: String, entityID: Int64, surname: String, in db: Database) throws {
        let shorts = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT e.id, e.canonical FROM person_short_name s JOIN entity e ON e.id = s.entityID WHERE s.surname = ?
            """), arguments: [surname])
        guard !shorts.isEmpty else { return }
        let known = try String.fetchAll(db.cachedStatement(sql: """
            SELECT e.canonical FROM person_surname s JOIN entity e ON e.id = s.entityID WHERE s.surname = ?
            """), arguments: [surname])
        for short in shorts {
            let shortName: String = short["canonical"]
            guard NameResolver.fullName(forShortName: shortName, among: known) == fullName else { continue }
            let shortID: Int64 = short["id"]
            let links = try Row.fetchAll(db.cachedStatement(sql: "SELECT documentID, mentions FROM document_entity WHERE entityID = ?"), arguments: [shortID])
            func renamed(_ name: String) -> String { name == shortName ? fullName : name }
            for link in links {
                let documentID: Int64 = link["documentID"]
                try db.cachedStatement(sql: """
                    INSERT INTO document_entity (documentID, entityID, mentions) VALUES (?, ?, ?)
                    ON CONFLICT(documentID, entityID) DO UPDATE SET mentions = mentions + excluded.mentions
                    """).execute(arguments: [documentID, entityID, link["mentions"] as Int])
                if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT text, layers FROM document WHERE id = ?"), arguments: [documentID]) {
                    var document = Document(id: "", text: try StoredText.text(row["text"], documentID: documentID))
                    let layers: Data = row["layers"]
                    let keepsTokens = LayerBlob.hasTokens(layers)
                    try LayerBlob.decode(layers, into: &document, documentID: documentID, tokens: keepsTokens)
                    Self.renamePeople(in: &document, renamed)
                    try db.cachedStatement(sql: "UPDATE document SET layers = ? WHERE id = ?")
                        .execute(arguments: [LayerBlob.encode(document, tokens: keepsTokens), documentID])
                }
                for event in try Row.fetchAll(db.cachedStatement(sql: "SELECT rowid, participants FROM event WHERE documentID = ?"), arguments: [documentID]) {
                    let json: String = event["participants"]
                    guard let participants = Self.renamedParticipants(json, renamed), participants != json else { continue }
                    try db.cachedStatement(sql: "UPDATE event SET participants = ? WHERE rowid = ?")
                        .execute(arguments: [participants, event["rowid"] as Int64])
                }
            }
            try db.cachedStatement(sql: "DELETE FROM entity WHERE id = ?").execute(arguments: [shortID])
        }
    }

    /// The name an entity is filed under (its canonical name, or its text when it has none) and its lookup key.
    static func entityKey(of entity: Entity) -> (canonical: String, key: String) {
        let canonical = entity.canonical.isEmpty ? entity.text : entity.canonical
        return (canonical, canonical.lowercased())
    }

    /// The stored document most similar to `signature` above the threshold, following links to the original.
    private func nearestDuplicate(of signature: [UInt16], in db: Database) throws -> (id: Int64, similarity: Double)? {
        let keys = minHash.bandKeys(of: signature)
        let placeholders = Array(repeating: "?", count: keys.count).joined(separator: ",")
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT m.documentID, m.signature, d.duplicateOf FROM minhash m JOIN document d ON d.id = m.documentID
            WHERE m.documentID IN (SELECT DISTINCT documentID FROM minhash_band WHERE key IN (\(placeholders)) LIMIT 64)
            """), arguments: StatementArguments(keys))
        var best: (id: Int64, similarity: Double, original: Int64?)?
        for row in rows {
            let similarity = minHash.similarity(signature, Self.signature(from: row["signature"]))
            if similarity >= nearDuplicateThreshold, similarity > (best?.similarity ?? 0) {
                best = (row["documentID"], similarity, row["duplicateOf"])
            }
        }
        guard let best else { return nil }
        // Link to the root original when the new document is close enough to it too.
        if let original = best.original,
           let data = try Data.fetchOne(db.cachedStatement(sql: "SELECT signature FROM minhash WHERE documentID = ?"), arguments: [original]) {
            let similarity = minHash.similarity(signature, Self.signature(from: data))
            if similarity >= nearDuplicateThreshold { return (original, similarity) }
        }
        return (best.id, best.similarity)
    }

    // MARK: Helpers

    /// Hash of the text with case, Unicode composition and whitespace normalised: the identity of content
    /// (64-bit FNV-1a, finalised; matches are confirmed on the text before a document counts as a duplicate).
    public static func contentHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in normalizedContent(text).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return String(MinHash.mix(hash), radix: 16)
    }

    /// The text lowercased, NFC-composed, with whitespace runs collapsed and ends trimmed.
    static func normalizedContent(_ text: String) -> String {
        var normalized = ""
        normalized.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !normalized.isEmpty
            } else {
                if pendingSpace { normalized.unicodeScalars.append(" ") }
                pendingSpace = false
                normalized.unicodeScalars.append(scalar)
            }
        }
        return normalized
    }

    /// `yyyy-MM` of an ISO date, or nil.
    static func month(of date: String?) -> String? {
        guard let date, date.count >= 7 else { return nil }
        let prefix = date.prefix(7)
        let scalars = Array(prefix.unicodeScalars)
        guard scalars[4] == "-", scalars.enumerated().allSatisfy({ $0.offset == 4 || ("0"..."9").contains($0.element) }) else { return nil }
        return String(prefix)
    }

    static func jsonArray(_ values: [String]) -> String {
        (try? JSONEncoder().encode(values)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    /// A signature as little-endian 16-bit values.
    static func blob(_ signature: [UInt16]) -> Data {
        var data = Data(capacity: signature.count * 2)
        for value in signature {
            data.append(UInt8(truncatingIfNeeded: value))
            data.append(UInt8(truncatingIfNeeded: value >> 8))
        }
        return data
    }

    static func signature(from data: Data) -> [UInt16] {
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8 }
    }
}

/// Slots filled concurrently by ``NewsDatabase/prepareAll(_:)``, one per document.
private final class PreparedSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [PreparedDocument?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: PreparedDocument) {
        lock.withLock { slots[index] = value }
    }

    func values() -> [PreparedDocument] {
        lock.withLock { slots.map { $0! } }
    }
}
