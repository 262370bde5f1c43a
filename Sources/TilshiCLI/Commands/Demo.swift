import ArgumentParser
import Foundation
import NewsSources
import SearchStore

extension TilshiCommand {
    /// `tilshi demo`: builds a collection from the bundled sample articles and serves it.
    public struct Demo: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Build a collection from the bundled Kazakh sample articles and serve it: the quickest way to see Tilshi.",
            discussion: "Open the printed URL in a browser and search, e.g. Алматы."
        )

        @Option(help: "Where to keep the demo collection (default: a file in the temporary folder, rebuilt each time).")
        public var db: String?

        @OptionGroup public var server: ServerOptions

        public init() {}

        public func run() async throws {
            let path = db ?? FileManager.default.temporaryDirectory.appendingPathComponent("tilshi-demo.sqlite").path
            if db == nil {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            let database = try NewsDatabase.open(path: path)
            let report = try database.ingest(try Self.sampleDocuments())
            FileHandle.standardOutput.write(Data("tilshi: demo collection \(path): \(report.added.count) articles added, \(report.duplicates) already there\n".utf8))
            try await ServerLauncher.run(database: database, options: server, collection: path)
        }

        /// The sample articles shipped in the package (`Resources/Samples`), as source documents.
        public static func sampleDocuments() throws -> [SourceDocument] {
            guard let folder = Bundle.module.url(forResource: "Samples", withExtension: nil, subdirectory: "Resources") else {
                throw ValidationError("the sample articles are missing from this build")
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
            return try names.flatMap { name in
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                return PlainTextReader().read(text, input: "samples/\(name)").documents.map(SampleArticle.titled)
            }
        }
    }
}

/// Gives a sample article without a headline line its first sentence as title, so every hit has a readable title.
enum SampleArticle {
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
}
