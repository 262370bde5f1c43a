public import Foundation
public import NewsSources

/// The five Kazakh news articles bundled with Tilshi (copies of `shared/corpus/seeds/*.txt`): the one place the demo,
/// the lab commands and the tests read them from.
public enum SampleArticles {
    /// One bundled article: its file name (`000_44aa7e2efce9c335.txt`) and its text.
    public struct Article: Sendable {
        /// The bundled file's name (`000_44aa7e2efce9c335.txt`).
        public var fileName: String
        /// The article text as bundled.
        public var text: String

        /// The file name without `.txt`: the seed's number and hash.
        public var stem: String { String(fileName.dropLast(4)) }
    }

    /// The folder holding the article files.
    public static var folder: URL {
        get throws {
            guard let url = Bundle.module.url(forResource: "Articles", withExtension: nil) else {
                throw MissingSamples()
            }
            return url
        }
    }

    /// Every bundled article, in file-name order (the seed numbers).
    public static func all() throws -> [Article] {
        let folder = try folder
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { Article(fileName: $0, text: try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// The article whose file name starts with `prefix` (e.g. `"002"`), if any.
    public static func article(_ prefix: String) throws -> Article? {
        try all().first { $0.fileName.hasPrefix(prefix) }
    }

    /// The articles as the demo collection stores them: read as plain text from `samples/NAME`, an article without
    /// a headline line titled by its first sentence (so every search hit has a readable title), and each given the
    /// publication date and source that its own text establishes (``Provenance``, from `Articles/dates.tsv`).
    public static func demoDocuments() throws -> [SourceDocument] {
        let provenance = try Self.provenance()
        return try all().flatMap { article in
            PlainTextReader().read(article.text, input: "samples/\(article.fileName)").documents.map { document in
                var document = titled(document)
                if let known = provenance[article.fileName] {
                    document.published = known.published
                    document.source = known.source
                }
                return document
            }
        }
    }

    /// What is known of a sample article's publication, and how it is known.
    public struct Provenance: Sendable, Equatable {
        /// The publication date at the precision the text establishes (`2016`, `2016-10`), nil when it fixes none.
        public var published: String?
        /// The outlet or press service the text names as its source, nil when it names none.
        public var source: String?
        /// Where the date comes from: the sentences of the article (or of the page it names) that establish it.
        public var evidence: String
    }

    /// The provenance of every bundled article by file name, from `Articles/dates.tsv`.
    public static func provenance() throws -> [String: Provenance] {
        let text = try String(contentsOf: try folder.appendingPathComponent("dates.tsv"), encoding: .utf8)
        var table: [String: Provenance] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else { continue }
            table[fields[0]] = Provenance(
                published: fields[1].isEmpty ? nil : fields[1], source: fields[2].isEmpty ? nil : fields[2], evidence: fields[3]
            )
        }
        return table
    }

    /// `document` with its first sentence (at most 120 characters, cut at a word) as title when it has none.
    static func titled(_ document: SourceDocument) -> SourceDocument {
        guard document.title == nil else { return document }
        var document = document
        let first = document.text.prefix { $0 != "\n" }
        let sentence = first.prefix { $0 != "." && $0 != "!" && $0 != "?" }
        document.title = sentence.count <= 120
            ? String(sentence)
            : String(sentence.prefix(120)).split(separator: " ").dropLast().joined(separator: " ") + "…"
        return document
    }

    /// The resource bundle lacks the articles (a broken build or install).
    public struct MissingSamples: Error, CustomStringConvertible {
        /// Says the articles are missing from this build.
        public var description: String { "the bundled sample articles are missing from this build" }
    }
}
