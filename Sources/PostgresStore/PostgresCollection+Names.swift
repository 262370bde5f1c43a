import Foundation
import SearchStore
import TextModel

/// The ``NameTables`` of a PostgreSQL collection (`pg-v2`), on a session inside a transaction: the SQL of the
/// collection-level names, whose rules are ``CollectionNames``' (shared with the SQLite store).
struct PostgresNameTables: NameTables {
    let db: SQLSession

    // Each a single statement over arrays (`unnest`): a document's names cost a few round trips, not one per row.

    func addSpellings(_ rows: [(entityID: Int64, spelling: String)]) throws {
        guard !rows.isEmpty else { return }
        try db.execute("""
            INSERT INTO entity_spelling (entity_id, spelling, documents) SELECT e, s, 1 FROM unnest($1::bigint[], $2::text[]) AS u(e, s)
            ON CONFLICT (entity_id, spelling) DO UPDATE SET documents = entity_spelling.documents + 1
            """, [.ints(rows.map(\.entityID)), .texts(rows.map(\.spelling))])
    }

    func addAliases(_ rows: [(entityID: Int64, alias: String, key: String)]) throws {
        guard !rows.isEmpty else { return }
        try db.execute("""
            INSERT INTO entity_alias (entity_id, alias, key, documents) SELECT e, a, k, 1 FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(e, a, k)
            ON CONFLICT (entity_id, alias) DO UPDATE SET documents = entity_alias.documents + 1
            """, [.ints(rows.map(\.entityID)), .texts(rows.map(\.alias)), .texts(rows.map(\.key))])
    }

    func spellings(entityIDs: [Int64]) throws -> [Int64: [String: Int]] {
        var spellings: [Int64: [String: Int]] = [:]
        for row in try db.rows("SELECT entity_id, spelling, documents FROM entity_spelling WHERE entity_id = ANY($1)", [.ints(entityIDs)]) {
            spellings[try row.int64("entity_id"), default: [:]][try row.requiredString("spelling")] = try row.int("documents")
        }
        return spellings
    }

    func canonicals(entityIDs: [Int64]) throws -> [Int64: String] {
        var canonicals: [Int64: String] = [:]
        for row in try db.rows("SELECT id, canonical FROM entity WHERE id = ANY($1)", [.ints(entityIDs)]) {
            canonicals[try row.int64("id")] = try row.requiredString("canonical")
        }
        return canonicals
    }

    func setCanonical(_ canonical: String, entityID: Int64) throws {
        try db.execute("UPDATE entity SET canonical = $1 WHERE id = $2 AND canonical <> $1", [.text(canonical), .int(entityID)])
    }

    func addWords(_ rows: [(word: String, key: String, entityID: Int64)]) throws {
        guard !rows.isEmpty else { return }
        try db.execute("""
            INSERT INTO entity_word (key, entity_id, word) SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[]) ON CONFLICT DO NOTHING
            """, [.texts(rows.map(\.key)), .ints(rows.map(\.entityID)), .texts(rows.map(\.word))])
    }

    func words(key: String, limit: Int) throws -> [String] {
        // Byte order, as SQLite's: the same eight words on both backends when a key has more.
        try db.rows("SELECT DISTINCT word COLLATE \"C\" AS word FROM entity_word WHERE key = $1 ORDER BY 1 LIMIT $2", [.text(key), .int(limit)])
            .map { try $0.requiredString("word") }
    }

    func removeAllNames() throws {
        try db.execute("DELETE FROM entity_spelling")
        try db.execute("DELETE FROM entity_alias")
        try db.execute("DELETE FROM entity_word")
    }

    func entityIDs() throws -> [(label: String, key: String, id: Int64)] {
        try db.rows("SELECT id, label, key FROM entity").map { (try $0.requiredString("label"), try $0.requiredString("key"), try $0.int64("id")) }
    }

    func documents(after id: Int64, limit: Int) throws -> [(id: Int64, text: String, layers: Data)] {
        try db.rows("SELECT id, text, layers FROM document WHERE id > $1 ORDER BY id LIMIT $2", [.int(id), .int(limit)]).map {
            (try $0.int64("id"), try $0.requiredString("text"), try $0.data("layers"))
        }
    }

