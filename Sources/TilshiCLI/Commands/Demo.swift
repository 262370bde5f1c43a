import ArgumentParser
import Foundation
import SampleArticles
import SearchStore

extension TilshiCommand {
    /// `tilshi demo`: builds a collection from the bundled sample articles and serves it.
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build a collection from the bundled Kazakh sample articles and serve it: the quickest way to see Tilshi.",
            discussion: "Open the printed URL in a browser and search, e.g. Алматы."
        )

        @Option(help: "Where to keep the demo collection (default: a file in the temporary folder, rebuilt each time).")
        var db: String?

        @OptionGroup var server: ServerOptions

        init() {}

        func run() async throws {
            let path = db ?? FileManager.default.temporaryDirectory.appendingPathComponent("tilshi-demo.sqlite").path
            if db == nil {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            let database = try NewsDatabase.open(path: path)
            let report = try database.ingest(try SampleArticles.demoDocuments())
            FileHandle.standardOutput.write(Data("tilshi: demo collection \(path): \(report.added.count) articles added, \(report.duplicates) already there\n".utf8))
            try await ServerLauncher.run(database: database, options: server, collection: path)
        }
    }
}
