import Analysis
package import Foundation
import KazakhData
package import TextModel

/// What a backend stores of the collection-level names (SQLite schema v8, PostgreSQL `pg-v2`): the rows
/// ``CollectionNames`` reads and writes, each backend in its own SQL. The rules themselves are written once, in
/// ``CollectionNames``, so both backends file the same entity under the same name and expand a query the same way.
///
/// Tables: `entity_spelling` (entity, spelling as the analysis gave it, number of documents), `entity_alias` (entity,
/// mention as written in Latin or Arabic script, its lowercased key, number of documents), `entity_word` (folded word
/// key, entity, the word of the canonical name it stands for). Every call runs inside the caller's write transaction.
package protocol NameTables {
    /// Counts one more document for each (entity, spelling); the pairs are distinct.
    func addSpellings(_ rows: [(entityID: Int64, spelling: String)]) throws
    /// Counts one more document for each (entity, alias as written, its lowercased key); the pairs are distinct.
    func addAliases(_ rows: [(entityID: Int64, alias: String, key: String)]) throws
    /// Each spelling of each of `entityIDs` with its number of documents.
    func spellings(entityIDs: [Int64]) throws -> [Int64: [String: Int]]
    /// The canonical name each of `entityIDs` is filed under.
    func canonicals(entityIDs: [Int64]) throws -> [Int64: String]
    /// Files entity `entityID` under `canonical` (nothing when it already is).
    func setCanonical(_ canonical: String, entityID: Int64) throws
    /// Records that a query word of key `key` stands for `word` of entity `entityID`'s name (rows already known are ignored).
    func addWords(_ rows: [(word: String, key: String, entityID: Int64)]) throws
    /// The distinct name words recorded under `key`, at most `limit`.
    func words(key: String, limit: Int) throws -> [String]

    // Re-resolution of every name (migration, `tilshi reindex`).

    /// Empties the three tables.
    func removeAllNames() throws
    /// Every entity's id by its label and key.
    func entityIDs() throws -> [(label: String, key: String, id: Int64)]
    /// Up to `limit` stored documents with an id above `id`, in id order: their text and stored layers.
    func documents(after id: Int64, limit: Int) throws -> [(id: Int64, text: String, layers: Data)]
    /// The entities that have spellings.
    func entitiesWithSpellings() throws -> [Int64]
}

