import Foundation
import PostgresStore
import SearchStore
import Testing
import TextModel

/// The backends the store tests run against: SQLite always, PostgreSQL when `TILSHI_TEST_POSTGRES_URL` names a server
/// (`scripts/pg-cluster.sh start DIR PORT` prints one; `.ci/run` sets it). Each PostgreSQL store gets a fresh schema
/// of its own in that database, so tests run in parallel without seeing each other's documents.
enum StoreBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    /// The PostgreSQL server of the tests, or nil.
    static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment["TILSHI_TEST_POSTGRES_URL"], !url.isEmpty else { return nil }
        return url
    }

    /// Whether the tests run in CI, where the PostgreSQL tests must run.
    static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The backends available here.
    static var available: [StoreBackend] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    /// Why the PostgreSQL tests were skipped (the trait's comment, printed by `swift test`).
    static let skipReason: Comment = "PostgreSQL store tests skipped: set TILSHI_TEST_POSTGRES_URL=postgres://user:password@127.0.0.1:PORT/db (scripts/pg-cluster.sh start DIR PORT prints one)"

    var testDescription: String { rawValue }

    /// A fresh, empty collection on this backend.
    func makeStore(configuration: NewsDatabase.Configuration = NewsDatabase.Configuration()) throws -> any CollectionStore {
        switch self {
        case .sqlite:
            return try NewsDatabase.inMemory(configuration: configuration)
        case .postgres:
            let url = try #require(Self.postgresURL, "TILSHI_TEST_POSTGRES_URL is not set")
            return try PostgresCollection.open(url: url, schema: Self.freshSchema(), configuration: configuration)
        }
    }

    /// A schema name no other test uses.
    static func freshSchema() -> String {
        "tilshi_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
    }
}
