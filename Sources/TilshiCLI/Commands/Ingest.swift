import Formats
import ArgumentParser
import Foundation
import NewsSources
import Pipeline
import SearchStore

extension TilshiCommand {
    /// `tilshi ingest PATH...`: reads news files and folders into the collection.
    struct Ingest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add news to the collection: .txt, .jsonl, .html, RSS/Atom feeds, and folders of them.",
            discussion: """
                Every document is analysed and indexed. Each file is stored in its own transaction, so an \
                interrupted ingest leaves a consistent database and running it again finishes the job; content \
                already stored is counted as a duplicate, near-duplicates are linked to their original. Bad files \
                and lines are reported by name (and line) and skipped; the exit code is 1 if any failed. A document \
                text over 64 MiB (--max-document-size) or a JSON line over 65 MiB (--max-line-size) is such a bad input.
                """
        )

        @Argument(help: "Files and folders to ingest (folders are walked recursively).")
        var paths: [String]

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var limits: InputLimitOptions

        @Flag(name: .customLong("no-progress"), help: "Never draw a progress bar, even on a terminal.")
        var noProgress = false

        @Flag(name: .customLong("no-tokens"), help: ArgumentHelp(
            "Store no token layer: a collection about a quarter smaller, whose documents' tokens are analysed again when asked for.",
            discussion: "By default each document keeps the tokens (lemmas, morphology) its facts were found on."
        ))
        var noTokens = false

        @Flag(name: .customLong("follow-links"), help: ArgumentHelp(
            "Follow symbolic links inside the folders even when they lead out of them.",
            discussion: "By default a link out of the given folders is reported and not read."
        ))
        var followLinks = false

        @Option(help: ArgumentHelp(
            "Documents analysed at once (default: every core).",
            discussion: "The collection is the same for any number: documents are stored in input order by one writer."))
        var jobs: Int?

        init() {}

        func validate() throws {
            if paths.isEmpty { throw ValidationError("give at least one file or folder to ingest") }
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        }

        func run() async throws {
            let existed = database.exists
            let (totals, problems) = try ingestAll()
            let summary = "ingested \(totals.added.count), duplicates \(totals.duplicates), "
                + "near-duplicates \(totals.nearDuplicates), skipped \(problems.count) (errors)"
            FileHandle.standardError.write(Data((summary + "\n").utf8))
            // A run that created the database and stored nothing leaves nothing behind: an empty collection would
            // later answer every search with "0 results" as if it were real.
            if !existed, totals.added.isEmpty, totals.duplicates == 0 {
                database.remove()
                StandardError.report("nothing was stored, so no collection was created at '\(database.displayName)'")
            }
            if !problems.isEmpty { throw ExitCode.failure }
        }

        /// Reads, analyses and stores every input; the database is closed when this returns.
        private func ingestAll() throws -> (IngestReport, [SourceProblem]) {
            let db = try database.open(NewsDatabase.Configuration(storesTokens: !noTokens))
            let reader = SourceReader(limits: limits.limits)
            let (files, listingProblems) = reader.inputs(for: paths, followLinks: followLinks)
            var problems = listingProblems
            var totals = IngestReport()
            let bytes = files.map { (try? FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int) ?? 0 }
            let progress = ProgressBar(totalBytes: bytes.reduce(0, +), enabled: !noProgress && isatty(STDERR_FILENO) != 0)
            for problem in listingProblems { progress.report("\(problem)") }
            // Documents are analysed on `jobs` threads, a bounded number ahead of the writer; this thread stores
            // them in input order, one file per transaction.
            var batch: [PreparedDocument] = []
            try OrderedWorkPool.run(IngestUnits(Array(zip(files, bytes)), reader: reader), jobs: jobs ?? OrderedWorkPool.defaultJobs, produce: { unit in
                let prepared = unit.document.map(db.prepare)
                progress.analysed(documents: unit.document == nil ? 0 : 1, bytes: unit.bytes)
                return (unit, prepared)
            }, consume: { (unit: IngestUnit, prepared: PreparedDocument?) in
                for problem in unit.problems { progress.report("\(problem)") }
                problems += unit.problems
                if let prepared { batch.append(prepared) }
                guard unit.endsFile else { return }
                if !batch.isEmpty {
                    do {
                        let report = try db.store(batch)
                        totals.added += report.added
                        totals.duplicates += report.duplicates
                        totals.nearDuplicates += report.nearDuplicates
                        totals.empty += report.empty
                    } catch {
                        problems.append(SourceProblem(input: unit.file, reason: "not stored: \(error)"))
                        progress.report("\(unit.file): not stored: \(error)")
                    }
                    batch.removeAll()
                }
                progress.stored(detail: "\(totals.added.count) new, \(totals.duplicates) duplicates")
            })
            progress.finish()
            return (totals, problems)
        }
    }
}

