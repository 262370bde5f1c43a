import ArgumentParser
import Foundation
import GRDB
@testable import SearchStore
import Testing
import TilshiTesting
@testable import TilshiCLI

/// `tilshi stats --check`: SQLite's and FTS5's integrity checks through the project's tokenizer.
@Suite struct StatsCheckCommandTests {
    /// A collection file of the seed articles, in a fresh folder.
    static func seedCollection() async throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tilshi-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("tilshi.sqlite").path
        let files = try SeedArticles.paths()
        #expect(files.count >= 5)
        try await TilshiCommand.Ingest.parse(files + ["--db", path, "--no-progress"]).run()
        #expect(try NewsDatabase.open(path: path).stats().documents >= 5)
        return path
    }

    @Test func passesOnAFreshCollection() async throws {
        // Given a fresh collection of the seeds
        let path = try await Self.seedCollection()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        // When it is checked, Then the command succeeds
        try await TilshiCommand.Stats.parse(["--check", "--db", path]).run()
    }

    @Test func failsWithANonZeroStatusOnACorruptedIndex() async throws {
        // Given a collection whose index lost a document behind its content's back
        let path = try await Self.seedCollection()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let db = try NewsDatabase.open(path: path)
        try await db.writer.write { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT documentID, title, text FROM document_terms ORDER BY documentID LIMIT 1"))
            try db.execute(
                sql: "INSERT INTO document_fts(document_fts, rowid, title, text) VALUES('delete', ?, ?, ?)",
                arguments: [row["documentID"] as Int64, row["title"] as DatabaseValue, row["text"] as DatabaseValue]
            )
        }
        let report = try db.checkIntegrity()
        #expect(!report.isOK)
        #expect(report.failures.joined().contains("does not match"))
        // When it is checked, Then the command exits with a failure status
        await #expect(throws: ExitCode.failure) { try await TilshiCommand.Stats.parse(["--check", "--db", path]).run() }
    }
}
