import GRDB

extension NewsDatabase {
    /// Whether the file is consistent and the full-text index in step with the documents it indexes
    /// (SQLite's `integrity_check` and FTS5's `integrity-check`); throws ``IntegrityError`` when not.
    public func checkIntegrity() throws {
        try writer.write { db in
            let result = try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer"
            guard result == "ok" else { throw IntegrityError(report: result) }
            // FTS5 fails this statement (SQLITE_CORRUPT_VTAB) when the index and the documents disagree.
            try db.execute(sql: "INSERT INTO document_fts(document_fts) VALUES('integrity-check')")
        }
    }

    /// What SQLite's integrity check found.
    public struct IntegrityError: Error, CustomStringConvertible {
        public var report: String
        public var description: String { "the collection's database is damaged: \(report)" }
    }

    /// The caller's own identifier (``StoredDocument/externalID``) of every document that has one, by stored id.
    public func externalIDs() throws -> [Int64: String] {
        try writer.read { db in
            var map: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, externalID FROM document WHERE externalID IS NOT NULL") {
                map[row["id"]] = row["externalID"]
            }
            return map
        }
    }
}
