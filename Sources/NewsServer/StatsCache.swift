import Foundation
import SearchStore
import Synchronization

/// The collection's statistics, recomputed at most every few seconds.
///
/// `stats()` scans whole tables; the search page and `/api/health` need only its counts, which may lag an
/// ingest by a few seconds without harm, so busy servers do not rescan per request.
final class StatsCache: Sendable {
    private let database: NewsDatabase
    private let lifetime: TimeInterval
    private let cached = Mutex<(stats: CollectionStats, time: Date)?>(nil)

    init(database: NewsDatabase, lifetime: TimeInterval = 5) {
        self.database = database
        self.lifetime = lifetime
    }

    func stats() async throws -> CollectionStats {
        if let entry = cached.withLock({ $0 }), Date().timeIntervalSince(entry.time) < lifetime { return entry.stats }
        let stats = try await database.background.stats()
        cached.withLock { $0 = (stats, Date()) }
        return stats
    }

    /// Forgets the cached figures (after an ingest through this server).
    func invalidate() { cached.withLock { $0 = nil } }
}
