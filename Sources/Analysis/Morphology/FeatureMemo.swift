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

    /// The memoised value of `key`, if any. (A lookup plus ``store(_:for:)`` rather than one call taking a
    /// closure: a closure would capture, and so copy, the whole candidate generator on every call.)
    func value(for key: Key) -> (feats: String, chain: String)? {
        lock.lock()
        defer { lock.unlock() }
        return values[key]
    }

    func store(_ value: (feats: String, chain: String), for key: Key) {
        lock.lock()
        defer { lock.unlock() }
        if values.count >= Self.limit { values.removeAll(keepingCapacity: true) }
        values[key] = value
    }
}
