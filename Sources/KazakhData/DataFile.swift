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
        try text(name).split(whereSeparator: \.isNewline).compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { return nil }
            return line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
        }
    }

    /// Rows of a bundled file, or a crash with a clear message: for tables the binary cannot work without.
    public static func requiredRows(_ name: String) -> [[String]] {
        do { return try rows(name) } catch { fatalError("\(error)") }
    }
}
