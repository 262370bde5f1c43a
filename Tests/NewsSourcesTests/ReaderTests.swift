import Formats
import Foundation
import Testing
@testable import NewsSources

@Suite struct HTMLExtractorTests {
    @Test func keepsTheArticleAndDropsBoilerplate() {
        let page = HTMLExtractor().extract(Fixtures.page)
        #expect(page.title == Fixtures.title)
        #expect(page.source == "Almaty.tv")
        #expect(page.url == "https://almaty.tv/kz/news/world-craft-city")
        #expect(page.published == "2025-10-05T14:30:00+05:00")
        let paragraphs = page.text.components(separatedBy: "\n\n")
        #expect(paragraphs.count == 3, "\(paragraphs)")
        #expect(paragraphs.first == Fixtures.paragraph1)
        // &nbsp; becomes an ordinary space (whitespace is normalised), entities and numeric references their letters.
        #expect(paragraphs.dropFirst().first == Fixtures.paragraph2)
        #expect(paragraphs.last == Fixtures.quote)
        for boilerplate in ["бөлісіңіз", "Оқи отырыңыз", "партнеров", "Басты бет", "Қазақша", "Скрипт", "Жасырын", "құқықтар",
                            "Ең көп", "қосымша", "Тағы бір жаңалық", "Жарнама"] {
            #expect(!page.text.contains(boilerplate), "kept \(boilerplate)")
        }
    }

    @Test(arguments: [
        "", "<", "<<<>>>", "<p", "<p class=", "<!--", "<![CDATA[", "<script>", "&", "&#xFFFFFFFF;", "&#0;x",
        "<div><p>Алматы</div></p></span>", String(repeating: "<div>", count: 10_000) + "Алматы",
    ])
    func malformedMarkupNeverCrashes(_ html: String) {
        let page = HTMLExtractor().extract(html)
        #expect(page.text.count <= html.count)
    }

    @Test func decodesEntities() {
        #expect(HTMLEntities.decode("&laquo;Қ&#1179;&#x49B;&raquo; &amp;amp; &unknown; &amp") == "«Қққ» &amp; &unknown; &")
    }
}

@Suite struct FeedReaderTests {
    @Test func readsRSSItemsWithFullContent() {
        let result = FeedReader().read(Fixtures.rss, input: "feed.rss")
        #expect(result.problems.isEmpty)
        #expect(result.documents.count == 2)
        let first = result.documents[0]
        #expect(first.title == Fixtures.title)
        #expect(first.text == Fixtures.paragraph1 + "\n\n" + Fixtures.paragraph2)
        #expect(first.published == "2025-10-05T14:30:00+05:00")
        #expect(first.source == "Almaty.tv")
        #expect(first.externalID == "wcc-2025")
        #expect(first.origin == "feed.rss#1")
        // An item with only an escaped-HTML description.
        #expect(result.documents[1].text == "Парижде ЮНЕСКО штаб пәтерінде Алматы қаласының 1000 жылдығын кеңінен атап өтті.")
        #expect(result.documents[1].published == "2025-10-06T09:00:00Z")
    }

    @Test func readsAtomEntries() {
        let result = FeedReader().read(Fixtures.atom, input: "feed.atom")
        #expect(result.problems.isEmpty)
        #expect(result.documents.map(\.text) == [Fixtures.paragraph1, Fixtures.paragraph2])
        #expect(result.documents[0].url == "https://kazinform.kz/wcc")
        #expect(result.documents[0].published == "2025-10-05T12:00:00Z")
        #expect(result.documents[1].published == "2025-10-06T08:00:00Z")
        #expect(result.documents[0].source == "Kazinform")
    }

    @Test func malformedXMLIsReportedWithItsLine() {
        let broken = Fixtures.rss.replacingOccurrences(of: "</title>\n  <link>https://almaty.tv/kz/news/unesco", with: "\n  <link>https://almaty.tv/kz/news/unesco")
        let result = FeedReader().read(broken, input: "bad.rss")
        #expect(result.documents.isEmpty)
        let problem = try! #require(result.problems.first)
        #expect(problem.input.hasPrefix("bad.rss:"))
        #expect(problem.reason.contains("malformed XML"))
    }
}

@Suite struct JSONLinesReaderTests {
    @Test func readsGoodLinesAndReportsBadOnesByNumber() {
        let result = JSONLinesReader().read(Fixtures.jsonl, input: "news.jsonl")
        #expect(result.documents.map(\.externalID) == ["a1", "2"])
        #expect(result.documents[0].published == "2025-10-05")
        #expect(result.documents[0].origin == "news.jsonl:1")
        #expect(result.problems.map(\.input) == ["news.jsonl:3", "news.jsonl:4", "news.jsonl:6"])
    }
}

@Suite struct SourceReaderTests {
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tilshi-sources-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("deep/er"), withIntermediateDirectories: true)
        return folder
    }

    @Test func walksFoldersAndPicksFormats() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.page.write(to: folder.appendingPathComponent("page.html"), atomically: true, encoding: .utf8)
        try Fixtures.rss.write(to: folder.appendingPathComponent("deep/feed.xml"), atomically: true, encoding: .utf8)
        try Fixtures.atom.write(to: folder.appendingPathComponent("deep/er/feed.atom"), atomically: true, encoding: .utf8)
        try "ignored".write(to: folder.appendingPathComponent("notes.md"), atomically: true, encoding: .utf8)
        let reader = SourceReader()
        let (files, problems) = reader.files(for: [folder.path, folder.appendingPathComponent("missing.txt").path])
        #expect(files.count == 3)
        #expect(problems.count == 1)
        let documents = files.flatMap { reader.read(file: $0).documents }
        #expect(documents.count == 5)
    }

    @Test func badFilesAreNamed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = folder.appendingPathComponent("image.txt")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A]).write(to: binary)
        let latin1 = folder.appendingPathComponent("latin1.txt")
        try Data([0x41, 0x6C, 0x6D, 0x61, 0xE9, 0x74, 0x79]).write(to: latin1)
        let empty = folder.appendingPathComponent("empty.html")
        try "<html><body><nav>Мәзір</nav></body></html>".write(to: empty, atomically: true, encoding: .utf8)
        for file in [binary, latin1, empty] {
            let result = SourceReader().read(file: file.path)
            #expect(result.documents.isEmpty)
            #expect(result.problems.first?.input == file.path)
        }
    }
}
