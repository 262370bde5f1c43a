import Foundation
import NewsSources
import PostgresStore
import SearchStore
import Testing
import TextModel
import TilshiTesting

/// The same collection on SQLite and on PostgreSQL answers the same query with the same documents in the same order:
/// on the seed articles and on a synthetic collection made from their sentences.
@Suite(.enabled(if: StoreBackend.postgresURL != nil, StoreBackend.skipReason))
struct BackendParityTests {
    /// The benchmark's kind of queries: names in their case forms, common words, a phrase, OR, NOT, a prefix.
    static let queries = [
        "Алматы", "Алматыда", "Алматының", "ЮНЕСКО", "Байбек", "Назарбаев", "Астана", "Президент", "көрме", "қала", "жыл",
        "мәдениет", "\"Алматы қаласының\"", "Алматы OR Астана", "Алматы NOT Париж", "мәден*", "Қазақстан", "халық", "тарих",
        "елші", "музей", "Париж", "бүгін", "жаңа",
    ]

    /// Both stores filled with the same prepared documents in the same order (so their ids agree).
    static func pair(_ documents: [SourceDocument], configuration: NewsDatabase.Configuration = NewsDatabase.Configuration())
        throws -> (sqlite: any CollectionStore, postgres: any CollectionStore)
    {
        let sqlite = try StoreBackend.sqlite.makeStore(configuration: configuration)
        let postgres = try StoreBackend.postgres.makeStore(configuration: configuration)
        let prepared = documents.map(sqlite.prepare)
        let first = try sqlite.store(prepared)
        let second = try postgres.store(prepared)
        #expect(first == second, "the ingest reports differ")
        return (sqlite, postgres)
    }

    static func expectSameResults(_ stores: (sqlite: any CollectionStore, postgres: any CollectionStore), _ query: SearchQuery) throws {
        let left = try stores.sqlite.search(query)
        let right = try stores.postgres.search(query)
        #expect(left.hits.map(\.id) == right.hits.map(\.id), "top ids for \(query.text)")
        #expect(left.total == right.total && left.totalIsExact == right.totalIsExact, "total for \(query.text): \(left.total) vs \(right.total)")
        for (a, b) in zip(left.hits, right.hits) {
            #expect(abs(a.score - b.score) < 1e-9, "score of #\(a.id) for \(query.text): \(a.score) vs \(b.score)")
            #expect(a.snippet == b.snippet && a.titleHighlights == b.titleHighlights && a.duplicates == b.duplicates && a.duplicateOf == b.duplicateOf)
        }
        #expect(left.facets == right.facets, "facets for \(query.text)")
    }

