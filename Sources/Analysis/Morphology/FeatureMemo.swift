import Foundation
import TextModel

/// Memoised UD feature and chain strings of readings, keyed by what they depend on (part of speech, inherent
/// features, suffix rows, stem category, reading alternative). Formatting a feature bundle is a large share of
/// analysing a new word form, while the distinct combinations are few. Thread-safe; bounded.
final class FeatureMemo: @unchecked Sendable {
    /// What a reading's features depend on.
    struct Key: Hashable {
        let upos: UPOS
        let inherent: [String]
        let rows: [Int]
        let category: SuffixGrammar.Category?
        let readingIndex: Int
    }

    /// The memo is emptied past this many combinations (bounds memory on endless odd input).
    static let limit = 100_000

    private let lock = NSLock()
    private var values: [Key: (feats: String, chain: String)] = [:]

    /// The memoised value of `key`, computed with `make` on a miss (outside the lock).
    func value(for key: Key, make: () -> (feats: String, chain: String)) -> (feats: String, chain: String) {
        lock.lock()
        if let found = values[key] {
            lock.unlock()
            return found
        }
        lock.unlock()
        let made = make()
        lock.lock()
        if values.count >= Self.limit { values.removeAll(keepingCapacity: true) }
        values[key] = made
        lock.unlock()
        return made
    }
}
