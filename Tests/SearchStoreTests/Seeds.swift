import Foundation
import NewsSources

/// The five real Kazakh news articles shipped as samples (copies of ../shared/corpus/seeds).
enum Seeds {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/TilshiCLI/Resources/Samples")

    static let paths: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { folder.appendingPathComponent($0).path }
    }()

    static func text(_ index: Int) -> String {
        (try? String(contentsOfFile: paths[index], encoding: .utf8)) ?? ""
    }

    /// The seeds as source documents, read like `tilshi ingest` reads them.
    static func documents() -> [SourceDocument] {
        paths.flatMap { SourceReader().read(file: $0).documents }
    }
}
