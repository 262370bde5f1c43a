import Foundation
import GRDB
import Pipeline
import TextModel

/// The full-text index and where its data comes from (schema v7).
///
/// Data flows one way: the ingest derives each document's term streams (``IndexTermStream``) from its analysis and
/// writes them to `document_terms`; `document_fts` is an external-content FTS5 table over `document_terms`, kept in
/// step by its triggers, whose tokenizer only reads streams back. So FTS5's `delete`, `rebuild` and
/// `integrity-check` (rank=1) tokenize exactly the bytes the insert did. The streams are derivable again from the
/// stored token layer or text by the function the ingest uses; ``reindex(documentIDs:)`` and the v7 migration do that.
extension NewsDatabase {
    /// One row of `document_terms`: a document's term streams. Its trigger indexes them.
    static func insertTermStreams(_ streams: (title: Data?, text: Data), documentID: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO document_terms (documentID, title, text) VALUES (?, ?, ?)")
            .execute(arguments: [documentID, streams.title, streams.text])
    }

    /// Derives the term streams of stored documents again from their stored texts, with the pipeline each was
    /// analysed by and the function the ingest uses, and writes those that differ (the triggers update FTS5).
    /// Every document when `documentIDs` is nil. Returns how many documents' streams changed.
    @discardableResult
    public func reindex(documentIDs: [Int64]? = nil) throws -> Int {
        try writer.write { db in
            var changed = 0
            try Self.forEachStoredPage(db, ids: documentIDs) { rows, streams in
                for (row, derived) in zip(rows, streams) {
                    let id: Int64 = row["id"]
                    let stored = try Row.fetchOne(db.cachedStatement(sql: "SELECT title, text FROM document_terms WHERE documentID = ?"), arguments: [id])
                    if let stored, stored["title"] as Data? == derived.title, stored["text"] as Data? == derived.text { continue }
                    changed += 1
                    if stored == nil {
                        try Self.insertTermStreams(derived, documentID: id, in: db)
                    } else {
                        try db.cachedStatement(sql: "UPDATE document_terms SET title = ?, text = ? WHERE documentID = ?")
                            .execute(arguments: [derived.title, derived.text, id])
                    }
                }
            }
            return changed
        }
    }

