import Foundation
import HTTPTypes
import Hummingbird
import NewsSources
import SearchStore
import TilshiTesting
@testable import NewsServer
import Testing

/// Issue 20: the entity page and `/api/entities/{id}` list every article naming the entity, one row each, paged, with
/// roles over time and co-mentions that lead to a combined search.
@Suite struct EntityPageTests {
    /// Five short articles written for these tests, all naming Almaty, two of them Astana too.
    static func collection() throws -> NewsDatabase {
        let database = try NewsDatabase.inMemory()
        let articles: [(String, String)] = [
            ("2024-01-10", "Алматыда жаңа саябақ ашылды. Саябақ Алматы тұрғындарына арналған."),
            ("2024-02-14", "Алматы мен Астана арасында жаңа пойыз жүре бастады."),
            ("2024-03-05", "Алматыда қар қалың түсті. Алматы көшелері тазартылды."),
            ("2024-04-22", "Астана мен Алматы әуежайлары жөндеуден өтті."),
            ("2024-05-30", "Алматыда көктемгі жәрмеңке басталды."),
        ]
        try database.ingest(articles.enumerated().map { index, article in
            SourceDocument(title: "Мақала \(index + 1)", text: article.1, source: "Сынақ", published: article.0, origin: "entity-page-test")
        })
        return database
    }

    static func almaty(_ database: NewsDatabase) throws -> EntitySummary {
        let places = try database.entities(label: "GPE", limit: 50)
        return try #require(places.max { $0.documentCount < $1.documentCount }, "\(places.map(\.canonical))")
    }

    @Test(.enabled(if: TestCollection.hasEntities, "needs the NER stage in kk-default"))
    func apiPagesThroughArticles() async throws {
        let database = try Self.collection()
        let almaty = try Self.almaty(database)
        #expect(almaty.documentCount >= 4)
        try await TestCollection.app(database).test { client in
            let first = try await client.execute(uri: "/api/entities/\(almaty.id)?pageSize=2", method: .get)
            #expect(first.status == .ok)
            let json = try first.json()
            let articles = try #require(json["articles"] as? [[String: Any]])
            #expect(articles.count == 2)
            #expect(json["page"] as? Int == 1)
            #expect(json["pageSize"] as? Int == 2)
            #expect(json["total"] as? Int == almaty.documentCount)
            // Newest first, each with its mention count and at least one snippet.
            #expect(articles.compactMap { $0["published"] as? String } == ["2024-05-30", "2024-04-22"])
            for article in articles {
                #expect((article["mentionCount"] as? Int ?? 0) >= 1)
                #expect(!((article["snippets"] as? [Any]) ?? []).isEmpty)
            }
            // Older clients keep their fields.
            #expect(json["mentions"] is [Any])
            #expect(json["roles"] is [Any])
            #expect(json["roleHistory"] is [Any])

            let last = try await client.execute(uri: "/api/entities/\(almaty.id)?page=\(1 + (almaty.documentCount - 1) / 2)&pageSize=2", method: .get)
            let lastArticles = try #require(try last.json()["articles"] as? [[String: Any]])
            #expect(lastArticles.count == (almaty.documentCount % 2 == 0 ? 2 : 1))
            #expect(lastArticles.last?["published"] as? String == "2024-01-10")
            let beyond = try await client.execute(uri: "/api/entities/\(almaty.id)?page=9&pageSize=2", method: .get)
            #expect((try beyond.json()["articles"] as? [Any])?.isEmpty == true)
            for bad in ["pageSize=0", "pageSize=501", "page=0", "page=x", "sort=date"] {
                #expect(try await client.execute(uri: "/api/entities/\(almaty.id)?\(bad)", method: .get).status == .badRequest, "\(bad)")
            }
        }
    }

    @Test(.enabled(if: TestCollection.hasEntities, "needs the NER stage in kk-default"))
    func pageShowsOneRowPerArticleWithAPager() async throws {
        let database = try Self.collection()
        let almaty = try Self.almaty(database)
        let (status, html) = try await SearchPageUXTests.html("/entities/\(almaty.id)?pageSize=2", database)
        #expect(status == .ok)
        let list = try #require(html.range(of: "<ol class=\"articles\" id=\"articles\""))
        let listEnd = try #require(html.range(of: "</ol>", range: list.upperBound..<html.endIndex))
        let rows = html[list.upperBound..<listEnd.lowerBound]
        #expect(rows.components(separatedBy: "<li>").count - 1 == 2)
        #expect(rows.contains("<mark class=\"hit\">"))
        // Dates in words, the newest first.
        #expect(rows.contains("30 мамыр 2024"))
        let pages = 1 + (almaty.documentCount - 1) / 2
        #expect(html.contains("бет 1 / \(pages)"))
        #expect(html.contains("href=\"/entities/\(almaty.id)?page=2&amp;pageSize=2\" rel=\"next\""))
        #expect(!html.contains("rel=\"prev\""))

        let (_, second) = try await SearchPageUXTests.html("/entities/\(almaty.id)?page=2&pageSize=2", database)
        #expect(second.contains("href=\"/entities/\(almaty.id)?pageSize=2\" rel=\"prev\""))
        #expect(second.contains("бет 2 / \(pages)"))
        #expect(second.contains("22 сәуір 2024") == false)
        let (badStatus, _) = try await SearchPageUXTests.html("/entities/\(almaty.id)?page=0", database)
        #expect(badStatus == .badRequest)
    }

    /// "Search together" finds the articles naming both entities: as many as the co-mention count says.
    @Test(.enabled(if: TestCollection.hasEntities, "needs the NER stage in kk-default"))
    func coMentionLinksToACombinedSearch() async throws {
        let database = try Self.collection()
        let almaty = try Self.almaty(database)
        let profile = try #require(try database.entityProfile(id: almaty.id))
        let astana = try #require(profile.related.first { $0.entity.canonical.hasPrefix("Астана") }, "\(profile.related.map(\.entity.canonical))")
        let (_, html) = try await SearchPageUXTests.html("/entities/\(almaty.id)", database)
        let link = try #require(html.range(of: #"class="small together" href="/\?q=[^"]*""#, options: .regularExpression))
        let href = String(html[link]).components(separatedBy: "href=\"")[1].dropLast().replacingOccurrences(of: "&amp;", with: "&")
        #expect(href.contains("entity=\(almaty.canonical.queryEncoded)"))
        try await TestCollection.app(database).test { client in
            let search = try await client.execute(uri: "/api" + href.replacingOccurrences(of: "/?", with: "/search?"), method: .get)
            #expect(search.status == .ok)
            #expect(try search.json()["total"] as? Int == astana.sharedDocuments)
        }
    }
}
