import Foundation
import NewsSources
import Pipeline
@testable import PostgresStore
import SearchStore
import Testing
import TextModel
import TilshiTesting

/// Issue 19: the collection-level names (SQLite's schema v8, PostgreSQL's pg-v2), name expansion in queries and the
/// entity pages' dated roles behave the same on both backends; the PostgreSQL search plan is the pinned one.
@Suite struct CollectionNamesParityTests {
    typealias Articles = NameTestArticles
    static let latin = SourceDocument(
        externalID: "latin", title: nil,
        text: "Prezıdent Qasym-Jomart Toqaev Astanada investorlarmen kezdesti. Toqaev jańa zaýyttar salynatynyn aıtty.",
        source: "Test", published: "2025-10-05", origin: "names#latin"
    )

    /// Canonical names of a collection's entities by class and lookup key.
    static func canonicalNames(_ store: any CollectionStore) throws -> [String: String] {
        var names: [String: String] = [:]
        for entity in try store.entities(label: nil, query: nil, limit: 500, offset: 0) { names[entity.label + "/" + entity.canonical.lowercased()] = entity.canonical }
        return names
    }

    @Test(arguments: StoreBackend.available)
    func russianFormsOfANameFindTheEntitysDocuments(backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let ids = try store.ingest([Articles.banker, Articles.president, Articles.other]).added
        func found(_ query: String) throws -> Set<Int64> {
            Set(try store.search(SearchQuery(query, includeDuplicates: true, limit: 50)).hits.map(\.id))
        }
        #expect(try found("Досаеву") == [ids[0]])
        #expect(try found("Ерболата Досаева") == [ids[0]])
        #expect(try found("Токаева") == [ids[1]])
        #expect(try found("Токаев") == [ids[1]])
        // Only names the collection holds: an unknown Russian surname finds nothing.
        #expect(try found("Петрову").isEmpty)
        let hit = try #require(try store.search(SearchQuery("Досаеву")).hits.first)
        #expect(hit.snippet?.marked(open: "[", close: "]").contains("[Досаев") == true)
    }

    @Test(arguments: StoreBackend.available)
    func canonicalNamesDoNotDependOnIngestOrder(backend: StoreBackend) throws {
        let forward = try backend.makeStore()
        try forward.ingest([Articles.capitals])
        try forward.ingest([Articles.titled, Articles.titledAgain])
        let backward = try backend.makeStore()
        try backward.ingest([Articles.titledAgain])
        try backward.ingest([Articles.titled])
        try backward.ingest([Articles.capitals])
        let names = try Self.canonicalNames(forward)
        #expect(names.values.contains("Астана"), "\(names)")
        #expect(names == (try Self.canonicalNames(backward)))
    }

    /// Issue 17, item 5: a lone surname with no surname ending ("Байбек") is filed under the one full name the collection
    /// holds for it, whether the article naming him in full came first or last.
    @Test(arguments: StoreBackend.available)
    func aLoneSurnameTakesTheFullNameWhicheverArticleCameFirst(backend: StoreBackend) throws {
        for order in [[Articles.mayor, Articles.loneSurname], [Articles.loneSurname, Articles.mayor]] {
            let store = try backend.makeStore()
            for article in order { try store.ingest([article]) }
            let people = try store.entities(label: "PERSON", query: nil, limit: 50, offset: 0)
            #expect(people.map(\.canonical) == ["Бауыржан Байбек"], "\(order.map(\.externalID))")
            #expect(people.first?.documentCount == 2)
        }
    }

    @Test(arguments: StoreBackend.available)
    func aliasesInAnotherScriptAreSearchable(backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let ids = try store.ingest([Articles.president, Self.latin]).added
        let people = try store.entities(label: "PERSON", query: nil, limit: 50, offset: 0)
        let president = try #require(people.first { $0.canonical.lowercased().contains("тоқаев") }, "\(people.map(\.canonical))")
        #expect(president.documentCount == 2, "\(people.map(\.canonical))")
        // The entity list finds the entity by its Latin alias, and a query in that spelling finds both documents.
        #expect(try store.entities(label: nil, query: "toqaev", limit: 50, offset: 0).map(\.id).contains(president.id))
        #expect(Set(try store.search(SearchQuery("Toqaev", includeDuplicates: true)).hits.map(\.id)) == Set(ids))
        if let postgres = store as? PostgresCollection {
            #expect(try postgres.aliases(ofEntity: president.id).contains { $0.contains("Toqaev") })
        }
    }

