import Foundation
import GRDB
import NewsSources
import Testing
@testable import SearchStore

/// Name keys (`!stem` index terms for capitalised words), capped totals, and the migration that adds the keys to
/// an existing index.
@Suite struct NameSearchTests {
    static func article(_ id: String, _ text: String, title: String? = nil) -> SourceDocument {
        SourceDocument(externalID: id, title: title, text: text, source: "Test", published: "2025-03-01", origin: "test#\(id)")
    }

    /// Inflected forms of the same name, in real sentences (a surname no lexicon lists, and two place names).
    static let articles = [
        article("a", "Бүгін Астанада журналист Ержан Жақсыбековтің жаңа кітабы таныстырылды. Кітап Қазақстанның тарихына арналған."),
        article("b", "Жақсыбековке сыйлық берілді. Алматыдағы кездесуге оқырмандар көп жиналды."),
        article("c", "Ержан Жақсыбеков Алматының көшелері туралы жазды. Қазақстанымыздың болашағы туралы да айтты."),
        article("d", "Ауыл шаруашылығы министрлігі егін жинау науқанының қорытындысын шығарды."),
    ]

    @Test func formsOfANameShareOneKey() {
        // Case endings (several in a row) and possessives are stripped the same way from the query word and the text.
        let pairs = [("Тоқаевтың", "тоқаев"), ("Алматыдағы", "алматы"), ("Алматының", "алматы"), ("Қазақстаны", "қазақстан"),
                     ("Қазақстанның", "қазақстан"), ("Елбасының", "елбасы"), ("ЮНЕСКО-ның", "юнеско"), ("Қазақстанымыздың", "қазақстан")]
        for (form, name) in pairs {
            let keys = NameStem.indexKeys(original: form, lowercased: form.lowercased())
            #expect(keys.contains(NameStem.queryKey(name)), "\(form): \(keys) lacks \(NameStem.queryKey(name))")
        }
        // Different names keep different keys, and words that are not capitalised get none.
        #expect(NameStem.queryKey("алматы") != NameStem.queryKey("астана"))
        #expect(NameStem.queryKey("тоқаев") != NameStem.queryKey("назарбаев"))
        #expect(NameStem.indexKeys(original: "алматыдағы", lowercased: "алматыдағы").isEmpty)
    }

    @Test func nameQueryFindsEveryInflectedFormWithoutAPrefixScan() throws {
        let db = try NewsDatabase.inMemory()
        let ids = try db.ingest(Self.articles).added
        #expect(ids.count == 4)
        // When searching the bare surname
        let results = try db.search(SearchQuery("Жақсыбеков", limit: 50))
        // Then the three articles with "Жақсыбековтің", "Жақсыбековке", "Жақсыбеков" are found by one key term, no prefix
        #expect(Set(results.hits.map(\.id)) == Set(ids[0..<3]))
        let expression = try #require(results.expression)
        #expect(expression.contains("\"!жақсыбеков\""))
        #expect(!expression.contains("*"))
        // And an inflected query word finds the other forms too
        #expect(Set(try db.search(SearchQuery("Жақсыбековке", limit: 50)).hits.map(\.id)) == Set(ids[0..<3]))
        #expect(Set(try db.search(SearchQuery("Алматы", limit: 50)).hits.map(\.id)) == [ids[1], ids[2]])
        #expect(Set(try db.search(SearchQuery("Қазақстан", limit: 50)).hits.map(\.id)) == [ids[0], ids[2]])
        // A key can only come from the parser: user text that looks like one is a plain word
        #expect(try db.search(SearchQuery("!жақсыбеков", limit: 50)).expression?.contains("\"!") != true)
    }

