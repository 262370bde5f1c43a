import Foundation
import NewsSources
import Testing
@testable import SearchStore

@Suite struct SearchTests {
    /// One in-memory collection holding the five seed articles, shared by these read-only tests.
    private static let seeded: Result<NewsDatabase, any Error> = Result {
        let db = try NewsDatabase.inMemory()
        try db.ingest(Seeds.documents())
        return db
    }

    private func seededDatabase() throws -> NewsDatabase {
        try Self.seeded.get()
    }

    @Test func findsDocumentsWithAllWords() throws {
        // Given the seeds
        let db = try seededDatabase()
        // When searching two words
        let results = try db.search(SearchQuery("Алматы ЮНЕСКО"))
        // Then every hit contains both, and the highlights mark original words
        #expect(results.total >= 2)
        for hit in results.hits {
            let text = try #require(try db.document(id: hit.id)).text
            #expect(text.contains("ЮНЕСКО"))
            #expect(text.contains("Алматы"))
            let marked = try #require(hit.snippet)
            #expect(!marked.highlights.isEmpty)
            for range in marked.highlights {
                let word = String(String.UnicodeScalarView(Array(marked.text.unicodeScalars)[range.start..<range.end]))
                #expect(word.hasPrefix("Алматы") || word.hasPrefix("ЮНЕСКО"), "highlighted \(word)")
            }
        }
    }

    @Test func untitledHitsAreHeadedByTheirOpeningSentence() throws {
        // Given the seeds, two of which have no title line (their first line is running text)
        let db = try seededDatabase()
        // When searching a word in the UNESCO articles
        let results = try db.search(SearchQuery("ЮНЕСКО"))
        let untitled = results.hits.filter { $0.title == nil }
        // Then each untitled hit still has a headline: the opening of its own text, never longer than the limit
        #expect(!untitled.isEmpty)
        for hit in untitled {
            let headline = try #require(hit.headline)
            let text = try #require(try db.document(id: hit.id)).text
            #expect(text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix(headline.trimmingCharacters(in: ["…"])))
            #expect(headline.count <= Headline.maximumLength + 1)
        }
        // And titled hits keep their title as the headline
        for hit in results.hits where hit.title != nil { #expect(hit.headline == hit.title) }
    }

    @Test func headlineStopsAtTheFirstSentenceEndButNotAtAnInitial() throws {
        let text = "Б. Байбек Пьер Кабаремен кездесті. Тараптар ынтымақтастықты талқылады."
        #expect(Headline.of(title: nil, text: text) == "Б. Байбек Пьер Кабаремен кездесті.")
        #expect(Headline.of(title: "Алматыда фестиваль өтеді", text: text) == "Алматыда фестиваль өтеді")
        #expect(Headline.of(title: "  ", text: "  ") == nil)
        let long = String(repeating: "Алматы қаласының әкімдігі ", count: 10)
        let cut = try #require(Headline.of(title: nil, text: long))
        #expect(cut.hasSuffix("…") && cut.count <= Headline.maximumLength + 1)
        #expect(long.hasPrefix(String(cut.dropLast())))
    }

    @Test func frequentWordsRankTheNewestMatchesFirstAndPagingReachesAll() throws {
        // Given the seeds, with ranking tiered after 2 matches
        let seeded = try seededDatabase()
        let everything = try seeded.search(SearchQuery("Алматы", includeDuplicates: true, limit: 50, facets: false, snippets: false))
        #expect(everything.total >= 4)
        let db = try NewsDatabase(seeded.writer, configuration: .init(rankingTier: 2))
        // When paging one hit at a time
        var paged: [Int64] = []
        for offset in 0..<everything.total {
            let page = try db.search(SearchQuery("Алматы", includeDuplicates: true, limit: 1, offset: offset, facets: false, snippets: false))
            #expect(page.total == everything.total)
            paged += page.hits.map(\.id)
        }
        // Then every match comes exactly once: the two newest first (ranked between them), then the rest
        #expect(paged.count == everything.total)
        #expect(Set(paged) == Set(everything.hits.map(\.id)))
        let newest = everything.hits.map(\.id).sorted(by: >).prefix(2)
        #expect(Set(paged.prefix(2)) == Set(newest))
        let rest = everything.hits.map(\.id).filter { !newest.contains($0) }
        #expect(Array(paged.dropFirst(2)) == rest, "the older matches keep their BM25 order")
        // And a page straddling the tiers is the same as the pages it spans
        let straddling = try db.search(SearchQuery("Алматы", includeDuplicates: true, limit: 3, offset: 1, facets: false, snippets: false))
        #expect(straddling.hits.map(\.id) == Array(paged[1..<4]))
    }

    @Test func latinQueryFindsCyrillicDocuments() throws {
        let db = try seededDatabase()
        let latin = try db.search(SearchQuery("Almaty", limit: 50))
        let cyrillic = try db.search(SearchQuery("Алматы", limit: 50))
        #expect(latin.total > 0)
        #expect(Set(latin.hits.map(\.id)) == Set(cyrillic.hits.map(\.id)))
    }

    @Test func homoglyphQueryIsRepaired() throws {
        let db = try seededDatabase()
        // "Aлматы" with a Latin A
        let results = try db.search(SearchQuery("A\u{043B}\u{043C}\u{0430}\u{0442}\u{044B}"))
        #expect(results.total == (try db.search(SearchQuery("Алматы"))).total)
    }

    @Test func notExcludesAndOrWidens() throws {
        let db = try seededDatabase()
        let unesco = try db.search(SearchQuery("ЮНЕСКО", limit: 50)).total
        let unescoNotParis = try db.search(SearchQuery("ЮНЕСКО NOT Парижде", limit: 50))
        #expect(unescoNotParis.total < unesco)
        for hit in unescoNotParis.hits {
            #expect(!(try db.document(id: hit.id)!.text.contains("Парижде")))
        }
        let either = try db.search(SearchQuery("ЮНЕСКО OR Байбек", limit: 50)).total
        #expect(either >= unesco)
        #expect(try db.search(SearchQuery("ЮНЕСКО -Парижде", limit: 50)).total == unescoNotParis.total)
    }

    @Test func phraseNeedsAdjacentWords() throws {
        let db = try seededDatabase()
        let phrase = try db.search(SearchQuery("\"World Craft City\""))
        #expect(phrase.total >= 1)
        let scrambled = try db.search(SearchQuery("\"City Craft World\""))
        #expect(scrambled.total == 0)
    }

    @Test(arguments: [
        "\"unbalanced", "NEAR(Алматы", "Алматы*", "*", "^Алматы", "title:Алматы", "Алматы'; DROP TABLE document; --",
        "((((((((((((Алматы))))))))))))", "))) OR OR AND NOT", "NOT", "-Алматы", "\"\"\"\"", "Алматы AND", "{Алматы}",
        String(repeating: "Алматы ", count: 1500), String(repeating: "(", count: 5000), "\u{0}\u{1}\u{FFFF}",
    ])
    func hostileQueriesNeverFail(_ text: String) throws {
        let db = try seededDatabase()
        let results = try db.search(SearchQuery(text))
        #expect(results.total >= 0)
        // The document table is intact.
        #expect(try db.stats().documents == 5)
    }

    @Test func onlyNegativeQueryExplainsItself() throws {
        let db = try seededDatabase()
        let results = try db.search(SearchQuery("NOT Алматы"))
        #expect(results.total == 0)
        #expect(results.warnings.contains { $0.contains("only exclude") })
    }

    @Test func emptyQueryListsByFilters() throws {
        let db = try seededDatabase()
        #expect(try db.search(SearchQuery("")).total == 5)
    }
}
