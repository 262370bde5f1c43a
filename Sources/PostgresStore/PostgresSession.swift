import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization

/// A value bound to a statement parameter (`$1`, `$2`, …): every value that comes from a user or a document is sent
/// this way, never spliced into SQL text.
enum SQLValue: Sendable {
    case text(String?)
    case int(Int64?)
    case double(Double?)
    case bytes(Data)
    case texts([String])
    case ints([Int64])
    case smallints([Int16])
    case date(Date)

    static func int(_ value: Int) -> SQLValue { .int(Int64(value)) }

    func append(to bindings: inout PostgresBindings) {
        switch self {
        case .text(let value): bindings.append(value)
        case .int(let value): bindings.append(value)
        case .double(let value): bindings.append(value)
        case .bytes(let value): bindings.append(ByteBuffer(bytes: value))
        case .texts(let value): bindings.append(value)
        case .ints(let value): bindings.append(value)
        case .smallints(let value): bindings.append(value)
        case .date(let value): bindings.append(value)
        }
    }
}

/// One row of a result, read by column name.
struct SQLRow {
    let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) { self.row = row.makeRandomAccess() }

    func string(_ column: String) throws -> String? { try row[column].decode(String?.self) }
    func requiredString(_ column: String) throws -> String { try row[column].decode(String.self) }
    func int64(_ column: String) throws -> Int64 { try row[column].decode(Int64.self) }
    func optionalInt64(_ column: String) throws -> Int64? { try row[column].decode(Int64?.self) }
    func int(_ column: String) throws -> Int { try row[column].decode(Int.self) }
    func double(_ column: String) throws -> Double? { try row[column].decode(Double?.self) }
    func data(_ column: String) throws -> Data {
        let buffer = try row[column].decode(ByteBuffer.self)
        return Data(buffer.readableBytesView)
    }
    func date(_ column: String) throws -> Date { try row[column].decode(Date.self) }
    func smallints(_ column: String) throws -> [Int16] { try row[column].decode([Int16].self) }
    func strings(_ column: String) throws -> [String] { try row[column].decode([String].self) }
    func int64s(_ column: String) throws -> [Int64] { try row[column].decode([Int64].self) }
}

/// One connection, used by one caller at a time; every call blocks its thread until the server answers.
///
/// The store's API is synchronous (as ``SearchStore/NewsDatabase``'s is), and its callers already run it off Swift's
/// cooperative pool (the server's work limiter, the CLI's own thread), so waiting on the event loop's future here
/// blocks no event loop and no cooperative thread.
struct SQLSession {
    let connection: PostgresConnection
    let logger: Logger

    /// Runs `sql` (parameters `$1…` bound to `values`) and returns its rows.
    @discardableResult
    func rows(_ sql: String, _ values: [SQLValue] = []) throws -> [SQLRow] {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values { value.append(to: &bindings) }
        // A connection the server dropped while it sat in the pool (a restart, a failover) can leave a query's
        // future unanswered for ever, even once the connection is closed (seen with `pg_ctl restart -m fast` under an
        // ingest, scripts/pg-faults.sh). So the wait is on a promise of our own, failed after `answerTimeout` (the
        // connection closed with it, so the pool drops it): the caller gets an error instead of hanging.
        let connection = connection
        let answer = connection.eventLoop.makePromise(of: PostgresQueryResult.self)
        connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger).cascade(to: answer)
        let watchdog = connection.eventLoop.scheduleTask(in: Self.answerTimeout) {
            answer.fail(PostgresStoreError(.unreachable, "the PostgreSQL server did not answer in \(Self.answerTimeout.nanoseconds / 1_000_000_000) s (connection dropped?)"))
            let _: EventLoopFuture<Void> = connection.close()
        }
        defer { watchdog.cancel() }
        let result = try answer.futureResult.wait()
        return result.rows.map(SQLRow.init)
    }

    /// The longest wait for a statement's answer before its connection is given up (far above any statement a
    /// collection runs: searches over 100,000 articles answer in well under a second).
    static let answerTimeout = TimeAmount.seconds(Int64(ProcessInfo.processInfo.environment["TILSHI_POSTGRES_ANSWER_TIMEOUT"].flatMap(Int.init) ?? 60))

    /// Runs `sql` for its effect.
    func execute(_ sql: String, _ values: [SQLValue] = []) throws {
        try rows(sql, values)
    }

    /// The first row of `sql`, or nil.
    func row(_ sql: String, _ values: [SQLValue] = []) throws -> SQLRow? {
        try rows(sql, values).first
    }

    /// The single integer `sql` answers (a count).
    func count(_ sql: String, _ values: [SQLValue] = []) throws -> Int {
        guard let row = try rows(sql, values).first else { return 0 }
        return try row.row[0].decode(Int?.self) ?? 0
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }
}

/// A few open connections, reused: a connection is taken for one call (or one transaction) and given back.
final class ConnectionPool: Sendable {
    let configuration: PostgresConnection.Configuration
    let logger: Logger
    private let idle = Mutex<[PostgresConnection]>([])
    private let nextID = Atomic<Int>(1)
    /// Idle connections kept open; more are closed when given back.
    private let keep = 8

    init(configuration: PostgresConnection.Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Opens a new connection (and reports a server that cannot be reached, or refuses the login, as it does).
    func connect() throws -> PostgresConnection {
        let id = nextID.add(1, ordering: .relaxed).oldValue
        return try PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: id, logger: logger
        ).wait()
    }

    /// Runs `body` on a connection of the pool.
    func with<T>(_ body: (SQLSession) throws -> T) throws -> T {
        let connection = try idle.withLock { $0.popLast() } ?? connect()
        do {
            let result = try body(SQLSession(connection: connection, logger: logger))
            giveBack(connection)
            return result
        } catch {
            giveBack(connection)
            throw error
        }
    }

    private func giveBack(_ connection: PostgresConnection) {
        guard !connection.isClosed else { return }
        let kept = idle.withLock { connections -> Bool in
            guard connections.count < keep else { return false }
            connections.append(connection)
            return true
        }
        if !kept { try? connection.close().wait() }
    }

    /// Closes every idle connection.
    func close() {
        let connections = idle.withLock { connections in
            defer { connections.removeAll() }
            return connections
        }
        for connection in connections { try? connection.close().wait() }
    }

    deinit {
        let connections = idle.withLock { $0 }
        for connection in connections { try? connection.close().wait() }
    }
}
