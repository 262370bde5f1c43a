public import Foundation
import GRDB

/// One entity of a result set: how many of its documents mention it, and how often.
public struct ResultEntity: Sendable, Codable, Equatable {
    /// The entity's canonical name.
    public var entity: String
    /// Its label (`PERSON`, `GPE`, …).
    public var label: String
    /// Documents of the result set that mention it.
    public var documents: Int
    /// Its mentions in those documents.
    public var mentions: Int
}

extension NewsDatabase {
    /// Most documents an export of a search holds: the best (or newest) this many matches.
    public static let exportLimit = 5_000

    /// The search's matches as CSV, one row per document: id, title (or headline), published, source, url, and the
    /// named entities it mentions (most mentioned first, `;`-separated).
    public func searchCSV(_ query: SearchQuery, limit: Int = exportLimit) throws -> String {
        let ids = try matchingIDs(query, limit: limit)
        var lines = ["id,title,published,source,url,entities"]
        try writer.read { db in
            for id in ids {
                guard let row = try Row.fetchOne(db, sql: "SELECT id, title, text, published, source, url FROM document WHERE id = ?", arguments: [id])
                else { continue }
                let title: String? = row["title"]
                let text = try StoredText.text(row["text"], documentID: id)
                let headline = title ?? Headline.of(title: nil, text: text) ?? ""
                let names = try String.fetchAll(db, sql: """
                    SELECT e.canonical FROM document_entity de JOIN entity e ON e.id = de.entityID
                    WHERE de.documentID = ? AND e.label NOT IN (\(Self.valueLabels.map { "'\($0)'" }.joined(separator: ",")))
                    ORDER BY de.mentions DESC, e.canonical
                    """, arguments: [id])
                let fields: [String] = [String(id), headline, row["published"] ?? "", row["source"] ?? "", row["url"] ?? "", names.joined(separator: "; ")]
                lines.append(fields.map(Self.csvField).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The entities of the search's matches, most documents first: entity, label, documents, mentions.
    public func resultEntities(_ query: SearchQuery, limit: Int = exportLimit) throws -> [ResultEntity] {
        let ids = try matchingIDs(query, limit: limit)
        guard !ids.isEmpty else { return [] }
        let list: StatementArguments = ["[" + ids.map(String.init).joined(separator: ",") + "]"]
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.canonical, e.label, COUNT(*) AS documents, SUM(de.mentions) AS mentions
                FROM document_entity de JOIN entity e ON e.id = de.entityID
                WHERE de.documentID IN (SELECT value FROM json_each(?))
                GROUP BY de.entityID ORDER BY documents DESC, mentions DESC, e.canonical
                """, arguments: list).map {
                ResultEntity(entity: $0["canonical"], label: $0["label"], documents: $0["documents"], mentions: $0["mentions"])
            }
        }
    }

    /// ``resultEntities(_:limit:)`` as CSV.
    public func resultEntitiesCSV(_ query: SearchQuery, limit: Int = exportLimit) throws -> String {
        let rows = try resultEntities(query, limit: limit).map { entity in
            [entity.entity, entity.label, String(entity.documents), String(entity.mentions)].map(Self.csvField).joined(separator: ",")
        }
        return (["entity,label,documents,mentions"] + rows).joined(separator: "\r\n") + "\r\n"
    }

    /// The events and meetings of the search's matches as an iCalendar file.
    public func resultCalendar(_ query: SearchQuery, limit: Int = exportLimit, now: Date = Date()) throws -> String {
        let ids = try matchingIDs(query, limit: limit)
        return EventCalendar.ics(try events(of: ids), now: now)
    }

    /// The stored events of the documents `ids`, in date order.
    func events(of ids: [Int64]) throws -> [StoredEvent] {
        guard !ids.isEmpty else { return [] }
        let list: StatementArguments = ["[" + ids.map(String.init).joined(separator: ",") + "]"]
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT ev.*, d.title AS documentTitle, d.url AS documentURL, d.published FROM event ev JOIN document d ON d.id = ev.documentID
                WHERE ev.documentID IN (SELECT value FROM json_each(?))
                ORDER BY \(SQLFilter.Expression.eventWhen.sql), ev.documentID, ev.start
                """, arguments: list).map(Self.storedEvent)
        }
    }

    /// A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180).
    public static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
