import GRDB

/// The conditions of a `WHERE` clause and their arguments, built from typed pieces: column expressions are fixed
/// SQL written in this module (``Expression`` takes only a `StaticString`), values are always bound arguments, so no
/// caller assembles SQL text from strings.
///
/// Conditions are joined with `AND` in the order they were added; arguments follow the same order.
struct SQLFilter {
    /// A column or expression of the query, as SQL fixed at compile time (`d.published`).
    struct Expression {
        let sql: String
        init(_ sql: StaticString) { self.sql = "\(sql)" }
    }

    private(set) var conditions: [String] = []
    private(set) var arguments: [any DatabaseValueConvertible] = []

    var isEmpty: Bool { conditions.isEmpty }

    /// `expression = value`.
    mutating func equal(_ expression: Expression, _ value: some DatabaseValueConvertible) {
        conditions.append("\(expression.sql) = ?")
        arguments.append(value)
    }

    /// `expression = other`: a join condition between two columns.
    mutating func equalColumns(_ expression: Expression, _ other: Expression) {
        conditions.append("\(expression.sql) = \(other.sql)")
    }

    /// `expression >= value`.
    mutating func atLeast(_ expression: Expression, _ value: String) {
        conditions.append("\(expression.sql) >= ?")
        arguments.append(value)
    }

    /// The first `value.count` characters of `expression` are at most `value`: an inclusive upper bound at the
    /// precision of `value` (`2025-10` keeps every day of October).
    mutating func prefixAtMost(_ expression: Expression, _ value: String) {
        conditions.append("substr(\(expression.sql), 1, ?) <= ?")
        arguments += [value.count, value]
    }

    /// `expression` contains `value` (case-sensitive; lower-case both sides for a case-insensitive test).
    mutating func contains(_ expression: Expression, _ value: String) {
        conditions.append("instr(\(expression.sql), ?) > 0")
        arguments.append(value)
    }

    /// The entity `e`'s lookup key or one of its aliases (`entity_alias`, lowercased) contains `value`.
    mutating func entityNameContains(_ value: String) {
        conditions.append("(instr(e.key, ?) > 0 OR EXISTS (SELECT 1 FROM entity_alias a WHERE a.entityID = e.id AND instr(a.key, ?) > 0))")
        arguments += [value, value]
    }

    /// `expression IS NULL`.
    mutating func isNull(_ expression: Expression) {
        conditions.append("\(expression.sql) IS NULL")
    }

    /// `EXISTS (SELECT 1 FROM source WHERE inner)`.
    mutating func exists(from source: StaticString, where inner: SQLFilter) {
        conditions.append("EXISTS (SELECT 1 FROM \(source) WHERE \(inner.conditions.joined(separator: " AND ")))")
        arguments += inner.arguments
    }

    /// `NOT EXISTS (SELECT 1 FROM source WHERE inner)`.
    mutating func notExists(from source: StaticString, where inner: SQLFilter) {
        conditions.append("NOT EXISTS (SELECT 1 FROM \(source) WHERE \(inner.conditions.joined(separator: " AND ")))")
        arguments += inner.arguments
    }

    /// `expression IS NULL OR expression <> value`: a document without the value is kept.
    mutating func notEqual(_ expression: Expression, _ value: some DatabaseValueConvertible) {
        conditions.append("(\(expression.sql) IS NULL OR \(expression.sql) <> ?)")
        arguments.append(value)
    }

    /// This filter's conditions followed by `other`'s.
    mutating func append(_ other: SQLFilter) {
        conditions += other.conditions
        arguments += other.arguments
    }

    /// `WHERE a AND b`, or nothing when there is no condition.
    var whereClause: String { isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ") }

    /// ` AND a AND b`: the conditions added to a clause that already has one.
    var andClause: String { conditions.map { " AND " + $0 }.joined() }
}

extension SQLFilter.Expression {
    /// Columns of `document d`.
    static let documentID = Self("d.id")
    static let documentSource = Self("d.source")
    static let documentPublished = Self("d.published")
    static let documentDuplicateOf = Self("d.duplicateOf")
    /// Columns of `document_entity de` and `entity e`.
    static let mentionDocumentID = Self("de.documentID")
    static let entityKey = Self("e.key")
    static let entityLabel = Self("e.label")
    /// When an event of `event ev` (joined to its `document d`) happens: its own time, else its document's date.
    static let eventWhen = Self("coalesce(ev.time, d.published)")
}
