import Foundation
package import NewsSources
import SampleArticles

/// The five bundled seed articles (``SampleArticles``) as the tests use them. A missing or unreadable article is a
/// test failure (the functions throw or trap), never an empty list that lets a test pass on nothing.
package enum SeedArticles {
    /// The article files' paths, in seed order (for tests that pass files to a command).
    package static func paths() throws -> [String] {
        let folder = try SampleArticles.folder
        return try SampleArticles.all().map { folder.appendingPathComponent($0.fileName).path }
    }

    /// Every seed text, in seed order.
    package static func texts() throws -> [String] {
        try SampleArticles.all().map(\.text)
    }

    /// The text of seed `number` (0 … 4).
    package static func text(_ number: Int) -> String {
        guard let article = try? SampleArticles.article(String(format: "%03d_", number)) else {
            fatalError("seed article \(number) is missing from the bundled samples")
        }
        return article.text
    }

    /// The seeds as source documents, read from their files as `tilshi ingest` reads them.
    package static func ingestDocuments() throws -> [SourceDocument] {
        try paths().flatMap { SourceReader().read(file: $0).documents }
    }

    /// The seeds as the server tests store them: plain text named by file, each given a publication day in October 2016
    /// (the files carry none) so calendars and facets have dates, and the source "seeds".
    package static func datedDocuments() throws -> [SourceDocument] {
        try SampleArticles.all().enumerated().map { index, article in
            guard var document = PlainTextReader().read(article.text, input: article.fileName).documents.first else {
                throw MissingDocument(fileName: article.fileName)
            }
            document.published = "2016-10-0\(index + 1)"
            document.source = "seeds"
            return document
        }
    }

    struct MissingDocument: Error, CustomStringConvertible {
        var fileName: String
        var description: String { "the plain-text reader found no document in \(fileName)" }
    }
}
