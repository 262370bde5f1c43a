import ArgumentParser
import SearchStore

/// The `--db` option shared by the collection commands.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The collection's SQLite database file.")
    var path: String = "tilshi.sqlite"

    init() {}

    /// Opens the collection (WAL mode), creating it if needed.
    func open() throws -> NewsDatabase {
        do { return try NewsDatabase.open(path: path) } catch {
            StandardError.report("cannot open the database '\(path)': \(error)")
            throw ExitCode.failure
        }
    }
}

/// Output format of the collection commands that print results.
enum ResultFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
}
