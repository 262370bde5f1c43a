import Foundation
import HTTPTypes
import Hummingbird
import NewsServer
import NewsSources
import SearchStore
import Testing
import TilshiTesting

/// `tilshi serve --db PRIMARY --read-db REPLICA`: the server over a ``ReplicatedCollection`` writes to one store and
/// reads from the other (here two SQLite collections that differ on purpose, so the test sees which one answered).
@Suite struct ReadReplicaTests {
    @Test func writesGoToThePrimaryAndReadsToTheReplica() async throws {
        let primary = try NewsDatabase.inMemory()
        let replica = try NewsDatabase.inMemory()
        try replica.ingest([SourceDocument(title: "Көкшетауда жәрмеңке", text: "Көкшетау қаласында күзгі жәрмеңке ашылды. Жәрмеңкеге фермерлер келді.", origin: "replica.txt")])
        let store = ReplicatedCollection(primary: primary, replica: replica)
        #expect(store.backendName == "sqlite+replica")
        let app = try buildApplication(ServerConfiguration(writeToken: TestCollection.writeToken), database: store)
        try await app.test { client in
            let body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: [
                "title": "Павлодарда көпір салынды", "text": "Павлодар облысында Ертіс өзені арқылы жаңа көпір салынды. Көпір күзде ашылады.",
            ]))
            let posted = try await client.execute(
                uri: "/api/documents", method: .post,
                headers: [.contentType: "application/json", .authorization: "Bearer \(TestCollection.writeToken)"], body: body
            )
            #expect(posted.status == .created)
            // Written to the primary only.
            #expect(try primary.stats().documents == 1)
            #expect(try replica.stats().documents == 1)
            #expect(try primary.search(SearchQuery("көпірді")).total == 1)

            // Searches, documents and stats come from the replica: its article is found (by an inflected form), the
            // primary's is not (a replica that has not replayed it yet).
            let found = try await client.execute(uri: "/api/search?q=%D0%B6%D3%99%D1%80%D0%BC%D0%B5%D2%A3%D0%BA%D0%B5%D0%B3%D0%B5", method: .get)
            #expect(found.status == .ok)
            #expect(try found.json()["total"] as? Int == 1)
            let missing = try await client.execute(uri: "/api/search?q=%D0%BA%D3%A9%D0%BF%D1%96%D1%80", method: .get)
            #expect(try missing.json()["total"] as? Int == 0)
            let stats = try await client.execute(uri: "/api/health", method: .get)
            #expect(try stats.json()["documents"] as? Int == 1)
            let document = try await client.execute(uri: "/api/documents/1", method: .get)
            #expect(document.status == .ok)
            #expect(try document.json()["title"] as? String == "Көкшетауда жәрмеңке")
        }
    }
}
