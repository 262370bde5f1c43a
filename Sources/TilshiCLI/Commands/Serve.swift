import ArgumentParser
import Foundation
import NewsServer
import SearchStore

extension TilshiCommand {
    /// Where and how the server listens; shared by `serve` and `demo`.
    struct ServerOptions: ParsableArguments {
        @Option(help: "Interface to listen on. The default keeps the server on this machine; use 0.0.0.0 only on purpose.")
        var host: String = "127.0.0.1"

        @Option(help: "TCP port to listen on.")
        var port: Int = 8080

        @Option(
            name: .customLong("write-token"),
            help: "Bearer token that POST /api/documents must carry (or set TILSHI_WRITE_TOKEN). Without one the server is read-only."
        )
        var writeToken: String?

        @Option(name: .customLong("max-connections"), help: "Open connections at most; more wait until one closes.")
        var maxConnections = 256

        @Option(name: .customLong("idle-timeout"), help: "Seconds a connection may send nothing before it is closed.")
        var idleTimeout = 30.0

        @Option(name: .customLong("header-timeout"), help: "Seconds a new connection has to send a whole request head.")
        var headerTimeout = 10.0

        @Option(name: .customLong("body-timeout"), help: "Seconds a request has to send its whole body after its head.")
        var bodyTimeout = 30.0

        @Option(name: .customLong("max-concurrent"), help: "Searches, pages and analyses run at once (default: the number of cores, at least 2).")
        var maxConcurrent: Int?

        @Option(name: .customLong("max-queued"), help: "Requests waiting for one of those; more are answered 503 with Retry-After.")
        var maxQueued = 64

        /// The shortest write token accepted, from the option or the environment alike.
        static let minimumTokenLength = 16

        init() {}

        func validate() throws {
            guard (1...65535).contains(port) else { throw ValidationError("--port must be from 1 to 65535") }
            if let writeToken, writeToken.count < Self.minimumTokenLength {
                throw ValidationError("--write-token must be at least \(Self.minimumTokenLength) characters long")
            }
            if writeToken == nil { try Self.checkEnvironmentToken(ProcessInfo.processInfo.environment) }
            guard maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1") }
            guard maxConcurrent.map({ $0 >= 1 }) ?? true else { throw ValidationError("--max-concurrent must be at least 1") }
            guard maxQueued >= 0 else { throw ValidationError("--max-queued must be 0 or more") }
            for (name, seconds) in [("--idle-timeout", idleTimeout), ("--header-timeout", headerTimeout), ("--body-timeout", bodyTimeout)] {
                guard seconds > 0, seconds <= 86_400 else { throw ValidationError("\(name) must be more than 0 and at most 86400 seconds") }
            }
        }

        /// Refuses a `TILSHI_WRITE_TOKEN` shorter than the option's minimum: the variable is the same secret by another
        /// road. An empty variable means no token (read-only), as an unset one does.
        static func checkEnvironmentToken(_ environment: [String: String]) throws {
            if let token = environment["TILSHI_WRITE_TOKEN"], !token.isEmpty, token.count < minimumTokenLength {
                throw ValidationError("TILSHI_WRITE_TOKEN must be at least \(minimumTokenLength) characters long")
            }
        }

        /// The server configuration, with the token from the environment when not given as an option.
        var configuration: ServerConfiguration {
            let token = writeToken ?? ProcessInfo.processInfo.environment["TILSHI_WRITE_TOKEN"]
            return ServerConfiguration(
                host: host, port: port, writeToken: token,
                maxConcurrentWork: maxConcurrent ?? ServerConfiguration.defaultConcurrentWork, maxQueuedWork: maxQueued,
                idleTimeout: .milliseconds(Int64(idleTimeout * 1000)), headerTimeout: .milliseconds(Int64(headerTimeout * 1000)),
                bodyTimeout: .milliseconds(Int64(bodyTimeout * 1000)), maxConnections: maxConnections
            )
        }

        /// The address people type into a browser.
        var url: String {
            let shown = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
            return "http://\(shown.contains(":") ? "[\(shown)]" : shown):\(port)/"
        }
    }

    /// `tilshi serve`: the JSON API and the web page over a collection.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve a collection: the JSON API (/api, /openapi.json) and the web page.",
            discussion: """
                Listens on 127.0.0.1:8080 by default and is read-only unless a write token is configured. \
                Build a collection first with `tilshi ingest`, or try `tilshi demo`.
                """
        )

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var server: ServerOptions

        @Option(
            name: .customLong("read-db"),
            help: ArgumentHelp(
                "A replica of the collection to read from (searches, documents, entities, events, stats); writes still go to --db.",
                discussion: "Usually a postgres:// URL of a streaming standby of --db's PostgreSQL server (scripts/pg-replica.sh).",
                valueName: "path-or-url"
            )
        )
        var readDB: String?

        init() {}

        func run() async throws {
            let path = database.path
            guard database.exists else {
                throw ValidationError("no collection at '\(path)'; build one with `tilshi ingest --db \(path) FILES` or run `tilshi demo`")
            }
            let primary = try database.openExisting()
            guard let readDB else {
                try await ServerLauncher.run(database: primary, options: server, collection: database.displayName)
                return
            }
            var replicaOptions = DatabaseOptions()
            replicaOptions.location = readDB
            let replica = try replicaOptions.openExisting()
            try await ServerLauncher.run(
                database: ReplicatedCollection(primary: primary, replica: replica), options: server,
                collection: "\(replicaOptions.displayName) (writes to \(database.displayName))"
            )
        }
    }
}

/// Starts the application and says where it is.
enum ServerLauncher {
    static func run(database: any CollectionStore, options: TilshiCommand.ServerOptions, collection: String) async throws {
        let configuration = options.configuration
        // TILSHI_SEARCH_CACHE=off: every search pays its full cost (to measure what the cache of totals and facets
        // gives, `scripts/crash-and-load.sh` with BASELINE_ENV).
        if ProcessInfo.processInfo.environment["TILSHI_SEARCH_CACHE"] == "off" { NewsDatabase.cachesSearchSummaries = false }
        let documents = (try? database.stats().documents) ?? 0
        let mode = configuration.acceptsWrites ? "accepts POST /api/documents with the write token" : "read-only"
        FileHandle.standardOutput.write(Data("tilshi: serving \(documents) documents from \(collection) at \(options.url) (\(mode)); Ctrl-C stops\n".utf8))
        do {
            try await runServer(configuration, database: database)
        } catch {
            // NIO reports a taken port as a bare bind error; say what to do instead.
            if "\(error)".localizedCaseInsensitiveContains("address already in use") {
                throw ValidationError("\(options.host):\(options.port) is already in use; choose another port with --port")
            }
            throw error
        }
    }
}
