import Analysis
import Foundation
import GRDB
import KazakhData
import TextModel

/// Collection-level names of entities (schema v8) in the SQLite file: the tables of ``NameTables`` in GRDB, and the
/// public entry points. The rules (which spelling, which words, which expansions) are ``CollectionNames``', shared
/// with the PostgreSQL backend.
extension NewsDatabase {
    /// The canonical spelling among `spellings` (spelling → documents): see ``CollectionNames/preferredSpelling(_:)``.
    public static func preferredSpelling(_ spellings: [String: Int]) -> String? { CollectionNames.preferredSpelling(spellings) }

    /// The lookup key of a name word (``CollectionNames/wordKey(_:)``): "Токаев", "Тоқаев" and "Toqaev" share one.
    public static func wordKey(_ word: String) -> String { CollectionNames.wordKey(word) }

    /// Counts one document's spellings and aliases of its entities and files each under its preferred spelling.
    static func recordNames(of entities: [Entity], lookup: (EntityLabel, String) -> Int64?, in db: Database) throws {
        try CollectionNames.recordDocument(entities, lookup: lookup, in: SQLiteNameTables(db: db))
    }

    // MARK: Query expansion

    /// Names of the collection a capitalised query word may stand for, in their canonical spelling
    /// (``CollectionNames/expansions(of:in:)``): the word itself folded ("Токаев", "Tokayev" → Тоқаев), or, for a word with
    /// no Kazakh-only letter, the word with a Russian case ending replaced by its nominative ("Досаеву", "Токаева" →
    /// Досаев, Тоқаев; `russian-case-endings.tsv`). Only words the collection holds in a person's, place's or
    /// organisation's name are returned; the word's own spelling is not.
    public func nameExpansions(of word: String) throws -> [String] {
        guard !CollectionNames.expansionKeys(of: word).isEmpty else { return [] }
        return try writer.read { db in try CollectionNames.expansions(of: word, in: SQLiteNameTables(db: db)) }
    }

    // MARK: Schema v8 and re-resolution

    /// Version 8 of the schema: the tables of entity spellings, aliases and name words, filled from the stored documents'
    /// entity layers, and every entity filed under its preferred spelling.
    static func createEntityNameTables(_ db: Database) throws {
        try db.create(table: "entity_spelling", options: .withoutRowID) { t in
            t.column("entityID", .integer).notNull().references("entity", onDelete: .cascade)
            t.column("spelling", .text).notNull()
            t.column("documents", .integer).notNull()
            t.primaryKey(["entityID", "spelling"])
        }
        try db.create(table: "entity_alias", options: .withoutRowID) { t in
            t.column("entityID", .integer).notNull().references("entity", onDelete: .cascade)
            t.column("alias", .text).notNull()
            // Lowercased (Unicode), for the entity list's name filter.
            t.column("key", .text).notNull()
            t.column("documents", .integer).notNull()
            t.primaryKey(["entityID", "alias"])
        }
        try db.create(table: "entity_word", options: .withoutRowID) { t in
            t.column("key", .text).notNull()
            t.column("entityID", .integer).notNull().references("entity", onDelete: .cascade)
            t.column("word", .text).notNull()
            t.primaryKey(["key", "entityID", "word"])
        }
        try db.create(index: "entity_word_on_entity", on: "entity_word", columns: ["entityID"])
        try db.create(index: "entity_alias_on_entity", on: "entity_alias", columns: ["entityID"])
        try CollectionNames.refileAll(in: SQLiteNameTables(db: db))
    }

    /// Re-resolves the names of an existing collection: counts the spellings and aliases of every stored document
    /// again and files each entity under its preferred spelling (`tilshi reindex` runs it). Returns how many entities
    /// changed their canonical name.
    @discardableResult
    public func reresolveNames() throws -> Int {
        try writer.write { db in
            let before = Dictionary(try Row.fetchAll(db, sql: "SELECT id, canonical FROM entity").map { ($0["id"] as Int64, $0["canonical"] as String) },
                                    uniquingKeysWith: { first, _ in first })
            try CollectionNames.refileAll(in: SQLiteNameTables(db: db))
            let after = try Row.fetchAll(db, sql: "SELECT id, canonical FROM entity")
            return after.filter { before[$0["id"] as Int64] != $0["canonical"] as String }.count
        }
    }

