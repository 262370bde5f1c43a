import ArgumentParser
import Foundation
import SearchStore

/// The `--db` option shared by the collection commands.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The collection's SQLite database file.")
    var path: String = "tilshi.sqlite"

    init() {}

    /// Opens an existing collection for a command that only reads it: a missing file is an error, never a new empty
    /// database (which would then answer every search with "0 results").
    func openExisting() throws -> NewsDatabase {
        guard FileManager.default.fileExists(atPath: path) else {
            StandardError.report("no collection at '\(path)'; build one with `tilshi ingest --db \(path) FILES` or try `tilshi demo`")
            throw ExitCode.failure
        }
        return try open()
    }

    /// Whether the collection's file exists.
    var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// Removes the collection's file and its WAL companions (after an ingest that created it and stored nothing).
    func remove() {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Opens the collection (WAL mode), creating it if needed; `configuration` applies to what this run ingests.
    func open(_ configuration: NewsDatabase.Configuration = NewsDatabase.Configuration()) throws -> NewsDatabase {
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