    func entitiesWithSpellings() throws -> [Int64] {
        try db.rows("SELECT DISTINCT entity_id FROM entity_spelling ORDER BY entity_id").map { try $0.int64("entity_id") }
    }
}

extension PostgresCollection {
    /// Names of the collection a capitalised query word may stand for (``CollectionNames/expansions(of:in:)``), as
    /// ``NewsDatabase/nameExpansions(of:)`` finds them in a SQLite collection.
    public func nameExpansions(of word: String) throws -> [String] {
        guard !CollectionNames.expansionKeys(of: word).isEmpty else { return [] }
        return try session { db in try CollectionNames.expansions(of: word, in: PostgresNameTables(db: db)) }
    }

    /// Re-resolves the names of the collection: counts the spellings and aliases of every stored document again and files
    /// each entity under its preferred spelling (`tilshi reindex`), in one transaction under the write lock. Returns how
    /// many entities changed their canonical name.
    @discardableResult
    public func reresolveNames() throws -> Int {
        try session { db in
            try db.transaction {
                try db.execute("SELECT pg_advisory_xact_lock($1)", [.int(Self.writeLockKey)])
                var before: [Int64: String] = [:]
                for row in try db.rows("SELECT id, canonical FROM entity") { before[try row.int64("id")] = try row.requiredString("canonical") }
                try CollectionNames.refileAll(in: PostgresNameTables(db: db))
                return try db.rows("SELECT id, canonical FROM entity").filter { before[try $0.int64("id")] != (try $0.requiredString("canonical")) }.count
            }
        }
    }

    /// The aliases (spellings in another script) of entity `id`, most documents first.
    public func aliases(ofEntity id: Int64) throws -> [String] {
        try session { db in
            try db.rows("SELECT alias FROM entity_alias WHERE entity_id = $1 ORDER BY documents DESC, alias COLLATE \"C\"", [.int(id)])
                .map { try $0.requiredString("alias") }
        }
    }
}

extension PostgresCollection {
    /// Derives every stored document's index terms again with today's rules (``NewsDatabase/derivedPositions(title:text:pipeline:layers:documentID:)``,
    /// the SQLite re-index's own derivation) and rewrites the `tsvector`s that differ (`tilshi reindex`). A page of
    /// documents is analysed outside any transaction, then written in one transaction under the write lock, with the
    /// collection's position total kept right. Returns how many documents were rewritten.
    @discardableResult
    public func reindex() throws -> Int {
        var changed = 0
        var lastID: Int64 = 0
        while true {
            let page = try session { db in
                try db.rows("SELECT id, title, text, pipeline, layers FROM document WHERE id > $1 ORDER BY id LIMIT 256", [.int(lastID)]).map {
                    (id: try $0.int64("id"), title: try $0.string("title"), text: try $0.requiredString("text"), pipeline: try $0.requiredString("pipeline"),
                     layers: try $0.data("layers"))
                }
            }
            guard let last = page.last else { break }
            lastID = last.id
            let vectors = try page.map { item in
                let positions = try NewsDatabase.derivedPositions(title: item.title, text: item.text, pipeline: item.pipeline, layers: item.layers, documentID: item.id)
                return Self.termVector(title: positions.title, text: positions.text)
            }
            changed += try session { db in
                try db.transaction {
                    try db.execute("SELECT pg_advisory_xact_lock($1)", [.int(Self.writeLockKey)])
                    var rewritten = 0
                    for (item, vector) in zip(page, vectors) {
                        guard let row = try db.row("""
                            WITH old AS (SELECT id, length FROM document WHERE id = $3 AND terms <> $1::tsvector)
                            UPDATE document d SET terms = $1::tsvector, length = $2 FROM old WHERE d.id = old.id RETURNING old.length AS old_length
                            """, [.text(vector.vector), .int(vector.length), .int(item.id)]) else { continue }
                        try db.execute("UPDATE collection_totals SET positions = positions + $1", [.int(vector.length - (try row.int("old_length")))])
                        rewritten += 1
                    }
                    return rewritten
                }
            }
        }
        return changed
    }
}