    /// The entity page's dated roles on both backends (PostgreSQL had none before issue 19).
    @Test(arguments: StoreBackend.available)
    func rolesOverTime(backend: StoreBackend) throws {
        let pipeline = Pipeline(name: "kk-search+mayor", annotators: Pipeline.search.annotators + [MayorAnnotator()])
        let store = try backend.makeStore(configuration: .init(pipeline: pipeline))
        let articles: [(String?, String)] = [
            ("2015-03-02", "Алматы қаласының әкімі Байбек жаңа саябақты аралады. Байбек тұрғындармен сөйлесті."),
            ("2016-06-10", "Алматы қаласының әкімі Байбек метро бекетін ашты."),
            ("2019-05-20", "Партия хатшысы Байбек съезде сөз сөйледі. Байбек жаңа бағдарламаны таныстырды."),
            (nil, "Байбек туралы кітап шықты."),
        ]
        try store.ingest(articles.map { SourceDocument(text: $0.1, source: "Сынақ", published: $0.0, origin: "roles-test") })
        let person = try #require(try store.entities(label: "PERSON", query: nil, limit: 10, offset: 0).first { $0.canonical == "Бауыржан Байбек" })
        let roles = try #require(try store.entityRoleHistory(id: person.id, documentLimit: 1000))
        #expect(roles.map { "\($0.role) \($0.count) \($0.first ?? "-") \($0.last ?? "-")" } == [
            "партия хатшысы 2 2019-05-20 2019-05-20", "Алматы қаласының әкімі 3 2015-03-02 2016-06-10",
        ])
        // Only the newest article read: the older role is not in it.
        #expect(try store.entityRoleHistory(id: person.id, documentLimit: 1)?.map(\.role) == ["партия хатшысы"])
        #expect(try store.entityRoleHistory(id: 999_999, documentLimit: 10) == nil)
        let page = try #require(try store.entityArticles(id: person.id, limit: 2, offset: 0, snippetsPerArticle: 1))
        #expect(page.total == 4 && page.articles.map(\.published) == ["2019-05-20", "2016-06-10"] && page.articles.allSatisfy { $0.source == "Сынақ" })
    }
}

/// Marks "Байбек" as a person and "Алматы…" as a place with the role the sentence gives ("әкімі", "хатшысы").
private struct MayorAnnotator: Annotator {
    let name = "mayor-names"

    func annotate(_ document: inout Document) {
        let roles = document.text.contains("әкімі") ? ["Алматы қаласының әкімі"] : document.text.contains("хатшысы") ? ["партия хатшысы"] : []
        for (index, token) in document.tokens.enumerated() where token.text == "Байбек" {
            document.entities.append(Entity(
                text: token.text, label: "PERSON", canonical: "Бауыржан Байбек", start: token.start, end: token.end,
                tokenRange: index..<index + 1, roles: roles
            ))
        }
    }
}

/// PostgreSQL only: the pg-v2 migration on a collection pg-v1 left, `reresolveNames()`, and the pinned search plan.
@Suite(.enabled(if: StoreBackend.postgresURL != nil, StoreBackend.skipReason))
struct PostgresNamesMigrationAndPlanTests {
    @Test func pgV2FilesAnOlderCollectionUnderThePreferredSpelling() throws {
        let url = try #require(StoreBackend.postgresURL)
        let schema = StoreBackend.freshSchema()
        let first = try PostgresCollection.open(url: url, schema: schema)
        try first.ingest([NameTestArticles.capitals, NameTestArticles.titled, NameTestArticles.titledAgain,
                          NameTestArticles.president])
        // Given the collection as pg-v1 left it: first-seen spellings, no name tables.
        try first.executeForTesting("DROP TABLE entity_spelling, entity_alias, entity_word")
        try first.executeForTesting("DELETE FROM tilshi_migrations WHERE identifier = 'pg-v2'")
        try first.executeForTesting("UPDATE entity SET canonical = 'АСТАНА' WHERE key = 'астана'")
        #expect(try first.entities(label: nil, query: nil, limit: 100, offset: 0).filter { $0.canonical.lowercased() == "астана" }.allSatisfy { $0.canonical == "АСТАНА" })
        // When it is opened, pg-v2 counts the stored spellings again.
        let reopened = try PostgresCollection.open(url: url, schema: schema)
        // (In the order applied: pg-v2 ran again on this open.)
        #expect(try reopened.appliedMigrations() == ["pg-v1", "pg-v3", "pg-v2"])
        #expect(try reopened.entities(label: nil, query: "астана", limit: 10, offset: 0).contains { $0.canonical == "Астана" })
        #expect(try reopened.reresolveNames() == 0)
        #expect(try reopened.search(SearchQuery("Токаева")).total == 1)
        // Re-resolving puts back a name damaged since, and reports it.
        try reopened.executeForTesting("UPDATE entity SET canonical = 'АСТАНА' WHERE key = 'астана' AND canonical = 'Астана'")
        #expect(try reopened.reresolveNames() == 1)
    }

