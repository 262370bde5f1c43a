import Foundation
import GRDB
import NewsSources
import SearchStore
import Testing
import TilshiTesting

/// `tilshi migrate` as a user runs it: killed mid-way (SIGKILL) it leaves whole batches only, run again it finishes
/// and verifies; a destination that differs from the source makes it fail.
@Suite struct MigrateCommandTests {
    static let executable = BuiltExecutable.url("tilshi")

    /// Short articles made of the seed's sentences, numbered so that each is distinct.
    static func articles(_ count: Int) -> [SourceDocument] {
        let sentences = SeedArticles.text(2).components(separatedBy: ". ").filter { $0.count > 30 }
        return (0..<count).map { number in
            SourceDocument(
                externalID: "m\(number)", title: "Хабар \(number)",
                text: "Хабар №\(number). " + sentences[number % sentences.count] + ". " + sentences[(number * 7 + 3) % sentences.count] + ".",
                origin: "migrate-\(number).txt"
            )
        }
    }

    @Test func killedMigrateResumesAndVerifies() throws {
        let tilshi = try #require(Self.executable, "build the tilshi executable first")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tilshi-migrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sourcePath = folder.appendingPathComponent("source.sqlite").path
        let destinationPath = folder.appendingPathComponent("copy.sqlite").path
        let total = 300
        try NewsDatabase.open(path: sourcePath).ingest(Self.articles(total))

        // Killed as soon as its first batch of 5 is committed.
        try BuiltExecutable.killAtFirstProgress(
            tilshi, ["migrate", "--from", sourcePath, "--to", destinationPath, "--batch", "5", "--no-progress"],
            progress: { (try? Self.count(destinationPath)) ?? 0 })
        let afterKill = try Self.count(destinationPath)
        #expect(afterKill % 5 == 0, "a batch was half-copied: \(afterKill)")
        #expect(afterKill < total, "the migrate finished before it could be killed; the test proves nothing")

        // Run again: continues where it stopped, stores nothing twice, verifies every table.
        let (output, status) = try BuiltExecutable.run(tilshi, ["migrate", "--from", sourcePath, "--to", destinationPath, "--no-progress"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("\(total) documents, \(total - afterKill) copied now, \(afterKill) already there"), "\(output)")
        #expect(output.contains("verified: every table has the same count and checksum"), "\(output)")
        #expect(try Self.count(destinationPath) == total)
        let copy = try NewsDatabase.open(path: destinationPath)
        #expect(try copy.search(SearchQuery("Хабар")).total == (try NewsDatabase.open(path: sourcePath).search(SearchQuery("Хабар")).total))
    }

    @Test func differingDestinationFails() throws {
        let tilshi = try #require(Self.executable, "build the tilshi executable first")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tilshi-migrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sourcePath = folder.appendingPathComponent("source.sqlite").path
        let otherPath = folder.appendingPathComponent("other.sqlite").path
        try NewsDatabase.open(path: sourcePath).ingest(Self.articles(6))
        // The same texts, one with another title: nothing to copy, but not the same collection.
        var retitled = Self.articles(6)
        retitled[3].title = "Басқа тақырып"
        try NewsDatabase.open(path: otherPath).ingest(retitled)
        let (output, status) = try BuiltExecutable.run(tilshi, ["migrate", "--from", sourcePath, "--to", otherPath])
        #expect(status == 1)
        #expect(output.contains("MISMATCH") && output.contains("NOT verified"), "\(output)")
        // A destination with documents of its own is refused before anything is written.
        let largerPath = folder.appendingPathComponent("larger.sqlite").path
        try NewsDatabase.open(path: largerPath).ingest(Self.articles(7))
        let errors = try BuiltExecutable.runForErrors(tilshi, ["migrate", "--from", sourcePath, "--to", largerPath])
        #expect(errors.status == 1)
        #expect(errors.errors.contains("1 document(s) that are not in the source"), "\(errors.errors)")
        #expect(try Self.count(largerPath) == 7)
    }

    private static func count(_ path: String) throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        return try queue.read { db in
            try db.tableExists("document") ? Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0 : 0
        }
    }
}
