import Analysis
public import Foundation
public import NewsSources
public import Pipeline
import Logging
import PostgresNIO
public import SearchStore
import TextModel

/// A news collection in a PostgreSQL database: the same ``CollectionStore`` as a SQLite file (``NewsDatabase``), for
/// collections shared by several ingest workers and servers.
///
/// Documents are analysed here, in Swift, exactly as for SQLite (the same pipeline, the same ``IndexTermAnalyzer``
/// terms): the server stores them in a `tsvector` of the `simple` configuration and needs no plugin. Search matches with
/// a GIN index and ranks the newest matches with the SQLite store's BM25 (see `PostgresCollection+Search.swift`), so
/// both backends return the same documents in the same order.
public final class PostgresCollection: CollectionStore, @unchecked Sendable {
    // @unchecked: every stored property is a `let` of a Sendable type or of a value type used read-only
    // (NewsDatabase's configuration, IndexTermAnalyzer, MinHash).

    /// Where the collection is (its URL without the password is its description).
    public let location: PostgresLocation
    /// The PostgreSQL schema (namespace) holding the collection's tables; `tilshi` by default.
    public let schema: String
    /// How documents are analysed, linked and searched (the same settings as a SQLite collection).
    public let configuration: NewsDatabase.Configuration
    let pool: ConnectionPool
    /// A SQLite collection in memory that is never written: it lends its analysis (``NewsDatabase/prepare(_:)``), so
    /// both backends prepare a document with one and the same code.
    let analyser: NewsDatabase
    let minHash = MinHash()

    /// The key of the advisory lock every document's write transaction takes first.
    ///
    /// Why one lock rather than serialisable transactions with retries: a document's write reads what earlier documents
    /// wrote (its content hash, its near-duplicate candidates, the collection's full person names and short names it may
    /// take over) and then writes rows that later documents read. Under serialisable isolation two writers would keep
    /// failing each other on those shared rows (the entity table, the totals row), retrying whole documents; under
    /// one lock they simply take turns. The turn is short (a few milliseconds of inserts): the slow part of an
    /// ingest, the analysis, runs before it, in parallel in every process. One lock, always the only one taken, can
    /// never deadlock, and is released by the server when its transaction ends or its connection dies.
    static let writeLockKey: Int64 = 0x7469_6C73_6869_0002

    public var backendName: String { "postgres" }
    public var pipeline: Pipeline { configuration.pipeline }

    /// Opens (and, when new, creates) the collection at `url`; errors are ``PostgresStoreError``s naming the problem.
    public static func open(
        url: String, schema: String = "tilshi", configuration: NewsDatabase.Configuration = NewsDatabase.Configuration()
    ) throws -> PostgresCollection {
        try PostgresCollection(location: PostgresLocation(url: url), schema: schema, configuration: configuration)
    }