    /// Since issue 19 both backends expand names from the collection's name words, match a query word's lemma and
    /// surface form, and file entities under the spelling most documents use (pg-v2): the comparisons below assert.
    @Test func seedsGiveTheSameTopTen() throws {
        let stores = try Self.pair(try SeedArticles.datedDocuments())
        for text in Self.queries + Self.nameQueries {
            try Self.expectSameResults(stores, SearchQuery(text))
        }
        try Self.expectSameResults(stores, SearchQuery("Алматы", sort: .date))
        try Self.expectSameResults(stores, SearchQuery("", from: "2016-10-02", to: "2016-10-04"))
        #expect(try stores.sqlite.entities(label: nil, query: nil, limit: 500, offset: 0) == (try stores.postgres.entities(label: nil, query: nil, limit: 500, offset: 0)))
        // SQLite orders events of the same moment, and label counts that tie, in no defined order: compare them as sets.
        func eventKey(_ event: StoredEvent) -> String { "\(event.documentID) \(event.start) \(event.end) \(event.kind) \(event.title ?? "")" }
        let leftEvents = try stores.sqlite.events(from: nil, to: nil, limit: 500, offset: 0).sorted { eventKey($0) < eventKey($1) }
        let rightEvents = try stores.postgres.events(from: nil, to: nil, limit: 500, offset: 0).sorted { eventKey($0) < eventKey($1) }
        #expect(leftEvents == rightEvents)
        var left = try stores.sqlite.stats()
        var right = try stores.postgres.stats()
        left.databaseBytes = 0
        right.databaseBytes = 0
        left.labels.sort { $0.value < $1.value }
        right.labels.sort { $0.value < $1.value }
        #expect(left == right)
        for id in try stores.sqlite.matchingIDs(SearchQuery("Алматы"), limit: 10) {
            let a = try #require(try stores.sqlite.document(id: id, withTokens: false))
            let b = try #require(try stores.postgres.document(id: id, withTokens: false))
            #expect(a.text == b.text && a.title == b.title && a.entities == b.entities && a.analysis.entities == b.analysis.entities)
        }
        // Entity pages: the same articles and the same dated roles.
        for entity in try stores.sqlite.entities(label: nil, query: nil, limit: 30, offset: 0) {
            #expect(try stores.sqlite.entityRoleHistory(id: entity.id, documentLimit: 1000) == (try stores.postgres.entityRoleHistory(id: entity.id, documentLimit: 1000)),
                    "roles of \(entity.canonical)")
            #expect(try stores.sqlite.entityArticles(id: entity.id, limit: 5, offset: 0, snippetsPerArticle: 2)
                    == (try stores.postgres.entityArticles(id: entity.id, limit: 5, offset: 0, snippetsPerArticle: 2)), "articles of \(entity.canonical)")
        }
    }

    /// Queries that reach the collection's names (Russian case forms, Latin spellings) and inflected forms whose
    /// surface form matters (the synonym side of a query word).
    static let nameQueries = ["Байбекке", "Байбекті", "Назарбаевқа", "Almaty", "Astana", "ЮНЕСКО-ның", "қаласында", "көрмесі"]

    /// The queries run against the synthetic collections.
    static func compareSynthetic(count: Int, configuration: NewsDatabase.Configuration) throws {
        let documents = try SyntheticArticles.make(count: count, seed: 19)
        let stores = try Self.pair(documents, configuration: configuration)
        for text in Self.queries + Self.nameQueries {
            try Self.expectSameResults(stores, SearchQuery(text))
        }
        try Self.expectSameResults(stores, SearchQuery("Алматы", offset: configuration.rankingTier - 5))
        try Self.expectSameResults(stores, SearchQuery("қала", source: "agency-1"))
        try Self.expectSameResults(stores, SearchQuery("жыл", from: "2016-03", to: "2016-06"))
        try Self.expectSameResults(stores, SearchQuery("Алматы", includeDuplicates: true))
        try Self.expectSameResults(stores, SearchQuery("мәдениет", sort: .date))
    }

    /// A synthetic collection of the seeds' sentences shuffled into new articles, with a small ranking tier so tiered
    /// ranking, paging across the tier and the capped count are all exercised.
    @Test func syntheticCollectionGivesTheSameTopTen() throws {
        try Self.compareSynthetic(count: 240, configuration: NewsDatabase.Configuration(rankingTier: 40, exactTotalLimit: 150))
    }

    /// The same at 1,000 articles with the tier and the cap scaled alike (in the suite; the issue's 10,000 are opt-in below).
    @Test func thousandArticlesGiveTheSameTopTen() throws {
        try Self.compareSynthetic(count: 1_000, configuration: NewsDatabase.Configuration(rankingTier: 200, exactTotalLimit: 600))
    }

    /// The issue's check at 10,000 synthetic articles with the default tier (1,000) and cap: a few minutes, so only when
    /// `TILSHI_TEST_PARITY_DOCS` asks for it (`TILSHI_TEST_PARITY_DOCS=10000 swift test --filter BackendParityTests`).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TILSHI_TEST_PARITY_DOCS"] != nil, "set TILSHI_TEST_PARITY_DOCS=10000 to run"))
    func largeSyntheticCollectionGivesTheSameTopTen() throws {
        let count = Int(ProcessInfo.processInfo.environment["TILSHI_TEST_PARITY_DOCS"] ?? "") ?? 10_000
        try Self.compareSynthetic(count: count, configuration: NewsDatabase.Configuration())
    }
}

/// Articles made of the seed articles' sentences, drawn with a fixed seed: the same list on every run.
enum SyntheticArticles {
    static func make(count: Int, seed: UInt64) throws -> [SourceDocument] {
        let sentences = try SeedArticles.texts().flatMap { text in
            text.split(separator: ".").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { $0.count > 20 }
        }
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { index in
            let title = sentences[next(sentences.count)]
            let body = (0..<(4 + next(8))).map { _ in sentences[next(sentences.count)] }.joined(separator: ". ") + "."
            return SourceDocument(
                title: String(title.prefix(80)), text: body, source: "agency-\(next(3))",
                published: String(format: "2016-%02d-%02d", 1 + next(12), 1 + next(28)), origin: "synthetic-\(index)"
            )
        }
    }
}
