public import Formats
import Foundation
import KazakhData

/// Reads a plain-text article: the first line is its title when it looks like one
/// (short, no final full stop, followed by more text); boilerplate lines are dropped.
public struct PlainTextReader: Sendable {
    /// Longest first line still taken for a title, in characters.
    public static let maximumTitleLength = 200

    /// Creates a reader; it has no settings.
    public init() {}

    /// Reads `text` as one article; `input` names it as the origin and in problems (no text is a problem).
    public func read(_ text: String, input: String) -> SourceReadResult {
        var lines = text.components(separatedBy: .newlines)
        var title: String?
        if let firstIndex = lines.firstIndex(where: { !$0.collapsingWhitespace().isEmpty }) {
            let first = lines[firstIndex].collapsingWhitespace()
            let rest = lines[(firstIndex + 1)...].contains { !$0.collapsingWhitespace().isEmpty }
            if rest && Self.looksLikeTitle(first) {
                title = first
                lines.removeSubrange(...firstIndex)
            }
        }
        let body = lines
            .filter { !Boilerplate.isBoilerplate($0) || $0.collapsingWhitespace().isEmpty }
            .joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else {
            return SourceReadResult(problems: [SourceProblem(input: input, reason: "has no text")])
        }
        return SourceReadResult(documents: [SourceDocument(title: title, text: body, origin: input)])
    }

    /// Most words of a headline that ends in "?" or "!" ("Бағалар неге өсті?").
    static let maximumQuestionTitleWords = 15

    /// A title: at most ``maximumTitleLength`` characters, not ending like a sentence; a short line of one sentence
    /// ending in "?" or "!" is a headline too (news sites ask and exclaim in titles).
    static func looksLikeTitle(_ line: String) -> Bool {
        guard !line.isEmpty, line.count <= maximumTitleLength, let last = line.last else { return false }
        if last == "?" || last == "!" {
            let inner = line.dropLast()
            return !inner.contains(where: { ".!?".contains($0) }) && line.split(separator: " ").count <= maximumQuestionTitleWords
        }
        return !".!?:;,…".contains(last)
    }
}

/// Reads JSON Lines: one article per line, `{"id", "title", "text", "url", "published", "source"}`.
/// A bad line is reported with its number and skipped; the other lines are still read.
public struct JSONLinesReader: Sendable {
    private struct Line: Decodable {
        var id: FlexibleString?
        var title: String?
        var text: String?
        var url: String?
        var published: String?
        var source: String?
    }

    /// Accepts `"id": 17` as well as `"id": "17"`.
    private struct FlexibleString: Decodable {
        var value: String
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let string = try? container.decode(String.self) {
                value = string
            } else {
                value = String(try container.decode(Int64.self))
            }
        }
    }

    /// The longest line read (``InputLimits/maximumLineBytes``); longer ones are problems, never parsed.
    public var limits: InputLimits

    /// Creates a reader that refuses lines over `limits`.
    public init(limits: InputLimits = .default) {
        self.limits = limits
    }

    /// Reads every line of `text` as an article; bad lines become problems named `input:line`.
    public func read(_ text: String, input: String) -> SourceReadResult {
        var result = SourceReadResult()
        let decoder = JSONDecoder()
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            do throws(TextInput.Failure) {
                try limits.check(lineBytes: rawLine.utf8.count, input: "\(input):\(lineNumber)")
            } catch {
                result.problems.append(error)
                continue
            }
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            let origin = "\(input):\(lineNumber)"
            let decoded: Line
            do {
                decoded = try decoder.decode(Line.self, from: Data(line.utf8))
            } catch {
                result.problems.append(SourceProblem(input: origin, reason: "malformed JSON line (\(Self.describe(error)))"))
                continue
            }
            guard let body = decoded.text?.trimmingCharacters(in: .whitespacesAndNewlines), !body.isEmpty else {
                result.problems.append(SourceProblem(input: origin, reason: "JSON line has no \"text\""))
                continue
            }
            // JSON may spell a NUL as \u0000; refused like a NUL byte in a file, so none is stored or shown raw.
            let fields = [("id", decoded.id?.value), ("title", decoded.title), ("text", body), ("url", decoded.url), ("source", decoded.source)]
            if let field = fields.first(where: { $0.1?.unicodeScalars.contains("\u{0}") ?? false }) {
                result.problems.append(SourceProblem(input: origin, reason: "\"\(field.0)\" contains a NUL character"))
                continue
            }
            // Stored dates are what the API accepts: a line whose date is unreadable is refused whole (not stored
            // without it), so the user fixes the date instead of losing it unnoticed.
            var published: String?
            if let raw = decoded.published, !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                guard let date = DateParsing.iso8601(raw) else {
                    result.problems.append(SourceProblem(
                        input: origin, reason: "\"published\" '\(raw.prefix(40))' is not a date (2025-10-05, 2025-10-05T10:00:00+06:00, 05.10.2025 or RFC 822)"
                    ))
                    continue
                }
                published = date
            }
            result.documents.append(SourceDocument(
                externalID: decoded.id?.value, title: decoded.title?.collapsingWhitespace(), text: body, url: decoded.url,
                source: decoded.source, published: published, origin: origin
            ))
        }
        return result
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted: return "not valid JSON"
        case DecodingError.typeMismatch(_, let context): return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "not an object with the expected fields"
        }
    }
}
