import Foundation
import GRDB
import NewsSources
import Pipeline
import Testing
import TextModel
@testable import SearchStore

/// The index is fed one way: the terms computed at ingest are what FTS5 stores, and FTS5's own checks agree.
@Suite struct IndexTermStreamTests {
    /// With the token layer stored, a re-index reads the stored tokens; without it, it analyses the stored text again.
    @Test(arguments: [true, false])
    func termsAtIngestEqualTermsAtReindex(storesTokens: Bool) throws {
        // Given the seed articles ingested (terms from the ingest's own full analysis)
        let db = try NewsDatabase.inMemory(configuration: .init(storesTokens: storesTokens))
        let ids = try db.ingest(Seeds.documents()).added
        #expect(ids.count >= 5)
        for id in ids {
            // When the terms are derived again from the stored text
            let stored = try #require(try db.storedTermStreams(documentID: id))
            let derived = try #require(try db.derivedTermStreams(documentID: id))
            // Then they are the same, byte for byte and term for term
            #expect(stored.text == derived.text, "document #\(id)")
            #expect(stored.title == derived.title, "document #\(id)")
            let positions = try IndexTermStream.decode(stored.text)
            #expect(positions.count > 100)
            #expect(positions.map { $0.primary } == (try IndexTermStream.decode(derived.text)).map { $0.primary })
        }
        // And a full re-index changes nothing
        #expect(try db.reindex() == 0)
        #expect(try db.checkIntegrity().isOK)
    }

    @Test func streamsHoldTheTokenizersTermsInOrder() throws {
        // Given the terms of a Kazakh sentence with names
        let analyzer = IndexTermAnalyzer()
        let terms = analyzer.terms(of: "Қасым-Жомарт Тоқаев Алматыдағы «Qazaqstan» мектебінде оқушылармен кездесті.")
        // When they are written as a stream and read back
        let positions = try IndexTermStream.decode(IndexTermStream.encode(terms))
        // Then each position is the lemma, then the surface form and name keys at the same position
        #expect(positions.count == terms.count)
        for (position, term) in zip(positions, terms) {
            #expect(position.primary == term.lemma)
            #expect(position.colocated == (term.surface.map { [$0] } ?? []) + term.nameKeys)
        }
        #expect(positions.contains { $0.colocated.contains { $0.hasPrefix("!") } })
        // More than three colocated terms and characters outside the one-byte code survive too
        let many = IndexTerm(lemma: "a", surface: "ә€", start: 0, end: 1, nameKeys: ["!x", "!y", "!z", "!日本"])
        #expect(try IndexTermStream.decode(IndexTermStream.encode([many, many])).map { $0.colocated } == [["ә€", "!x", "!y", "!z", "!日本"], ["ә€", "!x", "!y", "!z", "!日本"]])
        // And a damaged stream throws instead of trapping
        let stream = [UInt8](IndexTermStream.encode(terms))
        var random = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var damaged = stream
            damaged[Int.random(in: 1..<damaged.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            _ = try? IndexTermStream.decode(Data(damaged))
        }
        #expect(throws: IndexTermStream.Malformed.self) { try IndexTermStream.decode(Data("Алматы".utf8)) }
    }

    @Test func freshCollectionPassesItsIntegrityCheck() throws {
        // Given a fresh collection of the seeds
        let db = try NewsDatabase.inMemory()
        try db.ingest(Seeds.documents())
        // When it is checked (FTS5 integrity-check with rank=1 tokenizes every stream again)
        let report = try db.checkIntegrity()
        // Then everything agrees
        #expect(report.isOK, "\(report)")
        #expect(report.sqlite == ["ok"] && report.fullText == nil && report.unindexedDocuments == 0)
    }

    @Test(arguments: [true, false])
    func deletingAndUpdatingDocumentsKeepsTheIndexInStep(storesTokens: Bool) throws {
        // Given the seeds
        let db = try NewsDatabase.inMemory(configuration: .init(storesTokens: storesTokens))
        let ids = try db.ingest(Seeds.documents()).added
        let word = "Жақсыбеков"
        try db.ingest([SourceDocument(title: "Жаңа мектеп", text: "Ауыл әкімі \(word) жаңа мектептің ашылуына қатысты.", origin: "test")])
        let added = try #require(try db.search(SearchQuery(word, limit: 50)).hits.first?.id)
        // When a document is deleted (FTS5 'delete' through the cascade's trigger)
        try db.writer.write { try $0.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [added]) }
        // Then its terms are gone and the index still matches its content
        #expect(try db.search(SearchQuery(word, limit: 50)).hits.isEmpty)
        #expect(try db.checkIntegrity().isOK)
        // When a stored text and its layers are changed and re-indexed from them (FTS5 update through the trigger)
        let newText = "Ауыл әкімі \(word) егін алқабын аралады."
        let layers = LayerBlob.encode(db.pipeline.analyze(id: "", text: newText), tokens: storesTokens)
        try db.writer.write { db in
            try db.execute(sql: "UPDATE document SET text = ?, layers = ? WHERE id = ?", arguments: [StoredText.databaseValue(newText), layers, ids[0]])
        }
        #expect(try db.reindex(documentIDs: [ids[0]]) == 1)
        // Then the index finds the new text, not the old one, and still passes
        #expect(try db.search(SearchQuery(word, limit: 50)).hits.map(\.id) == [ids[0]])
        #expect(try db.checkIntegrity().isOK)
        #expect(try db.reindex() == 0)
    }