    /// The term streams stored for a document, as the index holds them (nil when it has none).
    func storedTermStreams(documentID: Int64) throws -> (title: Data?, text: Data)? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT title, text FROM document_terms WHERE documentID = ?", arguments: [documentID])
                .map { ($0["title"], $0["text"]) }
        }
    }

    /// The term streams of a stored document derived again from its stored text (what ``reindex(documentIDs:)`` writes).
    func derivedTermStreams(documentID: Int64) throws -> (title: Data?, text: Data)? {
        try writer.read { db in
            var result: (title: Data?, text: Data)?
            try Self.forEachStoredPage(db, ids: [documentID]) { _, streams in result = streams.first }
            return result
        }
    }

    /// A stored document's term streams derived again with today's rules (what ``reindex(documentIDs:)`` writes, on
    /// either backend): from its stored token layer when it has one (the tokens its facts were found on), else from its
    /// text analysed again with its pipeline.
    static func derivedStreams(
        title: String?, text: String, pipeline: String, layers: Data?, documentID: Int64, analyzer: IndexTermAnalyzer
    ) -> (title: Data?, text: Data) {
        if let layers, LayerBlob.hasTokens(layers) {
            var document = Document(id: "", text: text)
            // A layer that cannot be read does not stop the whole re-index: that document's text is analysed again
            // (reading the document itself still reports the damage).
            if (try? LayerBlob.decode(layers, into: &document, documentID: documentID, tokens: true)) != nil {
                return IndexTermStream.streams(ofAnalysed: document, title: title, analyzer: analyzer)
            }
        }
        return IndexTermStream.streams(ofStoredText: text, title: title, pipeline: Pipeline.named(pipeline) ?? .default, analyzer: analyzer)
    }

    /// Stored documents a page at a time (id order), with their term streams derived again on every core: from the
    /// stored token layer when the document has one (the tokens its facts were found on), else from its text analysed
    /// again. A damaged stored text throws an error naming its document.
    static func forEachStoredPage(
        _ db: Database, ids: [Int64]?, page: Int = 256,
        _ body: ([Row], [(title: Data?, text: Data)]) throws -> Void
    ) throws {
        let analyzer = IndexTermAnalyzer()
        func derive(_ rows: [Row]) throws -> [(title: Data?, text: Data)] {
            let items: [(id: Int64, title: String?, text: String, pipeline: String, layers: Data?)] = try rows.map { row in
                let id: Int64 = row["id"]
                return (id, row["title"], try StoredText.text(row["text"], documentID: id), row["pipeline"], row["layers"])
            }
            let slots = StreamSlots(count: items.count)
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                let item = items[index]
                slots.set(index, derivedStreams(title: item.title, text: item.text, pipeline: item.pipeline, layers: item.layers,
                                                documentID: item.id, analyzer: analyzer))
            }
            return slots.values()
        }
        let columns = "SELECT id, title, text, pipeline, layers FROM document"
        if let ids {
            for start in stride(from: 0, to: ids.count, by: page) {
                let chunk = Array(ids[start..<min(ids.count, start + page)])
                let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let rows = try Row.fetchAll(db, sql: "\(columns) WHERE id IN (\(placeholders)) ORDER BY id", arguments: StatementArguments(chunk))
                if !rows.isEmpty { try body(rows, try derive(rows)) }
            }
            return
        }
        var lastID: Int64 = 0
        while true {
            let rows = try Row.fetchAll(db, sql: "\(columns) WHERE id > ? ORDER BY id LIMIT ?", arguments: [lastID, page])
            guard let last = rows.last else { break }
            lastID = last["id"]
            try body(rows, try derive(rows))
        }
    }

    /// Version 7 of the schema: the index is fed term streams instead of article texts.
    ///
    /// The index of versions 1–6 was an external-content table over `document.text`, whose tokenizer analysed the text
    /// again (with `kk-search`) whenever FTS5 read it back, so a `delete` or an integrity-check with rank=1 disagreed with
    /// what the ingest had indexed (integrity-check failed on every collection). It is dropped; `document_terms` is
    /// filled from the stored texts, and the new index built from it. One transaction: a damaged text stops the
    /// migration and leaves version 6 as it was.
    static func migrateToTermStreams(_ db: Database) throws {
        try db.execute(sql: """
            DROP TABLE IF EXISTS document_fts_vocabulary;
            DROP TRIGGER IF EXISTS "__document_fts_ai";
            DROP TRIGGER IF EXISTS "__document_fts_ad";
            DROP TRIGGER IF EXISTS "__document_fts_au";
            DROP TABLE IF EXISTS document_fts;
            """)
        // `text` and `title` are named as the index's columns: FTS5 reads external content by column name.
        try db.create(table: "document_terms") { t in
            t.primaryKey("documentID", .integer).references("document", onDelete: .cascade)
            t.column("title", .blob)
            t.column("text", .blob).notNull()
        }
        try forEachStoredPage(db, ids: nil) { rows, streams in
            for (row, derived) in zip(rows, streams) {
                try insertTermStreams(derived, documentID: row["id"], in: db)
            }
        }
        // Built after the rows are in: GRDB's synchronised table runs 'rebuild' once and adds the triggers.
        try createIndexTable(db)
        // The index's own term list (see v4).
        try db.execute(sql: "CREATE VIRTUAL TABLE document_fts_vocabulary USING fts5vocab(document_fts, row)")
    }

    /// `document_fts`: external content `document_terms`, tokenizer `kazakh terms`.
    private static func createIndexTable(_ db: Database) throws {
        try db.create(virtualTable: "document_fts", using: FTS5()) { t in
            t.synchronize(withTable: "document_terms")
            t.tokenizer = KazakhFTS5Tokenizer.termStreamDescriptor()
            t.column("title")
            t.column("text")
        }
    }

    // MARK: Checking

    /// What ``checkIntegrity()`` found.
    public struct IntegrityReport: Sendable, CustomStringConvertible {
        /// SQLite's `PRAGMA integrity_check` lines (`["ok"]` when the file is sound).
        public var sqlite: [String]
        /// FTS5's integrity-check with rank=1 (index against its content, through the tokenizer): nil when it passed.
        public var fullText: String?
        /// Documents with no term streams (an index row missing for them).
        public var unindexedDocuments: Int

        /// True when every check passed.
        public var isOK: Bool { failures.isEmpty }

        /// One line per failed check, naming it.
        public var failures: [String] {
            var failures: [String] = []
            if sqlite != ["ok"] { failures.append("SQLite integrity_check: " + sqlite.prefix(3).joined(separator: ", ")) }
            if let fullText { failures.append("the full-text index does not match its term streams (FTS5 integrity-check: \(fullText))") }
            if unindexedDocuments > 0 { failures.append("\(unindexedDocuments) documents have no index terms") }
            return failures
        }

        /// One line per check with its outcome, as `tilshi stats --check` prints it.
        public var description: String {
            var lines: [String] = []
            lines.append("sqlite integrity_check   " + (sqlite == ["ok"] ? "ok" : sqlite.prefix(20).joined(separator: "\n    ")))
            lines.append("fts5 integrity-check     " + (fullText.map { "FAILED: \($0)" } ?? "ok"))
            lines.append("documents without terms " + (unindexedDocuments == 0 ? " none" : " \(unindexedDocuments)"))
            return lines.joined(separator: "\n")
        }
    }

    /// Runs SQLite's `integrity_check` and FTS5's `integrity-check` with rank=1, which tokenizes every stored term
    /// stream through the project's tokenizer and compares the result with the index, and counts documents that have no
    /// streams. Changes nothing (the FTS5 check runs in a transaction that is rolled back).
    public func checkIntegrity() throws -> IntegrityReport {
        try writer.writeWithoutTransaction { db in
            let sqlite = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            var fullText: String?
            try db.inTransaction {
                do {
                    try db.execute(sql: "INSERT INTO document_fts(document_fts, rank) VALUES('integrity-check', 1)")
                } catch let error as DatabaseError {
                    fullText = "\(error.message ?? "error \(error.resultCode)") (\(error.extendedResultCode))"
                }
                return .rollback
            }
            let unindexed = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM document d WHERE NOT EXISTS (SELECT 1 FROM document_terms t WHERE t.documentID = d.id)
                """) ?? 0
            return IntegrityReport(sqlite: sqlite, fullText: fullText, unindexedDocuments: unindexed)
        }
    }
}

/// Term streams derived concurrently by ``NewsDatabase/forEachStoredPage(_:ids:page:_:)``, one slot per document.
private final class StreamSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [(title: Data?, text: Data)]

    init(count: Int) {
        slots = Array(repeating: (nil, Data()), count: count)
    }

    func set(_ index: Int, _ value: (title: Data?, text: Data)) {
        lock.withLock { slots[index] = value }
    }

    func values() -> [(title: Data?, text: Data)] {
        lock.withLock { slots }
    }
}
