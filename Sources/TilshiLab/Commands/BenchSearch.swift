import Evaluation
import SampleArticles
import TilshiCLI
import ArgumentParser
import Formats
import Foundation
import GRDB
import NewsSources
import Pipeline
import SearchStore

extension TilshiCommand {
    /// `tilshi bench search`: the collection against a plain FTS5/unicode61 table on the same synthetic news.
    struct BenchSearch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Measure ingest speed, index size, query latency and inflection recall against plain FTS5 (unicode61).",
            discussion: """
                Builds a synthetic collection from KazNERD sentences (fixed seed: the same documents every run), \
                ingests it with full analysis into a fresh database, and the same documents into a plain SQLite \
                FTS5 table with the unicode61 tokenizer. Build with -c release for real figures.
                """
        )

        @Option(help: "Number of synthetic articles.")
        var docs: Int = 100_000

        @Option(help: "KazNERD IOB2 file whose sentences make up the articles.")
        var data: String = "../shared/data/kaznerd/kaznerd-valid.iob2"

        @Option(help: "Folder for the two benchmark databases (a fresh temporary folder by default; removed afterwards).")
        var workdir: String?

        @Flag(help: "With --workdir: reuse the databases a previous run left there (only queries and recall are measured).")
        var reuse = false

        @Option(help: "Random seed for composing articles.")
        var seed: UInt64 = 2025

        @Option(help: "Times each query of the fixed query set is run for the latency figures.")
        var rounds: Int = 5

        @Option(help: "Matches counted exactly before a total is reported as \"more than\" (0: count every match).")
        var totalLimit: Int = 10_000

        @Option(help: "Newest matches ranked by BM25 first when a query matches more (0: rank every match).")
        var rankingTier: Int = 1_000

        @Flag(help: "Measure only ingest, size and query latency, not inflection recall (which pages through every match).")
        var skipRecall = false

        @Option(help: "Also sample this many stored documents and check that every sampled word and exact 3–4-word phrase finds its document, with the query behaviour before and after issue 17 (0: skip).")
        var samplePresent: Int = 0

        @Flag(help: "Store no token layer (as collections did before it was stored by default): for the size it costs.")
        var withoutTokens = false

        @Option(help: ArgumentHelp(
            "Compare collection backends instead (sqlite, postgres, or both comma-separated): ingest with concurrent processes, latency, size, recall.",
            valueName: "sqlite,postgres"))
        var backend: String?

        @Option(name: .customLong("postgres-url"), help: "With --backend postgres: the database (its schema `tilshi` is dropped and rebuilt!). Default $TILSHI_DATABASE_URL.")
        var postgresURL: String?

        @Option(name: .customLong("ingest-processes"), help: "With --backend: concurrent `tilshi ingest` processes per ingest run, comma-separated.")
        var ingestProcesses = "1,2,4"

        @Option(name: .customLong("jobs-per-process"), help: "With --backend: analysis threads of each ingest process (--jobs).")
        var jobsPerProcess = 1

        @Option(name: .customLong("ingest-sample"), help: "With --backend: articles stored by the ingest runs before the last, which stores all (0: all).")
        var ingestSample = 0

        init() {}

        func validate() throws {
            if let backend {
                let names = backend.split(separator: ",").map(String.init)
                guard !names.isEmpty, names.allSatisfy({ $0 == "sqlite" || $0 == "postgres" }) else {
                    throw ValidationError("--backend takes sqlite, postgres or sqlite,postgres")
                }
                guard ingestProcesses.split(separator: ",").allSatisfy({ (Int($0) ?? 0) >= 1 }) else {
                    throw ValidationError("--ingest-processes takes positive numbers, comma-separated")
                }
            }
            guard docs >= 10 else { throw ValidationError("--docs must be at least 10") }
            guard rounds >= 1 else { throw ValidationError("--rounds must be positive") }
        }

        func run() async throws {
            if let backend {
                let sentences = try BenchAnalyze.sentences(data).map(Self.detokenize).filter { $0.count > 20 }
                guard sentences.count > 100 else { throw ValidationError("\(data) has too few sentences") }
                let folder = URL(fileURLWithPath: workdir ?? FileManager.default.temporaryDirectory.appendingPathComponent("tilshi-bench-\(ProcessInfo.processInfo.processIdentifier)").path)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                defer { if workdir == nil { try? FileManager.default.removeItem(at: folder) } }
                try BenchBackends(
                    backends: backend.split(separator: ",").map(String.init),
                    postgresURL: postgresURL ?? ProcessInfo.processInfo.environment["TILSHI_DATABASE_URL"],
                    processes: ingestProcesses.split(separator: ",").compactMap { Int($0) }, jobsPerProcess: jobsPerProcess, rounds: rounds, ingestSample: ingestSample,
                    folder: folder, articles: Self.compose(count: docs, from: sentences, seed: seed)
                ).run()
                return
            }
            try measure()
        }

        /// The benchmark itself, synchronous so that GRDB's blocking `read`/`write` are the ones measured.
        func measure() throws {
            // Every round repeats the same queries: each must pay its full cost, not the cached total and facets.
            NewsDatabase.cachesSearchSummaries = false
            let sentences = try BenchAnalyze.sentences(data).map(Self.detokenize).filter { $0.count > 20 }
            guard sentences.count > 100 else { throw ValidationError("\(data) has too few sentences") }
            let articles = Self.compose(count: docs, from: sentences, seed: seed)
            let rawBytes = articles.reduce(0) { $0 + $1.text.utf8.count + ($1.title?.utf8.count ?? 0) }

            let folder = workdir.map { URL(fileURLWithPath: $0) }
                ?? FileManager.default.temporaryDirectory.appendingPathComponent("tilshi-bench-\(ProcessInfo.processInfo.processIdentifier)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { if workdir == nil { try? FileManager.default.removeItem(at: folder) } }
            let ourPath = folder.appendingPathComponent("tilshi.sqlite").path
            let plainPath = folder.appendingPathComponent("plain.sqlite").path
            let reusing = reuse && workdir != nil && FileManager.default.fileExists(atPath: ourPath) && FileManager.default.fileExists(atPath: plainPath)
            if !reusing {
                for path in [ourPath, plainPath] {
                    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                }
            }

            print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB")
            print("data: \(data): \(sentences.count) sentences → \(docs) articles (seed \(seed)), \(rawBytes / 1_000_000) MB of text")

            let db = try NewsDatabase.open(path: ourPath, configuration: .init(
                rankingTier: rankingTier, exactTotalLimit: totalLimit, storesTokens: !withoutTokens
            ))
            let plain = try DatabaseQueue(path: plainPath)
            if !reusing {
                try build(db, plain, articles: articles, rawBytes: rawBytes, ourPath: ourPath, plainPath: plainPath)
            }
            try measureQueries(db, plain, articles: articles)
        }

        /// Ingests `articles` into both databases and prints speed and size.
        private func build(_ db: NewsDatabase, _ plain: DatabaseQueue, articles: [SourceDocument], rawBytes: Int, ourPath: String, plainPath: String) throws {
            // Ingest, 100 articles per transaction (as a file would be).
            let batch = 100
            let start = DispatchTime.now()
            let cpuStart = Self.cpuSeconds()
            // Analysis of the next batches (on every core) overlaps the writing of the previous, as in `tilshi ingest`.
            var storeCPU = 0.0
            var stored = 0
            let batches = stride(from: 0, to: articles.count, by: batch).map { Array(articles[$0..<min($0 + batch, articles.count)]) }
            try OverlappedIngest.run(batches, capacity: 2, produce: { db.prepareAll($0) }, consume: { prepared in
                let threadStart = Self.threadCPUSeconds()
                try db.store(prepared)
                storeCPU += Self.threadCPUSeconds() - threadStart
                stored += prepared.count
                if stored % 10_000 == 0 {
                    FileHandle.standardError.write(Data("  \(stored) articles, \(Int(Double(stored) / BenchAnalyze.seconds(since: start))) /s\n".utf8))
                }
            })
            let ingestSeconds = BenchAnalyze.seconds(since: start)
            let ingestCPU = Self.cpuSeconds() - cpuStart
            // Both indexes are merged into one segment and the files compacted before measuring size and queries.
            try db.compact()
            let ourBytes = Self.fileSize(ourPath)

            let plainStart = DispatchTime.now()
            let plainCPUStart = Self.cpuSeconds()
            try plain.write { db in
                try db.execute(sql: "CREATE VIRTUAL TABLE plain USING fts5(title, text, tokenize='unicode61')")
            }
            for offset in stride(from: 0, to: articles.count, by: batch) {
                try plain.write { db in
                    for article in articles[offset..<min(offset + batch, articles.count)] {
                        try db.execute(sql: "INSERT INTO plain (title, text) VALUES (?, ?)", arguments: [article.title, article.text])
                    }
                }
            }
            let plainSeconds = BenchAnalyze.seconds(since: plainStart)
            let plainCPU = Self.cpuSeconds() - plainCPUStart
            try plain.writeWithoutTransaction { db in
                try db.execute(sql: "INSERT INTO plain(plain) VALUES('optimize')")
                try db.execute(sql: "VACUUM")
            }
            let plainBytes = Self.fileSize(plainPath)

            print("\ningest (full analysis: \(db.pipeline.name), near-duplicates, FTS5 kazakh tokenizer):")
            print(String(format: "  tilshi:   %.1f s wall, %.1f s CPU: %.0f articles/s, %.2f MB/s (CPU time)",
                         ingestSeconds, ingestCPU, Double(docs) / ingestCPU, Double(rawBytes) / 1e6 / ingestCPU))
            print(String(format: "  baseline: %.1f s wall, %.1f s CPU: %.0f articles/s, %.2f MB/s (CPU time; plain FTS5, unicode61)",
                         plainSeconds, plainCPU, Double(docs) / plainCPU, Double(rawBytes) / 1e6 / plainCPU))
            print(String(format: "  ratio: %.2f of baseline speed (CPU time), %.2f (wall; baseline single-threaded, tilshi on all cores)",
                         plainCPU / ingestCPU, plainSeconds / ingestSeconds))
            print(String(format: "  tilshi without the analysis (writing, FTS5 from computed lemmas, entities, MinHash lookups): %.1f s CPU = %.2f× the baseline's CPU",
                         storeCPU, storeCPU / plainCPU))
            print(String(format: "  load average during the run: %@", Self.loadAverage()))
            print("\nsize on disk (raw text \(rawBytes / 1_000_000) MB):")
            print(String(format: "  tilshi:   %.1f MB = %.2f× raw text (text, layers, entities, MinHash, FTS5 index)", Double(ourBytes) / 1e6, Double(ourBytes) / Double(rawBytes)))
            print(String(format: "  baseline: %.1f MB = %.2f× raw text", Double(plainBytes) / 1e6, Double(plainBytes) / Double(rawBytes)))

        }

        /// Query latency over the fixed query set, and inflection recall, for both databases.
        private func measureQueries(_ db: NewsDatabase, _ plain: DatabaseQueue, articles: [SourceDocument]) throws {
            if samplePresent > 0 { try measurePresence(db) }
            // Latency over the fixed query set.
            let queries = Self.querySet
            var ours: [Double] = []
            var oursCPU: [Double] = []
            var oursWithFacets: [Double] = []
            var baseline: [Double] = []
            var cpuByQuery: [String: [Double]] = [:]
            for _ in 0..<rounds {
                for query in queries {
                    var t = DispatchTime.now()
                    let cpu = Self.cpuSeconds()
                    _ = try db.search(SearchQuery(query, facets: false))
                    ours.append(BenchAnalyze.seconds(since: t) * 1000)
                    oursCPU.append((Self.cpuSeconds() - cpu) * 1000)
                    cpuByQuery[query, default: []].append(oursCPU.last!)
                    t = DispatchTime.now()
                    _ = try db.search(SearchQuery(query, facets: true))
                    oursWithFacets.append(BenchAnalyze.seconds(since: t) * 1000)
                    let expression = query.split(separator: " ").map { "\"\($0.lowercased())\"" }.joined(separator: " ")
                    t = DispatchTime.now()
                    _ = try plain.read { db in
                        try Row.fetchAll(db, sql: "SELECT rowid, title, snippet(plain, 1, '[', ']', '…', 24) FROM plain WHERE plain MATCH ? ORDER BY rank LIMIT 10", arguments: [expression])
                    }
                    baseline.append(BenchAnalyze.seconds(since: t) * 1000)
                }
            }
            print("\nquery latency (\(queries.count) queries × \(rounds) rounds, top 10 with snippets):")
            print("  tilshi:               p50 \(Self.percentile(ours, 50)) ms, p99 \(Self.percentile(ours, 99)) ms (wall); "
                + "CPU p50 \(Self.percentile(oursCPU, 50)) ms, p99 \(Self.percentile(oursCPU, 99)) ms")
            print("  tilshi + facets:      p50 \(Self.percentile(oursWithFacets, 50)) ms, p99 \(Self.percentile(oursWithFacets, 99)) ms")
            print("  baseline (unicode61): p50 \(Self.percentile(baseline, 50)) ms, p99 \(Self.percentile(baseline, 99)) ms")
            print("  (total counted up to \(db.exactTotalLimit), ranking tier \(db.rankingTier); load average \(Self.loadAverage()))")
            // The slowest queries by median CPU time: where the next millisecond is.
            let slowest = cpuByQuery.map { (query: $0.key, median: Double(Self.percentile($0.value, 50)) ?? 0) }
                .sorted { $0.median > $1.median }.prefix(6)
            print("  slowest (median CPU): " + slowest.map { String(format: "%@ %.2f ms", $0.query, $0.median) }.joined(separator: ", "))
            if skipRecall {
                print("\nmemory: VmHWM \(MemoryStatus.current().hwm / 1024) MiB")
                return
            }

            // Inflection recall: documents holding an inflected form, found by the bare word.
            print("\ninflection recall (documents containing an inflected form, found by the dictionary form):")
            var found = (ours: 0, plain: 0, total: 0)
            // Our ids may differ from article positions (exact duplicates are not stored): map through externalID.
            let positionOfID = try db.externalIDs().compactMapValues { Int64($0.dropFirst("bench-".count)) }
            for word in Self.recallWords {
                let truth = Self.documentsWithInflectedForms(of: word, in: articles)
                guard !truth.isEmpty else { continue }
                let ourHits = Set(try Self.allIDs(db, word).compactMap { positionOfID[$0] })
                let plainHits = try plain.read { db in
                    Set(try Int64.fetchAll(db, sql: "SELECT rowid FROM plain WHERE plain MATCH ?", arguments: ["\"\(word.lowercased())\""]))
                }
                let ours = truth.filter { ourHits.contains($0) }.count
                let plains = truth.filter { plainHits.contains($0 + 1) }.count
                found.ours += ours
                found.plain += plains
                found.total += truth.count
                print(String(format: "  %@: %d documents; tilshi %.1f %%, baseline %.1f %%", word, truth.count,
                             100 * Double(ours) / Double(truth.count), 100 * Double(plains) / Double(truth.count)))
            }
            if found.total > 0 {
                print(String(format: "  overall: tilshi %.1f %%, baseline %.1f %% of %d documents",
                             100 * Double(found.ours) / Double(found.total), 100 * Double(found.plain) / Double(found.total), found.total))
            }
            print("\nmemory: VmHWM \(MemoryStatus.current().hwm / 1024) MiB")
        }

        /// Words and exact phrases copied from stored documents, found by a query for them, and the latency of the fixed
        /// query set, with queries as before issue 17 (lemma only, no name expansion) and as now, alternating in one run.
        private func measurePresence(_ db: NewsDatabase) throws {
            func setAgreement(_ on: Bool) {
                KazakhFTS5Tokenizer.matchesSurfaceForms = on
                NewsDatabase.expandsNames = on
            }
            defer { setAgreement(true) }
            print("\nwords and phrases present in \(samplePresent) sampled documents (30 words, 20 phrases each), found by a query for them:")
            for on in [false, true] {
                setAgreement(on)
                let report = try db.checkPresentWords(documents: samplePresent, wordsPerDocument: 30, phrasesPerDocument: 20)
                print(String(format: "  %@: words %.2f %% of %d (%d missed), phrases %.2f %% of %d (%d missed)",
                             on ? "lemma + surface, names" : "lemma only (before)", report.wordsFoundPercent, report.words,
                             report.missedWords.count, report.phrasesFoundPercent, report.phrases, report.missedPhrases.count))
                for miss in (report.missedWords + report.missedPhrases).prefix(12) { print("    missed: \(miss)") }
            }
            // Latency, the two behaviours alternating round by round so that load affects both alike.
            var cpu: [Bool: [Double]] = [:]
            for _ in 0..<rounds {
                for on in [false, true] {
                    setAgreement(on)
                    for query in Self.querySet {
                        let start = Self.cpuSeconds()
                        _ = try db.search(SearchQuery(query, facets: false))
                        cpu[on, default: []].append((Self.cpuSeconds() - start) * 1000)
                    }
                }
            }
            let before = cpu[false] ?? [], after = cpu[true] ?? []
            print("  latency, CPU, same run alternating (\(Self.querySet.count) queries × \(rounds) rounds): before p50 \(Self.percentile(before, 50)) ms, "
                + "p99 \(Self.percentile(before, 99)) ms; after p50 \(Self.percentile(after, 50)) ms, p99 \(Self.percentile(after, 99)) ms; "
                + String(format: "mean ratio after/before %.3f", after.reduce(0, +) / max(before.reduce(0, +), 1e-9)))
        }

        /// Every document id matching `word` (all pages), for recall.
        static func allIDs(_ db: NewsDatabase, _ word: String) throws -> [Int64] {
            var ids: [Int64] = []
            var offset = 0
            while true {
                let page = try db.search(SearchQuery(word, includeDuplicates: true, limit: 200, offset: offset, facets: false, snippets: false))
                ids += page.hits.map(\.id)
                offset += 200
                if page.hits.count < 200 { break }
            }
            return ids
        }

        /// Names and words frequent in KazNERD, single and combined, for the latency figures.
        static let querySet: [String] = [
            "Қазақстан", "Президент", "Алматы", "Үкімет", "Назарбаев", "Елбасы", "Тоқаев", "Қытай", "Ресей", "Астана",
            "Қазақстан Президент", "Алматы қала", "Тоқаев Қытай", "Үкімет отырыс", "Ресей Қазақстан", "Астана Алматы",
            "мемлекет", "халық", "экономика", "білім", "денсаулық", "ауыл", "министр", "жоба", "бағдарлама",
            "\"Қазақстан Республикасы\"", "Мәскеу", "Түркия", "Америка", "Президенттің", "Алматыда", "Қазақстанның",
        ]

        /// Words whose inflected forms the recall figure looks for.
        static let recallWords = ["Алматы", "Қазақстан", "Астана", "Ресей", "Қытай", "Назарбаев", "Тоқаев", "Президент", "Үкімет", "Елбасы"]

        /// Kazakh case and possessive endings (all vowel/consonant variants) that make inflected forms.
        static let inflections = [
            "ның", "нің", "дың", "дің", "тың", "тің", "ға", "ге", "қа", "ке", "на", "не", "ны", "ні", "ды", "ді", "ты", "ті",
            "да", "де", "та", "те", "нда", "нде", "дан", "ден", "тан", "тен", "нан", "нен", "мен", "бен", "пен",
            "дағы", "дегі", "тағы", "тегі", "ы", "і", "сы", "сі", "ның", "ымыз", "іміз", "ыңыз", "іңіз",
        ]

        /// Indices of articles holding a word made of `word` plus an inflection.
        static func documentsWithInflectedForms(of word: String, in articles: [SourceDocument]) -> [Int64] {
            let forms = Set(inflections.map { (word + $0).lowercased() })
            var result: [Int64] = []
            let stem = word.lowercased()
            for (index, article) in articles.enumerated() where article.text.contains(word) || article.text.contains(stem) {
                let words = article.text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." || $0 == "\n" || $0 == "»" || $0 == "«" })
                if words.contains(where: { $0.hasPrefix(stem) && forms.contains(String($0)) }) { result.append(Int64(index)) }
            }
            return result
        }

        /// Joins KazNERD tokens into text: no space before closing punctuation or after opening quotes.
        static func detokenize(_ tokens: [String]) -> String {
            IOB2Detokenized(tokens).text
        }

        /// Articles of 8–30 sentences (the seeds have 25–50) with a title, a source and a date, drawn with a fixed seed.
        static func compose(count: Int, from sentences: [String], seed: UInt64) -> [SourceDocument] {
            var random = SplitMix64(seed: seed)
            let sources = ["Kazinform", "Egemen", "Almaty.tv", "Astana Times", "Abai.kz", "Baq.kz", "Aikyn", "Ult.kz"]
            return (0..<count).map { index in
                let length = 8 + Int(random.next() % 23)
                let body = (0..<length).map { _ in sentences[Int(random.next() % UInt64(sentences.count))] }
                let titleWords = sentences[Int(random.next() % UInt64(sentences.count))].split(separator: " ").prefix(8)
                let month = 1 + Int(random.next() % 24)
                let day = 1 + Int(random.next() % 28)
                let published = String(format: "%04d-%02d-%02d", 2024 + (month - 1) / 12, (month - 1) % 12 + 1, day)
                return SourceDocument(
                    externalID: "bench-\(index)", title: titleWords.joined(separator: " "),
                    text: stride(from: 0, to: body.count, by: 3).map { body[$0..<min($0 + 3, body.count)].joined(separator: " ") }
                        .joined(separator: "\n\n"),
                    source: sources[Int(random.next() % UInt64(sources.count))], published: published, origin: "bench#\(index)"
                )
            }
        }

        /// CPU time of the whole process (all threads, GRDB's writer included), in seconds.
        static func cpuSeconds() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }

        /// CPU time of the calling thread only, in seconds.
        static func threadCPUSeconds() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }

        /// The 1-, 5- and 15-minute load averages (Linux), so a run on a busy machine says so.
        static func loadAverage() -> String {
            (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "unknown"
        }

        static func percentile(_ values: [Double], _ p: Double) -> String {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return "-" }
            let index = min(sorted.count - 1, Int((Double(sorted.count) * p / 100).rounded(.up)) - 1)
            return String(format: "%.2f", sorted[max(0, index)])
        }

        static func fileSize(_ path: String) -> Int {
            ["", "-wal"].reduce(0) { total, suffix in
                total + ((try? FileManager.default.attributesOfItem(atPath: path + suffix))?[.size] as? Int ?? 0)
            }
        }
    }
}
