import Foundation
import HTTPTypes
import Hummingbird
import TilshiTesting
import NewsServer
import NewsSources
import SearchStore
import Testing

@Suite struct IngestTests {
    static let hostile = "<script>alert(1)</script>"

    static func jsonBody(_ fields: [String: String]) throws -> ByteBuffer {
        ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: fields))
    }

    @Test func readOnlyServerRefusesWrites() async throws {
        try await TestCollection.app(try NewsDatabase.inMemory()).test { client in
            let response = try await client.execute(
                uri: "/api/documents", method: .post, headers: [.contentType: "application/json", .authorization: "Bearer anything-at-all-here"],
                body: try Self.jsonBody(["title": "Тақырып", "text": "Алматыда көрме өтті."])
            )
            #expect(response.status == .forbidden)
        }
    }

    @Test func writesNeedTheRightBearerToken() async throws {
        try await TestCollection.app(try NewsDatabase.inMemory(), writeToken: TestCollection.writeToken).test { client in
            let body = try Self.jsonBody(["title": "Тақырып", "text": "Алматыда көрме өтті."])
            let missing = try await client.execute(uri: "/api/documents", method: .post, headers: [.contentType: "application/json"], body: body)
            #expect(missing.status == .unauthorized)
            #expect(missing.headers[.wwwAuthenticate] == "Bearer")
            let wrong = try await client.execute(
                uri: "/api/documents", method: .post, headers: [.contentType: "application/json", .authorization: "Bearer \(TestCollection.writeToken)x"], body: body
            )
            #expect(wrong.status == .unauthorized)
            let right = try await client.execute(
                uri: "/api/documents", method: .post, headers: [.contentType: "application/json", .authorization: "Bearer \(TestCollection.writeToken)"], body: body
            )
            #expect(right.status == .created)
            #expect(right.headers[.location] == "/api/documents/1")
            let again = try await client.execute(
                uri: "/api/documents", method: .post, headers: [.contentType: "application/json", .authorization: "Bearer \(TestCollection.writeToken)"], body: body
            )
            #expect(again.status == .ok)
            #expect(try again.json()["duplicates"] as? Int == 1)
        }
    }

    @Test func malformedBodiesAreRefusedClearly() async throws {
        let auth: HTTPFields = [.authorization: "Bearer \(TestCollection.writeToken)", .contentType: "application/json"]
        try await TestCollection.app(try NewsDatabase.inMemory(), writeToken: TestCollection.writeToken).test { client in
            let notJSON = try await client.execute(uri: "/api/documents", method: .post, headers: auth, body: ByteBuffer(string: "{title"))
            #expect(notJSON.status == .badRequest)
            let noText = try await client.execute(uri: "/api/documents", method: .post, headers: auth, body: try Self.jsonBody(["title": "x"]))
            #expect(noText.status == .badRequest)
            #expect(((try noText.json()["error"] as? [String: Any])?["message"] as? String)?.contains("missing 'text'") == true)
            let empty = try await client.execute(uri: "/api/documents", method: .post, headers: auth, body: try Self.jsonBody(["title": "x", "text": "  "]))
            #expect(empty.status == .unprocessableContent)
            var badType = auth
            badType[.contentType] = "image/png"
            let png = try await client.execute(uri: "/api/documents", method: .post, headers: badType, body: ByteBuffer(string: "x"))
            #expect(png.status == .unsupportedMediaType)
            let invalidUTF8 = try await client.execute(uri: "/api/documents", method: .post, headers: auth, body: ByteBuffer(bytes: [0xFF, 0xFE, 0x41]))
            #expect(invalidUTF8.status == .badRequest)
        }
    }

    /// A document whose title and text carry a script: the pages show it as text, the API returns it verbatim.
    @Test func hostileMarkupIsEscapedOnPagesAndVerbatimInJSON() async throws {
        let database = try NewsDatabase.inMemory()
        try await TestCollection.app(database, writeToken: TestCollection.writeToken).test { client in
            let text = "Алматыда \(Self.hostile) көрме өтті. Қасым-Жомарт Тоқаев \"<b>\" & 'x' деді."
            let created = try await client.execute(
                uri: "/api/documents", method: .post,
                headers: [.contentType: "application/json", .authorization: "Bearer \(TestCollection.writeToken)"],
                body: try Self.jsonBody(["title": "Тақырып \(Self.hostile)", "text": text, "url": "javascript:alert(1)"])
            )
            #expect(created.status == .created)

            let json = try await client.execute(uri: "/api/documents/1", method: .get).json()
            #expect(json["title"] as? String == "Тақырып \(Self.hostile)")
            #expect(json["text"] as? String == text)

            for uri in ["/documents/1", "/?q=\("көрме".queryEncoded)", "/?q=\(Self.hostile.queryEncoded)", "/entities?q=\(Self.hostile.queryEncoded)"] {
                let page = try await client.execute(uri: uri, method: .get)
                #expect(page.status == .ok, "\(uri)")
                let html = page.text
                #expect(!html.contains("<script>alert"), "\(uri) renders the script as markup")
                #expect(!html.contains("\"<b>\""), "\(uri) renders a tag from the data")
                #expect(!html.contains("javascript:"), "\(uri) links a javascript: URL")
                #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            }
            let page = try await client.execute(uri: "/documents/1", method: .get).text
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            let search = try await client.execute(uri: "/?q=\(Self.hostile.queryEncoded)", method: .get).text
            #expect(search.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""))
        }
    }

    @Test func plainTextAndHTMLBodies() async throws {
        let auth: HTTPFields = [.authorization: "Bearer \(TestCollection.writeToken)"]
        try await TestCollection.app(try NewsDatabase.inMemory(), writeToken: TestCollection.writeToken).test { client in
            var headers = auth
            headers[.contentType] = "text/plain; charset=utf-8"
            let plain = try await client.execute(uri: "/api/documents", method: .post, headers: headers, body: ByteBuffer(string: "Астанада жиын өтті."))
            #expect(plain.status == .created)
            headers[.contentType] = "text/html"
            let page = "<html><head><title>Жаңалық</title></head><body><p>Алматыда көрме ашылды.</p><script>var x = 1;</script></body></html>"
            let html = try await client.execute(uri: "/api/documents", method: .post, headers: headers, body: ByteBuffer(string: page))
            #expect(html.status == .created)
            let stored = try await client.execute(uri: "/api/documents/2?tokens=false", method: .get).json()
            #expect((stored["text"] as? String)?.contains("Алматыда көрме ашылды.") == true)
            #expect((stored["text"] as? String)?.contains("var x") == false)
        }
    }

    /// Readers keep getting answers while documents are being written.
    @Test func readersRunWhileAnIngestRuns() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tilshi-concurrency-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try NewsDatabase.open(path: folder.appendingPathComponent("c.sqlite").path)
        try database.ingest(try SeedArticles.datedDocuments())
        let seeds = try SeedArticles.datedDocuments()
        try await TestCollection.app(database, writeToken: TestCollection.writeToken).test { client in
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for (index, seed) in seeds.enumerated() {
                    group.addTask {
                        try await client.execute(
                            uri: "/api/documents", method: .post,
                            headers: [.contentType: "application/json", .authorization: "Bearer \(TestCollection.writeToken)"],
                            body: try Self.jsonBody(["title": "copy \(index)", "text": seed.text + "\nҚосымша жол \(index)."])
                        ).status
                    }
                }
                for _ in 0..<40 {
                    group.addTask { try await client.execute(uri: "/api/search?q=\("Алматы".queryEncoded)", method: .get).status }
                }
                var statuses: [HTTPResponse.Status] = []
                for try await status in group { statuses.append(status) }
                #expect(statuses.allSatisfy { $0 == .ok || $0 == .created })
            }
        }
    }
}
