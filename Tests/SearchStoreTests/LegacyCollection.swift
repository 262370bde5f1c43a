import GRDB
import NewsSources
@testable import SearchStore

/// Collections as earlier schema versions left them, for the migration tests.
enum LegacyCollection {
    /// `documents` ingested, then the index of versions 1–6 put back (external content `document`, tokenizer `kazakh`
    /// without argument, empty) and `migrations` struck from the record, as if they had never run.
    static func rolledBack(ingesting documents: [SourceDocument], migrations: [String]) throws -> (DatabaseQueue, [Int64]) {
        let queue = try DatabaseQueue(configuration: NewsDatabase.makeConfiguration())
        let ids = try NewsDatabase(queue).ingest(documents).added
        try queue.write { db in
            try db.execute(sql: """
                DROP TABLE document_fts_vocabulary;
                DROP TABLE document_fts;
                DROP TABLE document_terms;
                """)
            for migration in migrations {
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [migration])
            }
            try db.create(virtualTable: "document_fts", using: FTS5()) { t in
                t.synchronize(withTable: "document")
                t.tokenizer = KazakhFTS5Tokenizer.tokenizerDescriptor()
                t.column("title")
                t.column("text")
            }
            try db.execute(sql: "CREATE VIRTUAL TABLE document_fts_vocabulary USING fts5vocab(document_fts, row)")
        }
        return (queue, ids)
    }
}
