import Foundation

/// Hands the index terms of a document being inserted to the FTS5 tokenizer, so the ingest analyses
/// each text once: the insert's trigger calls the tokenizer on the same text, which then finds its
/// terms here instead of running the pipeline again.
///
/// Entries live only for the duration of one insert (``NewsDatabase/store(_:)`` adds and removes them);
/// a miss is harmless, the tokenizer analyses the text itself.
final class IndexTermCache: @unchecked Sendable {
    static let shared = IndexTermCache()
    private let lock = NSLock()
    private var entries: [String: [IndexTerm]] = [:]

    func put(_ terms: [IndexTerm], for text: String) {
        lock.withLock { entries[text] = terms }
    }

    func remove(_ text: String) {
        lock.withLock { _ = entries.removeValue(forKey: text) }
    }

    func terms(for text: String) -> [IndexTerm]? {
        lock.withLock { entries.isEmpty ? nil : entries[text] }
    }
}

/// Terms of query phrases (short texts), shared by all connections: the analysis of a phrase depends only on
/// its text, so a phrase is analysed once however many statements parse the expression (bounded: emptied when full).
final class QueryTermCache: @unchecked Sendable {
    static let shared = QueryTermCache()
    static let limit = 20_000
    private let lock = NSLock()
    private var entries: [String: [IndexTerm]] = [:]

    func terms(of text: String, compute: () -> [IndexTerm]) -> [IndexTerm] {
        if let cached = lock.withLock({ entries[text] }) { return cached }
        let computed = compute()
        lock.withLock {
            if entries.count >= Self.limit { entries.removeAll(keepingCapacity: true) }
            entries[text] = computed
        }
        return computed
    }
}
