import Foundation

/// A string-keyed memo shared by all connections, bounded by emptying it when full (the keys are word forms or
/// short query phrases, so refilling is cheap and no eviction order is worth keeping).
final class BoundedStringCache<Value>: @unchecked Sendable {
    let limit: Int
    private let lock = NSLock()
    private var entries: [String: Value] = [:]

    init(limit: Int) {
        self.limit = limit
    }

    /// The cached value for `key`, or `compute()`'s result, stored.
    func value(for key: String, compute: () -> Value) -> Value {
        if let cached = lock.withLock({ entries[key] }) { return cached }
        let computed = compute()
        lock.withLock {
            if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
            entries[key] = computed
        }
        return computed
    }
}

/// Terms of query phrases (short texts): the analysis of a phrase depends only on its text, so a phrase is analysed
/// once however many statements parse the expression.
enum QueryTermCache {
    static let shared = BoundedStringCache<[IndexTerm]>(limit: 20_000)
}
