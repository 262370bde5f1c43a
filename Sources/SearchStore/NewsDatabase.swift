import Analysis
import Foundation
public import GRDB
import NewsSources
public import Pipeline
import TextModel

/// The news collection: one SQLite database (via GRDB) holding documents, their analysis layers,
/// entities, near-duplicate links and a Kazakh full-text index.
///
/// One `Sendable` value owns the database writer; `init` runs the migrations. Every write is a
/// method named for its intent (``ingest(_:)``), every read returns a `Codable` value, so the CLI
/// and the HTTP server share one API. Opened from a file it uses WAL mode, so readers (a running
/// server) keep working while an ingest writes.
public struct NewsDatabase: Sendable {
    /// How a collection analyses, links and searches; one value, given when the collection is opened.
    public struct Configuration: Sendable {
        /// Pipeline run on every ingested document; its layers are stored.
        public var pipeline: Pipeline
        /// Estimated Jaccard similarity of lemma shingles from which a new document is linked to an older one.
        public var nearDuplicateThreshold: Double
        /// Matches ranked by BM25 first when a query matches more documents: the newest this many (by id,
        /// that is ingest order). The rest follow, ranked among themselves, so paging still reaches every
        /// match. BM25 costs a little per match; a word found in tens of thousands of articles would
        /// otherwise be scored in all of them to show ten, and for so common a word the newest articles
        /// are the useful ones.
        public var rankingTier: Int
        /// Matches counted exactly; beyond this many a search reports ``SearchResults/totalIsExact`` false and this
        /// number as its total ("more than 10,000"). Zero or less counts every match.
        public var exactTotalLimit: Int
        /// Documents ingested keep their token layer (paragraphs, sentences, tokens with lemmas and morphology), so
        /// ``NewsDatabase/document(id:withTokens:)`` reads back the tokens that the stored facts were found on (their
        /// token ranges index them) instead of running a pipeline again, which may since have changed. On by default;
        /// off saves the layer's room (about a quarter of a collection's size, see BENCHMARKS.md).
        public var storesTokens: Bool

        /// Creates a configuration; the defaults are those of `tilshi` and the server.
        public init(
            pipeline: Pipeline = .default, nearDuplicateThreshold: Double = 0.5, rankingTier: Int = 1_000, exactTotalLimit: Int = 10_000,
            storesTokens: Bool = true
        ) {
            self.pipeline = pipeline
            self.nearDuplicateThreshold = nearDuplicateThreshold
            self.rankingTier = rankingTier
            self.exactTotalLimit = exactTotalLimit
            self.storesTokens = storesTokens
        }
    }

    /// The underlying GRDB writer (a `DatabasePool` for files, a `DatabaseQueue` in memory). Not public: callers
    /// outside the store use the intent-named methods; the store's own extensions (other files) read it.
    let writer: any DatabaseWriter
    /// How the collection analyses, links and searches, as given when it was opened.
    public let configuration: Configuration
    let minHash = MinHash()
    let termAnalyzer = IndexTermAnalyzer()
    /// Totals and facets of recent searches (see ``SearchSummaryCache``).
    let searchSummaries = SearchSummaryCache()

    /// Pipeline run on every ingested document; its layers are stored.
    public var pipeline: Pipeline { configuration.pipeline }
    /// See ``Configuration/nearDuplicateThreshold``.
    public var nearDuplicateThreshold: Double { configuration.nearDuplicateThreshold }
    /// See ``Configuration/rankingTier``.
    public var rankingTier: Int { configuration.rankingTier }
    /// See ``Configuration/exactTotalLimit``.
    public var exactTotalLimit: Int { configuration.exactTotalLimit }

    /// Opens a collection on `writer` and brings its schema up to date.
    public init(_ writer: any DatabaseWriter, configuration: Configuration = Configuration()) throws {
        self.writer = writer
        self.configuration = configuration
        try Self.migrate(writer)
    }

    /// Runs the migrations, safe when other processes open the same file at the same moment.
    ///
    /// GRDB's migrator reads the list of applied migrations outside the transaction that runs each one, so two
    /// processes creating a new collection both run `v1` and the second fails ("table document already exists").
    /// Each migration runs in its own `BEGIN IMMEDIATE` transaction, so the loser's failed attempt is rolled back
    /// whole; it then runs again, now seeing the other's work, and does only what is left. A failure while no other
    /// connection applied anything is the migration's own and is thrown at once.
    static func migrate(_ writer: any DatabaseWriter) throws {
        let migrator = Self.migrator
        var attempts = 0
        while true {
            let before = try writer.read { try migrator.appliedIdentifiers($0) }
            do {
                try migrator.migrate(writer)
                return
            } catch {
                attempts += 1
                let after = try writer.read { try migrator.appliedIdentifiers($0) }
                // Each retry follows progress by another connection, so the number of migrations bounds it.
                guard after != before, attempts <= 4 * migrator.migrations.count else { throw error }
            }
        }
    }

