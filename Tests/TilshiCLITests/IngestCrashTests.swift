import Foundation
import GRDB
import SearchStore
import Testing
import TilshiTesting

/// Kills a real `tilshi ingest` in the middle and checks that the database is consistent and that a
/// second run finishes the job.
@Suite struct IngestCrashTests {
    /// The `tilshi` executable built next to the test bundle.
    static let executable = BuiltExecutable.url("tilshi")

    /// Sentences of the first seed, for short documents.
    static let sentences: [String] = {
        SeedArticles.text(2).components(separatedBy: ". ").filter { $0.count > 30 }
    }()

    @Test func killedIngestLeavesConsistentDatabaseAndRerunFinishes() throws {
        let tilshi = try #require(Self.executable, "build the tilshi executable first")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tilshi-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("news"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        // Given 40 files of 5 distinct short articles each
        let files = 40, perFile = 5
        for file in 0..<files {
            let lines = (0..<perFile).map { index -> String in
                let number = file * perFile + index
                let text = "Хабар №\(number). " + Self.sentences[number % Self.sentences.count] + ". " + Self.sentences[(number * 7 + 3) % Self.sentences.count] + "."
                let object = ["id": "n\(number)", "title": "Хабар \(number)", "text": text]
                return String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
            }
            try lines.joined(separator: "\n").write(to: folder.appendingPathComponent("news/\(String(format: "%03d", file)).jsonl"), atomically: true, encoding: .utf8)
        }
        let dbPath = folder.appendingPathComponent("news.sqlite").path

        // When an ingest is killed (SIGKILL) as soon as its first file is committed
        let arguments = ["ingest", folder.appendingPathComponent("news").path, "--db", dbPath, "--no-progress"]
        try BuiltExecutable.killAtFirstProgress(tilshi, arguments, progress: { (try? Self.count(dbPath)) ?? 0 })

        // Then the database is consistent: whole files only, index in step with the documents
        let afterKill = try NewsDatabase.open(path: dbPath)
        let documents = try afterKill.stats().documents
        #expect(documents % perFile == 0, "a file was half-stored: \(documents) documents")
        #expect(documents < files * perFile, "the ingest finished before it could be killed; the test proves nothing")
        #expect(try afterKill.checkIntegrity().isOK)

        // And a second run stores exactly what is missing
        let (status, summary) = try BuiltExecutable.runForErrors(tilshi, arguments)
        #expect(status == 0)
        #expect(summary.contains("ingested \(files * perFile - documents), duplicates \(documents)"), "\(summary)")
        let final = try NewsDatabase.open(path: dbPath)
        #expect(try final.stats().documents == files * perFile)
        #expect(try final.search(SearchQuery("Хабар")).total > 0)
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
