import Foundation
import GRDB
import TextModel

extension NewsDatabase {
    /// The articles mentioning entity `id`, newest first (undated last), `limit` from `offset`, each with its mention
    /// count and up to `snippetsPerArticle` snippets; nil when there is no such entity.
    ///
    /// Mentions close together share a snippet (several highlights), so the snippets of a row never repeat text.
    public func entityArticles(id: Int64, limit: Int = 20, offset: Int = 0, snippetsPerArticle: Int = 3) throws -> EntityArticlePage? {
        try writer.read { db in
            guard let entity = try Row.fetchOne(db, sql: "SELECT label, key FROM entity WHERE id = ?", arguments: [id]) else { return nil }
            let label: String = entity["label"], key: String = entity["key"]
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document_entity WHERE entityID = ?", arguments: [id]) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT d.id, d.title, d.published, d.source, d.text, d.layers, de.mentions
                FROM document_entity de JOIN document d ON d.id = de.documentID
                WHERE de.entityID = ? ORDER BY d.published IS NULL, d.published DESC, d.id DESC LIMIT ? OFFSET ?
                """, arguments: [id, max(1, limit), max(0, offset)])
            let articles = try rows.map { row -> EntityArticle in
                let documentID: Int64 = row["id"]
                var document = Document(id: String(documentID), text: try StoredText.text(row["text"], documentID: documentID))
                try LayerBlob.decode(row["layers"], into: &document, documentID: documentID)
                let ranges = document.entities
                    .filter { $0.label.rawValue == label && Self.entityKey(of: $0).key == key }
                    .map { TextRange(start: $0.start, end: $0.end) }
                    .sorted { $0.start < $1.start }
                return EntityArticle(
                    documentID: documentID, title: row["title"], published: row["published"], source: row["source"],
                    mentionCount: max(row["mentions"] as Int, ranges.count),
                    snippets: Self.snippets(Array(document.text.unicodeScalars), ranges: ranges, limit: snippetsPerArticle)
                )
            }
            return EntityArticlePage(articles: articles, total: total)
        }
    }

    /// Up to `limit` snippets covering `ranges` (sorted) in order: each starts at the first range not yet shown and
    /// marks every range that falls inside its window.
    static func snippets(_ scalars: [Unicode.Scalar], ranges: [TextRange], limit: Int) -> [Snippet] {
        var snippets: [Snippet] = []
        var remaining = ranges[...]
        while let first = remaining.first, snippets.count < limit {
            let (lower, upper) = contextBounds(scalars, start: first.start, end: first.end)
            let inside = remaining.prefix { $0.start >= lower && $0.end <= upper }
            let shown = inside.isEmpty ? [first] : Array(inside)
            snippets.append(context(of: scalars, highlights: shown))
            remaining = remaining.dropFirst(shown.count)
        }
        return snippets
    }

    /// The roles the texts attach to entity `id`, each with its count and the first and last publication dates of the
    /// articles that give it: the role seen most recently first. Reads the newest `documentLimit` articles naming the
    /// entity; nil when there is no such entity.
    public func entityRoleHistory(id: Int64, documentLimit: Int = 1000) throws -> [EntityRoleSpan]? {
        try writer.read { db in
            guard let entity = try Row.fetchOne(db, sql: "SELECT label, key FROM entity WHERE id = ?", arguments: [id]) else { return nil }
            let label: String = entity["label"], key: String = entity["key"]
            var history = RoleHistory(label: label, key: key)
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT d.id, d.published, d.text, d.layers FROM document_entity de JOIN document d ON d.id = de.documentID
                WHERE de.entityID = ? ORDER BY d.published IS NULL, d.published DESC, d.id DESC LIMIT ?
                """, arguments: [id, max(1, documentLimit)])
            while let row = try cursor.next() {
                let documentID: Int64 = row["id"]
                var document = Document(id: String(documentID), text: try StoredText.text(row["text"], documentID: documentID))
                try LayerBlob.decode(row["layers"], into: &document, documentID: documentID)
                history.add(document, published: row["published"])
            }
            return history.roles
        }
    }
}
