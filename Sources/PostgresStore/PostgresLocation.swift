public import Foundation
import PostgresNIO

/// A PostgreSQL database named by a `postgres://user:password@host:port/database` URL (also `postgresql://`).
///
/// `?sslmode=require` asks for TLS (the system's trust roots); the default, and `sslmode=disable`, connect in plain
/// text, as a server on loopback or in a private network is usually reached.
public struct PostgresLocation: Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    var password: String?
    public var database: String
    public var requiresTLS: Bool

    /// Whether `value` is a PostgreSQL URL rather than a file path.
    public static func isURL(_ value: String) -> Bool {
        let lowered = value.lowercased()
        return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
    }

    /// Reads a URL; a malformed one is a ``PostgresStoreError`` that names what is wrong (never the password).
    public init(url: String) throws {
        guard Self.isURL(url), let components = URLComponents(string: url) else {
            throw PostgresStoreError(.badURL, "'\(Self.redacted(url))' is not a postgres://user:password@host:port/database URL")
        }
        guard let host = components.host, !host.isEmpty else {
            throw PostgresStoreError(.badURL, "'\(Self.redacted(url))' names no host (postgres://user:password@host:port/database)")
        }
        self.host = host
        port = components.port ?? 5432
        user = components.user.flatMap { $0.removingPercentEncoding ?? $0 } ?? "postgres"
        password = components.password.flatMap { $0.removingPercentEncoding ?? $0 }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? user : (path.removingPercentEncoding ?? path)
        var requiresTLS = false
        for item in components.queryItems ?? [] {
            switch (item.name, item.value ?? "") {
            case ("sslmode", "require"), ("sslmode", "verify-full"), ("sslmode", "verify-ca"): requiresTLS = true
            case ("sslmode", "disable"), ("sslmode", "prefer"), ("sslmode", "allow"): requiresTLS = false
            case ("sslmode", let mode):
                throw PostgresStoreError(.badURL, "sslmode '\(mode)' is not one of disable, prefer, require, verify-full")
            default:
                throw PostgresStoreError(.badURL, "unknown URL parameter '\(item.name)' (only sslmode is read)")
            }
        }
        self.requiresTLS = requiresTLS
    }

    /// The database as a URL without its password: what messages and logs show.
    public var description: String {
        "postgres://\(user)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)"
    }

    /// `value` with the password of a URL hidden, even when the URL does not parse.
    public static func redacted(_ value: String) -> String {
        guard let scheme = value.range(of: "://"), let at = value.range(of: "@", options: .backwards), at.lowerBound > scheme.upperBound else {
            return value
        }
        let credentials = value[scheme.upperBound..<at.lowerBound]
        guard let colon = credentials.firstIndex(of: ":") else { return value }
        return String(value[..<colon]) + ":***" + String(value[at.lowerBound...])
    }

    /// The connection settings of PostgresNIO.
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        if requiresTLS {
            do { tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration())) } catch {
                throw PostgresStoreError(.badURL, "cannot set up TLS for \(self): \(error)")
            }
        } else {
            tls = .disable
        }
        var configuration = PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }
}

/// Why a PostgreSQL collection could not be opened or used, in one line that never holds a password.
public struct PostgresStoreError: Error, CustomStringConvertible, Sendable {
    /// What kind of problem it is (tests and callers tell them apart by it).
    public enum Kind: Sendable, Equatable {
        case badURL, unreachable, authentication, noDatabase, schemaVersion, server, badData
    }

    public var kind: Kind
    public var message: String
    public var description: String { message }

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// A PostgresNIO (or network) error of talking to `location`, as one line.
    static func describing(_ error: any Error, at location: PostgresLocation) -> PostgresStoreError {
        if let error = error as? PostgresStoreError { return error }
        if let error = error as? PSQLError {
            let sqlState = error.serverInfo?[.sqlState]
            let serverMessage = error.serverInfo?[.message]
            switch sqlState {
            case "28P01", "28000":
                return PostgresStoreError(.authentication, "\(location): the server refused the login of '\(location.user)' (wrong password or user)")
            case "3D000":
                return PostgresStoreError(.noDatabase, "\(location): there is no database '\(location.database)' on the server")
            default:
                break
            }
            if let serverMessage {
                return PostgresStoreError(.server, "\(location): \(serverMessage)" + (sqlState.map { " (SQLSTATE \($0))" } ?? ""))
            }
            switch error.code {
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
                let cause = error.underlying.map { ": \($0)" } ?? ""
                return PostgresStoreError(.unreachable, "cannot reach the PostgreSQL server at \(location.host):\(location.port)\(cause)")
            case .authMechanismRequiresPassword:
                return PostgresStoreError(.authentication, "\(location): the server asks for a password and the URL has none")
            default:
                return PostgresStoreError(.server, "\(location): \(error.code)")
            }
        }
        let text = "\(error)"
        if text.localizedCaseInsensitiveContains("connect") || text.localizedCaseInsensitiveContains("refused")
            || text.localizedCaseInsensitiveContains("timeout") || text.localizedCaseInsensitiveContains("resolve") {
            return PostgresStoreError(.unreachable, "cannot reach the PostgreSQL server at \(location.host):\(location.port) (\(text))")
        }
        return PostgresStoreError(.server, "\(location): \(text)")
    }
}