    @Test func totalsAreCountedExactlyUpToTheLimit() throws {
        var db = try NewsDatabase.inMemory()
        try db.ingest(Seeds.documents())
        /// The same collection counting at most `limit` matches.
        func limited(_ limit: Int) throws -> NewsDatabase { try NewsDatabase(db.writer, configuration: .init(exactTotalLimit: limit)) }
        let exact = try db.search(SearchQuery("Алматы", includeDuplicates: true, limit: 50, facets: false, snippets: false))
        #expect(exact.total >= 4)
        #expect(exact.totalIsExact)
        #expect(exact.totalDescription == "\(exact.total) results")
        // With a limit below the number of matches, the total says "more than"
        db = try limited(2)
        let capped = try db.search(SearchQuery("Алматы", includeDuplicates: true, limit: 50, facets: true, snippets: false))
        #expect(capped.total == 2)
        #expect(!capped.totalIsExact)
        #expect(capped.totalDescription == "more than 2 results")
        // But every match is still returned, ranked the same way
        #expect(capped.hits.map(\.id) == exact.hits.map(\.id))
        #expect(capped.facets?.entities.isEmpty == false)
        // A limit equal to the number of matches is still exact; zero counts everything
        db = try limited(exact.total)
        #expect(try db.search(SearchQuery("Алматы", includeDuplicates: true, facets: false)).totalIsExact)
        db = try limited(0)
        #expect(try db.search(SearchQuery("Алматы", includeDuplicates: true, facets: false)).total == exact.total)
        // The JSON says so, and JSON written before the flag existed reads as exact
        let json = String(decoding: try JSONEncoder().encode(capped), as: UTF8.self)
        #expect(json.contains("\"totalIsExact\":false"))
        let old = json.replacingOccurrences(of: "\"totalIsExact\":false,", with: "").replacingOccurrences(of: ",\"totalIsExact\":false", with: "")
        #expect(!old.contains("totalIsExact"))
        #expect(try JSONDecoder().decode(SearchResults.self, from: Data(old.utf8)).totalIsExact)
        #expect(SearchResults.grouped(10_000) == "10,000")
        #expect(SearchResults.grouped(1_234_567, separator: " ") == "1 234 567")
        #expect(SearchResults.grouped(999) == "999")
    }

    /// A database whose index was written before name keys: the v3 and v7 migrations are rolled back in the record and
    /// the index is the empty text-fed table of versions 1–6 (no key is what version 2 wrote for these names).
    static func version2Database() throws -> (DatabaseQueue, [Int64]) {
        try LegacyCollection.rolledBack(ingesting: articles, migrations: ["v3-name-stem-terms", "v7-index-term-streams"])
    }

