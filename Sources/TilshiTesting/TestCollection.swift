package import Hummingbird
import NewsServer
package import SearchStore

/// The five seed articles in a fresh in-memory collection, and the server application over it.
package enum TestCollection {
    /// The write token of applications built with ``app(_:writeToken:maxBodyBytes:)`` when a test passes it.
    package static let writeToken = "test-token-0123456789abcdef"

    /// A fresh collection holding the dated seeds (``SeedArticles/datedDocuments()``).
    package static func seeded() throws -> NewsDatabase {
        let database = try NewsDatabase.inMemory()
        try database.ingest(try SeedArticles.datedDocuments())
        return database
    }

    /// The seeded collection shared by read-only tests (built once).
    package static let shared: NewsDatabase = {
        do { return try seeded() } catch { fatalError("the seeded test collection could not be built: \(error)") }
    }()

    /// True when the pipeline finds entities (the NER stage is in `kk-default`); entity tests need it.
    package static var hasEntities: Bool { ((try? shared.entities(limit: 1))?.isEmpty == false) }

    /// The web application over `database`, as `tilshi serve` builds it.
    package static func app(
        _ database: NewsDatabase = shared, writeToken: String? = nil, maxBodyBytes: Int = 64 * 1024
    ) throws -> some ApplicationProtocol {
        try buildApplication(ServerConfiguration(writeToken: writeToken, maxBodyBytes: maxBodyBytes), database: database)
    }
}
