import Foundation
import GRDB
import Testing
import TilshiTesting

/// `tilshi ingest` as a user runs it, on folders with links out of them, and two at once on a new collection.
@Suite struct IngestFolderTests {
    static let executable = BuiltExecutable.url("tilshi")

    /// Runs `tilshi` with `arguments`; returns its exit status and standard error.
    static func run(_ tilshi: URL, _ arguments: [String]) throws -> (status: Int32, errors: String) {
        try BuiltExecutable.runForErrors(tilshi, arguments)
    }

    @Test func aLinkOutOfTheFolderIsNamedAndNotIngested() throws {
        let tilshi = try #require(Self.executable, "build the tilshi executable first")
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tilshi-links-\(UUID().uuidString)")
        let news = base.appendingPathComponent("news")
        try FileManager.default.createDirectory(at: news, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        try "Алматыда жаңа кітапхана ашылды.\n\nОқырмандар оны бірден жақсы көрді.".write(
            to: news.appendingPathComponent("кітапхана.txt"), atomically: true, encoding: .utf8
        )
        let secret = base.appendingPathComponent("құпия.txt")
        try "Құпия кілт: алма ағашы.\n\nБұл жаңалық емес.".write(to: secret, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: news.appendingPathComponent("сілтеме.txt").path, withDestinationPath: secret.path)
        let db = base.appendingPathComponent("news.sqlite").path

        // When the folder is ingested, the link is named and the run fails, the good file is stored with a short origin
        let run = try Self.run(tilshi, ["ingest", news.path, "--db", db, "--no-progress"])
        #expect(run.status != 0)
        #expect(run.errors.contains("сілтеме.txt"))
        #expect(run.errors.contains("--follow-links"))
        let origins = try DatabaseQueue(path: db).read { try String.fetchAll($0, sql: "SELECT origin FROM document ORDER BY id") }
        #expect(origins == ["news/кітапхана.txt"])

        // And with --follow-links the linked file is read too
        let followed = try Self.run(tilshi, ["ingest", news.path, "--db", db, "--no-progress", "--follow-links"])
        #expect(followed.status == 0)
        #expect(try DatabaseQueue(path: db).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM document") } == 2)
    }

    @Test func fourProcessesCreatingOneCollectionAllSucceed() throws {
        // Before the migrations retried, 4 processes opening one new file failed in 9 of 60 runs ("table … already exists").
        let tilshi = try #require(Self.executable, "build the tilshi executable first")
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tilshi-four-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        let texts = [
            "Астанада жиын өтті.\n\nОған министрлер келді.", "Шымкентте фестиваль ашылды.\n\nКөрермен көп болды.",
            "Таразда жаңа мектеп салынды.\n\nОқушылар қуанып жүр.", "Атырауда теңіз күні тойланды.\n\nЖағалауға жұрт жиналды.",
        ]
        let files = try texts.enumerated().map { index, text in
            let file = base.appendingPathComponent("хабар-\(index).txt")
            try text.write(to: file, atomically: true, encoding: .utf8)
            return file
        }
        for round in 0..<3 {
            let db = base.appendingPathComponent("new-\(round).sqlite").path
            let processes = files.map { file -> (Process, Pipe) in
                let process = Process()
                process.executableURL = tilshi
                process.arguments = ["ingest", file.path, "--db", db, "--no-progress"]
                let errors = Pipe()
                process.standardError = errors
                return (process, errors)
            }
            for (process, _) in processes { try process.run() }
            for (process, errors) in processes {
                let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "round \(round): \(message)")
            }
            #expect(try DatabaseQueue(path: db).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM document") } == texts.count)
        }
    }
}