/// One document of an ingest (or only the problems of a file without any), in input order; each file is read
/// when its first unit is asked for.
struct IngestUnit: Sendable {
    let file: String
    /// The file's problems, on its first unit.
    let problems: [SourceProblem]
    let document: SourceDocument?
    /// Whether this is the file's last unit, when its documents are stored.
    let endsFile: Bool
    /// This unit's share of the file's bytes, for the progress bar's time estimate.
    let bytes: Int
}

/// The ingest units of a list of files.
struct IngestUnits: Sequence, IteratorProtocol {
    /// The inputs with their sizes in bytes.
    let files: [(input: SourceReader.InputFile, bytes: Int)]
    let reader: SourceReader
    private var position = 0
    private var pending: [IngestUnit] = []

    init(_ files: [(input: SourceReader.InputFile, bytes: Int)], reader: SourceReader) {
        self.files = files
        self.reader = reader
    }

    mutating func next() -> IngestUnit? {
        if pending.isEmpty {
            guard position < files.count else { return nil }
            let (input, size) = files[position]
            position += 1
            let result = reader.read(input)
            let documents = result.documents.map { Optional($0) }
            let units = documents.isEmpty ? [nil] : documents
            // The file's bytes spread over its documents; the last one takes the rounding rest.
            let share = size / units.count
            pending = units.enumerated().map { index, document in
                IngestUnit(
                    file: input.path, problems: index == 0 ? result.problems : [], document: document,
                    endsFile: index == units.count - 1, bytes: index == units.count - 1 ? size - share * (units.count - 1) : share
                )
            }.reversed()
        }
        return pending.removeLast()
    }
}

/// A one-line progress bar on standard error, redrawn in place; silent when not on a terminal.
///
/// It counts documents, not files (one large JSONL file is thousands of documents), shows their rate, and
/// estimates the time left from the share of the inputs' bytes analysed so far. Analysis (the worker threads)
/// and storing (the main one) both report, so the state is behind a lock.
final class ProgressBar: @unchecked Sendable {
    /// Shortest time between two redraws while documents are analysed (every worker reports each document).
    static let redrawInterval: TimeInterval = 0.1

    let totalBytes: Int
    let enabled: Bool
    private let lock = NSLock()
    private var documents = 0
    private var bytes = 0
    private var detail = ""
    private var drawn = false
    private var lastDrawn = Date.distantPast
    private let start: Date

    init(totalBytes: Int, enabled: Bool, start: Date = Date()) {
        self.totalBytes = totalBytes
        self.enabled = enabled
        self.start = start
    }

    /// `count` more documents analysed, standing for `bytes` of the inputs.
    func analysed(documents count: Int, bytes: Int) {
        lock.withLock {
            documents += count
            self.bytes += bytes
            let now = Date()
            if now.timeIntervalSince(lastDrawn) >= Self.redrawInterval {
                lastDrawn = now
                draw()
            }
        }
    }

    /// A file's documents stored; `detail` says what the collection gained.
    func stored(detail: String) {
        lock.withLock {
            self.detail = detail
            draw()
        }
    }

    /// Prints a message on its own line without breaking the bar.
    func report(_ message: String) {
        lock.withLock {
            if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
            StandardError.report(message)
            if drawn { draw() }
        }
    }

    func finish() {
        lock.withLock {
            if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
            drawn = false
        }
    }

    private func draw() {
        guard enabled else { return }
        let line = Self.line(documents: documents, bytes: bytes, totalBytes: totalBytes, elapsed: Date().timeIntervalSince(start), detail: detail)
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(line)".utf8))
        drawn = true
    }

    /// The bar's text: `███░░ 40 % · 1,200 documents · 85/s · 0:42 left · 1,150 new, 50 duplicates`.
    static func line(documents: Int, bytes: Int, totalBytes: Int, elapsed: TimeInterval, detail: String, width: Int = 24) -> String {
        let fraction = totalBytes > 0 ? min(1, Double(bytes) / Double(totalBytes)) : 0
        let filled = Int((Double(width) * fraction).rounded(.down))
        var parts = [String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + " \(Int((fraction * 100).rounded(.down))) %"]
        parts.append("\(SearchResults.grouped(documents)) documents")
        if elapsed >= 1, documents > 0 {
            parts.append(String(format: "%.0f/s", Double(documents) / elapsed))
        }
        if elapsed >= 1, fraction > 0.01, fraction < 1 {
            parts.append(duration(elapsed * (1 - fraction) / fraction) + " left")
        }
        if !detail.isEmpty { parts.append(detail) }
        return parts.joined(separator: " · ")
    }

    /// `42` → "0:42", `3725` → "1:02:05".
    static func duration(_ seconds: TimeInterval) -> String {
        let total = Int(seconds.rounded())
        let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, rest) : String(format: "%d:%02d", minutes, rest)
    }
}