    /// The aliases (spellings in another script) of entity `id`, most documents first.
    public func aliases(ofEntity id: Int64) throws -> [String] {
        try writer.read { db in
            try String.fetchAll(db, sql: "SELECT alias FROM entity_alias WHERE entityID = ? ORDER BY documents DESC, alias", arguments: [id])
        }
    }
}

/// The ``NameTables`` of a SQLite collection, on a connection inside a transaction.
struct SQLiteNameTables: NameTables {
    let db: Database

    func addSpellings(_ rows: [(entityID: Int64, spelling: String)]) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO entity_spelling (entityID, spelling, documents) VALUES (?, ?, 1)
            ON CONFLICT(entityID, spelling) DO UPDATE SET documents = documents + 1
            """)
        for row in rows { try statement.execute(arguments: [row.entityID, row.spelling]) }
    }

    func addAliases(_ rows: [(entityID: Int64, alias: String, key: String)]) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO entity_alias (entityID, alias, key, documents) VALUES (?, ?, ?, 1)
            ON CONFLICT(entityID, alias) DO UPDATE SET documents = documents + 1
            """)
        for row in rows { try statement.execute(arguments: [row.entityID, row.alias, row.key]) }
    }

    func spellings(entityIDs: [Int64]) throws -> [Int64: [String: Int]] {
        let statement = try db.cachedStatement(sql: "SELECT spelling, documents FROM entity_spelling WHERE entityID = ?")
        var spellings: [Int64: [String: Int]] = [:]
        for entityID in entityIDs {
            for row in try Row.fetchAll(statement, arguments: [entityID]) { spellings[entityID, default: [:]][row["spelling"]] = row["documents"] }
        }
        return spellings
    }

    func canonicals(entityIDs: [Int64]) throws -> [Int64: String] {
        let statement = try db.cachedStatement(sql: "SELECT canonical FROM entity WHERE id = ?")
        var canonicals: [Int64: String] = [:]
        for entityID in entityIDs { canonicals[entityID] = try String.fetchOne(statement, arguments: [entityID]) }
        return canonicals
    }

    func setCanonical(_ canonical: String, entityID: Int64) throws {
        try db.cachedStatement(sql: "UPDATE entity SET canonical = ? WHERE id = ? AND canonical != ?").execute(arguments: [canonical, entityID, canonical])
    }

    func addWords(_ rows: [(word: String, key: String, entityID: Int64)]) throws {
        let statement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO entity_word (key, entityID, word) VALUES (?, ?, ?)")
        for row in rows { try statement.execute(arguments: [row.key, row.entityID, row.word]) }
    }

    func words(key: String, limit: Int) throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT word FROM entity_word WHERE key = ? ORDER BY word LIMIT ?"), arguments: [key, limit])
    }

    func removeAllNames() throws {
        try db.execute(sql: "DELETE FROM entity_spelling; DELETE FROM entity_alias; DELETE FROM entity_word")
    }

    func entityIDs() throws -> [(label: String, key: String, id: Int64)] {
        try Row.fetchAll(db, sql: "SELECT id, label, key FROM entity").map { ($0["label"], $0["key"], $0["id"]) }
    }

    func documents(after id: Int64, limit: Int) throws -> [(id: Int64, text: String, layers: Data)] {
        try Row.fetchAll(db, sql: "SELECT id, text, layers FROM document WHERE id > ? ORDER BY id LIMIT ?", arguments: [id, limit]).map { row in
            let documentID: Int64 = row["id"]
            return (documentID, try StoredText.text(row["text"], documentID: documentID), row["layers"])
        }
    }

    func entitiesWithSpellings() throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT DISTINCT entityID FROM entity_spelling ORDER BY entityID")
    }
}
