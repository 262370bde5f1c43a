import ArgumentParser
import SearchStore

/// The `--db` option shared by the collection commands.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The collection's SQLite database file.")
    var path: String = "tilshi.sqlite"

    init() {}

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
