import SearchStore

/// The PostgreSQL schema of a collection, in append-only migrations named like the SQLite store's (never edit a
/// registered migration, add a new one). They run in one transaction under an advisory lock, so several processes
/// opening a new database at once create it once.
enum PostgresSchema {
    /// One migration: its identifier, its statements, and what it computes in Swift from the stored rows after them
    /// (run in the same transaction, so a migration is applied whole or not at all).
    struct Migration: Sendable {
        var identifier: String
        var statements: [String]
        var fill: (@Sendable (SQLSession) throws -> Void)?
    }

    /// Lock key of the migrations (any constant distinct from ``PostgresCollection/writeLockKey``).
    static let migrationLockKey: Int64 = 0x7469_6C73_6869_0001

    /// The migrations in order: identifier and statements.
    static let migrations: [Migration] = [
        Migration(identifier: "pg-v1", statements: [
            """
            CREATE TABLE document (
                id BIGSERIAL PRIMARY KEY,
                external_id TEXT,
                title TEXT,
                text TEXT NOT NULL,
                url TEXT,
                source TEXT,
                published TEXT,
                month TEXT,
                language TEXT NOT NULL,
                content_hash TEXT NOT NULL UNIQUE,
                origin TEXT NOT NULL,
                ingested_at TIMESTAMPTZ NOT NULL,
                duplicate_of BIGINT REFERENCES document(id) ON DELETE SET NULL,
                similarity DOUBLE PRECISION,
                pipeline TEXT NOT NULL,
                layers BYTEA NOT NULL,
                -- The index terms the Swift analyser computed (IndexTermAnalyzer, as the SQLite index has them): the title's
                -- positions weighted A, the text's D after a gap, so a phrase never spans the two.
                terms TSVECTOR NOT NULL,
                -- Indexed positions of title and text together (BM25's document length).
                length INTEGER NOT NULL
            )
            """,
            "CREATE INDEX document_terms_gin ON document USING GIN (terms)",
            "CREATE INDEX document_source ON document (source)",
            "CREATE INDEX document_published ON document (published)",
            "CREATE INDEX document_month ON document (month)",
            "CREATE INDEX document_duplicate_of ON document (duplicate_of)",
            """
            CREATE TABLE entity (
                id BIGSERIAL PRIMARY KEY,
                label TEXT NOT NULL,
                canonical TEXT NOT NULL,
                key TEXT NOT NULL,
                UNIQUE (key, label)
            )
            """,
            """
            CREATE TABLE document_entity (
                document_id BIGINT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                entity_id BIGINT NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                mentions INTEGER NOT NULL,
                PRIMARY KEY (document_id, entity_id)
            )
            """,
            "CREATE INDEX document_entity_on_entity ON document_entity (entity_id, document_id)",
            """
            CREATE TABLE event (
                id BIGSERIAL PRIMARY KEY,
                document_id BIGINT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                title TEXT,
                time TEXT,
                place TEXT,
                participants TEXT NOT NULL,
                start_offset INTEGER NOT NULL,
                end_offset INTEGER NOT NULL
            )
            """,
            "CREATE INDEX event_document ON event (document_id)",
            "CREATE INDEX event_time ON event (time)",
            """
            CREATE TABLE minhash (
                document_id BIGINT PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
                signature SMALLINT[] NOT NULL
            )
            """,
            """
            CREATE TABLE minhash_band (
                key BIGINT NOT NULL,
                document_id BIGINT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                PRIMARY KEY (key, document_id)
            )
            """,
            """
            CREATE TABLE person_surname (
                surname TEXT NOT NULL,
                entity_id BIGINT NOT NULL REFERENCES entity(id) ON DELETE CASCADE
            )
            """,
            "CREATE INDEX person_surname_on_surname ON person_surname (surname)",
            """
            CREATE TABLE person_short_name (
                surname TEXT NOT NULL,
                entity_id BIGINT NOT NULL REFERENCES entity(id) ON DELETE CASCADE
            )
            """,
            "CREATE INDEX person_short_name_on_surname ON person_short_name (surname)",
            // BM25 needs the number of documents and of indexed positions: one row, updated by each ingest under the
            // write lock (so it costs no extra waiting), read by each search without a scan.
            "CREATE TABLE collection_totals (one BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one), documents BIGINT NOT NULL, positions BIGINT NOT NULL)",
            "INSERT INTO collection_totals (one, documents, positions) VALUES (TRUE, 0, 0)",
        ]),
        // The collection-level names of SQLite's schema v8 (``CollectionNames``, ``NameTables``): spellings counted per
        // entity, aliases in another script, name words for query expansion; filled from the stored documents' layers,
        // every entity filed under its preferred spelling. The fill takes the write lock too, so no writer of this
        // build is half-way through a document while the names are counted (writers take only that lock, and take the
        // migration lock only before their first write: no deadlock).
        Migration(identifier: "pg-v2", statements: [
            """
            CREATE TABLE entity_spelling (
                entity_id BIGINT NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                spelling TEXT NOT NULL,
                documents INTEGER NOT NULL,
                PRIMARY KEY (entity_id, spelling)
            )
            """,
            """
            CREATE TABLE entity_alias (
                entity_id BIGINT NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                alias TEXT NOT NULL,
                -- Lowercased (Unicode), for the entity list's name filter.
                key TEXT NOT NULL,
                documents INTEGER NOT NULL,
                PRIMARY KEY (entity_id, alias)
            )
            """,
            """
            CREATE TABLE entity_word (
                key TEXT NOT NULL,
                entity_id BIGINT NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                word TEXT NOT NULL,
                PRIMARY KEY (key, entity_id, word)
            )
            """,
            "CREATE INDEX entity_word_on_entity ON entity_word (entity_id)",
            "CREATE INDEX entity_alias_on_entity ON entity_alias (entity_id)",
            // Near-duplicates are few: the index only serves `duplicate_of = …` (a document's duplicates). Whole, it
            // also offered `duplicate_of IS NULL` (almost every row) as a way into a search, which the planner took
            // over the GIN index on a table without statistics and then tested every document's terms.
            "DROP INDEX document_duplicate_of",
            "CREATE INDEX document_duplicate_of ON document (duplicate_of) WHERE duplicate_of IS NOT NULL",
        ], fill: { db in
            try db.execute("SELECT pg_advisory_xact_lock($1)", [.int(PostgresCollection.writeLockKey)])
            try CollectionNames.refileAll(in: PostgresNameTables(db: db))
        }),
        // SQLite's v9: a lone surname without a surname ending ("Байбек") is a short name too, taken over by the one
        // full name of the collection it stands for, whichever document came first.
        Migration(identifier: "pg-v3", statements: [], fill: { db in
            try db.execute("SELECT pg_advisory_xact_lock($1)", [.int(PostgresCollection.writeLockKey)])
            try PostgresCollection.adoptLoneSurnames(in: db)
        }),
    ]
}
