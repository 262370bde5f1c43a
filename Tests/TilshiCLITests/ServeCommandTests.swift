import ArgumentParser
import NewsSources
import SampleArticles
import Testing
@testable import TilshiCLI

@Suite struct ServeCommandTests {
    @Test func defaultsAreLoopbackReadOnly() throws {
        let serve = try TilshiCommand.Serve.parse([])
        #expect(serve.server.host == "127.0.0.1")
        #expect(serve.server.port == 8080)
        #expect(serve.database.path == "tilshi.sqlite")
        #expect(serve.server.writeToken == nil)
        #expect(serve.server.url == "http://127.0.0.1:8080/")
    }

    @Test func badPortsAndShortTokensAreRefused() {
        #expect(throws: (any Error).self) { try TilshiCommand.Serve.parse(["--port", "0"]) }
        #expect(throws: (any Error).self) { try TilshiCommand.Serve.parse(["--port", "70000"]) }
        #expect(throws: (any Error).self) { try TilshiCommand.Serve.parse(["--write-token", "short"]) }
        #expect(throws: Never.self) { try TilshiCommand.Demo.parse(["--port", "9090", "--write-token", "a-long-enough-token-1"]) }
    }

    @Test func demoShipsTheFiveSampleArticlesWithTitles() throws {
        let samples = try SampleArticles.demoDocuments()
        #expect(samples.count == 5)
        #expect(samples.allSatisfy { ($0.title ?? "").count > 10 && $0.text.count > 1000 })
        #expect(samples.contains { $0.title == "Алматы ресми түрде World Craft City мәртебесіне ие болды" })
    }
}
