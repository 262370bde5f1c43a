import ArgumentParser
import Foundation
import GRDB
@testable import SearchStore
import Testing
import TextModel
import TilshiTesting
@testable import TilshiCLI

/// `tilshi ingest` keeps each document's token layer by default, and none with `--no-tokens`; either way a
/// document's tokens come back the same.
@Suite struct IngestTokenLayerTests {
    static func ingestSeeds(_ extra: [String]) async throws -> (NewsDatabase, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tilshi-tokens-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("tilshi.sqlite").path
        try await TilshiCommand.Ingest.parse(try SeedArticles.paths() + ["--db", path, "--no-progress"] + extra).run()
        return (try NewsDatabase.open(path: path), folder)
    }

    static func layerBlobs(_ db: NewsDatabase) throws -> [Data] {
        try db.writer.read { try Data.fetchAll($0, sql: "SELECT layers FROM document ORDER BY id") }
    }

    @Test func tokensAreStoredByDefaultAndLeftOutOnRequest() async throws {
        let (kept, keptFolder) = try await Self.ingestSeeds([])
        let (plain, plainFolder) = try await Self.ingestSeeds(["--no-tokens"])
        defer {
            try? FileManager.default.removeItem(at: keptFolder)
            try? FileManager.default.removeItem(at: plainFolder)
        }
        let keptBlobs = try Self.layerBlobs(kept)
        let plainBlobs = try Self.layerBlobs(plain)
        #expect(keptBlobs.count >= 5 && keptBlobs.count == plainBlobs.count)
        #expect(keptBlobs.allSatisfy(LayerBlob.hasTokens))
        #expect(!plainBlobs.contains(where: LayerBlob.hasTokens))
        for id in 1...Int64(keptBlobs.count) {
            let stored = try #require(try kept.document(id: id, withTokens: true))
            #expect(!stored.analysis.tokens.isEmpty)
            #expect(stored.analysis.tokens == (try plain.document(id: id, withTokens: true))?.analysis.tokens)
        }
    }
}
