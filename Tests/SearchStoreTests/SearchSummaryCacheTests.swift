import Foundation
import NewsSources
import Testing
@testable import SearchStore

/// A search's total and facets are cached for a few seconds (every page and repeat of a query shares them), but an
/// ingest is seen by the very next search.
@Suite struct SearchSummaryCacheTests {
    @Test func aNewDocumentChangesTheNextSearchsTotalAndFacets() throws {
        let db = try NewsDatabase.inMemory()
        try db.ingest([SourceDocument(externalID: "1", text: "Шымкентте кітап көрмесі ашылды. Көрмеге Ерлан Қарин келді.", source: "Бірінші", origin: "a")])
        let query = SearchQuery("көрме")
        let before = try db.search(query)
        #expect(before.total == 1)
        // A second page of the same query takes the cached total and facets.
        let page = try db.search(SearchQuery("көрме", offset: 10))
        #expect(page.total == 1 && page.facets == before.facets)
        try db.ingest([SourceDocument(externalID: "2", text: "Таразда сурет көрмесі өтті. Оны Әсел Сәрсенова ашты.", source: "Екінші", origin: "b")])
        let after = try db.search(query)
        #expect(after.total == 2)
        #expect(after.hits.count == 2)
        #expect(after.facets?.sources.map(\.value).sorted() == ["Бірінші", "Екінші"])
    }

    @Test func entriesExpireAndAFullCacheMakesRoom() {
        let cache = SearchSummaryCache()
        for index in 0..<(SearchSummaryCache.capacity + 10) {
            cache.store(.init(counted: index, facets: nil), for: "q\(index)")
        }
        let last = SearchSummaryCache.capacity + 9
        #expect(cache.summary(for: "q\(last)")?.counted == last)
        #expect(cache.summary(for: "missing") == nil)
    }
}
