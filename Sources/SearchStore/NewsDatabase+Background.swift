import Dispatch
public import NewsSources

extension NewsDatabase {
    /// The collection's reads and the ingest of one document as `async` calls for servers: each runs on a dispatch
    /// queue of the store, never on Swift's cooperative pool, whose few threads must not wait for SQLite or spend
    /// a pipeline run (a dozen stages) while other requests queue behind them.
    ///
    /// One mechanism for both kinds of work (rather than GRDB's async `read` for the reads and a queue for the
    /// pipeline) so every server call is offloaded the same way and the synchronous API stays the one definition.
    public var background: Background { Background(database: self) }

    /// The `async` face of a NewsDatabase; see ``NewsDatabase/background``.
    public struct Background: Sendable {
        let database: NewsDatabase

        /// Work of the collection: concurrent, as reads of a WAL database are (writes serialise in GRDB).
        private static let queue = DispatchQueue(label: "tilshi.store", qos: .userInitiated, attributes: .concurrent)

        /// Runs `work` on the store's queue and resumes the caller with its result.
        public func run<T: Sendable>(_ work: @escaping @Sendable (NewsDatabase) throws -> T) async throws -> T {
            let database = database
            return try await withCheckedThrowingContinuation { continuation in
                Self.queue.async { continuation.resume(with: Result { try work(database) }) }
            }
        }

        /// ``NewsDatabase/search(_:)`` off the cooperative pool.
        public func search(_ query: SearchQuery) async throws -> SearchResults {
            try await run { try $0.search(query) }
        }

        /// ``NewsDatabase/document(id:withTokens:)`` off the cooperative pool; nil when there is no such document.
        public func document(id: Int64, withTokens: Bool = false) async throws -> StoredDocument? {
            try await run { try $0.document(id: id, withTokens: withTokens) }
        }

        /// ``NewsDatabase/entities(label:query:limit:)`` off the cooperative pool.
        public func entities(label: String? = nil, query: String? = nil, limit: Int = 50) async throws -> [EntitySummary] {
            try await run { try $0.entities(label: label, query: query, limit: limit) }
        }

        /// ``NewsDatabase/annotations(of:)`` off the cooperative pool.
        public func annotations(of ids: [Int64]) async throws -> [Int64: DocumentAnnotations] {
            try await run { try $0.annotations(of: ids) }
        }

        /// ``NewsDatabase/entityProfile(id:)`` off the cooperative pool; nil when there is no such entity.
        public func entityProfile(id: Int64) async throws -> EntityProfile? {
            try await run { try $0.entityProfile(id: id) }
        }

        /// ``NewsDatabase/events(from:to:limit:)`` off the cooperative pool.
        public func events(from: String? = nil, to: String? = nil, limit: Int = 100) async throws -> [StoredEvent] {
            try await run { try $0.events(from: from, to: to, limit: limit) }
        }

        /// ``NewsDatabase/eventCalendar(from:to:)`` (iCalendar text) off the cooperative pool.
        public func eventCalendar(from: String? = nil, to: String? = nil) async throws -> String {
            try await run { try $0.eventCalendar(from: from, to: to) }
        }

        /// ``NewsDatabase/stats()`` off the cooperative pool.
        public func stats() async throws -> CollectionStats {
            try await run { try $0.stats() }
        }

        /// Analyses `source` with the collection's pipeline and stores it.
        public func ingest(_ source: SourceDocument) async throws -> IngestReport {
            try await run { try $0.store([$0.prepare(source)]) }
        }
    }
}
