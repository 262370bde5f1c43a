import NewsSources
import TilshiTesting

/// The five real Kazakh news articles shipped as samples (``SeedArticles``).
enum Seeds {
    static func text(_ index: Int) -> String {
        SeedArticles.text(index)
    }

    /// The seeds as source documents, read like `tilshi ingest` reads them.
    static func documents() throws -> [SourceDocument] {
        try SeedArticles.ingestDocuments()
    }
}