    @Test func anUnreadableTokenLayerDoesNotStopAReindex() throws {
        // Given a collection where one document's stored layers were damaged
        let db = try NewsDatabase.inMemory()
        let ids = try db.ingest(Seeds.documents()).added
        let streams = try #require(try db.storedTermStreams(documentID: ids[0]))
        try db.writer.write { try $0.execute(sql: "UPDATE document SET layers = X'F300' WHERE id = ?", arguments: [ids[0]]) }
        // When the whole collection is re-indexed, Then it completes: that document's text is analysed again
        #expect(try db.reindex() == 0)
        #expect(try db.storedTermStreams(documentID: ids[0])?.text == streams.text)
        // And reading the document still reports the damage
        #expect(throws: LayerBlob.CorruptLayers.self) { _ = try db.document(id: ids[0]) }
    }

    @Test func aCorruptedIndexFailsItsIntegrityCheck() throws {
        // Given a collection whose index was changed behind FTS5's back (a stream rewritten without its trigger)
        let db = try NewsDatabase.inMemory()
        let ids = try db.ingest(Seeds.documents()).added
        let other = try #require(try db.storedTermStreams(documentID: ids[1]))
        try db.writer.write { db in
            try db.execute(sql: #"DROP TRIGGER "__document_fts_au""#)
            try db.execute(sql: "UPDATE document_terms SET text = ? WHERE documentID = ?", arguments: [other.text, ids[0]])
        }
        // When it is checked
        let report = try db.checkIntegrity()
        // Then the FTS5 check fails and says so
        #expect(!report.isOK)
        #expect(report.fullText != nil)
        #expect(report.failures.contains { $0.contains("full-text index") })
    }

    /// A collection as schema version 6 left it: the v7 rows and tables taken away (the old index emptied).
    static func version6Database() throws -> (DatabaseQueue, [Int64]) {
        try LegacyCollection.rolledBack(ingesting: Seeds.documents(), migrations: ["v7-index-term-streams"])
    }

    @Test func olderCollectionsAreIndexedFromTheirStoredTextsWhenOpened() throws {
        // Given a version 6 collection
        let (queue, ids) = try Self.version6Database()
        // When it is opened by this version
        let db = try NewsDatabase(queue)
        // Then every document has its streams, equal to a fresh derivation, and the index passes its checks
        for id in ids {
            #expect(try db.storedTermStreams(documentID: id)?.text == (try db.derivedTermStreams(documentID: id))?.text)
        }
        #expect(try db.checkIntegrity().isOK)
        #expect(!(try db.search(SearchQuery("Алматы", limit: 50)).hits.isEmpty))
    }

    @Test func aDamagedTextStopsTheIndexMigrationAndChangesNothing() throws {
        // Given a version 6 collection with one damaged stored text
        let (queue, ids) = try Self.version6Database()
        try queue.write { try $0.execute(sql: "UPDATE document SET text = X'F5D0FE' WHERE id = ?", arguments: [ids[1]]) }
        // When it is opened, the migration fails with an error naming the damage
        #expect(throws: StoredText.Corrupt.self) { _ = try NewsDatabase(queue) }
        // And it left nothing behind
        let (applied, tables) = try queue.read { db in
            (try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name = 'document_terms'"))
        }
        #expect(!applied.contains("v7-index-term-streams"))
        #expect(tables.isEmpty)
    }
}