/// The collection-level names of entities, for every backend (``NameTables``): the spelling an entity is filed under,
/// chosen from every document that names it so that it does not depend on the order documents arrived in; the original
/// spellings of names written in another script (aliases); and the words of names, folded, that a query word in another
/// form (a Russian case form, a Latin spelling) is looked up by.
package enum CollectionNames {
    // MARK: Choosing the canonical spelling

    /// The canonical spelling among `spellings` (spelling → documents): the one most documents use; on a tie, a spelling
    /// in title case before mixed, lower and all-capital ones ("Астана" before "АСТАНА"), then the smallest in code-point
    /// order. A pure function of the counts, so any ingest order of the same documents gives the same name.
    package static func preferredSpelling(_ spellings: [String: Int]) -> String? {
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

    /// Counts one document's spellings and aliases of its entities (`names`, one row per entity: the distinct spellings
    /// and aliases of that document) and files each entity under its preferred spelling. A few statements per document
    /// whatever its number of entities (each is a round trip to a server).
    static func record(
        _ names: [(Int64, (label: EntityLabel, spellings: Set<String>, aliases: Set<String>))], in tables: some NameTables
    ) throws {
        guard !names.isEmpty else { return }
        // Sorted: the rows are written in one order whatever the sets' order (the same on every backend and run).
        try tables.addSpellings(names.flatMap { entityID, names in names.spellings.sorted().map { (entityID, $0) } })
        let aliases = names.flatMap { entityID, names in names.aliases.sorted().map { (entityID: entityID, alias: $0, key: $0.lowercased()) } }
        if !aliases.isEmpty { try tables.addAliases(aliases) }
        let ids = names.map(\.0)
        let counts = try tables.spellings(entityIDs: ids)
        var canonicals = try tables.canonicals(entityIDs: ids)
        for entityID in ids {
            guard let spellings = counts[entityID], spellings.count > 1, let preferred = preferredSpelling(spellings),
                  canonicals[entityID] != preferred else { continue }
            try tables.setCanonical(preferred, entityID: entityID)
            canonicals[entityID] = preferred
        }
        // Words of the canonical name and of the aliases, for query expansion (``expansions(of:in:)``).
        var words: [(word: String, key: String, entityID: Int64)] = []
        for (entityID, names) in names where names.label == .person || names.label.isPlace || names.label.isOrganisation {
            guard let canonical = canonicals[entityID] else { continue }
            let canonicalWords = nameWords(canonical)
            for word in canonicalWords { words.append((word, wordKey(word), entityID)) }
            for alias in names.aliases.sorted() {
                let aliasWords = nameWords(alias)
                for (index, word) in aliasWords.enumerated() {
                    // An alias word stands for the canonical word at its place, or for the last (the surname, the head).
                    let target = aliasWords.count == canonicalWords.count ? canonicalWords[index] : canonicalWords.last
                    guard let target else { continue }
                    words.append((target, wordKey(word), entityID))
                }
            }
        }
        if !words.isEmpty { try tables.addWords(words) }
    }

    /// Records the names of one stored document's entities (``record(_:in:)``), for the entities `lookup` finds by
    /// label and key.
    package static func recordDocument(_ entities: [Entity], lookup: (EntityLabel, String) throws -> Int64?, in tables: some NameTables) throws {
        try record(try namesByEntity(entities, lookup: lookup), in: tables)
    }

    /// Files entity `entityID` under its preferred spelling (``preferredSpelling(_:)``).
    package static func refile(entityID: Int64, in tables: some NameTables) throws {
        if let preferred = preferredSpelling(try tables.spellings(entityIDs: [entityID])[entityID] ?? [:]) { try tables.setCanonical(preferred, entityID: entityID) }
    }

    /// Counts every stored document's entity spellings and aliases again and files each entity under its preferred
    /// spelling: what the migrations (SQLite v8, PostgreSQL pg-v2) and `tilshi reindex` run. Documents are read a page
    /// at a time.
    package static func refileAll(in tables: some NameTables) throws {
        try tables.removeAllNames()
        var entityIDs: [String: Int64] = [:]
        for entity in try tables.entityIDs() { entityIDs[entity.label + "\u{1F}" + entity.key] = entity.id }
        var lastID: Int64 = 0
        while true {
            let page = try tables.documents(after: lastID, limit: 500)
            guard let last = page.last else { break }
            lastID = last.id
            for stored in page {
                var document = Document(id: "", text: stored.text)
                try LayerBlob.decode(stored.layers, into: &document, documentID: stored.id, tokens: false)
                try recordDocument(document.entities, lookup: { label, key in entityIDs[label.rawValue + "\u{1F}" + key] }, in: tables)
            }
        }
        // Entities whose spellings all came in one document were not refiled by `record`.
        for entityID in try tables.entitiesWithSpellings() { try refile(entityID: entityID, in: tables) }
    }

    /// One document's distinct spellings and aliases per entity, for entities `lookup` finds.
    static func namesByEntity(
        _ entities: [Entity], lookup: (EntityLabel, String) throws -> Int64?
    ) rethrows -> [(Int64, (label: EntityLabel, spellings: Set<String>, aliases: Set<String>))] {
        var order: [Int64] = []
        var names: [Int64: (label: EntityLabel, spellings: Set<String>, aliases: Set<String>)] = [:]
        for entity in entities {
            let (canonical, key) = NewsDatabase.entityKey(of: entity)
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

    /// The words of a name that a query word may stand for: three letters or more, as written.
    static func nameWords(_ name: String) -> [String] {
        name.split(separator: " ").map(String.init).filter { $0.unicodeScalars.filter(\.properties.isAlphabetic).count >= 3 }
    }

    /// The lookup key of a name word: folded to Cyrillic (Latin and Arabic script), lowercased, with the Kazakh-only
    /// letters folded to their Russian look-alikes (``RussianNames/folded(_:)``), so "Токаев", "Тоқаев" and "Toqaev"
    /// share one key.
    package static func wordKey(_ word: String) -> String {
        RussianNames.folded(ScriptFolding.cyrillic(word) ?? word.lowercased())
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

    /// The name-word keys a capitalised query word is looked up by: the word itself folded ("Токаев", "Tokayev"), and,
    /// for a Cyrillic word with no Kazakh-only letter, the word with each Russian case ending replaced by its nominative
    /// ("Досаеву", "Токаева" → Досаев, Токаев; ``RussianNames/nominatives(of:)``). Empty for a word that is not a name
    /// (not capitalised, or shorter than three letters).
    package static func expansionKeys(of word: String) -> [String] {
        guard let first = word.unicodeScalars.first, first.properties.isUppercase, word.unicodeScalars.count >= 3 else { return [] }
        var candidates = [word]
        if word.unicodeScalars.allSatisfy({ ScriptFolding.isCyrillic($0) || $0 == "-" }), !RussianNames.hasKazakhOnlyLetter(word) {
            candidates = RussianNames.nominatives(of: word)
        }
        var keys: [String] = []
        for key in candidates.map(wordKey) where !keys.contains(key) { keys.append(key) }
        return keys
    }

    /// Names of the collection a capitalised query word may stand for, in their canonical spelling, sorted: the words the
    /// collection holds in a person's, place's or organisation's name under one of ``expansionKeys(of:)``, the word's own
    /// spellings left out. What both backends' searches add to a query (``QueryParser/parse(_:names:)``).
    package static func expansions(of word: String, in tables: some NameTables) throws -> [String] {
        let keys = expansionKeys(of: word)
        guard !keys.isEmpty else { return [] }
        let own = Set(ScriptFolding.queryVariants(word).map { $0.lowercased() })
        var words: [String] = []
        for key in keys {
            for found in try tables.words(key: key, limit: 8)
            where !own.contains(ScriptFolding.cyrillic(found) ?? found.lowercased()) && !words.contains(where: { $0.lowercased() == found.lowercased() }) {
                words.append(found)
            }
        }
        return words.sorted()
    }
}
