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

    /// The articles as the demo collection stores them: read as plain text from `samples/NAME`, and an article without
    /// a headline line titled by its first sentence, so every search hit has a readable title.
    public static func demoDocuments() throws -> [SourceDocument] {
        try all().flatMap { article in
            PlainTextReader().read(article.text, input: "samples/\(article.fileName)").documents.map(titled)
        }
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
