import ArgumentParser
import Foundation
import GRDB
@testable import SearchStore
import Testing
import TilshiTesting
@testable import TilshiCLI

/// `--jobs` changes how many documents are analysed at once, never a byte of what `analyze`, `events` and `ingest`
/// produce: outputs come in input order, bad inputs are reported in the same place.
@Suite struct ParallelCommandTests {
    /// A folder with the seeds, a JSON Lines file of many short news items (very different sizes, so workers finish
    /// out of order), a file that is not UTF-8 and a missing file.
    static func inputs() throws -> (paths: [String], folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tilshi-jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let sentences = [
            "Ертең Абай алаңында республикалық ақындар айтысы өтеді.",
            "Алматы қаласының әкімі Ерболат Досаев жаңа мектептің ашылу салтанатына қатысты.",
            "Астанада 12 қарашада халықаралық кітап көрмесі ашылады, оған 120-дан астам баспа қатысады.",
            "Үкімет отырысында ауыл шаруашылығын қолдауға 45 млрд теңге бөлу туралы шешім қабылданды.",
        ]
        let lines = (0..<30).map { index -> String in
            let body = (0...(index * 5) % 9).map { sentences[($0 + index) % sentences.count] }.joined(separator: " ")
            return #"{"id":"item-\#(index)","title":"Жаңалық \#(index)","text":"\#(body)","published":"2025-11-0\#(1 + index % 9)"}"#
        }
        let news = folder.appendingPathComponent("news.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: news)
        let broken = folder.appendingPathComponent("broken.txt")
        try Data([0x41, 0xFF, 0xFE, 0x0A]).write(to: broken)
        let seeds = try SeedArticles.paths()
        let paths = [seeds[0], news.path, broken.path, folder.appendingPathComponent("missing.txt").path] + seeds.dropFirst()
        return (paths, folder)
    }

    func analyze(_ arguments: [String], _ inputs: [String]) throws -> (output: String, errors: [String], failures: Int) {
        let command = try TilshiCommand.Analyze.parse(arguments + inputs)
        var output = ""
        var errors: [String] = []
        let failures = try command.analyzeAll(inputs, write: { output += $0 }, report: { errors.append($0) })
        return (output, errors, failures)
    }

    @Test func analyzeWritesTheSameBytesForAnyNumberOfJobs() throws {
        let (paths, folder) = try Self.inputs()
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in ["json", "jsonl", "conllu", "text"] {
            let one = try analyze(["--format", format, "--jobs", "1"], paths)
            #expect(one.failures == 2 && one.errors.count == 2, "\(format)")
            #expect(one.output.contains("item-29"), "\(format)")
            for jobs in ["2", "3"] {
                let many = try analyze(["--format", format, "--jobs", jobs], paths)
                #expect(many.output == one.output, "\(format), \(jobs) jobs")
                #expect(many.errors == one.errors && many.failures == one.failures, "\(format), \(jobs) jobs")
            }
        }
    }

    @Test func oneInputIsAnObjectOrAnArrayAsBefore() throws {
        let (paths, folder) = try Self.inputs()
        defer { try? FileManager.default.removeItem(at: folder) }
        let seed = try analyze(["--jobs", "2"], [paths[0]])
        #expect(seed.output.hasPrefix("{\n  \"amounts\" : ["))
        #expect(seed.output.hasSuffix("\n}\n"))
        let news = try analyze(["--jobs", "2"], [paths[1]])
        #expect(news.output.hasPrefix("[\n  {\n    \"amounts\" : ["))
        #expect(news.output == (try analyze(["--jobs", "1"], [paths[1]])).output)
        let nothing = try analyze(["--jobs", "2"], [paths[3]])
        #expect(nothing.output.isEmpty && nothing.failures == 1)
    }

    @Test func eventsListTheSameForAnyNumberOfJobs() async throws {
        let (paths, folder) = try Self.inputs()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = [paths[0], paths[1]] + paths.dropFirst(4)
        var outputs: [String] = []
        for (format, jobs) in [("json", "1"), ("json", "3"), ("ics", "1"), ("ics", "3")] {
            let file = folder.appendingPathComponent("events-\(format)-\(jobs)").path
            try await TilshiCommand.Events.parse(inputs + ["--format", format, "--date", "2025-11-03", "--jobs", jobs, "-o", file]).run()
            // iCalendar lines end in CRLF; the stamp is the time of writing.
            outputs.append(try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
                .split(separator: "\n").filter { !$0.hasPrefix("DTSTAMP") }.joined(separator: "\n"))
        }
        #expect(outputs[0].contains("\"document\" : \"item-"))
        #expect(outputs[0] == outputs[1])
        #expect(outputs[2].contains("BEGIN:VEVENT"))
        #expect(outputs[2] == outputs[3])
    }

    @Test func ingestStoresTheSameCollectionForAnyNumberOfJobs() async throws {
        let (paths, folder) = try Self.inputs()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = [paths[0], paths[1]] + paths.dropFirst(4)
        var stored: [[Row]] = []
        for jobs in ["1", "3"] {
            let path = folder.appendingPathComponent("jobs-\(jobs).sqlite").path
            try await TilshiCommand.Ingest.parse(inputs + ["--db", path, "--no-progress", "--jobs", jobs]).run()
            let db = try NewsDatabase.open(path: path)
            stored.append(try db.writer.read {
                try Row.fetchAll($0, sql: "SELECT id, externalID, title, text, published, layers, duplicateOf FROM document ORDER BY id")
            })
        }
        #expect(stored[0].count > 5)
        #expect(stored[0] == stored[1])
    }
}
