import GRDB

extension NewsDatabase {
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
