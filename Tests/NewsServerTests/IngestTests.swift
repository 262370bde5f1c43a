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

    /// A batch (a JSON array of documents, or JSON Lines) goes through the `analyze` command's pool on every core and
    /// is stored in one transaction in input order: each stored document is exactly what posting it alone stores.
    /// A bad element refuses the whole batch, naming the element, and stores nothing.
    @Test func batchesAreStoredInOrderAsIfPostedOneByOne() async throws {
        let seeds = try SeedArticles.datedDocuments()
        let payloads: [[String: String]] = seeds.enumerated().map { index, seed in
            ["title": seed.title ?? "Жаңалық \(index + 1)", "text": seed.text, "published": seed.published ?? "", "source": seed.source ?? ""]
        }
        let auth: HTTPFields = [.authorization: "Bearer \(TestCollection.writeToken)", .contentType: "application/json"]
        // The reference: each document posted alone, in order.
        let single = try await TestCollection.app(try NewsDatabase.inMemory(), writeToken: TestCollection.writeToken).test { client in
            for payload in payloads {
                let response = try await client.execute(uri: "/api/documents", method: .post, headers: auth, body: try Self.jsonBody(payload))
                #expect(response.status == .created)
            }
            var stored: [String] = []
            for id in 1...payloads.count { stored.append(try await Self.storedDocument(id, client)) }
            return stored
        }
        try await TestCollection.app(try NewsDatabase.inMemory(), writeToken: TestCollection.writeToken).test { client in
            let batch = try await client.execute(
                uri: "/api/documents", method: .post, headers: auth, body: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: payloads)))
            #expect(batch.status == .created)
            #expect(Self.ids(try batch.json()["added"]) == Array(1...payloads.count))
            #expect(batch.headers[.location] == "/api/documents/1")
            for id in 1...payloads.count {
                #expect(try await Self.storedDocument(id, client) == single[id - 1], "document \(id)")
            }

            // JSON Lines with an empty text on the second line: refused with its position, nothing stored.
            var lines = auth
            lines[.contentType] = "application/x-ndjson"
            let good = #"{"title":"Мектеп","text":"Ақтөбеде үш жүз оқушыға арналған жаңа мектеп ашылды."}"#
            let bad = try await client.execute(
                uri: "/api/documents", method: .post, headers: lines, body: ByteBuffer(string: good + "\n" + #"{"title":"Бос","text":"  "}"# + "\n"))
            #expect(bad.status == .unprocessableContent)
            #expect(((try bad.json()["error"] as? [String: Any])?["message"] as? String)?.hasPrefix("document 2 of 2: ") == true)
            let notJSON = try await client.execute(uri: "/api/documents", method: .post, headers: lines, body: ByteBuffer(string: good + "\n{text\n"))
            #expect(notJSON.status == .badRequest)
            let emptyArray = try await client.execute(uri: "/api/documents", method: .post, headers: auth, body: ByteBuffer(string: " [ ] "))
            #expect(emptyArray.status == .unprocessableContent)
            #expect(try await client.execute(uri: "/api/documents/\(payloads.count + 1)", method: .get).status == .notFound)

            // The same lines without the bad one are stored, blank lines skipped, after the batch above.
            let second = #"{"title":"Жол","text":"Қарағанды мен Теміртау арасындағы жол жөнделіп бітті."}"#
            let stored = try await client.execute(
                uri: "/api/documents", method: .post, headers: lines, body: ByteBuffer(string: good + "\n\n" + second + "\n"))
            #expect(stored.status == .created)
            #expect(Self.ids(try stored.json()["added"]) == [payloads.count + 1, payloads.count + 2])
            let last = try await client.execute(uri: "/api/documents/\(payloads.count + 2)?tokens=false", method: .get).json()
            #expect(last["title"] as? String == "Жол")
        }
    }

    /// The ids of a JSON array of numbers.
    static func ids(_ value: Any?) -> [Int]? {
        (value as? [Any])?.compactMap { ($0 as? NSNumber)?.intValue }
    }

    /// A stored document as the API returns it, keys sorted, without the time it was ingested.
    static func storedDocument(_ id: Int, _ client: TestClient) async throws -> String {
        var json = try await client.execute(uri: "/api/documents/\(id)", method: .get).json()
        json["ingestedAt"] = nil
        return String(decoding: try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]), as: UTF8.self)
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