    @Test func olderIndexesGainNameKeysWhenOpened() throws {
        let (queue, ids) = try Self.version2Database()
        let before = try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM document_fts WHERE document_fts MATCH '\"!жақсыбеков\"'") }
        #expect(before == 0)
        // When the database is opened by this version
        let db = try NewsDatabase(queue)
        // Then the index holds the keys and agrees with the stored texts term for term
        #expect(Set(try db.search(SearchQuery("Жақсыбеков", limit: 50)).hits.map(\.id)) == Set(ids[0..<3]))
        #expect(try db.search(SearchQuery("егін", limit: 50)).hits.map(\.id) == [ids[3]])
        try queue.write { try $0.execute(sql: "INSERT INTO document_fts(document_fts, rank) VALUES('integrity-check', 1)") }
        let applied = try queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied.contains("v3-name-stem-terms"))
    }

    @Test func aDamagedTextStopsTheMigrationAndChangesNothing() throws {
        let (queue, ids) = try Self.version2Database()
        try queue.write { db in
            try db.execute(sql: #"DROP TRIGGER "__document_fts_au""#)
            try db.execute(sql: "UPDATE document SET text = X'F5D0FE' WHERE id = ?", arguments: [ids[1]])
        }
        // Opening fails with an error naming the damage, not a crash
        #expect(throws: StoredText.Corrupt.self) { _ = try NewsDatabase(queue) }
        // And the migration left nothing behind: still version 2, the other texts intact
        let (applied, text) = try queue.read { db in
            (try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
             try DatabaseValue.fetchOne(db, sql: "SELECT text FROM document WHERE id = ?", arguments: [ids[0]]))
        }
        #expect(!applied.contains("v7-index-term-streams")) // the step that derives name keys from the stored texts
        #expect(try StoredText.text(try #require(text)).contains("Жақсыбековтің"))
    }

    @Test func rankWithKnownDocumentCountsIsFTS5BM25() throws {
        // Given the seeds and queries of one word, two words and a name
        let db = try NewsDatabase.inMemory()
        try db.ingest(Seeds.documents())
        for text in ["Алматы ЮНЕСКО", "Қазақстан", "жыл OR мәдениет"] {
            let parsed = QueryParser().parse(text)
            let expression = try #require(parsed.expression)
            let rows = try db.writer.read { database in
                let counts = try db.documentCounts(of: parsed.phrases, in: database).map { $0 ?? -1 }
                let placeholders = Array(repeating: ", ?", count: counts.count).joined()
                return try Row.fetchAll(database, sql: """
                    SELECT tilshi_rank(document_fts, 5.0, 1.0\(placeholders)) AS ours, -bm25(document_fts, 5.0, 1.0) AS fts5
                    FROM document_fts WHERE document_fts MATCH ?
                    """, arguments: StatementArguments(counts + [expression]))
            }
            // Then every row scores as FTS5's bm25 scores it, without its pass over every match
            #expect(!rows.isEmpty, "\(text)")
            for row in rows {
                let ours: Double = row["ours"]
                let fts5: Double = row["fts5"]
                #expect(abs(ours - fts5) < 1e-9 * max(1, abs(fts5)), "\(text): \(ours) vs \(fts5)")
            }
        }
    }

    /// The quoted strings of an FTS5 expression, left to right, with whether `*` follows (doubled quotes undone).
    static func quotedStrings(_ expression: String) -> [ParsedQuery.Phrase] {
        var phrases: [ParsedQuery.Phrase] = []
        var scalars = Substring(expression).unicodeScalars[...]
        while let open = scalars.firstIndex(of: "\"") {
            scalars = scalars[scalars.index(after: open)...]
            var text = String.UnicodeScalarView()
            while let scalar = scalars.popFirst() {
                if scalar == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); text.append("\""); continue }
                    break
                }
                text.append(scalar)
            }
            phrases.append(ParsedQuery.Phrase(text: String(text), prefix: scalars.starts(with: " *".unicodeScalars)))
        }
        return phrases
    }

    @Test(arguments: [
        "Алматы -концерт фестиваль", "NOT Астана Алматы", "(Абай OR \"Абай алаңы\") -(концерт OR театр) Almaty*",
        "Бауыржан Байбек ЮНЕСКО", "\"он \"\"екі\" Тоқаев", "алма* OR Qazaqstan -\"Жаңа жыл\"",
    ])
    func phrasesFollowTheExpressionLeftToRight(_ text: String) throws {
        let parsed = QueryParser().parse(text)
        let expression = try #require(parsed.expression)
        #expect(parsed.phrases == Self.quotedStrings(expression), "\(expression)")
    }

    @Test func phrasesAreRecordedInTheExpressionsOrder() {
        let parsed = QueryParser().parse("Алматы \"Абай алаңы\" OR алма*")
        #expect(parsed.phrases.map(\.text) == ["Алматы", "!алмат", "Абай алаңы", "алма"])
        #expect(parsed.phrases.map(\.prefix) == [false, false, false, true])
        #expect(!parsed.isAlternatives)
        #expect(QueryParser().parse("Алматы").isAlternatives)
        #expect(QueryParser().parse("Алматы OR Астана").isAlternatives)
        #expect(!QueryParser().parse("Алматы Астана").isAlternatives)
    }
}
