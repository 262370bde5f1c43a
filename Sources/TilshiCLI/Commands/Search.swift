import ArgumentParser
import Foundation
import SearchStore

extension TilshiCommand {
    /// `tilshi search QUERY`: full-text search with Kazakh morphology.
    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Search the collection (inflected forms and Latin spellings match too).",
            discussion: """
                Syntax: words (all must match), "a phrase", OR, NOT word or -word, (parentheses), prefix*. \
                Near-duplicates are folded under their original unless --all is given.
                """
        )

        @Argument(help: "The query, e.g. 'Алматы ЮНЕСКО' or '\"Абай алаңы\" OR Almaty'. Empty lists by date.")
        var query: String = ""

        @OptionGroup var database: DatabaseOptions

        @Option(name: .shortAndLong, help: "Output format: text or json.")
        var format: ResultFormat = .text

        @Option(help: "Only documents mentioning this entity (canonical name).")
        var entity: String?

        @Option(help: "Only documents with an entity of this label (PERSON, GPE, ORGANISATION, …).")
        var label: String?

        @Option(help: "Published on or after this date (yyyy-MM-dd or yyyy-MM).")
        var from: String?

        @Option(help: "Published on or before this date (yyyy-MM-dd or yyyy-MM).")
        var to: String?

        @Option(help: "Only documents from this source.")
        var source: String?

        @Flag(help: "Show near-duplicates as results of their own.")
        var all = false

        @Option(name: .shortAndLong, help: "Number of results.")
        var limit: Int = 10

        @Option(help: "Skip this many results (paging).")
        var offset: Int = 0

        init() {}

        func validate() throws {
            guard (1...200).contains(limit) else { throw ValidationError("--limit must be between 1 and 200") }
            guard offset >= 0 else { throw ValidationError("--offset must not be negative") }
            // The same values the HTTP API refuses with 400, refused with the same words.
            for (name, value) in [("--from", from), ("--to", to)] {
                if let value, !FilterValues.isDateOrMonth(value) {
                    throw ValidationError("\(name) must be a date yyyy-MM-dd or a month yyyy-MM, not '\(value)'")
                }
            }
            if let label, !FilterValues.isLabel(label) {
                throw ValidationError("--label must be an entity label such as PERSON or GPE, not '\(label)' (\(FilterValues.labelHint))")
            }
        }

        func run() async throws {
            let db = try database.openExisting()
            let results = try db.search(SearchQuery(
                query, entity: entity, label: label, from: from, to: to, source: source,
                includeDuplicates: all, limit: limit, offset: offset
            ))
            var output = StandardOutput()
            switch format {
            case .json: output.write(try JSONOutput.encode(results) + "\n")
            case .text: output.write(Self.render(results, color: isatty(STDOUT_FILENO) != 0))
            }
            output.flush()
        }

        static func render(_ results: SearchResults, color: Bool) -> String {
            let (open, close) = color ? ("\u{1B}[1;33m", "\u{1B}[0m") : ("[", "]")
            var text = ""
            for warning in results.warnings { text += "note: \(warning)\n" }
            text += results.totalDescription
            if results.total > results.hits.count && !results.hits.isEmpty {
                text += " (showing \(results.query.offset + 1)–\(results.query.offset + results.hits.count))"
            }
            text += "\n"
            for hit in results.hits {
                let title = hit.title.map { TextRange.mark($0, hit.titleHighlights, open: open, close: close) } ?? hit.headline ?? "(untitled)"
                text += "\n#\(hit.id)  \(title)\n"
                let details = [hit.source, hit.published, String(format: "score %.3g", hit.score)].compactMap { $0 }
                text += "    " + details.joined(separator: " · ") + "\n"
                if let snippet = hit.snippet { text += "    " + snippet.marked(open: open, close: close) + "\n" }
                if let original = hit.duplicateOf {
                    text += String(format: "    near-duplicate of #%lld (similarity %.2f)\n", original.id, original.similarity)
                }
                for duplicate in hit.duplicates {
                    text += String(format: "    + near-duplicate #%lld %@ (similarity %.2f)\n", duplicate.id, duplicate.source ?? "", duplicate.similarity)
                }
            }
            if let facets = results.facets, results.total > 0 {
                func line(_ name: String, _ counts: [FacetCount]) -> String {
                    guard !counts.isEmpty else { return "" }
                    return "  \(name): " + counts.map { "\($0.value)\($0.label.map { " (\($0))" } ?? "") \($0.count)" }.joined(separator: ", ") + "\n"
                }
                let lines = line("entities", facets.entities) + line("sources", facets.sources) + line("months", facets.months)
                if !lines.isEmpty { text += "\nfacets:\n" + lines }
            }
            return text
        }
    }
}

/// Pretty, stable JSON for command output.
enum JSONOutput {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
