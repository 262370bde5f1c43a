import Foundation
import TilshiCLI
import NewsSources
import PostgresStore
import SearchStore

/// `tilshi bench search --backend sqlite,postgres`: the two backends of the collection side by side in one run, on the
/// same synthetic articles: ingest throughput with 1, 2 and 4 concurrent `tilshi ingest` processes, query latency with
/// and without facets, size, inflection recall, and whether both return the same top 10.
struct BenchBackends {
    var backends: [String]
    var postgresURL: String?
    var processes: [Int]
    var jobsPerProcess: Int
    var rounds: Int
    /// Articles the ingest runs before the last one store (0: all); the last run stores every article and is the
    /// collection the queries are measured on.
    var ingestSample: Int
    var folder: URL
    var articles: [SourceDocument]

    /// Articles per JSONL file: `tilshi ingest` stores a file per transaction, as a feed drop would be.
    static let articlesPerFile = 100

    func run() throws {
        let rawBytes = articles.reduce(0) { $0 + $1.text.utf8.count + ($1.title?.utf8.count ?? 0) }
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB; "
            + "load average at start \(TilshiCommand.BenchSearch.loadAverage())")
        print("articles: \(articles.count), \(rawBytes / 1_000_000) MB of text; backends: \(backends.joined(separator: ", ")); "
            + "ingest processes \(processes.map(String.init).joined(separator: ", ")), each --jobs \(jobsPerProcess)")
        let tilshi = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var stores: [(name: String, store: any CollectionStore)] = []
        for backend in backends {
            print("\n== \(backend)")
            var throughput: [Int: Double] = [:]
            for count in processes {
                let location = try freshLocation(backend, run: count)
                let isLast = count == processes.last
                let runArticles = isLast || ingestSample <= 0 ? articles : Array(articles.prefix(ingestSample))
                let shards = try writeShards(count, runArticles)
                let start = DispatchTime.now()
                let launched = try shards.map { shard in
                    let process = Process()
                    process.executableURL = tilshi
                    process.arguments = ["ingest", "--db", location, "--no-progress", "--jobs", String(jobsPerProcess), shard.path]
                    process.standardError = FileHandle.nullDevice
                    process.standardOutput = FileHandle.nullDevice
                    try process.run()
                    return process
                }
                for process in launched { process.waitUntilExit() }
                let seconds = TilshiCommand.BenchAnalyze.seconds(since: start)
                let failed = launched.filter { $0.terminationStatus != 0 }.count
                let store = try open(backend, location)
                let stored = try store.stats().documents
                throughput[count] = Double(stored) / seconds
                let speedup = throughput[processes.first!].map { String(format: ", %.2f× %d process(es)", throughput[count]! / $0, processes.first!) } ?? ""
                print(String(format: "  ingest, %d process(es): %.1f s wall, %.0f articles/s%@; %d stored of %d%@; load %@",
                             count, seconds, throughput[count]!, speedup, stored, runArticles.count,
                             failed > 0 ? ", \(failed) process(es) FAILED" : "", TilshiCommand.BenchSearch.loadAverage()))
                if isLast { stores.append((backend, store)) }
            }
        }
        for (name, store) in stores {
            let stats = try store.stats()
            print(String(format: "\nsize, %@: %.1f MB = %.2f× raw text (%d documents)", name, Double(stats.databaseBytes) / 1e6,
                         Double(stats.databaseBytes) / Double(rawBytes), stats.documents))
        }
        try measureQueries(stores)
    }

    /// A new, empty collection's location for one ingest run on `backend`.
    private func freshLocation(_ backend: String, run: Int) throws -> String {
        switch backend {
        case "postgres":
            guard let postgresURL else { throw BenchError("--backend postgres needs --postgres-url (or TILSHI_DATABASE_URL)") }
            try PostgresCollection.open(url: postgresURL).dropForBenchmark()
            return postgresURL
        default:
            let path = folder.appendingPathComponent("bench-\(run).sqlite").path
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            return path
        }
    }

    private func open(_ backend: String, _ location: String) throws -> any CollectionStore {
        backend == "postgres" ? try PostgresCollection.open(url: location) : try NewsDatabase.open(path: location)
    }

    /// The articles as folders of JSONL files, one folder per process, articles dealt round-robin by file.
    private func writeShards(_ count: Int, _ articles: [SourceDocument]) throws -> [URL] {
        let root = folder.appendingPathComponent("shards-\(count)")
        try? FileManager.default.removeItem(at: root)
        let folders = (0..<count).map { root.appendingPathComponent("p\($0)") }
        for folder in folders { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for (file, start) in stride(from: 0, to: articles.count, by: Self.articlesPerFile).enumerated() {
            var lines = ""
            for article in articles[start..<min(articles.count, start + Self.articlesPerFile)] {
                let line = JSONLine(id: article.externalID, title: article.title, text: article.text, source: article.source, published: article.published)
                lines += String(decoding: try encoder.encode(line), as: UTF8.self) + "\n"
            }
            let name = String(format: "%06d.jsonl", file)
            try Data(lines.utf8).write(to: folders[file % count].appendingPathComponent(name))
        }
        return folders
    }

    private struct JSONLine: Encodable {
        var id: String?
        var title: String?
        var text: String
        var source: String?
        var published: String?
    }

    /// Latency of the fixed query set with and without facets, the same top 10 on every backend, inflection recall.
    private func measureQueries(_ stores: [(name: String, store: any CollectionStore)]) throws {
        let queries = TilshiCommand.BenchSearch.querySet
        print("\nquery latency (\(queries.count) queries × \(rounds) rounds, top 10 with snippets; wall ms), load \(TilshiCommand.BenchSearch.loadAverage()):")
        var topTen: [String: [String: [String]]] = [:]
        for (name, store) in stores {
            let externalIDs = try Self.externalIDs(store)
            var plain: [Double] = []
            var faceted: [Double] = []
            for round in 0..<rounds {
                for query in queries {
                    var start = DispatchTime.now()
                    let results = try store.search(SearchQuery(query, facets: false))
                    plain.append(TilshiCommand.BenchAnalyze.seconds(since: start) * 1000)
                    if round == 0 { topTen[name, default: [:]][query] = results.hits.map { externalIDs[$0.id] ?? "?" } }
                    start = DispatchTime.now()
                    _ = try store.search(SearchQuery(query, facets: true))
                    faceted.append(TilshiCommand.BenchAnalyze.seconds(since: start) * 1000)
                }
            }
            let p = TilshiCommand.BenchSearch.percentile
            print("  \(name.padding(toLength: 9, withPad: " ", startingAt: 0)) p50 \(p(plain, 50)) ms, p99 \(p(plain, 99)) ms; "
                + "with facets p50 \(p(faceted, 50)) ms, p99 \(p(faceted, 99)) ms")
        }
        if stores.count > 1, let first = topTen[stores[0].name] {
            for (name, _) in stores.dropFirst() {
                let other = topTen[name] ?? [:]
                let same = queries.filter { first[$0] == other[$0] }
                let differing = queries.filter { first[$0] != other[$0] }
                print("  same top 10 (ids and order) on \(stores[0].name) and \(name): \(same.count) of \(queries.count) queries"
                    + (differing.isEmpty ? "" : "; differ: " + differing.joined(separator: ", ")))
            }
        }

        print("\ninflection recall (documents containing an inflected form, found by the dictionary form):")
        for (name, store) in stores {
            let positionOfID = try Self.externalIDs(store).compactMapValues { Int64($0.dropFirst("bench-".count)) }
            var found = 0, total = 0
            for word in TilshiCommand.BenchSearch.recallWords {
                let truth = TilshiCommand.BenchSearch.documentsWithInflectedForms(of: word, in: articles)
                guard !truth.isEmpty else { continue }
                let hits = Set(try store.matchingIDs(SearchQuery(word, includeDuplicates: true), limit: .max).compactMap { positionOfID[$0] })
                found += truth.filter { hits.contains($0) }.count
                total += truth.count
            }
            print(String(format: "  %@: %.2f %% of %d documents", name, 100 * Double(found) / Double(max(total, 1)), total))
        }
    }

    /// Every document's external id, by collection id.
    static func externalIDs(_ store: any CollectionStore) throws -> [Int64: String] {
        var map: [Int64: String] = [:]
        try store.forEachDocument { map[$0.id] = $0.externalID }
        return map
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
