import Foundation
import PostgresStore
import SearchStore

/// Where a collection lives, from the `--db` value: a SQLite file path or a `postgres://` URL.
enum StoreLocation {
    /// Whether `value` names a PostgreSQL database (`postgres://…` or `postgresql://…`).
    static func isPostgresURL(_ value: String) -> Bool {
        let lowered = value.lowercased()
        return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
    }

    /// `value` with the password of a URL replaced by `***`, for messages and logs.
    static func redacted(_ value: String) -> String {
        guard isPostgresURL(value), let components = URLComponents(string: value), components.password != nil else {
            return isPostgresURL(value) ? redactedByHand(value) : value
        }
        var shown = components
        shown.password = "***"
        return shown.string ?? redactedByHand(value)
    }

    /// Redacts `user:password@` when the URL does not parse: everything between the first `:` after the scheme and
    /// the last `@` is hidden.
    private static func redactedByHand(_ value: String) -> String {
        guard let scheme = value.range(of: "://"), let at = value.range(of: "@", options: .backwards), at.lowerBound > scheme.upperBound else { return value }
        let credentials = value[scheme.upperBound..<at.lowerBound]
        guard let colon = credentials.firstIndex(of: ":") else { return value }
        return String(value[..<colon]) + ":***" + String(value[at.lowerBound...])
    }

    /// Opens the collection on a PostgreSQL server.
    static func openServer(_ url: String, _ configuration: NewsDatabase.Configuration) throws -> any CollectionStore {
        try PostgresCollection.open(url: url, configuration: configuration)
    }

    /// One line for an error of opening a server database.
    static func describe(_ error: any Error) -> String {
        "\(error)"
    }
}

/// A problem with a `--db` value.
struct StoreLocationError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
