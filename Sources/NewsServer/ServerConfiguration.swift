import Foundation

/// How `tilshi serve` runs: where it listens, which collection it reads, whether it accepts writes.
///
/// The defaults are the safe ones: loopback only, read-only, small request limits.
public struct ServerConfiguration: Sendable {
    /// Interface to bind; `127.0.0.1` keeps the server off the network unless told otherwise.
    public var host: String
    /// TCP port to listen on (8080 by default).
    public var port: Int
    /// Bearer token that `POST /api/documents` must carry; nil makes the server read-only.
    public var writeToken: String?
    /// Largest request body accepted (bytes); larger bodies get 413.
    public var maxBodyBytes: Int
    /// Longest query string accepted (bytes); longer ones get 414.
    public var maxQueryBytes: Int
    /// Longest free-text search accepted (characters); longer ones get 400.
    public var maxSearchCharacters: Int
    /// Server name sent in the `Server` header and logged at start.
    public var serverName: String
    /// Searches, page renderings, reads and analyses running at once (the rest wait in line); about the number of cores.
    public var maxConcurrentWork: Int
    /// Requests allowed to wait for one of those slots; beyond this many the server answers 503 with `Retry-After`.
    public var maxQueuedWork: Int
    /// A connection that sends no request part for this long is closed (also bounds a kept-alive connection's next head).
    public var idleTimeout: Duration
    /// A new connection must deliver its whole request head within this time, or it is closed.
    public var headerTimeout: Duration
    /// A request's whole body must arrive within this time of its head, or the connection is closed.
    public var bodyTimeout: Duration
    /// Open connections at most; further ones wait in the listen backlog until one closes.
    public var maxConnections: Int

    /// Creates a configuration; the defaults listen on loopback only and accept no writes.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        writeToken: String? = nil,
        maxBodyBytes: Int = 2 * 1024 * 1024,
        maxQueryBytes: Int = 2048,
        maxSearchCharacters: Int = 256,
        serverName: String = "tilshi",
        maxConcurrentWork: Int = ServerConfiguration.defaultConcurrentWork,
        maxQueuedWork: Int = 64,
        idleTimeout: Duration = .seconds(30),
        headerTimeout: Duration = .seconds(10),
        bodyTimeout: Duration = .seconds(30),
        maxConnections: Int = 256
    ) {
        self.host = host
        self.port = port
        self.writeToken = writeToken.flatMap { $0.isEmpty ? nil : $0 }
        self.maxBodyBytes = maxBodyBytes
        self.maxQueryBytes = maxQueryBytes
        self.maxSearchCharacters = maxSearchCharacters
        self.serverName = serverName
        self.maxConcurrentWork = maxConcurrentWork
        self.maxQueuedWork = maxQueuedWork
        self.idleTimeout = idleTimeout
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.maxConnections = maxConnections
    }

    /// The default of ``maxConcurrentWork``: the machine's active cores, at least two (one slow search must not hold
    /// every slot of a small machine).
    public static var defaultConcurrentWork: Int { max(2, ProcessInfo.processInfo.activeProcessorCount) }

    /// True when a write token is configured and ingest is allowed.
    public var acceptsWrites: Bool { writeToken != nil }
}
