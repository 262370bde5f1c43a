import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import NewsSources
import SearchStore
import Testing
import TilshiTesting
@testable import NewsServer

@Suite struct LoadTests {
    /// The application over the seeded collection, its heavy work through `work`.
    static func app(_ work: WorkLimiter, database: NewsDatabase = TestCollection.shared) throws -> some ApplicationProtocol {
        let configuration = ServerConfiguration(writeToken: TestCollection.writeToken)
        return Application(router: try buildRouter(configuration, database: database, work: work))
    }

    /// Waits (without a deadline on the result: the loop ends once the limiter reports it) until `condition` holds.
    static func wait(for condition: () -> Bool) async throws {
        while !condition() { try await Task.sleep(for: .milliseconds(5)) }
    }

    @Test func healthAndStaticFilesAnswerWhileSearchesFillTheServerAndOverloadGets503() async throws {
        // Given a server allowed one search at a time and one more waiting
        let work = WorkLimiter(maxConcurrent: 1, maxQueued: 1)
        try await Self.app(work).test { client in
            // ... a slow search holding the slot (it waits until released)
            let release = DispatchSemaphore(value: 0)
            let slow = Task { try await work.run { release.wait() } }
            try await Self.wait { work.load.running == 1 }
            // ... and a real search waiting in line
            let search = "/api/search?q=\("Алматы".queryEncoded)"
            let queued = Task { try await client.execute(uri: search, method: .get) }
            try await Self.wait { work.load.waiting == 1 }

            // When more searches, pages and analyses arrive, they are refused at once with 503 and Retry-After
            let refused = try await client.execute(uri: search, method: .get)
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.headers[.retryAfter] == "1")
            #expect(try refused.json()["error"] != nil)
            let page = try await client.execute(uri: "/?q=\("Алматы".queryEncoded)", method: .get)
            #expect(page.status == .serviceUnavailable)
            #expect(page.headers[.retryAfter] == "1")
            let post = try await client.execute(
                uri: "/api/documents", method: .post,
                headers: [.contentType: "text/plain; charset=utf-8", .authorization: "Bearer \(TestCollection.writeToken)"],
                body: ByteBuffer(string: "Таразда жаңа мектеп ашылды. Оқушылар қуанды.")
            )
            #expect(post.status == .serviceUnavailable)
            #expect(post.headers[.retryAfter] == "1")

            // Then health and the static files still answer
            let health = try await client.execute(uri: "/api/health", method: .get)
            #expect(health.status == .ok)
            #expect(try health.json()["documents"] as? Int == 5)
            #expect(try await client.execute(uri: "/static/style.css", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/openapi.json", method: .get).status == .ok)

            // And once the slow search ends, the waiting one is answered
            release.signal()
            try await slow.value
            let answered = try await queued.value
            #expect(answered.status == .ok)
            #expect((try answered.json()["total"] as? Int ?? 0) >= 4)
            #expect(work.load == (0, 0))
        }
    }

    @Test func healthAnswersWhileAnalysesAreRunning() async throws {
        // Given both slots held by analyses that run until released
        let database = try NewsDatabase.inMemory()
        let work = WorkLimiter(maxConcurrent: 2, maxQueued: 0)
        try await Self.app(work, database: database).test { client in
            let release = DispatchSemaphore(value: 0)
            let holders = (0..<2).map { _ in Task { try await work.run { release.wait() } } }
            try await Self.wait { work.load.running == 2 }
            // When health is asked, it answers from the collection's figures
            let health = try await client.execute(uri: "/api/health", method: .get)
            #expect(health.status == .ok)
            #expect(try health.json()["documents"] as? Int == 0)
            // And a document sent now is refused with 503 rather than queued without end
            let post = try await client.execute(
                uri: "/api/documents", method: .post,
                headers: [.contentType: "text/plain; charset=utf-8", .authorization: "Bearer \(TestCollection.writeToken)"],
                body: ByteBuffer(string: "Таразда жаңа мектеп ашылды. Оқушылар қуанды.")
            )
            #expect(post.status == .serviceUnavailable)
            release.signal()
            release.signal()
            for holder in holders { try await holder.value }
            // Then with the slots free the same document is stored
            let stored = try await client.execute(
                uri: "/api/documents", method: .post,
                headers: [.contentType: "text/plain; charset=utf-8", .authorization: "Bearer \(TestCollection.writeToken)"],
                body: ByteBuffer(string: "Таразда жаңа мектеп ашылды. Оқушылар қуанды.")
            )
            #expect(stored.status == .created)
        }
    }
}
