import Dispatch
import Foundation
import SearchStore
import Synchronization

/// The collection's statistics, recomputed at most every few seconds.
///
/// `stats()` scans whole tables; the search page and `/api/health` need only its counts, which may lag an
/// ingest by a few seconds without harm, so busy servers do not rescan per request. Once figures are known,
/// an expired entry is still answered at once while one refresh runs on a queue of its own: `/api/health`
/// never waits for a table scan queued behind searches.
final class StatsCache: Sendable {
    private let database: any CollectionStore
    private let lifetime: TimeInterval
    private struct Entry {
        var stats: CollectionStats
        var time: Date
    }
    private struct State {
        var entry: Entry?
        var refreshing = false
        /// Bumped by ``invalidate()``: a refresh begun before an ingest must not store its older figures.
        var generation = 0
    }
    private let state = Mutex(State())
    private static let refreshQueue = DispatchQueue(label: "tilshi.server.stats", qos: .utility)

    init(database: any CollectionStore, lifetime: TimeInterval = 5) {
        self.database = database
        self.lifetime = lifetime
    }

    /// The figures, cached or (when there are none yet, or after ``invalidate()``) computed on a background queue.
    func stats() async throws -> CollectionStats {
        if let stats = cachedRefreshingWhenOld() { return stats }
        let database = database
        let stats = try await withCheckedThrowingContinuation { continuation in
            Self.refreshQueue.async { continuation.resume(with: Result { try database.stats() }) }
        }
        store(stats)
        return stats
    }

    /// The figures, for work already running off the cooperative pool (page rendering): cached, or computed here.
    func current() throws -> CollectionStats {
        if let stats = cachedRefreshingWhenOld() { return stats }
        let stats = try database.stats()
        store(stats)
        return stats
    }

    /// Starts computing the figures in the background (at start-up, so the first `/api/health` finds them).
    func warmUp() {
        let start = state.withLock { state -> Bool in
            guard state.entry == nil, !state.refreshing else { return false }
            state.refreshing = true
            return true
        }
        if start { refresh() }
    }

    /// Forgets the cached figures (after an ingest through this server): the next call computes them.
    func invalidate() {
        state.withLock { state in
            state.entry = nil
            state.generation += 1
        }
    }

    /// The cached figures, or nil when there are none; starts one background refresh when they are old.
    private func cachedRefreshingWhenOld() -> CollectionStats? {
        let (stats, startRefresh) = state.withLock { state -> (CollectionStats?, Bool) in
            guard let entry = state.entry else { return (nil, false) }
            guard Date().timeIntervalSince(entry.time) >= lifetime, !state.refreshing else { return (entry.stats, false) }
            state.refreshing = true
            return (entry.stats, true)
        }
        if startRefresh { refresh() }
        return stats
    }

    private func refresh() {
        let database = database
        let generation = state.withLock { $0.generation }
        Self.refreshQueue.async { [self] in
            let stats = try? database.stats()
            state.withLock { state in
                state.refreshing = false
                if let stats, state.generation == generation { state.entry = Entry(stats: stats, time: Date()) }
            }
        }
    }

    private func store(_ stats: CollectionStats) {
        state.withLock { $0.entry = Entry(stats: stats, time: Date()) }
    }
}
