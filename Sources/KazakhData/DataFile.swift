public import Foundation

/// Access to the language data files bundled in `Resources/`.
///
/// Every file is UTF-8 text: lines starting with `#` are comments (each file names its source
/// there), blank lines are ignored, and fields are separated by tabs.
public enum DataFile {
    /// Error raised when a bundled data file is missing or unreadable (a packaging fault).
    public struct MissingError: Error, CustomStringConvertible {
        /// The file name within `Resources/` (`homoglyphs.tsv`).
        public let name: String
        /// A message naming the missing file.
        public var description: String { "tilshi: bundled data file '\(name)' is missing or not UTF-8" }
    }

    /// The URL of a bundled resource, e.g. `url(for: "abbreviations.tsv")`.
    public static func url(for name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
    }

    /// The raw text of a bundled resource.
    public static func text(_ name: String) throws -> String {
        guard let url = url(for: name), let data = try? Data(contentsOf: url),
              let text = String(data: data, encoding: .utf8)
        else { throw MissingError(name: name) }
        return text
    }

    /// The data rows of a bundled TSV/list file: comments and blank lines dropped, fields split on tabs.
    public static func rows(_ name: String) throws -> [[String]] {
        rows(in: try text(name))
    }

    /// The data rows of a TSV/list text, as ``rows(_:)`` reads a bundled file: lines split at any line break, lines
    /// blank or starting with `#` (after whitespace) dropped, fields split on tabs and trimmed of whitespace
    /// (`CharacterSet.whitespaces`).
    ///
    /// Loading the tables is a visible share of every process's start, and walking grapheme clusters is most of it,
    /// so texts whose line breaks are `\n` only and whose whitespace is ASCII (every bundled file) are split byte by
    /// byte; any other text takes ``graphemeRows(in:)``, which gives the same rows.
    public static func rows(in text: String) -> [[String]] {
        var text = text
        if let rows = text.withUTF8(byteRows) { return rows }
        return graphemeRows(in: text)
    }

    /// ``rows(in:)`` by grapheme clusters and Foundation's trimming: the definition the byte path reproduces.
    static func graphemeRows(in text: String) -> [[String]] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { return nil }
            return line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
        }
    }

    /// ``rows(in:)`` on UTF-8 bytes, or nil when the text holds a line break other than `\n` (`\r`, `\v`, `\f`, U+0085,
    /// U+2028, U+2029) or non-ASCII whitespace (U+00A0, U+1680, U+180E, U+2000–U+200A, U+202F, U+205F, U+3000), or a field
    /// whose leading space is followed by a non-ASCII scalar (it may combine with the space): the byte path does not
    /// treat those as the grapheme path does. `\n` and `\t` are grapheme clusters of their own (Unicode's
    /// rules break around controls), so splitting their bytes splits the same lines and fields.
    private static func byteRows(_ bytes: UnsafeBufferPointer<UInt8>) -> [[String]]? {
        let count = bytes.count
        for index in 0..<count {
            switch bytes[index] {
            case 0x0B, 0x0C, 0x0D: return nil
            case 0xC2 where index + 1 < count && (bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0): return nil
            case 0xE1 where index + 2 < count && bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80: return nil
            case 0xE1 where index + 2 < count && bytes[index + 1] == 0xA0 && bytes[index + 2] == 0x8E: return nil
            case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80
                && ((0x80...0x8A).contains(bytes[index + 2]) || [0xA8, 0xA9, 0xAF].contains(bytes[index + 2])): return nil
            case 0xE2 where index + 2 < count && bytes[index + 1] == 0x81 && bytes[index + 2] == 0x9F: return nil
            case 0xE3 where index + 2 < count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80: return nil
            default: continue
            }
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        func string(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        var rows: [[String]] = []
        var lineStart = 0
        while lineStart < count {
            var lineEnd = lineStart
            while lineEnd < count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            var first = lineStart
            while first < lineEnd, isSpace(bytes[first]) { first += 1 }
            if first == lineEnd { continue }
            if bytes[first] == UInt8(ascii: "#") {
                // "#" followed by a combining mark is another grapheme cluster than "#": not a comment to `hasPrefix`.
                if first + 1 == lineEnd || bytes[first + 1] < 0x80 { continue }
                if string(first, lineEnd).hasPrefix("#") { continue }
            }
            var fields: [String] = []
            var fieldStart = lineStart
            while true {
                var fieldEnd = fieldStart
                while fieldEnd < lineEnd, bytes[fieldEnd] != 0x09 { fieldEnd += 1 }
                var start = fieldStart, end = fieldEnd
                while start < end, bytes[start] == 0x20 { start += 1 }
                if start > fieldStart, start < end, bytes[start] >= 0x80 { return nil }
                while end > start, bytes[end - 1] == 0x20 { end -= 1 }
                fields.append(string(start, end))
                if fieldEnd == lineEnd { break }
                fieldStart = fieldEnd + 1
            }
            rows.append(fields)
        }
        return rows
    }

    /// Rows of a bundled file, or a crash with a clear message: for tables the binary cannot work without.
    public static func requiredRows(_ name: String) -> [[String]] {
        do { return try rows(name) } catch { fatalError("\(error)") }
    }
}
