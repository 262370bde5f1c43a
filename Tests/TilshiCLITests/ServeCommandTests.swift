import ArgumentParser
import NewsServer
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

    @Test func theEnvironmentTokenObeysTheSameMinimum() {
        #expect(throws: (any Error).self) { try TilshiCommand.ServerOptions.checkEnvironmentToken(["TILSHI_WRITE_TOKEN": "short"]) }
        #expect(throws: (any Error).self) { try TilshiCommand.ServerOptions.checkEnvironmentToken(["TILSHI_WRITE_TOKEN": "fifteen-chars-x"]) }
        #expect(throws: Never.self) { try TilshiCommand.ServerOptions.checkEnvironmentToken(["TILSHI_WRITE_TOKEN": "sixteen-chars-xy"]) }
        // Unset or empty: no token, a read-only server
        #expect(throws: Never.self) { try TilshiCommand.ServerOptions.checkEnvironmentToken([:]) }
        #expect(throws: Never.self) { try TilshiCommand.ServerOptions.checkEnvironmentToken(["TILSHI_WRITE_TOKEN": ""]) }
    }

    @Test func timeoutsAndLimitsAreConfigurable() throws {
        let defaults = try TilshiCommand.Serve.parse([]).server.configuration
        #expect(defaults.idleTimeout == .seconds(30) && defaults.headerTimeout == .seconds(10) && defaults.bodyTimeout == .seconds(30))
        #expect(defaults.maxConnections == 256 && defaults.maxQueuedWork == 64 && defaults.maxConcurrentWork >= 2)
        let set = try TilshiCommand.Serve.parse([
            "--idle-timeout", "5", "--header-timeout", "2.5", "--body-timeout", "20", "--max-connections", "100",
            "--max-concurrent", "3", "--max-queued", "10",
        ]).server.configuration
        #expect(set.idleTimeout == .seconds(5) && set.headerTimeout == .milliseconds(2500) && set.bodyTimeout == .seconds(20))
        #expect(set.maxConnections == 100 && set.maxConcurrentWork == 3 && set.maxQueuedWork == 10)
        #expect(throws: (any Error).self) { try TilshiCommand.Serve.parse(["--header-timeout", "0"]) }
        #expect(throws: (any Error).self) { try TilshiCommand.Serve.parse(["--max-connections", "0"]) }
    }

    @Test func demoShipsTheFiveSampleArticlesWithTitles() throws {
        let samples = try SampleArticles.demoDocuments()
        #expect(samples.count == 5)
        #expect(samples.allSatisfy { ($0.title ?? "").count > 10 && $0.text.count > 1000 })
        #expect(samples.contains { $0.title == "Алматы ресми түрде World Craft City мәртебесіне ие болды" })
    }
}
