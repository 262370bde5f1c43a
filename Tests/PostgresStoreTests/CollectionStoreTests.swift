import Foundation
import NewsSources
import PostgresStore
import SearchStore
import Testing
import TextModel
import TilshiTesting

/// The store suite, run against each backend (``StoreBackend``): what the CLI and the server do with a collection
/// behaves the same on SQLite and on PostgreSQL.
@Suite struct CollectionStoreTests {
    /// Short articles written for these tests (not news text): two mention the same people, one repeats another.
    static let articles: [(title: String, text: String, source: String, published: String)] = [
        ("Алматыда жаңа саябақ ашылды",
         "Алматы қаласында жаңа саябақ ашылды. Саябақты ашу рәсіміне қала әкімі Ерлан Серікбаев қатысты. Тұрғындар саябақта серуендеуге келді.",
         "test.kz", "2024-05-02"),
        ("Астанада кітап көрмесі өтті",
         "Астана қаласында кітап көрмесі өтті. Көрмеге жүзден астам баспа қатысты. Е. Серікбаев көрмені аралап, жас жазушылармен кездесті.",
         "test.kz", "2024-05-10"),
        ("Шымкентте жол жөндеу басталды",
         "Шымкент қаласында көктемгі жол жөндеу жұмыстары басталды. Жөндеу күзге дейін созылады деп хабарлады қала әкімдігі.",
         "news.kz", "2024-06-01"),
        ("Алматы саябақтары",
         "Алматыдағы саябақтар жазда тұрғындарға толы. Алматы әкімдігі саябақтарға жаңа орындықтар қойды.",
         "news.kz", "2024-06-15"),
    ]

    static func sources() -> [SourceDocument] {
        articles.enumerated().map { index, article in
            var document = SourceDocument(text: article.text, origin: "test-\(index).txt")
            document.title = article.title
            document.source = article.source
            document.published = article.published
            return document
        }
    }

    @Test(arguments: StoreBackend.available)
    func ingestCountsDuplicatesAndFindsInflectedForms(backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let report = try store.ingest(Self.sources())
        #expect(report.added.count == 4)
        #expect(report.duplicates == 0)
        // The same input again stores nothing: the content hash is the document's identity.
        let again = try store.ingest(Self.sources())
        #expect(again.added.isEmpty && again.duplicates == 4)
        #expect(try store.stats().documents == 4)

        // "Алматыда" (in Almaty) finds every article about Almaty, whatever the case ending.
        let almaty = try store.search(SearchQuery("Алматыда"))
        #expect(Set(almaty.hits.map(\.id)) == [report.added[0], report.added[3]])
        #expect(almaty.hits.allSatisfy { $0.snippet != nil })
        // A phrase, an exclusion, a prefix, a filter.
        #expect(try store.search(SearchQuery("\"жол жөндеу\"")).hits.map(\.id) == [report.added[2]])
        #expect(try store.search(SearchQuery("саябақ NOT Алматы")).total == 0)
        #expect(try store.search(SearchQuery("көрме*")).hits.map(\.id) == [report.added[1]])
        #expect(try store.search(SearchQuery("қала", source: "news.kz")).hits.map(\.id) == [report.added[2]])
    }

    @Test(arguments: StoreBackend.available)
    func documentsEntitiesAndEventsReadBack(backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let added = try store.ingest(Self.sources()).added
        let first = try #require(try store.document(id: added[0], withTokens: false))
        #expect(first.title == Self.articles[0].title)
        #expect(first.text == Self.articles[0].text)
        #expect(first.source == "test.kz" && first.published == "2024-05-02")
        #expect(!first.entities.isEmpty)
        let withTokens = try #require(try store.document(id: added[0], withTokens: true))
        #expect(!withTokens.analysis.tokens.isEmpty)
        #expect(try store.document(id: 999_999, withTokens: false) == nil)

        let entities = try store.entities(label: nil, query: nil, limit: 100, offset: 0)
        #expect(!entities.isEmpty)
        #expect(try store.entityCount(label: nil, query: nil) >= entities.count)
        let entity = try #require(entities.first)
        let detail = try #require(try store.entity(id: entity.id, mentionLimit: 20, relatedLimit: 20))
        #expect(detail.entity.canonical == entity.canonical && !detail.mentions.isEmpty)
        #expect(try store.entityProfile(id: entity.id, documentLimit: 30) != nil)
        var exported: [Int64] = []
        try store.forEachDocument { exported.append($0.id) }
        #expect(exported == added)
    }

    /// The hostile characters of `tsquery` and SQL syntax are words or separators, never operators: the query runs, and
    /// both backends agree on it.
    @Test(arguments: ["Алматы' OR '1'='1", "саябақ:* & !Алматы", "a\\b | c", "'); DROP TABLE document; --", "Алматы <-> саябақ", "\"\"\""])
    func hostileQueriesAreOnlyWords(text: String) throws {
        var results: [[Int64]] = []
        for backend in StoreBackend.available {
            let store = try backend.makeStore()
            try store.ingest(Self.sources())
            results.append(try store.search(SearchQuery(text)).hits.map(\.id))
            #expect(try store.stats().documents == 4, "\(backend)")
        }
        #expect(Set(results).count == 1, "\(results)")
    }

    @Test(.enabled(if: StoreBackend.postgresURL != nil, StoreBackend.skipReason))
    func postgresReportsItsBackend() throws {
        let store = try StoreBackend.postgres.makeStore()
        #expect(store.backendName == "postgres")
    }

    /// In CI the PostgreSQL tests must run, never skip quietly.
    @Test func ciRunsThePostgresTests() {
        if StoreBackend.inCI {
            #expect(StoreBackend.postgresURL != nil, "CI=true but TILSHI_TEST_POSTGRES_URL is not set: the PostgreSQL tests would not run")
        }
    }
}
