import Foundation
import NewsSources
import Pipeline
import PostgresStore
import SearchStore
import Testing
import TilshiTesting

/// `tilshi migrate` (issue 19): a collection moved between backends keeps what it answers, a run cut short continues
/// without storing anything twice, and the verification catches a destination that is not a copy.
@Suite struct MigrationTests {
    /// The seed articles, articles made of their sentences, and a near-repeat of one (a near-duplicate link to keep).
    static func documents() throws -> [SourceDocument] {
        var documents = try SeedArticles.datedDocuments() + SyntheticArticles.make(count: 30, seed: 7)
        var repeated = documents[5]
        repeated.text += " Бұл хабарды басқа агенттік те таратты."
        repeated.origin = "repeat.txt"
        documents.append(repeated)
        return documents
    }

    static let queries = [
        "Алматы", "Алматыда", "Қазақстан", "Президент", "қала", "\"Қазақстан Республикасы\"", "жыл NOT Алматы", "Астана OR Алматы",
    ]

    /// What a collection answers, by content (ids differ between collections): each query's total and hits (title and
    /// text hash, in order, with snippets), and the entities with their counts.
    static func answers(_ store: any CollectionStore) throws -> [String] {
        var lines: [String] = []
        for text in queries {
            for query in [SearchQuery(text), SearchQuery(text, includeDuplicates: true, limit: 50)] {
                let results = try store.search(query)
                lines.append("\(text) total \(results.total)")
                for hit in results.hits {
                    let document = try #require(try store.document(id: hit.id, withTokens: false))
                    lines.append("  \(hit.title ?? "-") \(NewsDatabase.contentHash(document.text)) \(hit.snippet.map { "\($0)" } ?? "-") "
                        + "dup-of \(hit.duplicateOf.map { _ in "yes" } ?? "no")")
                }
            }
        }
        for entity in try store.entities(label: nil, query: nil, limit: 1000, offset: 0) {
            lines.append("entity \(entity.label) \(entity.canonical) \(entity.documentCount) \(entity.mentionCount)")
        }
        let stats = try store.stats()
        lines.append("stats \(stats.documents) \(stats.nearDuplicates) \(stats.entities) \(stats.mentions) \(stats.events)")
        return lines
    }

    /// Every table, copied or derived, must agree: both backends file entities under the same collection-level
    /// names, so a copy across backends verifies as a copy within one does.
    static func expectVerified(_ report: CollectionMigration.Report) {
        for table in report.tables where ["documents", "layers", "near_duplicates", "events"].contains(table.table) {
            #expect(table.matches, "\(table)")
        }
        #expect(report.tables.allSatisfy { $0.sourceCount == $0.destinationCount }, "\(report.tables)")
        #expect(report.verified, "\(report.tables)")
    }

    @Test func sqliteCopyAnswersAsTheOriginal() throws {
        let source = try NewsDatabase.inMemory()
        try source.ingest(try Self.documents())
        #expect(try source.stats().nearDuplicates >= 1)
        let destination = try NewsDatabase.inMemory()
        let report = try CollectionMigration(from: source, to: destination).run()
        #expect(report.verified, "\(report.tables)")
        let sourceCount = try source.stats().documents
        #expect(report.copied == report.sourceDocuments && report.sourceDocuments == sourceCount)
        #expect(report.tables.map(\.table) == ["documents", "layers", "near_duplicates", "document_entities", "entities", "events"])
        #expect(report.tables.first { $0.table == "near_duplicates" }?.sourceCount ?? 0 >= 1)
        #expect(try Self.answers(destination) == (try Self.answers(source)))
        // Nothing left to copy: a second run copies nothing and still verifies.
        let again = try CollectionMigration(from: source, to: destination).run()
        #expect(again.copied == 0 && again.alreadyThere == report.sourceDocuments && again.verified)
    }

    @Test(.enabled(if: StoreBackend.postgresURL != nil, StoreBackend.skipReason))
    func roundTripThroughPostgresAnswersAsTheOriginal() throws {
        let original = try NewsDatabase.inMemory()
        try original.ingest(try Self.documents())
        let postgres = try StoreBackend.postgres.makeStore()
        let there = try CollectionMigration(from: original, to: postgres).run()
        Self.expectVerified(there)
        let back = try NewsDatabase.inMemory()
        let home = try CollectionMigration(from: postgres, to: back).run()
        Self.expectVerified(home)
        #expect(try Self.answers(back) == (try Self.answers(original)))
        // The checksums are by content: the original and its round-tripped copy agree table by table.
        #expect(there.tables.map(\.sourceChecksum) == home.tables.map(\.destinationChecksum))
    }

