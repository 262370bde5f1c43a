import Analysis
import Foundation
import GRDB
import KazakhData
import TextModel

/// Collection-level names of entities (schema v8): the spelling an entity is filed under, chosen from every document
/// that names it so that it does not depend on the order documents arrived in; the original spellings of names written
/// in another script (aliases); and the words of names, folded, that a query word in another form (a Russian case form,
/// a Latin spelling) is looked up by.
///
/// Tables: `entity_spelling` (entity, spelling as the analysis gave it, number of documents), `entity_alias` (entity,
/// mention as written in Latin or Arabic script, lowercased, number of documents) and `entity_word` (folded word, entity, the word of
/// the canonical name it stands for).
extension NewsDatabase {
    // MARK: Choosing the canonical spelling

    /// The canonical spelling among `spellings` (spelling → documents): the one most documents use; on a tie, a spelling
    /// in title case before mixed, lower and all-capital ones ("Астана" before "АСТАНА"), then the smallest in code-point
    /// order. A pure function of the counts, so any ingest order of the same documents gives the same name.
    public static func preferredSpelling(_ spellings: [String: Int]) -> String? {
        spellings.min { left, right in
            if left.value != right.value { return left.value > right.value }
            let (a, b) = (caseRank(left.key), caseRank(right.key))
            if a != b { return a < b }
            return left.key.unicodeScalars.lexicographicallyPrecedes(right.key.unicodeScalars)
        }?.key
    }

    /// 0 title case (every word's first letter upper, the rest lower), 1 mixed, 2 lower case, 3 all capitals.
    static func caseRank(_ spelling: String) -> Int {
        let letters = spelling.unicodeScalars.filter(\.properties.isAlphabetic)
        guard !letters.isEmpty else { return 1 }
        if letters.allSatisfy(\.properties.isUppercase) && letters.count > 1 { return 3 }
        if letters.allSatisfy(\.properties.isLowercase) { return 2 }
        let words = spelling.split(whereSeparator: { $0 == " " || $0 == "-" })
        let titled = words.allSatisfy { word in
            let scalars = word.unicodeScalars.filter(\.properties.isAlphabetic)
            guard let first = scalars.first else { return true }
            return first.properties.isUppercase && scalars.dropFirst().allSatisfy(\.properties.isLowercase)
        }
        return titled ? 0 : 1
    }

    // MARK: Recording names at ingest

    /// Counts one document's spellings and aliases of `entityID` and files the entity under its preferred spelling.
    /// `spellings` and `aliases` are the distinct ones of that document.
    static func recordNames(entityID: Int64, label: EntityLabel, spellings: Set<String>, aliases: Set<String>, in db: Database) throws {
        for spelling in spellings {
            try db.cachedStatement(sql: """
                INSERT INTO entity_spelling (entityID, spelling, documents) VALUES (?, ?, 1)
                ON CONFLICT(entityID, spelling) DO UPDATE SET documents = documents + 1
                """).execute(arguments: [entityID, spelling])
        }
        for alias in aliases {
            try db.cachedStatement(sql: """
                INSERT INTO entity_alias (entityID, alias, key, documents) VALUES (?, ?, ?, 1)
                ON CONFLICT(entityID, alias) DO UPDATE SET documents = documents + 1
                """).execute(arguments: [entityID, alias, alias.lowercased()])
        }
        let spellingCount = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM entity_spelling WHERE entityID = ?"), arguments: [entityID]) ?? 0
        if spellingCount > 1 { try refileCanonical(entityID: entityID, in: db) }
        guard label == .person || label.isPlace || label.isOrganisation else { return }
        // Words of the canonical name and of the aliases, for query expansion (``nameExpansions(of:)``).
        guard let canonical = try String.fetchOne(db.cachedStatement(sql: "SELECT canonical FROM entity WHERE id = ?"), arguments: [entityID]) else { return }
        let insertWord = try db.cachedStatement(sql: "INSERT OR IGNORE INTO entity_word (key, entityID, word) VALUES (?, ?, ?)")
        let canonicalWords = Self.nameWords(canonical)
        for word in canonicalWords {
            try insertWord.execute(arguments: [Self.wordKey(word), entityID, word])
        }
        for alias in aliases {
            let aliasWords = Self.nameWords(alias)
            for (index, word) in aliasWords.enumerated() {
                // An alias word stands for the canonical word at its place, or for the last (the surname, the head).
                let target = aliasWords.count == canonicalWords.count ? canonicalWords[index] : canonicalWords.last
                guard let target else { continue }
                try insertWord.execute(arguments: [Self.wordKey(word), entityID, target])
            }
        }
    }

