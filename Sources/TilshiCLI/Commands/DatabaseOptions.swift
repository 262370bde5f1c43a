import ArgumentParser
import Foundation
import SearchStore

/// The `--db` option shared by the collection commands: a SQLite file, or a `postgres://` URL.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The collection: a SQLite database file, or a postgres://user:password@host:port/database URL.",
            discussion: "Without --db: $TILSHI_DATABASE_URL when set, else tilshi.sqlite.",
            valueName: "path-or-url"
        )
    )
    var location: String?

    init() {}

    /// Where the collection is: the `--db` value, else `TILSHI_DATABASE_URL`, else `tilshi.sqlite`.
    var path: String {
        if let location { return location }
        if let url = ProcessInfo.processInfo.environment["TILSHI_DATABASE_URL"], !url.isEmpty { return url }
        return "tilshi.sqlite"
    }

    /// Whether the collection is a PostgreSQL database rather than a file.
    var isServer: Bool { StoreLocation.isPostgresURL(path) }

    /// How the collection is named in messages: a URL without its password.
    var displayName: String { StoreLocation.redacted(path) }

    /// Opens an existing collection for a command that only reads it: a missing file is an error, never a new empty
    /// database (which would then answer every search with "0 results").
    func openExisting() throws -> any CollectionStore {
        guard exists else {
            StandardError.report("no collection at '\(path)'; build one with `tilshi ingest --db \(path) FILES` or try `tilshi demo`")
            throw ExitCode.failure
        }
        return try open()
    }

    /// Opens an existing SQLite collection, for the commands that only a SQLite file has (`check`).
    func openExistingSQLite(command: String) throws -> NewsDatabase {
        guard !isServer else {
            StandardError.report("`tilshi \(command)` works on a SQLite collection only, not on \(displayName)")
            throw ExitCode.failure
        }
        guard exists else {
            StandardError.report("no collection at '\(path)'; build one with `tilshi ingest --db \(path) FILES` or try `tilshi demo`")
            throw ExitCode.failure
        }
        do { return try NewsDatabase.open(path: path) } catch {
            StandardError.report("cannot open the database '\(path)': \(error)")
            throw ExitCode.failure
        }
    }

    /// Whether the collection exists (a server database is taken to exist; opening it says otherwise).
    var exists: Bool { isServer || FileManager.default.fileExists(atPath: path) }

    /// Removes the collection's file and its WAL companions (after an ingest that created it and stored nothing).
    func remove() {
        guard !isServer else { return }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Opens the collection, creating it if needed; `configuration` applies to what this run ingests.
    func open(_ configuration: NewsDatabase.Configuration = NewsDatabase.Configuration()) throws -> any CollectionStore {
        if isServer {
            do { return try StoreLocation.openServer(path, configuration) } catch {
                // One line naming the database (never its password) and the problem.
                StandardError.report("cannot open the database: \(StoreLocation.describe(error))")
                throw ExitCode.failure
            }
        }
        do { return try NewsDatabase.open(path: path, configuration: configuration) } catch {
            StandardError.report("cannot open the database '\(path)': \(error)")
            throw ExitCode.failure
        }
    }
}

/// Output format of the collection commands that print results.
enum ResultFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
}