    /// Opens the collection at `location` in `schema` and brings its schema up to date.
    public init(location: PostgresLocation, schema: String = "tilshi", configuration: NewsDatabase.Configuration = NewsDatabase.Configuration()) throws {
        guard !schema.isEmpty, schema.count <= 63, schema.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }),
              !("0"..."9").contains(schema.unicodeScalars.first!)
        else {
            throw PostgresStoreError(.badURL, "the schema name '\(schema)' must be lower-case letters, digits and _")
        }
        self.location = location
        self.schema = schema
        self.configuration = configuration
        var logger = Logger(label: "tilshi.postgres")
        logger.logLevel = .critical
        var connection = try location.connectionConfiguration()
        // Every connection reads and writes the collection's schema; a quoted identifier checked above.
        connection.options.additionalStartupParameters = [("search_path", schema)]
        pool = ConnectionPool(configuration: connection, logger: logger)
        analyser = try NewsDatabase.inMemory(configuration: configuration)
        do {
            try migrate()
        } catch {
            pool.close()
            throw PostgresStoreError.describing(error, at: location)
        }
    }

    deinit {
        pool.close()
    }

    /// Runs `body` on a pooled connection; errors become one-line ``PostgresStoreError``s.
    func session<T>(_ body: (SQLSession) throws -> T) throws -> T {
        do {
            return try pool.with(body)
        } catch {
            throw PostgresStoreError.describing(error, at: location)
        }
    }

    // MARK: Schema

    /// The migrations this build knows, in order.
    public static var knownMigrations: [String] { PostgresSchema.migrations.map(\.identifier) }

    /// The migrations applied to the database, in order.
    public func appliedMigrations() throws -> [String] {
        try session { db in
            try db.rows("SELECT identifier FROM tilshi_migrations ORDER BY applied_at, identifier").map { try $0.requiredString("identifier") }
        }
    }

    /// Marks `identifier` as applied without running anything (tests of a database newer than this build).
    package func recordMigrationForTesting(_ identifier: String) throws {
        try session { db in try db.execute("INSERT INTO tilshi_migrations (identifier) VALUES ($1)", [.text(identifier)]) }
    }

    /// Runs `sql` on the collection's schema (tests that set up an older or damaged database).
    package func executeForTesting(_ sql: String) throws {
        try session { db in try db.execute(sql) }
    }

    private func migrate() throws {
        try pool.with { db in
            // A hot standby (a streaming replica, `serve --read-db`) refuses every DDL statement, even one that would
            // change nothing: there the schema is only checked, and brought up to date by opening the primary.
            if try db.row("SELECT pg_is_in_recovery() AS standby")?.row["standby"].decode(Bool.self) == true {
                let applied = try db.rows("SELECT identifier FROM tilshi_migrations").map { try $0.requiredString("identifier") }
                let missing = Self.knownMigrations.filter { !applied.contains($0) }
                let unknown = applied.filter { !Self.knownMigrations.contains($0) }.sorted()
                guard missing.isEmpty, unknown.isEmpty else {
                    throw PostgresStoreError(
                        .schemaVersion,
                        "\(location) (schema \(schema)) is a read-only replica at schema version \(applied.sorted().joined(separator: ", ")), "
                            + "not this tilshi's (\(Self.knownMigrations.joined(separator: ", "))): open the primary with this tilshi first"
                    )
                }
                return
            }
            try db.transaction {
                try db.execute("SELECT pg_advisory_xact_lock($1)", [.int(PostgresSchema.migrationLockKey)])
                try db.execute("CREATE SCHEMA IF NOT EXISTS \"\(schema)\"")
                try db.execute("CREATE TABLE IF NOT EXISTS tilshi_migrations (identifier TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())")
                let applied = Set(try db.rows("SELECT identifier FROM tilshi_migrations").map { try $0.requiredString("identifier") })
                let known = Set(Self.knownMigrations)
                let unknown = applied.subtracting(known).sorted()
                if !unknown.isEmpty {
                    throw PostgresStoreError(
                        .schemaVersion,
                        "\(location) (schema \(schema)) has schema version \(unknown.joined(separator: ", ")), newer than this tilshi knows "
                            + "(\(Self.knownMigrations.last ?? "none")); use a newer tilshi"
                    )
                }
                for migration in PostgresSchema.migrations where !applied.contains(migration.identifier) {
                    for statement in migration.statements { try db.execute(statement) }
                    try migration.fill?(db)
                    try db.execute("INSERT INTO tilshi_migrations (identifier) VALUES ($1)", [.text(migration.identifier)])
                }
            }
        }
    }

    // MARK: Ingest

    public func prepare(_ source: SourceDocument) -> PreparedDocument {
        analyser.prepare(source)
    }

    public func prepare(stored: StoredDocument) -> PreparedDocument {
        analyser.prepare(stored: stored)
    }

    /// Stores each document in a transaction of its own, under the write lock (``writeLockKey``): a document is
    /// visible whole or not at all, and a crash loses at most the one being written.
    public func store(_ prepared: [PreparedDocument]) throws -> IngestReport {
        var report = IngestReport()
        for item in prepared {
            let parts = try item.parts()
            if parts.text.allSatisfy(\.isWhitespace) {
                report.empty += 1
                continue
            }
            let outcome = try session { db in try db.transaction { try insert(parts, in: db) } }
            switch outcome {
            case .added(let id, let nearDuplicate):
                report.added.append(id)
                if nearDuplicate { report.nearDuplicates += 1 }
            case .duplicate:
                report.duplicates += 1
            }
        }
        return report
    }

    enum Outcome {
        case added(Int64, nearDuplicate: Bool)
        case duplicate
    }

    private func insert(_ parts: PreparedParts, in db: SQLSession) throws -> Outcome {
        try db.execute("SELECT pg_advisory_xact_lock($1)", [.int(Self.writeLockKey)])
        var parts = parts
        if let stored = try db.row("SELECT text FROM document WHERE content_hash = $1", [.text(parts.contentHash)]) {
            // The hash is 64-bit: confirm the match, so a collision can never drop a document.
            if NewsDatabase.storeNormalizedContent(try stored.requiredString("text")) == NewsDatabase.storeNormalizedContent(parts.text) {
                return .duplicate
            }
            parts.contentHash += "-" + String(parts.text.utf8.count)
        }
        var duplicateOf: Int64?
        var similarity: Double?
        if let signature = parts.signature, let match = try nearestDuplicate(of: signature, in: db) {
            duplicateOf = match.id
            similarity = match.similarity
        }
        let entities = try withCollectionNames(&parts, in: db)
        let index = Self.termVector(title: parts.titlePositions, text: parts.textPositions)
        // ON CONFLICT: the lock already orders writers; this keeps the content hash unique even for a writer that
        // does not take it (an older tilshi), without an error.
        guard let row = try db.row("""
            INSERT INTO document (external_id, title, text, url, source, published, month, language, content_hash, origin, ingested_at,
                                  duplicate_of, similarity, pipeline, layers, terms, length)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::tsvector, $17)
            ON CONFLICT (content_hash) DO NOTHING RETURNING id
            """, [
                .text(parts.externalID), .text(parts.title), .text(parts.text), .text(parts.url), .text(parts.source), .text(parts.published),
                .text(parts.month), .text(parts.language), .text(parts.contentHash), .text(parts.origin), .date(parts.ingestedAt),
                .int(duplicateOf), .double(similarity), .text(parts.pipeline), .bytes(parts.layers), .text(index.vector), .int(index.length),
            ])
        else { return .duplicate }
        let id = try row.int64("id")
        try insertEntities(entities, documentID: id, in: db)
        for event in parts.events {
            try db.execute("""
                INSERT INTO event (document_id, kind, title, time, place, participants, start_offset, end_offset)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                """, [.int(id), .text(event.kind), .text(event.title), .text(event.time), .text(event.place), .text(event.participants),
                      .int(event.start), .int(event.end)])
        }
        if let signature = parts.signature {
            try db.execute("INSERT INTO minhash (document_id, signature) VALUES ($1, $2)", [.int(id), .smallints(signature.map { Int16(bitPattern: $0) })])
            try db.execute("""
                INSERT INTO minhash_band (key, document_id) SELECT DISTINCT k, $2 FROM unnest($1::bigint[]) AS k ON CONFLICT DO NOTHING
                """, [.ints(minHash.bandKeys(of: signature)), .int(id)])
        }
        try db.execute("UPDATE collection_totals SET documents = documents + 1, positions = positions + $1", [.int(index.length)])
        return .added(id, nearDuplicate: duplicateOf != nil)
    }

    /// The `tsvector` text of a document's index terms: each position's terms (lemma, surface form, name keys), the
    /// title's at positions 1… weighted A, the text's after a gap of one position, weighted D; and the number of
    /// positions (title and text, BM25's document length).
    ///
    /// Built from our own terms, each quoted in the `tsvector` input syntax (`'` doubled, `\` escaped), and bound as a
    /// parameter. PostgreSQL keeps positions up to 16,383 and 256 positions of one lexeme: an article longer than that
    /// matches on its later words but ranks and matches phrases as if cut there.
    static func termVector(title: [IndexTermStream.Position], text: [IndexTermStream.Position]) -> (vector: String, length: Int) {
        var positions: [String: [String]] = [:]
        var order: [String] = []
        func add(_ term: String, _ position: String) {
            guard !term.isEmpty else { return }
            if positions[term] == nil { order.append(term) }
            positions[term, default: []].append(position)
        }
        for (index, position) in title.enumerated() {
            let mark = String(min(index + 1, 16_383)) + "A"
            add(position.primary, mark)
            for other in position.colocated where other != position.primary { add(other, mark) }
        }
        let textStart = title.isEmpty ? 1 : title.count + 2
        for (index, position) in text.enumerated() {
            let mark = String(min(textStart + index, 16_383))
            add(position.primary, mark)
            for other in position.colocated where other != position.primary { add(other, mark) }
        }
        var vector = ""
        for term in order {
            if !vector.isEmpty { vector += " " }
            vector += quotedLexeme(term) + ":" + positions[term]!.joined(separator: ",")
        }
        return (vector, title.count + text.count)
    }

    /// A lexeme in the `tsvector`/`tsquery` input syntax: in single quotes, quotes doubled, backslashes escaped.
    static func quotedLexeme(_ term: String) -> String {
        var quoted = "'"
        for character in term {
            switch character {
            case "'": quoted += "''"
            case "\\": quoted += "\\\\"
            default: quoted.append(character)
            }
        }
        return quoted + "'"
    }

    // MARK: Near-duplicates and names (the SQLite store's rules)

    /// The stored document most similar to `signature` above the threshold, following links to the original.
    private func nearestDuplicate(of signature: [UInt16], in db: SQLSession) throws -> (id: Int64, similarity: Double)? {
        let rows = try db.rows("""
            SELECT m.document_id, m.signature, d.duplicate_of FROM minhash m JOIN document d ON d.id = m.document_id
            WHERE m.document_id IN (SELECT DISTINCT document_id FROM minhash_band WHERE key = ANY($1) ORDER BY document_id LIMIT 64)
            ORDER BY m.document_id
            """, [.ints(minHash.bandKeys(of: signature))])
        var best: (id: Int64, similarity: Double, original: Int64?)?
        for row in rows {
            let similarity = minHash.similarity(signature, try row.smallints("signature").map { UInt16(bitPattern: $0) })
            if similarity >= configuration.nearDuplicateThreshold, similarity > (best?.similarity ?? 0) {
                best = (try row.int64("document_id"), similarity, try row.optionalInt64("duplicate_of"))
            }
        }
        guard let best else { return nil }
        if let original = best.original, let row = try db.row("SELECT signature FROM minhash WHERE document_id = $1", [.int(original)]) {
            let similarity = minHash.similarity(signature, try row.smallints("signature").map { UInt16(bitPattern: $0) })
            if similarity >= configuration.nearDuplicateThreshold { return (original, similarity) }
        }
        return (best.id, best.similarity)
    }

    /// Short person names renamed to the one full name of the collection they stand for (forward resolution), in the
    /// entities, the stored layers and the event rows of `parts`.
    private func withCollectionNames(_ parts: inout PreparedParts, in db: SQLSession) throws -> [Entity] {
        var renames: [String: String] = [:]
        var looked: Set<String> = []
        for entity in parts.entities where entity.label == .person && looked.insert(entity.canonical).inserted {
            guard let surname = NameResolver.surnameOfShortName(entity.canonical) else { continue }
            let known = try db.rows("""
                SELECT e.canonical FROM person_surname s JOIN entity e ON e.id = s.entity_id WHERE s.surname = $1 ORDER BY s.entity_id LIMIT 16
                """, [.text(surname)]).map { try $0.requiredString("canonical") }
            if let full = NameResolver.fullName(forShortName: entity.canonical, among: known) { renames[entity.canonical] = full }
        }
        guard !renames.isEmpty else { return parts.entities }
        func renamed(_ name: String) -> String { renames[name] ?? name }
        parts.layers = try NewsDatabase.layers(parts.layers, text: parts.text, renamingPeople: renamed)
        for index in parts.events.indices {
            parts.events[index].participants = NewsDatabase.storeRenamedParticipants(parts.events[index].participants, renamed) ?? parts.events[index].participants
        }
        return parts.entities.map { entity in
            var entity = entity
            if entity.label == .person { entity.canonical = renamed(entity.canonical) }
            return entity
        }
    }

    /// Links the document to its entities (created on first sight), one row per entity with its number of mentions.
    private func insertEntities(_ entities: [Entity], documentID: Int64, in db: SQLSession) throws {
        var mentions: [Int64: Int] = [:]
        var order: [Int64] = []
        var cache: [String: Int64] = [:]
        // The entities already stored, read in one statement: a round trip per name was most of a document's store time.
        let keyed = entities.map { (label: $0.label.rawValue, key: NewsDatabase.storeEntityKey(of: $0).key) }
        for row in try db.rows("""
            SELECT e.id, e.label, e.key FROM entity e JOIN unnest($1::text[], $2::text[]) AS wanted(key, label)
            ON e.key = wanted.key AND e.label = wanted.label
            """, [.texts(keyed.map(\.key)), .texts(keyed.map(\.label))]) {
            cache[try row.requiredString("label") + "\u{1F}" + row.requiredString("key")] = try row.int64("id")
        }
        for entity in entities {
            let (canonical, key) = NewsDatabase.storeEntityKey(of: entity)
            let cacheKey = entity.label.rawValue + "\u{1F}" + key
            let entityID: Int64
            if let cached = cache[cacheKey] {
                entityID = cached
            } else {
                guard let row = try db.row(
                    "INSERT INTO entity (label, canonical, key) VALUES ($1, $2, $3) RETURNING id",
                    [.text(entity.label.rawValue), .text(canonical), .text(key)]
                ) else { continue }
                entityID = try row.int64("id")
                if entity.label == .person, let surname = NameResolver.surnameOfFullName(canonical) {
                    try db.execute("INSERT INTO person_surname (surname, entity_id) VALUES ($1, $2)", [.text(surname), .int(entityID)])
                    try Self.adoptShortNames(of: canonical, entityID: entityID, surname: surname, in: db)
                } else if entity.label == .person, let surname = NameResolver.surnameOfShortName(canonical) {
                    try db.execute("INSERT INTO person_short_name (surname, entity_id) VALUES ($1, $2)", [.text(surname), .int(entityID)])
                }
            }
            cache[cacheKey] = entityID
            if mentions[entityID] == nil { order.append(entityID) }
            mentions[entityID, default: 0] += 1
        }
        if !order.isEmpty {
            try db.execute("INSERT INTO document_entity (document_id, entity_id, mentions) SELECT $1, * FROM unnest($2::bigint[], $3::bigint[])",
                           [.int(documentID), .ints(order), .ints(order.map { Int64(mentions[$0] ?? 1) })])
        }
        // The collection's names: this document's spellings and aliases counted, each entity filed under its preferred
        // spelling whatever order the documents arrive in (the SQLite store's rules, ``CollectionNames``).
        try CollectionNames.recordDocument(entities, lookup: { label, key in cache[label.rawValue + "\u{1F}" + key] }, in: PostgresNameTables(db: db))
    }

    /// Backward resolution: a full name seen for the first time takes over the short-name entities of earlier
    /// documents that it is now the one full name for (the SQLite store's rule, ``NewsDatabase``).
    static func adoptShortNames(of fullName: String, entityID: Int64, surname: String, in db: SQLSession) throws {
        let shorts = try db.rows("""
            SELECT e.id, e.canonical FROM person_short_name s JOIN entity e ON e.id = s.entity_id WHERE s.surname = $1 ORDER BY e.id
            """, [.text(surname)])
        guard !shorts.isEmpty else { return }
        let known = try db.rows("""
            SELECT e.canonical FROM person_surname s JOIN entity e ON e.id = s.entity_id WHERE s.surname = $1 ORDER BY s.entity_id
            """, [.text(surname)]).map { try $0.requiredString("canonical") }
        for short in shorts {
            let shortName = try short.requiredString("canonical")
            guard NameResolver.fullName(forShortName: shortName, among: known) == fullName else { continue }
            let shortID = try short.int64("id")
            func renamed(_ name: String) -> String { name == shortName ? fullName : name }
            for link in try db.rows("SELECT document_id, mentions FROM document_entity WHERE entity_id = $1 ORDER BY document_id", [.int(shortID)]) {
                let documentID = try link.int64("document_id")
                try db.execute("""
                    INSERT INTO document_entity (document_id, entity_id, mentions) VALUES ($1, $2, $3)
                    ON CONFLICT (document_id, entity_id) DO UPDATE SET mentions = document_entity.mentions + excluded.mentions
                    """, [.int(documentID), .int(entityID), .int(Int64(try link.int("mentions")))])
                if let row = try db.row("SELECT text, layers FROM document WHERE id = $1", [.int(documentID)]) {
                    let layers = try NewsDatabase.layers(try row.data("layers"), text: try row.requiredString("text"), renamingPeople: renamed)
                    try db.execute("UPDATE document SET layers = $1 WHERE id = $2", [.bytes(layers), .int(documentID)])
                }
                for event in try db.rows("SELECT id, participants FROM event WHERE document_id = $1", [.int(documentID)]) {
                    let json = try event.requiredString("participants")
                    guard let participants = NewsDatabase.storeRenamedParticipants(json, renamed), participants != json else { continue }
                    try db.execute("UPDATE event SET participants = $1 WHERE id = $2", [.text(participants), .int(try event.int64("id"))])
                }
            }
            try db.execute("DELETE FROM entity WHERE id = $1", [.int(shortID)])
        }
    }
}

