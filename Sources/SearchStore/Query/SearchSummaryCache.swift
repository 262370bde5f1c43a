import Foundation
import Synchronization

/// The total and the facets of recent searches, for a few seconds.
///
/// Both depend on the query and its filters, not on the page: every page of a search, and every repeat of a popular
/// one, would count its matches and group the entities of its newest 1,000 again (the facet queries are most of a
/// search's database time). Entries are keyed by the query's SQL and arguments together with the collection's
/// newest document id, so a new ingest (by this process or another) is seen at once; other changes (a reindex
/// re-filing names) may show after at most ``lifetime``, as the server's cached statistics do.
final class SearchSummaryCache: Sendable {
    /// What a search caches: its (capped) count of matches and its facets when it asked for them.
    struct Summary: Sendable {
        var counted: Int
        var facets: SearchFacets?
    }

    private struct Entry {
        var summary: Summary
        var time: ContinuousClock.Instant
    }

    /// How long an entry is used.
    static let lifetime: Duration = .seconds(5)
    /// Most entries kept; when full, expired ones go first, then all.
    static let capacity = 256

    private let entries = Mutex<[String: Entry]>([:])

    /// The summary stored for `key` less than ``lifetime`` ago, or nil.
    func summary(for key: String) -> Summary? {
        let now = ContinuousClock.now
        return entries.withLock { entries in
            guard let entry = entries[key] else { return nil }
            guard now - entry.time < Self.lifetime else {
                entries[key] = nil
                return nil
            }
            return entry.summary
        }
    }

    /// Stores `summary` under `key`.
    func store(_ summary: Summary, for key: String) {
        let now = ContinuousClock.now
        entries.withLock { entries in
            if entries.count >= Self.capacity {
                entries = entries.filter { now - $0.value.time < Self.lifetime }
                if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[key] = Entry(summary: summary, time: now)
        }
    }
}
