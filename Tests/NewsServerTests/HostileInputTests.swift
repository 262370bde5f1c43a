import Foundation
import HTTPTypes
import Hummingbird
import NewsServer
import NewsSources
import SearchStore
import Testing
import TilshiTesting

@Suite struct HostileInputTests {
    static let headers: HTTPFields = [.contentType: "application/json", .authorization: "Bearer \(TestCollection.writeToken)"]

    @Test func aNulInAPostedDocumentIsRefused() async throws {
        let database = try NewsDatabase.inMemory()
        try await TestCollection.app(database, writeToken: TestCollection.writeToken).test { client in
            // JSON spells it \u0000, a text/plain body carries the byte itself
            let json = #"{"title": "Жаңалық", "text": "Алматыда\u0000 көрме өтті. Көрермен көп болды."}"#
            let escaped = try await client.execute(uri: "/api/documents", method: .post, headers: Self.headers, body: ByteBuffer(string: json))
            #expect(escaped.status == .unprocessableContent)
            #expect(try escaped.json()["error"].map { "\($0)" }?.contains("NUL") == true)
            var plain = Self.headers
            plain[.contentType] = "text/plain"
            let raw = try await client.execute(
                uri: "/api/documents", method: .post, headers: plain, body: ByteBuffer(bytes: Array("Алматыда көрме өтті.".utf8) + [0] + Array(" Тағы.".utf8))
            )
            #expect(raw.status == .badRequest)
            #expect(try database.stats().documents == 0)
        }
    }

    @Test func aNulAlreadyStoredNeverReachesThePageRaw() async throws {
        // Given a collection built before readers refused NUL
        let database = try NewsDatabase.inMemory()
        let report = try database.ingest([SourceDocument(title: "Ескі\u{0}жазба", text: "Алматыда көрме\u{0} өтті. Көрермен көп болды.", origin: "old.txt")])
        let id = try #require(report.added.first)
        try await TestCollection.app(database).test { client in
            let page = try await client.execute(uri: "/documents/\(id)", method: .get)
            #expect(page.status == .ok)
            #expect(!page.body.readableBytesView.contains(0))
            #expect(page.text.contains("көрме\u{FFFD} өтті"))
        }
    }

    @Test func theAPINeverShowsAnAbsoluteServerPath() async throws {
        // Given documents stored with absolute origins (as older ingests did)
        let database = try NewsDatabase.inMemory()
        let report = try database.ingest([
            SourceDocument(text: "Астанада жиын өтті. Оған министр келді.", origin: "/srv/tilshi/news/жиын.txt"),
            SourceDocument(text: "Шымкентте фестиваль ашылды. Көрермен көп.", origin: "/srv/tilshi/feeds/лента.jsonl:7"),
            SourceDocument(text: "Ақтауда теңіз күні тойланды. Жұрт жиналды.", origin: "news/ақтау.txt"),
        ])
        try await TestCollection.app(database).test { client in
            var origins: [String] = []
            for id in report.added {
                let response = try await client.execute(uri: "/api/documents/\(id)?tokens=false", method: .get)
                origins.append(try response.json()["origin"] as? String ?? "")
            }
            #expect(origins == ["жиын.txt", "лента.jsonl:7", "news/ақтау.txt"])
        }
    }
}