    /// Issue 17, item 5: pg-v3 (SQLite's v9) files a bare surname that pg-v2 left as a person of its own under the one
    /// full name of the collection.
    @Test func pgV3FilesAnEarlierLoneSurnameUnderTheFullName() throws {
        let url = try #require(StoreBackend.postgresURL)
        let schema = StoreBackend.freshSchema()
        let first = try PostgresCollection.open(url: url, schema: schema)
        try first.ingest([NameTestArticles.loneSurname])
        // Given a collection as pg-v2 left it: the bare surname was no short name, so the later full name kept apart
        try first.executeForTesting("DELETE FROM person_short_name")
        try first.ingest([NameTestArticles.mayor])
        #expect(try first.entities(label: "PERSON", query: nil, limit: 50, offset: 0).map(\.canonical).sorted() == ["Байбек", "Бауыржан Байбек"])
        try first.executeForTesting("DELETE FROM tilshi_migrations WHERE identifier = 'pg-v3'")
        // When it is opened, pg-v3 files it under the full name, documents and all
        let reopened = try PostgresCollection.open(url: url, schema: schema)
        let people = try reopened.entities(label: "PERSON", query: nil, limit: 50, offset: 0)
        #expect(people.map(\.canonical) == ["Бауыржан Байбек"])
        #expect(people.first?.documentCount == 2)
    }

    /// `tilshi reindex` on PostgreSQL: an intact collection is left alone; a document whose terms were lost is found
    /// again, and the position total BM25 reads is put right.
    @Test func reindexRewritesOnlyTermsThatDiffer() throws {
        let store = try #require(try StoreBackend.postgres.makeStore() as? PostgresCollection)
        let ids = try store.ingest([NameTestArticles.banker, NameTestArticles.president, NameTestArticles.other]).added
        #expect(try store.reindex() == 0)
        let before = try store.search(SearchQuery("Досаев"))
        #expect(before.hits.map(\.id) == [ids[0]])
        try store.executeForTesting("UPDATE collection_totals SET positions = positions - (SELECT length FROM document WHERE id = \(ids[0]))")
        try store.executeForTesting("UPDATE document SET terms = ''::tsvector, length = 0 WHERE id = \(ids[0])")
        #expect(try store.search(SearchQuery("Досаев")).total == 0)
        #expect(try store.reindex() == 1)
        let after = try store.search(SearchQuery("Досаев"))
        #expect(after.hits.map(\.id) == [ids[0]] && after.hits.map(\.score) == before.hits.map(\.score))
        #expect(try store.reindex() == 0)
    }

    /// The statement that reads a search's matches always reads them from the GIN index into the materialized CTE,
    /// whatever the query's form (one word, a common word, a phrase, a prefix, OR, NOT, with a filter): never a walk of
    /// the primary key, never a sequential scan of the documents.
    @Test func theSearchPlanIsPinnedToTheGINIndex() throws {
        let store = try #require(try StoreBackend.postgres.makeStore() as? PostgresCollection)
        try store.ingest(try SyntheticArticles.make(count: 150, seed: 7))
        // Without statistics (a new table) and with them: the same shape.
        for analysed in [false, true] {
            if analysed { try store.executeForTesting("ANALYZE") }
            for text in ["Алматы", "жыл", "\"Алматы қаласының\"", "мәден*", "Алматы OR Астана", "Алматы NOT Париж", "Досаеву"] {
                for query in [SearchQuery(text), SearchQuery(text, source: "agency-1"), SearchQuery(text, from: "2016-03", to: "2016-06", sort: .date)] {
                    let plan = try store.explainMatches(query)
                    #expect(plan.contains("CTE m") && plan.contains("CTE f"), "\(text): \(plan)")
                    #expect(plan.contains("Bitmap Index Scan on document_terms_gin"), "\(text): \(plan)")
                    #expect(!plan.contains("Seq Scan on document") && !plan.contains("Index Scan Backward"), "\(text): \(plan)")
                }
            }
        }
    }
}
