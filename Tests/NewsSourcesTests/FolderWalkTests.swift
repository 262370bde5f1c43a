import Formats
import Foundation
import Testing
@testable import NewsSources

@Suite struct FolderWalkTests {
    private static let article = "Алматыда жаңа кітапхана ашылды.\n\nОқырмандар оны бірден жақсы көрді."

    /// A folder `news` (with `ішкі/`) inside a fresh temporary folder, and a secret file outside it.
    private func makeTree() throws -> (base: URL, news: URL, secret: URL) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tilshi-walk-\(UUID().uuidString)")
        let news = base.appendingPathComponent("news")
        try FileManager.default.createDirectory(at: news.appendingPathComponent("ішкі"), withIntermediateDirectories: true)
        try Self.article.write(to: news.appendingPathComponent("бірінші.txt"), atomically: true, encoding: .utf8)
        try Self.article.write(to: news.appendingPathComponent("ішкі/екінші.txt"), atomically: true, encoding: .utf8)
        let secret = base.appendingPathComponent("құпия.txt")
        try "Құпия сөз: алма.\n\nБұл файл жаңалық емес.".write(to: secret, atomically: true, encoding: .utf8)
        return (base, news, secret)
    }

    @Test func anUnreadableSubfolderIsNamed() throws {
        let (base, news, _) = try makeTree()
        defer { try? FileManager.default.removeItem(at: base) }
        let locked = news.appendingPathComponent("жабық")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try Self.article.write(to: locked.appendingPathComponent("үшінші.txt"), atomically: true, encoding: .utf8)
        // As root every folder can be listed, so the lister stands in for the permission check there.
        let reader = SourceReader { path in
            if path.hasSuffix("жабық") { throw CocoaError(.fileReadNoPermission) }
            return try FileManager.default.contentsOfDirectory(atPath: path)
        }
        let (inputs, problems) = reader.inputs(for: [news.path])
        #expect(inputs.map(\.origin) == ["news/бірінші.txt", "news/ішкі/екінші.txt"])
        #expect(problems.count == 1)
        #expect(problems.first?.input == locked.path)
        #expect(problems.first?.reason.contains("cannot list the folder") == true)
    }

    @Test func aFolderWithoutPermissionIsNamed() throws {
        // Only meaningful when not root (root lists any folder).
        guard getuid() != 0 else { return }
        let (base, news, _) = try makeTree()
        defer { try? FileManager.default.removeItem(at: base) }
        let locked = news.appendingPathComponent("жабық")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
        let (_, problems) = SourceReader().inputs(for: [news.path])
        #expect(problems.map(\.input) == [locked.path])
    }

    @Test func linksOutOfTheFolderAreNotFollowedUnlessAsked() throws {
        let (base, news, secret) = try makeTree()
        defer { try? FileManager.default.removeItem(at: base) }
        // A link to a file outside, one to a folder outside, and one that stays inside.
        try FileManager.default.createSymbolicLink(atPath: news.appendingPathComponent("сілтеме.txt").path, withDestinationPath: secret.path)
        let outside = base.appendingPathComponent("сырт")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Self.article.write(to: outside.appendingPathComponent("бөгде.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: news.appendingPathComponent("сырт").path, withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(
            atPath: news.appendingPathComponent("ішкі/қайта.txt").path, withDestinationPath: news.appendingPathComponent("бірінші.txt").path
        )
        // A link back up the tree must not loop.
        try FileManager.default.createSymbolicLink(atPath: news.appendingPathComponent("ішкі/жоғары").path, withDestinationPath: news.path)

        let (inputs, problems) = SourceReader().inputs(for: [news.path])
        #expect(inputs.map(\.origin) == ["news/бірінші.txt", "news/ішкі/екінші.txt", "news/ішкі/қайта.txt"])
        #expect(Set(problems.map(\.input)) == [news.appendingPathComponent("сілтеме.txt").path, news.appendingPathComponent("сырт").path])
        #expect(problems.allSatisfy { $0.reason.contains("--follow-links") })

        let (followed, none) = SourceReader().inputs(for: [news.path], followLinks: true)
        #expect(none.isEmpty)
        #expect(followed.map(\.origin).contains("news/сілтеме.txt"))
        #expect(followed.map(\.origin).contains("news/сырт/бөгде.txt"))
    }

    @Test func originsNameNoFolderAboveTheGivenOne() throws {
        let (base, news, secret) = try makeTree()
        defer { try? FileManager.default.removeItem(at: base) }
        let reader = SourceReader()
        let (inputs, problems) = reader.inputs(for: [news.path, secret.path])
        #expect(problems.isEmpty)
        #expect(inputs.map(\.origin) == ["news/бірінші.txt", "news/ішкі/екінші.txt", "құпия.txt"])
        #expect(inputs.allSatisfy { !$0.origin.hasPrefix("/") })
        let documents = inputs.flatMap { reader.read($0).documents }
        #expect(documents.map(\.origin) == ["news/бірінші.txt", "news/ішкі/екінші.txt", "құпия.txt"])
    }
}

@Suite struct JSONLinesValidationTests {
    @Test func anUnreadableDateRefusesItsLineByNumber() {
        let text = """
            {"id": "1", "text": "Астанада жиын өтті.", "published": "2025-10-05"}
            {"id": "2", "text": "Шымкентте көрме ашылды.", "published": "кеше"}
            {"id": "3", "text": "Ақтөбеде жарыс басталды.", "published": "Sun, 05 Oct 2025 10:00:00 +0600"}
            {"id": "4", "text": "Атырауда концерт болды.", "published": ""}
            {"id": "5", "text": "Таразда той өтті.", "published": "2025-13-40"}
            """
        let result = JSONLinesReader().read(text, input: "news.jsonl")
        #expect(result.documents.map(\.externalID) == ["1", "3", "4"])
        #expect(result.documents.map(\.published) == ["2025-10-05", "2025-10-05T10:00:00+06:00", nil])
        #expect(result.problems.map(\.input) == ["news.jsonl:2", "news.jsonl:5"])
        #expect(result.problems.first?.reason.contains("\"published\" 'кеше' is not a date") == true)
    }

    @Test func aNulCharacterRefusesItsLine() {
        let text = #"""
            {"id": "1", "text": "Астанада жиын\u0000 өтті."}
            {"id": "2", "title": "Ақ\u0000жол", "text": "Шымкентте көрме ашылды."}
            {"id": "3", "text": "Ақтөбеде жарыс басталды."}
            """#
        let result = JSONLinesReader().read(text, input: "news.jsonl")
        #expect(result.documents.map(\.externalID) == ["3"])
        #expect(result.problems.map(\.input) == ["news.jsonl:1", "news.jsonl:2"])
    }

    @Test func aNumericNulReferenceInHTMLBecomesTheReplacementCharacter() {
        #expect(HTMLEntities.decode("Алма&#0;ты &#x0;") == "Алма\u{FFFD}ты \u{FFFD}")
    }
}
