import Foundation
import HTTPTypes
import Hummingbird
import TilshiTesting
import NewsServer
import SearchStore
import Testing

@Suite struct APITests {
    @Test func healthReportsTheCollection() async throws {
        try await TestCollection.app().test { client in
            let response = try await client.execute(uri: "/api/health", method: .get)
            #expect(response.status == .ok)
            let json = try response.json()
            #expect(json["status"] as? String == "ok")
            #expect(json["documents"] as? Int == 5)
            #expect(json["writable"] as? Bool == false)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
        }
    }

    @Test func searchFindsInflectedFormsWithHighlightsAndFacets() async throws {
        try await TestCollection.app().test { client in
            let response = try await client.execute(uri: "/api/search?q=\("Алматы".queryEncoded)", method: .get)
            #expect(response.status == .ok)
            let json = try response.json()
            let hits = json["hits"] as? [[String: Any]] ?? []
            #expect((json["total"] as? Int ?? 0) >= 4)
            // Five articles are far below the 10,000 matches after which the count stops.
            #expect(json["totalIsExact"] as? Bool == true)
            #expect(!hits.isEmpty)
            // Every snippet highlights a form of the word searched for.
            for hit in hits {
                let snippet = hit["snippet"] as? [String: Any]
                let text = Array((snippet?["text"] as? String ?? "").unicodeScalars)
                let ranges = snippet?["highlights"] as? [[String: Int]] ?? []
                #expect(!ranges.isEmpty)
                for range in ranges {
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: text[range["start"]!..<range["end"]!])
                    #expect(String(view).lowercased().hasPrefix("алмат"))
                }
            }
            #expect(json["facets"] != nil)
            #expect(json["page"] as? Int == 1)
        }
    }

    @Test func documentCarriesTextAndEveryLayerWithOffsets() async throws {
        try await TestCollection.app().test { client in
            let response = try await client.execute(uri: "/api/documents/1", method: .get)
            #expect(response.status == .ok)
            let json = try response.json()
            let text = Array((json["text"] as? String ?? "").unicodeScalars)
            let analysis = json["analysis"] as? [String: Any] ?? [:]
            for layer in ["sentences", "tokens", "entities", "times", "amounts", "quotes", "meetings", "events"] {
                #expect(analysis[layer] is [Any], "layer \(layer) missing")
            }
            let tokens = analysis["tokens"] as? [[String: Any]] ?? []
            #expect(tokens.count > 50)
            // Token offsets index the original text.
            for token in tokens.prefix(100) {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: text[(token["start"] as! Int)..<(token["end"] as! Int)])
                #expect(String(view) == token["text"] as? String)
            }
        }
    }

    @Test func unknownDocumentAndBadIdentifiersAreClearErrors() async throws {
        try await TestCollection.app().test { client in
            let missing = try await client.execute(uri: "/api/documents/999999", method: .get)
            #expect(missing.status == .notFound)
            #expect((try missing.json()["error"] as? [String: Any])?["message"] as? String == "no document with id 999999")
            let bad = try await client.execute(uri: "/api/documents/abc", method: .get)
            #expect(bad.status == .badRequest)
            let route = try await client.execute(uri: "/api/nothing-here", method: .get)
            #expect(route.status == .notFound)
            #expect((try route.json()["error"] as? [String: Any])?["message"] != nil)
        }
    }

    @Test func limitsGiveClear4xx() async throws {
        try await TestCollection.app(writeToken: TestCollection.writeToken, maxBodyBytes: 1024).test { client in
            let longQuery = try await client.execute(uri: "/api/search?q=" + String(repeating: "a", count: 3000), method: .get)
            #expect(longQuery.status == .uriTooLong)
            let longText = try await client.execute(uri: "/api/search?q=" + String(repeating: "ab ", count: 100).queryEncoded, method: .get)
            #expect(longText.status == .badRequest)
            let page = try await client.execute(uri: "/api/search?q=x&page=0", method: .get)
            #expect(page.status == .badRequest)
            let date = try await client.execute(uri: "/api/events?from=yesterday", method: .get)
            #expect(date.status == .badRequest)
            #expect((try date.json()["error"] as? [String: Any])?["message"] as? String == "parameter 'from' must be a date yyyy-MM-dd or a month yyyy-MM, not 'yesterday'")
            let label = try await client.execute(uri: "/api/entities?label=%27%3B%20DROP", method: .get)
            #expect(label.status == .badRequest)
            let big = try await client.execute(
                uri: "/api/documents", method: .post,
                headers: [.authorization: "Bearer \(TestCollection.writeToken)", .contentType: "text/plain"],
                body: ByteBuffer(string: String(repeating: "Алматы ", count: 400))
            )
            #expect(big.status == .contentTooLarge)
            #expect((try big.json()["error"] as? [String: Any])?["message"] != nil)
        }
    }

    @Test(.enabled(if: TestCollection.hasEntities, "needs the NER stage in kk-default"))
    func entitiesAndEntityProfile() async throws {
        try await TestCollection.app().test { client in
            let list = try await client.execute(uri: "/api/entities", method: .get)
            #expect(list.status == .ok)
            let entities = try list.json()["entities"] as? [[String: Any]] ?? []
            try #require(!entities.isEmpty)
            let id = entities[0]["id"] as! Int
            let profile = try await client.execute(uri: "/api/entities/\(id)", method: .get)
            #expect(profile.status == .ok)
            let json = try profile.json()
            #expect((json["mentions"] as? [Any])?.isEmpty == false)
            for key in ["related", "timeline", "roles", "quotes", "meetings"] { #expect(json[key] is [Any], "\(key) missing") }
            let missing = try await client.execute(uri: "/api/entities/999999", method: .get)
            #expect(missing.status == .notFound)
        }
    }

    @Test func eventsAsJSONAndCalendar() async throws {
        try await TestCollection.app().test { client in
            let events = try await client.execute(uri: "/api/events?from=2000-01&to=2100-12-31", method: .get)
            #expect(events.status == .ok)
            #expect(try events.json()["events"] is [Any])
            let ics = try await client.execute(uri: "/api/events.ics", method: .get)
            #expect(ics.status == .ok)
            #expect(ics.headers[.contentType]?.hasPrefix("text/calendar") == true)
            #expect(ics.text.hasPrefix("BEGIN:VCALENDAR"))
        }
    }
}
