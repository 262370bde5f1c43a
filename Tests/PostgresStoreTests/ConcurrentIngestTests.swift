import Dispatch
import Foundation
import NewsSources
import PostgresStore
import SearchStore
import Testing
import TextModel
import TilshiTesting

/// Several writers on one PostgreSQL collection (issue 19, "many writers at once"): four ingests over overlapping
/// inputs, each with its own connections as four `tilshi ingest` processes would have.
@Suite(.enabled(if: StoreBackend.postgresURL != nil, StoreBackend.skipReason))
struct ConcurrentIngestTests {
    @Test func fourOverlappingIngestsStoreEachDocumentOnce() throws {
        let url = try #require(StoreBackend.postgresURL)
        let schema = StoreBackend.freshSchema()
        let documents = try SyntheticArticles.make(count: 60, seed: 4)
        // Writer w ingests documents [15w, 15w + 30): each document is given to two writers, and writers 0 and 3 share
        // nothing. Every writer opens the collection itself (the first creates its schema; the others wait on the
        // migration lock).
        let writers = 4
        let reports = Reports<IngestReport>(count: writers)
        let errors = Reports<String>(count: writers)
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            do {
                let store = try PostgresCollection.open(url: url, schema: schema)
                let slice = (0..<30).map { documents[(15 * writer + $0) % documents.count] }
                // One document per call, as an ingest stores file by file: the writers interleave.
                var report = IngestReport()
                for document in slice {
                    let stored = try store.store([store.prepare(document)])
                    report.added += stored.added
                    report.duplicates += stored.duplicates
                }
                reports.set(writer, report)
            } catch {
                errors.set(writer, "\(error)")
            }
        }
        #expect(errors.values.compactMap { $0 }.isEmpty, "\(errors.values)")
        let all = reports.values.compactMap { $0 }
        #expect(all.count == writers)
        // 60 distinct documents, each offered twice: stored once, counted as a duplicate once.
        let added = all.flatMap(\.added)
        #expect(added.count == 60)
        #expect(Set(added).count == 60)
        #expect(all.map(\.duplicates).reduce(0, +) == 60)

        let store = try PostgresCollection.open(url: url, schema: schema)
        #expect(try store.stats().documents == 60)
        // The same collection ingested by one writer, in one order, finds the same documents for a query (ids differ:
        // the writers interleaved).
        let reference = try NewsDatabase.inMemory()
        try reference.ingest(documents)
        for text in ["Алматы", "ЮНЕСКО", "\"Алматы қаласының\"", "қала"] {
            let expected = try reference.search(SearchQuery(text, includeDuplicates: true, limit: 100)).hits.compactMap(\.title)
            let found = try store.search(SearchQuery(text, includeDuplicates: true, limit: 100)).hits.compactMap(\.title)
            #expect(expected.sorted() == found.sorted(), "\(text)")
        }
    }
}

/// Results of concurrent work, one slot per worker.
final class Reports<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) { lock.withLock { slots[index] = value } }

    var values: [Value?] { lock.withLock { slots } }
}
