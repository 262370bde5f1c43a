import Foundation
import Hummingbird
import HummingbirdCore
import SearchStore

/// Typed, bounded access to URL query parameters: every bad value is a 400 naming the parameter.
struct QueryReader {
    let parameters: FormQuery
    let maxTextCharacters: Int

    init(_ request: Request, maxTextCharacters: Int) {
        self.parameters = FormQuery(request.uri.query)
        self.maxTextCharacters = maxTextCharacters
    }

    /// A trimmed free-text parameter, nil when absent or empty; 400 when longer than the limit.
    func text(_ name: String) throws -> String? {
        guard let raw = parameters[name] else { return nil }
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty { return nil }
        if value.count > maxTextCharacters {
            throw LocalizedHTTPError(
                .badRequest, "parameter '\(name)' is longer than \(maxTextCharacters) characters",
                key: "error.tooLong", ["name": name, "limit": String(maxTextCharacters)]
            )
        }
        return value
    }

    /// Every non-empty value given for `name` (a repeated parameter such as `not=…&not=…`), trimmed.
    func texts(_ name: String) throws -> [String] {
        try parameters.pairs.filter { $0.name == name }.compactMap { pair in
            let value = pair.value.trimmingCharacters(in: .whitespacesAndNewlines)
            if value.count > maxTextCharacters {
                throw LocalizedHTTPError(
                    .badRequest, "parameter '\(name)' is longer than \(maxTextCharacters) characters",
                    key: "error.tooLong", ["name": name, "limit": String(maxTextCharacters)]
                )
            }
            return value.isEmpty ? nil : value
        }
    }

    /// An entity label the collection knows (`PERSON`, `GPE`, …; see ``FilterValues/isLabel(_:)``).
    func label(_ name: String) throws -> String? {
        guard let value = try text(name) else { return nil }
        guard FilterValues.isLabel(value) else {
            throw LocalizedHTTPError(
                .badRequest, "parameter '\(name)' must be an entity label such as PERSON or GPE, not '\(value.prefix(40))'",
                key: "error.label", ["name": name, "value": String(value.prefix(40))]
            )
        }
        return value
    }

    /// An integer in `range`; `fallback` when absent.
    func integer(_ name: String, in range: ClosedRange<Int>, default fallback: Int) throws -> Int {
        guard let value = try text(name) else { return fallback }
        guard let number = Int(value), range.contains(number) else {
            throw LocalizedHTTPError(
                .badRequest, "parameter '\(name)' must be an integer from \(range.lowerBound) to \(range.upperBound)",
                key: "error.integer", ["name": name, "low": String(range.lowerBound), "high": String(range.upperBound)]
            )
        }
        return number
    }

    /// A real calendar date `yyyy-MM-dd` or month `yyyy-MM` (`2025-02-30` and `2025-13` are refused).
    func date(_ name: String) throws -> String? {
        guard let value = try text(name) else { return nil }
        guard FilterValues.isDateOrMonth(value) else {
            throw LocalizedHTTPError(
                .badRequest, "parameter '\(name)' must be a date yyyy-MM-dd or a month yyyy-MM, not '\(value.prefix(40))'",
                key: "error.date", ["name": name, "value": String(value.prefix(40))]
            )
        }
        return value
    }

    /// One of `choices`; `fallback` when absent.
    func choice(_ name: String, _ choices: [String], default fallback: String) throws -> String {
        guard let value = try text(name) else { return fallback }
        guard choices.contains(value) else {
            throw LocalizedHTTPError(
                .badRequest, "parameter '\(name)' must be one of \(choices.joined(separator: ", "))",
                key: "error.choice", ["name": name, "choices": choices.joined(separator: ", ")]
            )
        }
        return value
    }

    /// 400 for any parameter not in `known`: a misspelt filter must not silently widen a search.
    func rejectUnknown(_ known: Set<String>) throws {
        if let unknown = parameters.names.subtracting(known).sorted().first {
            throw LocalizedHTTPError(
                .badRequest, "unknown parameter '\(unknown.prefix(40))'; known: \(known.sorted().joined(separator: ", "))",
                key: "error.unknownParameter", ["name": String(unknown.prefix(40))]
            )
        }
    }

    static func isDate(_ value: String) -> Bool { FilterValues.isDateOrMonth(value) }
}