    /// Opens (or creates) the collection in the file at `path`, in WAL mode.
    public static func open(path: String, configuration: Configuration = Configuration()) throws -> NewsDatabase {
        let pool = try DatabasePool(path: path, configuration: makeConfiguration())
        return try NewsDatabase(pool, configuration: configuration)
    }

    /// A fresh collection in memory (tests, benchmarks).
    public static func inMemory(configuration: Configuration = Configuration()) throws -> NewsDatabase {
        try NewsDatabase(DatabaseQueue(configuration: makeConfiguration()), configuration: configuration)
    }

    /// Merges the full-text index into one segment and rebuilds the file without free pages: run it
    /// after a large ingest (it rewrites the whole database, so readers wait).
    public func compact() throws {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "INSERT INTO document_fts(document_fts) VALUES('optimize')")
            try db.execute(sql: "VACUUM")
            try db.checkpoint(.truncate)
        }
    }

    /// The configuration every connection needs: the Kazakh FTS5 tokenizer must be registered on
    /// each one, or the full-text table cannot be read or written.
    public static func makeConfiguration(_ base: GRDB.Configuration = GRDB.Configuration()) -> GRDB.Configuration {
        var configuration = base
        configuration.foreignKeysEnabled = true
        // Concurrent writers (several `tilshi ingest`, or one beside a server's POSTs) take turns, one file's
        // transaction each; 10 s was too short for four debug-build writers on a loaded machine ("database is
        // locked" on BEGIN IMMEDIATE, scripts/crash-and-load.sh). Readers of a WAL database never wait for it.
        configuration.busyMode = .timeout(60)
        configuration.prepareDatabase { db in
            db.add(tokenizer: KazakhFTS5Tokenizer.self)
            RankFunction.register(db)
            db.add(function: StoredText.utf8LengthFunction)
            // 32 KiB pages: article-sized rows (2–8 KB) leave a fifth of 4–8 KiB pages unused, under 5 % of
            // 32 KiB ones (takes effect only on a new database). The page cache is sized in KiB to match.
            try db.execute(sql: "PRAGMA page_size = 32768")
            // Reads go through a memory map of the file (no copy into the page cache): a search touches
            // many index pages once, and the operating system's cache already holds them.
            try db.execute(sql: "PRAGMA mmap_size = 1073741824")
            if db.configuration.readonly {
                try db.execute(sql: "PRAGMA cache_size = -16384")
            } else {
                // The writer keeps the FTS5 index's pages of a large ingest in memory (64 MiB, one connection).
                try db.execute(sql: "PRAGMA cache_size = -65536")
                // WAL + NORMAL: a crash loses at most the last transactions, never consistency.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
        }
        return configuration
    }

    /// The schema, in append-only migrations: never edit a registered migration, add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        #if DEBUG
        migrator.eraseDatabaseOnSchemaChange = false // keep test fixtures and user data in debug builds
        #endif
        migrator.registerMigration("v1") { db in
            try db.create(table: "document") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("externalID", .text)
                t.column("title", .text)
                t.column("text", .text).notNull()
                t.column("url", .text)
                t.column("source", .text).indexed()
                t.column("published", .text).indexed()
                t.column("month", .text).indexed()
                t.column("language", .text).notNull()
                t.column("contentHash", .text).notNull().unique()
                t.column("origin", .text).notNull()
                t.column("ingestedAt", .datetime).notNull()
                t.column("duplicateOf", .integer).indexed().references("document", onDelete: .setNull)
                t.column("similarity", .double)
                t.column("pipeline", .text).notNull()
                t.column("layers", .text).notNull()
            }
            try db.create(virtualTable: "document_fts", using: FTS5()) { t in
                t.synchronize(withTable: "document")
                t.tokenizer = KazakhFTS5Tokenizer.tokenizerDescriptor()
                t.column("title")
                t.column("text")
            }
            try db.create(table: "entity") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("label", .text).notNull()
                t.column("canonical", .text).notNull()
                t.column("key", .text).notNull()
                t.uniqueKey(["key", "label"])
            }
            try db.create(table: "mention") { t in
                t.column("documentID", .integer).notNull().indexed().references("document", onDelete: .cascade)
                t.column("entityID", .integer).notNull().references("entity", onDelete: .cascade)
                t.column("text", .text).notNull()
                t.column("start", .integer).notNull()
                t.column("end", .integer).notNull()
            }
            try db.create(index: "mention_on_entity", on: "mention", columns: ["entityID", "documentID"])
            try db.create(table: "event") { t in
                t.column("documentID", .integer).notNull().indexed().references("document", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("title", .text)
                t.column("time", .text).indexed()
                t.column("place", .text)
                t.column("participants", .text).notNull()
                t.column("start", .integer).notNull()
                t.column("end", .integer).notNull()
            }
            try db.create(table: "minhash") { t in
                t.primaryKey("documentID", .integer).references("document", onDelete: .cascade)
                t.column("signature", .blob).notNull()
            }
            // LSH band keys: documents sharing a key are near-duplicate candidates.
            try db.create(table: "minhash_band", options: .withoutRowID) { t in
                t.column("key", .integer).notNull()
                t.column("documentID", .integer).notNull().references("document", onDelete: .cascade)
                t.primaryKey(["key", "documentID"])
            }
        }
        migrator.registerMigration("v2-compact-layers") { db in
            try migrateToCompactLayers(db)
        }
        migrator.registerMigration("v3-name-stem-terms") { db in
            try reindexWithNameKeys(db)
        }
        migrator.registerMigration("v4-term-vocabulary") { db in
            // The index's own term list, read for the number of documents holding a query term (ranking and the
            // lower bound of a count); holds no data of its own.
            try db.execute(sql: "CREATE VIRTUAL TABLE document_fts_vocabulary USING fts5vocab(document_fts, row)")
        }
        migrator.registerMigration("v5-person-surnames") { db in
            // Full person names by lower-cased surname: a short name in a later document ("Н.Ә. Назарбаев") finds
            // the one full name it stands for without scanning every entity.
            try Self.createPersonSurnameTable(db, named: "person_surname") { NameResolver.surnameOfFullName($0) }
        }
        migrator.registerMigration("v6-person-short-names") { db in
            // Short person names ("Б. Байбек", a lone "Байбек") that no full name of the collection explained when they
            // were stored, by lower-cased surname: a full name that arrives later takes them over.
            try Self.createPersonSurnameTable(db, named: "person_short_name") { canonical in
                NameResolver.surnameOfFullName(canonical) == nil ? NameResolver.surnameOfShortName(canonical) : nil
            }
        }
        migrator.registerMigration("v7-index-term-streams") { db in
            // The index is fed the terms computed at ingest (term streams in `document_terms`), never article texts.
            try migrateToTermStreams(db)
        }
        migrator.registerMigration("v8-entity-names") { db in
            // Canonical names chosen from every document (not the first to arrive), aliases in other scripts, and the
            // words of names a query in another form is looked up by.
            try createEntityNameTables(db)
        }
        migrator.registerMigration("v9-lone-surnames") { db in
            // A lone surname without a surname ending ("Байбек") is a short name too: listed, and taken over by the
            // one full name of the collection it stands for, whichever document came first.
            try adoptLoneSurnames(db)
        }
        return migrator
    }

    /// Version 9 of the schema: the PERSON entities that are a lone surname without a surname ending ("Байбек"), which
    /// versions 6–8 did not count as short names, are listed in `person_short_name`, and each full name of the
    /// collection takes over those it is the one full name for (``adoptShortNames(of:entityID:surname:in:)``), as it
    /// would have at ingest.
    static func adoptLoneSurnames(_ db: Database) throws {
        let listed = Set(try Int64.fetchAll(db, sql: "SELECT entityID FROM person_short_name"))
        var surnames: Set<String> = []
        for person in try Row.fetchAll(db, sql: "SELECT id, canonical FROM entity WHERE label = 'PERSON' ORDER BY id") {
            let id: Int64 = person["id"], canonical: String = person["canonical"]
            guard !listed.contains(id), NameResolver.surnameOfFullName(canonical) == nil,
                  let surname = NameResolver.surnameOfShortName(canonical) else { continue }
            try db.execute(sql: "INSERT INTO person_short_name (surname, entityID) VALUES (?, ?)", arguments: [surname, id])
            surnames.insert(surname)
        }
        for surname in surnames.sorted() {
            let fullNames = try Row.fetchAll(db, sql: """
                SELECT e.id, e.canonical FROM person_surname s JOIN entity e ON e.id = s.entityID WHERE s.surname = ? ORDER BY e.id
                """, arguments: [surname])
            for full in fullNames { try adoptShortNames(of: full["canonical"], entityID: full["id"], surname: surname, in: db) }
        }
        // Migrations run with foreign keys off, so the deleted short entities' rows did not cascade: remove them here.
        for table in ["document_entity", "person_surname", "person_short_name", "entity_spelling", "entity_alias", "entity_word"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE entityID NOT IN (SELECT id FROM entity)")
        }
    }

    /// Creates a table of person entities by lower-cased surname (`surname`, `entityID`, indexed on `surname`) and
    /// fills it from the stored PERSON entities whose canonical name `surname` gives a key for.
    private static func createPersonSurnameTable(_ db: Database, named table: String, surname: (String) -> String?) throws {
        try db.create(table: table) { t in
            t.column("surname", .text).notNull()
            t.column("entityID", .integer).notNull().references("entity", onDelete: .cascade)
        }
        try db.create(index: "\(table)_on_surname", on: table, columns: ["surname"])
        let people = try Row.fetchAll(db, sql: "SELECT id, canonical FROM entity WHERE label = 'PERSON'")
        for person in people {
            guard let key = surname(person["canonical"]) else { continue }
            try db.execute(sql: "INSERT INTO \(table) (surname, entityID) VALUES (?, ?)", arguments: [key, person["id"] as Int64])
        }
    }

    /// Version 3 of the schema: the full-text index gained the ``NameStem`` key of every capitalised word and was rebuilt
    /// from the stored texts. Since version 7 the index is built from term streams (``migrateToTermStreams(_:)``, which
    /// derives them with name keys) and the tables of versions 1–6 index nothing, so this step only empties the old index.
    static func reindexWithNameKeys(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO document_fts(document_fts) VALUES('delete-all')")
    }

    /// Version 2 of the schema, the one that keeps the database under twice the size of its text:
    /// texts are stored in their compact form (``StoredText``) and layers as compact binary blobs
    /// (``LayerBlob``), which are the one place mentions live; the per-mention table (its text, offsets
    /// and two indexes repeated what the layers hold) gives way to `document_entity`, one row per entity
    /// and document with its number of mentions; the FTS5 update trigger now fires only when an indexed
    /// column changes.
    static func migrateToCompactLayers(_ db: Database) throws {
        // Rewriting stored forms does not change what the index holds: no trigger while they are rewritten.
        try db.execute(sql: #"DROP TRIGGER "__document_fts_au""#)
        // Pairs are looked up both ways: a document's entities (facets, related entities) and an entity's documents.
        try db.create(table: "document_entity", options: .withoutRowID) { t in
            t.column("documentID", .integer).notNull().references("document", onDelete: .cascade)
            t.column("entityID", .integer).notNull().references("entity", onDelete: .cascade)
            t.column("mentions", .integer).notNull()
            t.primaryKey(["documentID", "entityID"])
        }
        try db.create(index: "document_entity_on_entity", on: "document_entity", columns: ["entityID", "documentID"])
        try db.execute(sql: """
            INSERT INTO document_entity (documentID, entityID, mentions)
            SELECT documentID, entityID, COUNT(*) FROM mention GROUP BY documentID, entityID;
            DROP TABLE mention;
            """)
        // The month index served no query (month facets group the rows of a result set, read by id).
        try db.execute(sql: "DROP INDEX IF EXISTS document_on_month")

        // A page of documents at a time, so a large collection is converted in bounded memory.
        var lastID: Int64 = 0
        while true {
            let rows = try Row.fetchAll(db, sql: "SELECT id, text, layers FROM document WHERE id > ? ORDER BY id LIMIT 500", arguments: [lastID])
            guard let last = rows.last else { break }
            lastID = last["id"]
            for row in rows {
                let id: Int64 = row["id"]
                let text = try StoredText.text(row["text"], documentID: id)
                var document = Document(id: String(id), text: text)
                let legacy: String = row["layers"] ?? "{}"
                do {
                    try JSONDecoder().decode(LegacyJSONLayers.self, from: Data(legacy.utf8)).apply(to: &document)
                } catch {
                    throw LayerBlob.CorruptLayers(documentID: id, reason: "JSON layers unreadable while migrating: \(error)")
                }
                try db.execute(
                    sql: "UPDATE document SET text = ?, layers = ? WHERE id = ?",
                    arguments: [StoredText.databaseValue(text), LayerBlob.encode(document), id]
                )
            }
        }
        try db.execute(sql: """
            CREATE TRIGGER "__document_fts_au" AFTER UPDATE OF title, text ON document BEGIN
                INSERT INTO document_fts(document_fts, rowid, title, text) VALUES('delete', old.id, old.title, old.text);
                INSERT INTO document_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
            END
            """)
    }
}
