import Foundation
import PostgresStore
import SearchStore
import Testing
import TextModel
import TilshiTesting

/// Bad URLs and unreachable or unwilling servers: one clear line naming the problem, never the password.
@Suite struct PostgresFaultTests {
    static let secret = "s3cret-word-19"

    @Test func malformedURLsAreNamed() throws {
        for url in ["postgres://", "postgres:///tilshi", "postgres://u:\(Self.secret)@host/db?sslmode=sometimes", "postgres://u:\(Self.secret)@h/db?colour=red"] {
            #expect {
                try PostgresLocation(url: url)
            } throws: { error in
                let error = error as? PostgresStoreError
                return error?.kind == .badURL && error?.description.contains(Self.secret) == false
            }
        }
        #expect(PostgresLocation.redacted("postgres://tilshi:\(Self.secret)@127.0.0.1:5432/news") == "postgres://tilshi:***@127.0.0.1:5432/news")
        #expect(try PostgresLocation(url: "postgres://tilshi:\(Self.secret)@db.example:6543/news").description == "postgres://tilshi:***@db.example:6543/news")
    }

    @Test func unreachableServerIsOneLine() throws {
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        #expect {
            try PostgresCollection.open(url: "postgres://tilshi:\(Self.secret)@127.0.0.1:1/news")
        } throws: { error in
            let error = error as? PostgresStoreError
            return error?.kind == .unreachable && error?.description.contains("127.0.0.1:1") == true
                && error?.description.contains(Self.secret) == false && error?.description.contains("\n") == false
        }
    }

    @Test(.enabled(if: StoreBackend.postgresURL != nil, StoreBackend.skipReason))
    func wrongPasswordAndMissingDatabaseAreNamed() throws {
        let url = try #require(StoreBackend.postgresURL)
        let location = try PostgresLocation(url: url)
        let wrongPassword = "postgres://\(location.user):\(Self.secret)@\(location.host):\(location.port)/\(location.database)"
        #expect {
            try PostgresCollection.open(url: wrongPassword)
        } throws: { error in
            let error = error as? PostgresStoreError
            return error?.kind == .authentication && error?.description.contains(Self.secret) == false
        }
        var missing = URLComponents(string: url)!
        missing.path = "/no_such_database_19"
        #expect {
            try PostgresCollection.open(url: missing.string!)
        } throws: { error in
            (error as? PostgresStoreError)?.kind == .noDatabase
        }
    }

    @Test(.enabled(if: StoreBackend.postgresURL != nil, StoreBackend.skipReason))
    func newerSchemaVersionIsRefused() throws {
        let url = try #require(StoreBackend.postgresURL)
        let schema = StoreBackend.freshSchema()
        let store = try PostgresCollection.open(url: url, schema: schema)
        #expect(try store.appliedMigrations() == PostgresCollection.knownMigrations)
        try store.recordMigrationForTesting("pg-v99-from-the-future")
        #expect {
            try PostgresCollection.open(url: url, schema: schema)
        } throws: { error in
            let error = error as? PostgresStoreError
            return error?.kind == .schemaVersion && error?.description.contains("pg-v99-from-the-future") == true
        }
    }

    // MARK: The command line

    static func runTilshi(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, errors: String) {
        let tilshi = try #require(BuiltExecutable.url("tilshi"), "build the tilshi executable first")
        return try BuiltExecutable.runForErrors(tilshi, arguments, environment: environment)
    }

    @Test func commandsNameAnUnreachableServerWithoutItsPassword() throws {
        let url = "postgres://tilshi:\(Self.secret)@127.0.0.1:1/news"
        for command in [["search", "--db", url, "Алматы"], ["stats", "--db", url], ["entities", "--db", url]] {
            let (status, errors) = try Self.runTilshi(command)
            #expect(status != 0, "\(command)")
            #expect(errors.contains("cannot reach the PostgreSQL server at 127.0.0.1:1"), "\(command): \(errors)")
            #expect(!errors.contains(Self.secret), "\(command): \(errors)")
            #expect(errors.split(separator: "\n").count == 1, "\(command): \(errors)")
        }
        // TILSHI_DATABASE_URL stands for --db.
        let (status, errors) = try Self.runTilshi(["stats"], environment: ["TILSHI_DATABASE_URL": url])
        #expect(status != 0 && errors.contains("127.0.0.1:1") && !errors.contains(Self.secret), "\(errors)")
    }

    @Test(.enabled(if: StoreBackend.postgresURL != nil, StoreBackend.skipReason))
    func commandsNameAWrongPassword() throws {
        let location = try PostgresLocation(url: try #require(StoreBackend.postgresURL))
        let url = "postgres://\(location.user):\(Self.secret)@\(location.host):\(location.port)/\(location.database)"
        let (status, errors) = try Self.runTilshi(["search", "--db", url, "Алматы"])
        #expect(status != 0)
        #expect(errors.contains("refused the login"), "\(errors)")
        #expect(!errors.contains(Self.secret), "\(errors)")
    }
}
