import Foundation
import HTTPTypes
import Hummingbird
import SearchStore
import TilshiTesting
import NewsServer
import Testing

/// Issue 20: every list endpoint pages the same way (`page`, `pageSize` with bounds, `total`) and refuses parameters
/// it does not know; an entity's co-mentions link to the search for both.
@Suite struct ListPagingTests {
    @Test func entitiesAndEventsPageWithTotals() async throws {
        try await TestCollection.app().test { client in
            let all = try await client.execute(uri: "/api/entities?pageSize=500", method: .get).json()
            let total = try #require(all["total"] as? Int)
            #expect((all["entities"] as? [Any])?.count == total)
            #expect(all["page"] as? Int == 1 && all["pageSize"] as? Int == 500)
            if total > 3 {
                let second = try await client.execute(uri: "/api/entities?pageSize=3&page=2", method: .get).json()
                let names = (second["entities"] as? [[String: Any]] ?? []).compactMap { $0["canonical"] as? String }
                let expected = (all["entities"] as? [[String: Any]] ?? [])[3..<min(6, total)].compactMap { $0["canonical"] as? String }
                #expect(names == expected)
                #expect(second["total"] as? Int == total)
            }
            let events = try await client.execute(uri: "/api/events?pageSize=1", method: .get).json()
            #expect((events["events"] as? [Any])?.count ?? 0 <= 1)
            #expect(events["total"] is Int)
            for uri in ["/api/entities?pageSize=501", "/api/entities?page=0", "/api/entities?lable=GPE", "/api/events?form=2016-10",
                        "/api/events.ics?x=1", "/api/documents/1?tokens=maybe", "/api/search?q=x&pageSize=101"] {
                #expect(try await client.execute(uri: uri, method: .get).status == .badRequest, "\(uri)")
            }
            let pageSized = try await client.execute(uri: "/api/search?q=\("Алматы".queryEncoded)&pageSize=2", method: .get).json()
            #expect((pageSized["hits"] as? [Any])?.count == 2)
            #expect(pageSized["pageSize"] as? Int == 2)
        }
    }

    @Test func pagesRefuseUnknownParametersButKeepLanguageAndScript() async throws {
        try await TestCollection.app().test { client in
            let misspelt = try await client.execute(uri: "/events?form=2016-10", method: .get)
            #expect(misspelt.status == .badRequest)
            #expect(try await client.execute(uri: "/entities?labl=GPE", method: .get).status == .badRequest)
            #expect(try await client.execute(uri: "/documents/1?tokns=1", method: .get).status == .badRequest)
            #expect(try await client.execute(uri: "/api/entities/1?x=1", method: .get).status == .badRequest)
            #expect(try await client.execute(uri: "/documents/1?lang=en", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/events?lang=en&script=latn", method: .get).status == .ok)
        }
    }

    @Test(.enabled(if: TestCollection.hasEntities, "needs the NER stage in kk-default"))
    func coMentionsLinkToACombinedSearch() async throws {
        try await TestCollection.app().test { client in
            let html = try await client.execute(uri: "/entities/1", method: .get).text
            #expect(html.contains("id=\"related\""))
            let href = try #require(html.range(of: #"class="small together" href="/\?q=%22[^"]+&amp;entity=[^"]+""#, options: .regularExpression))
            let link = String(html[href]).replacingOccurrences(of: "class=\"small together\" href=\"", with: "").dropLast().replacingOccurrences(of: "&amp;", with: "&")
            let results = try await client.execute(uri: link, method: .get)
            #expect(results.status == .ok)
            #expect(results.text.contains("class=\"result card\""))
        }
    }

    /// `/api` renders the OpenAPI document for people: every operation, its parameters and answers.
    @Test func apiPageIsReadable() async throws {
        try await TestCollection.app().test { client in
            let response = try await client.execute(uri: "/api", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let html = response.text
            #expect(html.contains("<section class=\"api-op card\" id=\"search\">"))
            #expect(html.contains("<code>notSource</code>"))
            #expect(html.contains("relevance | date"))
            #expect(html.contains("href=\"/api\" aria-current=\"page\""))
        }
    }
}
