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

    /// Creates a configuration; the defaults listen on loopback only and accept no writes.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        writeToken: String? = nil,
        maxBodyBytes: Int = 2 * 1024 * 1024,
        maxQueryBytes: Int = 2048,
        maxSearchCharacters: Int = 256,
        serverName: String = "tilshi"
    ) {
        self.host = host
        self.port = port
        self.writeToken = writeToken.flatMap { $0.isEmpty ? nil : $0 }
        self.maxBodyBytes = maxBodyBytes
        self.maxQueryBytes = maxQueryBytes
        self.maxSearchCharacters = maxSearchCharacters
        self.serverName = serverName
    }

    /// True when a write token is configured and ingest is allowed.
    public var acceptsWrites: Bool { writeToken != nil }
}
