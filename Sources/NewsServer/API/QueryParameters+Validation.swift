import Foundation
import Hummingbird
import HummingbirdCore

/// Typed, bounded access to URL query parameters: every bad value is a 400 naming the parameter.
struct QueryReader {
    let parameters: FlatDictionary<Substring, Substring>
    let maxTextCharacters: Int

    init(_ request: Request, maxTextCharacters: Int) {
        self.parameters = request.uri.queryParameters
        self.maxTextCharacters = maxTextCharacters
    }

    /// A trimmed free-text parameter, nil when absent or empty; 400 when longer than the limit.
    func text(_ name: String) throws -> String? {
        guard let raw = parameters[name[...]] else { return nil }
        let value = String(raw).trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty { return nil }
        if value.count > maxTextCharacters {
            throw HTTPError(.badRequest, message: "parameter '\(name)' is longer than \(maxTextCharacters) characters")
        }
        return value
    }

    /// An entity label such as `PERSON` (letters and underscores only).
    func label(_ name: String) throws -> String? {
        guard let value = try text(name) else { return nil }
        guard value.count <= 32, value.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || $0 == "_" }) else {
            throw HTTPError(.badRequest, message: "parameter '\(name)' must be an entity label such as PERSON or GPE")
        }
        return value
    }

    /// An integer in `range`; `fallback` when absent.
    func integer(_ name: String, in range: ClosedRange<Int>, default fallback: Int) throws -> Int {
        guard let value = try text(name) else { return fallback }
        guard let number = Int(value), range.contains(number) else {
            throw HTTPError(.badRequest, message: "parameter '\(name)' must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// A date `yyyy-MM-dd` or month `yyyy-MM`.
    func date(_ name: String) throws -> String? {
        guard let value = try text(name) else { return nil }
        guard Self.isDate(value) else {
            throw HTTPError(.badRequest, message: "parameter '\(name)' must be a date yyyy-MM-dd or a month yyyy-MM")
        }
        return value
    }

    static func isDate(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && Int($0) != nil }),
              let month = Int(parts[1]), (1...12).contains(month)
        else { return false }
        if parts.count == 3, let day = Int(parts[2]) { return (1...31).contains(day) }
        return true
    }
}
