import Foundation

/// Boilerplate lines of news sites (share buttons, "Оқи отырыңыз:", partner blocks), from `Resources/boilerplate.tsv`.
public enum Boilerplate {
    /// Phrases that make up a whole block of boilerplate, lowercased.
    public static let exact: Set<String> = Set(rows(kind: "exact"))
    /// Phrases that start a block of boilerplate, lowercased.
    public static let prefixes: [String] = rows(kind: "prefix")

    /// Phrases that make a short line page chrome wherever they stand in it (view counters, tickers), lowercased.
    public static let markers: [String] = rows(kind: "marker")
    /// Headings of related-headline lists: the heading and the short lines after it are page chrome, lowercased.
    public static let listHeadings: Set<String> = Set(rows(kind: "list-heading"))
    /// Labels that open an author line ("Автор:", "Мәтін:", "Дайындаған:"), lowercased: the rest of the line names the
    /// article's author.
    public static let bylineLabels: [String] = rows(kind: "byline")

    /// Whether a block of text (a paragraph, a line) is boilerplate.
    public static func isBoilerplate(_ block: String) -> Bool {
        let trimmed = block.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if exact.contains(trimmed) { return true }
        return prefixes.contains { trimmed.hasPrefix($0) }
    }

    private static func rows(kind: String) -> [String] {
        DataFile.requiredRows("boilerplate.tsv").compactMap { row in
            row.count >= 2 && row[1] == kind ? row[0].lowercased() : nil
        }
    }
}
