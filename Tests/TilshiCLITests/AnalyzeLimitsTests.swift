import ArgumentParser
import Formats
import Foundation
import Testing
@testable import TilshiCLI

/// `--max-document-size` and `--max-line-size`: an input over a limit is named with the limit and skipped, and every
/// other input of the run is still analysed (a 200 MB one-line file used to run for hours instead).
@Suite struct AnalyzeLimitsTests {
    func directory(with files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tilshi-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: root.appendingPathComponent(name)) }
        return root
    }

    func run(_ arguments: [String], inputs: [String]) throws -> (output: String, errors: [String], failures: Int) {
        let command = try TilshiCommand.Analyze.parse(arguments + inputs)
        var output = ""
        var errors: [String] = []
        let failures = try command.analyzeAll(inputs, write: { output += $0 }, report: { errors.append($0) })
        return (output, errors, failures)
    }

    @Test func aTextOverTheDocumentLimitIsNamedAndTheOthersAnalysed() throws {
        let long = String(repeating: "Алматыда концерт өтті. ", count: 100)  // 4,300 bytes
        let root = try directory(with: ["long.txt": long, "short.txt": "Астанада көрме ашылды."])
        let inputs = [root.appendingPathComponent("long.txt").path, root.appendingPathComponent("short.txt").path]
        let result = try run(["--format", "jsonl", "--max-document-size", "4K"], inputs: inputs)
        #expect(result.failures == 1)
        #expect(result.errors == ["\(inputs[0]): document is too large (\(long.utf8.count) bytes of text; the limit is 4096, --max-document-size)"])
        #expect(result.output.split(separator: "\n").count == 1)
        #expect(result.output.contains("Астанада"))
    }

    @Test func aJSONLineOverTheLineLimitIsNamedWithItsNumberAndTheOtherLinesRead() throws {
        let longText = String(repeating: "Шымкентте марафон өтті. ", count: 60)
        let jsonl = """
            {"id": "1", "text": "Ақтөбеде мектеп ашылды."}
            {"id": "2", "text": "\(longText)"}
            {"id": "3", "text": "Оралда кітапхана ашылды."}
            """
        let root = try directory(with: ["news.jsonl": jsonl])
        let input = root.appendingPathComponent("news.jsonl").path
        let result = try run(["--format", "jsonl", "--max-line-size", "2K"], inputs: [input])
        #expect(result.failures == 1)
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.hasPrefix("\(input):2: line is too long (") == true)
        #expect(result.errors.first?.hasSuffix("the limit is 2048, --max-line-size)") == true)
        #expect(result.output.contains("Ақтөбеде") && result.output.contains("Оралда"))
    }

    @Test func aFeedItemOverTheDocumentLimitIsNamedAndTheOtherItemRead() throws {
        let long = String(repeating: "Түркістанда концерт өтеді. ", count: 50)
        let feed = """
            <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Жаңалықтар</title>
            <item><title>Ұзын</title><description>\(long)</description></item>
            <item><title>Қысқа</title><description>Семейде айтыс өтеді.</description></item>
            </channel></rss>
            """
        let root = try directory(with: ["news.rss": feed])
        let result = try run(["--format", "jsonl", "--max-document-size", "1K"], inputs: [root.appendingPathComponent("news.rss").path])
        #expect(result.failures == 1)
        #expect(result.errors.first?.contains("document is too large") == true)
        #expect(result.output.contains("Семейде"))
        #expect(!result.output.contains("Түркістанда"))
    }

    @Test func sizesTakeSuffixesAndBadSizesAreRefused() throws {
        #expect(try TilshiCommand.Analyze.parse(["--max-document-size", "2M"]).limits.limits.maximumDocumentBytes == 2 << 20)
        #expect(try TilshiCommand.Analyze.parse([]).limits.limits.maximumDocumentBytes == 64 << 20)
        #expect(try TilshiCommand.Analyze.parse([]).limits.limits.maximumLineBytes == 65 << 20)
        #expect(try TilshiCommand.Ingest.parse(["x", "--max-line-size", "512k"]).limits.limits.maximumLineBytes == 512 << 10)
        #expect(throws: (any Error).self) { try TilshiCommand.Analyze.parse(["--max-document-size", "lots"]) }
        #expect(throws: (any Error).self) { try TilshiCommand.Analyze.parse(["--max-document-size", "0"]) }
    }

    @Test func theHelpNamesTheLimits() {
        let help = TilshiCommand.Analyze.helpMessage()
        #expect(help.contains("--max-document-size"))
        #expect(help.contains("--max-line-size"))
        #expect(help.contains("64 MiB"))
    }
}