    /// Sets the entity's canonical name to its preferred spelling (``preferredSpelling(_:)``) when it differs.
    static func refileCanonical(entityID: Int64, in db: Database) throws {
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT spelling, documents FROM entity_spelling WHERE entityID = ?"), arguments: [entityID])
        var spellings: [String: Int] = [:]
        for row in rows { spellings[row["spelling"]] = row["documents"] }
        guard let preferred = preferredSpelling(spellings) else { return }
        try db.cachedStatement(sql: "UPDATE entity SET canonical = ? WHERE id = ? AND canonical != ?").execute(arguments: [preferred, entityID, preferred])
    }

    /// The words of a name that a query word may stand for: three letters or more, as written.
    static func nameWords(_ name: String) -> [String] {
        name.split(separator: " ").map(String.init).filter { $0.unicodeScalars.filter(\.properties.isAlphabetic).count >= 3 }
    }

    /// The lookup key of a name word: folded to Cyrillic (Latin and Arabic script), lowercased, with the Kazakh-only
    /// letters folded to their Russian look-alikes, so "Токаев", "Тоқаев" and "Toqaev" share one key.
    public static func wordKey(_ word: String) -> String {
        let cyrillic = ScriptFolding.cyrillic(word) ?? word.lowercased()
        var out = String.UnicodeScalarView()
        for scalar in cyrillic.unicodeScalars {
            switch scalar {
            case "ә": out.append("а")
            case "ғ": out.append("г")
            case "қ": out.append("к")
            case "ң": out.append("н")
            case "ө": out.append("о")
            case "ұ", "ү": out.append("у")
            case "һ": out.append("х")
            case "і": out.append("и")
            case "ё": out.append("е")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether a mention is written in another script than its canonical name (Latin or Arabic against Cyrillic): its
    /// text is then an alias of the entity.
    static func isAlias(_ entity: Entity) -> Bool {
        func script(_ text: String) -> Int {
            for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
                if ScriptFolding.isCyrillic(scalar) { return 0 }
                if (0x600...0x6FF).contains(scalar.value) { return 2 }
                if ScriptFolding.isLatinLetter(scalar) { return 1 }
            }
            return -1
        }
        let written = script(entity.text)
        return written > 0 && script(entity.canonical) == 0
    }

    // MARK: Query expansion

    /// Names of the collection a capitalised query word may stand for, in their canonical spelling: the word itself folded
    /// ("Токаев", "Tokayev" → Тоқаев), or, for a word with no Kazakh-only letter, the word with a Russian case ending
    /// replaced by its nominative ("Досаеву", "Токаева" → Досаев, Тоқаев; `russian-case-endings.tsv`). Only words the
    /// collection holds in a person's, place's or organisation's name are returned; the word's own spelling is not.
    public func nameExpansions(of word: String) throws -> [String] {
        guard let first = word.unicodeScalars.first, first.properties.isUppercase, word.unicodeScalars.count >= 3 else { return [] }
        var candidates = [word]
        let kazakhOnly: Set<Unicode.Scalar> = ["ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і", "Ә", "Ғ", "Қ", "Ң", "Ө", "Ұ", "Ү", "Һ", "І"]
        if word.unicodeScalars.allSatisfy({ ScriptFolding.isCyrillic($0) || $0 == "-" }), !word.unicodeScalars.contains(where: kazakhOnly.contains) {
            for rule in RussianNames.caseEndings where word.hasSuffix(rule.ending) && word.count > rule.ending.count + 2 {
                candidates.append(String(word.dropLast(rule.ending.count)) + rule.replacement)
            }
        }
        let keys = Array(Set(candidates.map(Self.wordKey)))
        let own = Set(ScriptFolding.queryVariants(word).map { $0.lowercased() })
        return try writer.read { db in
            var words: [String] = []
            for key in keys {
                for found in try String.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT word FROM entity_word WHERE key = ? LIMIT 8"), arguments: [key])
                where !own.contains(ScriptFolding.cyrillic(found) ?? found.lowercased())
                    && !words.contains(where: { $0.lowercased() == found.lowercased() }) {
                    words.append(found)
                }
            }
            return words.sorted()
        }
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
        try refileAllNames(db)
    }

    /// Counts every stored document's entity spellings and aliases again and files each entity under its preferred
    /// spelling: what the v8 migration and ``reresolveNames()`` run. Documents are read a page at a time.
    static func refileAllNames(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM entity_spelling; DELETE FROM entity_alias; DELETE FROM entity_word")
        var entityIDs: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, label, key FROM entity") {
            entityIDs[(row["label"] as String) + "\u{1F}" + (row["key"] as String)] = row["id"]
        }
        var lastID: Int64 = 0
        while true {
            let rows = try Row.fetchAll(db, sql: "SELECT id, text, layers FROM document WHERE id > ? ORDER BY id LIMIT 500", arguments: [lastID])
            guard let last = rows.last else { break }
            lastID = last["id"]
            for row in rows {
                let id: Int64 = row["id"]
                var document = Document(id: "", text: try StoredText.text(row["text"], documentID: id))
                try LayerBlob.decode(row["layers"], into: &document, documentID: id, tokens: false)
                for (entityID, names) in Self.namesByEntity(document.entities, lookup: { label, key in entityIDs[label.rawValue + "\u{1F}" + key] }) {
                    try recordNames(entityID: entityID, label: names.label, spellings: names.spellings, aliases: names.aliases, in: db)
                }
            }
        }
        // Entities whose spellings all came in one document were not refiled by `recordNames`.
        for entityID in try Int64.fetchAll(db, sql: "SELECT DISTINCT entityID FROM entity_spelling") {
            try refileCanonical(entityID: entityID, in: db)
        }
    }

    /// One document's distinct spellings and aliases per entity, for entities `lookup` finds.
    static func namesByEntity(
        _ entities: [Entity], lookup: (EntityLabel, String) throws -> Int64?
    ) rethrows -> [(Int64, (label: EntityLabel, spellings: Set<String>, aliases: Set<String>))] {
        var order: [Int64] = []
        var names: [Int64: (label: EntityLabel, spellings: Set<String>, aliases: Set<String>)] = [:]
        for entity in entities {
            let (canonical, key) = entityKey(of: entity)
            guard let entityID = try lookup(entity.label, key) else { continue }
            if names[entityID] == nil {
                order.append(entityID)
                names[entityID] = (entity.label, [], [])
            }
            names[entityID]!.spellings.insert(canonical)
            if isAlias(entity) { names[entityID]!.aliases.insert(entity.text) }
        }
        return order.map { ($0, names[$0]!) }
    }

    /// Re-resolves the names of an existing collection: counts the spellings and aliases of every stored document
    /// again and files each entity under its preferred spelling (`tilshi reindex` runs it). Returns how many entities
    /// changed their canonical name.
    @discardableResult
    public func reresolveNames() throws -> Int {
        try writer.write { db in
            let before = Dictionary(try Row.fetchAll(db, sql: "SELECT id, canonical FROM entity").map { ($0["id"] as Int64, $0["canonical"] as String) },
                                    uniquingKeysWith: { first, _ in first })
            try Self.refileAllNames(db)
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
