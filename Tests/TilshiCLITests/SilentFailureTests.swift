import ArgumentParser
import Foundation
import NewsSources
import SampleArticles
import SearchStore
import Testing
import TilshiTesting
@testable import TilshiCLI

/// Issue 20: the CLI never fails silently — read-only commands create no database, a failed ingest leaves none
/// behind, bad filter values get the API's errors, a second demo leaves the first alone.
@Suite struct SilentFailureTests {
    static let executable = BuiltExecutable.url("tilshi")

    /// Runs `tilshi` and returns its exit status and standard error.
    static func run(_ arguments: [String], in folder: URL) throws -> (status: Int32, error: String) {
        let tilshi = try #require(executable, "build the tilshi executable first")
        let (status, errors) = try BuiltExecutable.runForErrors(tilshi, arguments, in: folder)
        return (status, errors)
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tilshi-silent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func readOnlyCommandsCreateNoDatabase() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in [["search", "Алматы"], ["show", "1"], ["entities"], ["stats"], ["export"]] {
            let (status, error) = try Self.run(command, in: folder)
            #expect(status != 0, "\(command)")
            #expect(error.contains("no collection at 'tilshi.sqlite'"), "\(command): \(error)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("tilshi.sqlite").path), "\(command)")
        }
    }

    @Test func failedIngestLeavesNoEmptyDatabase() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, error) = try Self.run(["ingest", "missing-folder", "--db", "news.sqlite"], in: folder)
        #expect(status != 0)
        #expect(error.contains("missing-folder"))
        #expect(error.contains("no collection was created"))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("news.sqlite") }
        #expect(left.isEmpty, "\(left)")
    }

    @Test func failedIngestKeepsAnExistingCollection() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = folder.appendingPathComponent("a.txt")
        try "Алматыда жаңа саябақ ашылды. Саябаққа мыңдаған адам келді.".write(to: article, atomically: true, encoding: .utf8)
        #expect(try Self.run(["ingest", "a.txt", "--db", "news.sqlite", "--no-progress"], in: folder).status == 0)
        let (status, _) = try Self.run(["ingest", "missing.txt", "--db", "news.sqlite", "--no-progress"], in: folder)
        #expect(status != 0)
        #expect(try NewsDatabase.open(path: folder.appendingPathComponent("news.sqlite").path).stats().documents == 1)
    }

    @Test func badFilterValuesAreRefusedAsTheAPIRefusesThem() throws {
        #expect(throws: (any Error).self) { try TilshiCommand.Search.parse(["x", "--from", "2025-13"]) }
        #expect(throws: (any Error).self) { try TilshiCommand.Search.parse(["x", "--to", "2025-02-30"]) }
        #expect(throws: (any Error).self) { try TilshiCommand.Search.parse(["x", "--label", "PERSN"]) }
        #expect(throws: (any Error).self) { try TilshiCommand.Entities.parse(["--label", "PERSN"]) }
        #expect(throws: (any Error).self) { try TilshiCommand.Events.parse(["--date", "2025-02-30"]) }
        #expect(throws: Never.self) { try TilshiCommand.Events.parse(["--date", "2024-02-29"]) }
        #expect(throws: Never.self) { try TilshiCommand.Search.parse(["x", "--from", "2025-12", "--to", "2025-12-31", "--label", "GPE"]) }
        #expect(FilterValues.isDateOrMonth("2016-10") && !FilterValues.isDateOrMonth("2016-1") && !FilterValues.isDateOrMonth("2016-10-32"))
        let message = try Self.message { try TilshiCommand.Search.parse(["x", "--from", "2025-13"]) }
        #expect(message.contains("--from must be a date yyyy-MM-dd or a month yyyy-MM, not '2025-13'"))
    }

    static func message(_ body: () throws -> Any) throws -> String {
        do {
            _ = try body()
            return ""
        } catch {
            return TilshiCommand.Search.message(for: error)
        }
    }

    /// A demo on a busy port fails at once with a clear message and writes no database.
    @Test func demoOnABusyPortTouchesNothing() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        #expect(bound == 0)
        #expect(listen(listener, 1) == 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
        let port = Int(UInt16(bigEndian: address.sin_port))
        #expect(PortCheck.problem(host: "127.0.0.1", port: port) == "is already in use")

        let (status, error) = try Self.run(["demo", "--port", String(port), "--db", "demo.sqlite"], in: folder)
        #expect(status != 0)
        #expect(error.contains("127.0.0.1:\(port) is already in use"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("demo.sqlite").path))
    }

    @Test func progressLineCountsDocumentsWithRateAndTimeLeft() {
        let line = ProgressBar.line(documents: 1_200, bytes: 250, totalBytes: 1_000, elapsed: 10, detail: "1150 new, 50 duplicates", width: 8)
        #expect(line == "██░░░░░░ 25 % · 1,200 documents · 120/s · 0:30 left · 1150 new, 50 duplicates")
        #expect(ProgressBar.line(documents: 0, bytes: 0, totalBytes: 0, elapsed: 0, detail: "", width: 4) == "░░░░ 0 % · 0 documents")
        #expect(ProgressBar.duration(3725) == "1:02:05")
    }

    /// The demo's articles carry the dates their own text establishes, documented in `Articles/dates.tsv`.
    @Test func sampleArticlesCarryEstablishedDates() throws {
        let provenance = try SampleArticles.provenance()
        #expect(provenance.count == 5)
        #expect(provenance.values.allSatisfy { $0.evidence.count > 40 })
        let documents = try SampleArticles.demoDocuments()
        #expect(documents.map(\.published) == ["2016-10", nil, "2016-11", "2025-10", "2016"])
        #expect(documents.allSatisfy { $0.published.map(FilterValues.isDateOrMonth) ?? true || $0.published?.count == 4 })
        // Each date is backed by words of the article itself.
        #expect(try SampleArticles.article("002")!.text.contains("5-6 қарашада"))
        #expect(try SampleArticles.article("003")!.text.contains("ALA CRAFT 2025"))
        #expect(try SampleArticles.article("004")!.text.contains("2016 жылғы қазан айында"))
    }
}