    /// A run that stops between two writes (a killed process, a lost connection) leaves whole documents only; the
    /// next run copies the rest, and the copy is complete with no document twice.
    @Test(arguments: StoreBackend.available)
    func interruptedMigrationResumes(destinationBackend: StoreBackend) throws {
        let source = try NewsDatabase.inMemory()
        try source.ingest(try Self.documents())
        let total = try source.stats().documents
        let destination = try destinationBackend.makeStore()
        var failing = CollectionMigration(from: source, to: FailingStore(wrapped: destination, failAfter: 2))
        failing.batchSize = 4
        #expect(throws: FailingStore.Killed.self) { try failing.run() }
        #expect(try destination.stats().documents == 8)

        var resumed = CollectionMigration(from: source, to: destination)
        resumed.batchSize = 4
        let report = try resumed.run()
        #expect(report.alreadyThere == 8 && report.copied == total - 8)
        Self.expectVerified(report)
        #expect(try destination.stats().documents == total)
        var hashes: [String] = []
        try destination.forEachDocument { hashes.append(NewsDatabase.contentHash($0.text)) }
        #expect(Set(hashes).count == hashes.count)
    }

    @Test func destinationWithOtherDocumentsIsRefused() throws {
        let source = try NewsDatabase.inMemory()
        try source.ingest(try SeedArticles.datedDocuments())
        let destination = try NewsDatabase.inMemory()
        try destination.ingest([SourceDocument(title: "Бөтен", text: "Бұл мақала көзде жоқ, сондықтан көшіру тоқтауы керек.", origin: "other.txt")])
        #expect(throws: CollectionMigration.ForeignDocuments.self) { try CollectionMigration(from: source, to: destination).run() }
        #expect(try destination.stats().documents == 1)
    }

    /// A destination with a document changed after the copy does not verify.
    @Test func alteredCopyIsNotVerified() throws {
        let source = try NewsDatabase.inMemory()
        try source.ingest(try SeedArticles.datedDocuments())
        let copy = try NewsDatabase.inMemory()
        #expect(try CollectionMigration(from: source, to: copy).run().verified)
        // The same text under another title: same content hash, so not "foreign", but the documents table differs.
        let retitled = try NewsDatabase.inMemory()
        var documents = try SeedArticles.datedDocuments()
        documents[0].title = "Өзгертілген тақырып"
        try retitled.ingest(documents)
        let report = try CollectionMigration(from: source, to: retitled).run()
        #expect(!report.verified)
        #expect(report.copied == 0)
        #expect(report.tables.first { $0.table == "documents" }?.matches == false)
        #expect(report.tables.first { $0.table == "documents" }.map { $0.sourceCount == $0.destinationCount } == true)
    }
}

/// A destination that fails on its `failAfter + 1`-th write, as a killed migrate would stop between transactions.
final class FailingStore: CollectionStore, @unchecked Sendable {
    struct Killed: Error {}
    let wrapped: any CollectionStore
    let failAfter: Int
    private var writes = 0

    init(wrapped: any CollectionStore, failAfter: Int) {
        self.wrapped = wrapped
        self.failAfter = failAfter
    }

    var backendName: String { wrapped.backendName }
    var pipeline: Pipeline { wrapped.pipeline }
    func prepare(_ source: SourceDocument) -> PreparedDocument { wrapped.prepare(source) }
    func prepare(stored: StoredDocument) -> PreparedDocument { wrapped.prepare(stored: stored) }
    func store(_ prepared: [PreparedDocument]) throws -> IngestReport {
        writes += 1
        if writes > failAfter { throw Killed() }
        return try wrapped.store(prepared)
    }
    func search(_ query: SearchQuery) throws -> SearchResults { try wrapped.search(query) }
    func document(id: Int64, withTokens: Bool) throws -> StoredDocument? { try wrapped.document(id: id, withTokens: withTokens) }
    func forEachDocument(_ body: (StoredDocument) throws -> Void) throws { try wrapped.forEachDocument(body) }
    func annotations(of ids: [Int64]) throws -> [Int64: DocumentAnnotations] { try wrapped.annotations(of: ids) }
    func entities(label: String?, query: String?, limit: Int, offset: Int) throws -> [EntitySummary] {
        try wrapped.entities(label: label, query: query, limit: limit, offset: offset)
    }
    func entityCount(label: String?, query: String?) throws -> Int { try wrapped.entityCount(label: label, query: query) }
    func entity(id: Int64, mentionLimit: Int, relatedLimit: Int) throws -> EntityDetail? { try wrapped.entity(id: id, mentionLimit: mentionLimit, relatedLimit: relatedLimit) }
    func entityProfile(id: Int64, documentLimit: Int) throws -> EntityProfile? { try wrapped.entityProfile(id: id, documentLimit: documentLimit) }
    func entityArticles(id: Int64, limit: Int, offset: Int, snippetsPerArticle: Int) throws -> EntityArticlePage? {
        try wrapped.entityArticles(id: id, limit: limit, offset: offset, snippetsPerArticle: snippetsPerArticle)
    }
    func entityRoleHistory(id: Int64, documentLimit: Int) throws -> [EntityRoleSpan]? { try wrapped.entityRoleHistory(id: id, documentLimit: documentLimit) }
    func events(from: String?, to: String?, limit: Int, offset: Int) throws -> [StoredEvent] { try wrapped.events(from: from, to: to, limit: limit, offset: offset) }
    func eventCount(from: String?, to: String?) throws -> Int { try wrapped.eventCount(from: from, to: to) }
    func storedEvents(ofDocuments ids: [Int64]) throws -> [StoredEvent] { try wrapped.storedEvents(ofDocuments: ids) }
    func stats() throws -> CollectionStats { try wrapped.stats() }
}