extension PostgresCollection {
    /// Drops the collection's schema with everything in it, so the next open starts an empty collection (benchmarks
    /// that rebuild it; never called by a user command).
    package func dropForBenchmark() throws {
        try session { db in try db.execute("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE") }
        pool.close()
    }
}

extension PostgresCollection {
    /// Migration pg-v3 (SQLite's v9): the PERSON entities that are a lone surname without a surname ending ("Байбек")
    /// are listed as short names, and each full name of the collection takes over those it is the one full name for
    /// (``adoptShortNames(of:entityID:surname:in:)``), as it would have at ingest.
    static func adoptLoneSurnames(in db: SQLSession) throws {
        let listed = Set(try db.rows("SELECT entity_id FROM person_short_name").map { try $0.int64("entity_id") })
        var surnames: Set<String> = []
        for person in try db.rows("SELECT id, canonical FROM entity WHERE label = 'PERSON' ORDER BY id") {
            let id = try person.int64("id"), canonical = try person.requiredString("canonical")
            guard !listed.contains(id), NameResolver.surnameOfFullName(canonical) == nil,
                  let surname = NameResolver.surnameOfShortName(canonical) else { continue }
            try db.execute("INSERT INTO person_short_name (surname, entity_id) VALUES ($1, $2)", [.text(surname), .int(id)])
            surnames.insert(surname)
        }
        for surname in surnames.sorted() {
            for full in try db.rows("""
                SELECT e.id, e.canonical FROM person_surname s JOIN entity e ON e.id = s.entity_id WHERE s.surname = $1 ORDER BY e.id
                """, [.text(surname)]) {
                try adoptShortNames(of: try full.requiredString("canonical"), entityID: try full.int64("id"), surname: surname, in: db)
            }
        }
    }
}
