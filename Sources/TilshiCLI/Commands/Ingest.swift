import Formats
import ArgumentParser
import Foundation
import NewsSources
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
                and lines are reported by name (and line) and skipped; the exit code is 1 if any failed.
                """
        )

        @Argument(help: "Files and folders to ingest (folders are walked recursively).")
        var paths: [String]

        @OptionGroup var database: DatabaseOptions

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

        init() {}

        /// Files analysed together (their documents spread over the cores) and handed to the writer at once.
        static let groupSize = 16

        func validate() throws {
            if paths.isEmpty { throw ValidationError("give at least one file or folder to ingest") }
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
                StandardError.report("nothing was stored, so no collection was created at '\(database.path)'")
            }
            if !problems.isEmpty { throw ExitCode.failure }
        }

        /// Reads, analyses and stores every input; the database is closed when this returns.
        private func ingestAll() throws -> (IngestReport, [SourceProblem]) {
            let db = try database.open(NewsDatabase.Configuration(storesTokens: !noTokens))
            let reader = SourceReader()
            let (files, listingProblems) = reader.inputs(for: paths, followLinks: followLinks)
            var problems = listingProblems
            var totals = IngestReport()
            let bytes = files.map { (try? FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int) ?? 0 }
            let progress = ProgressBar(totalBytes: bytes.reduce(0, +), enabled: !noProgress && isatty(STDERR_FILENO) != 0)
            for problem in listingProblems { progress.report("\(problem)") }
            // Files are read and analysed a group at a time (analysis runs on every core) on a background
            // thread, while this one stores the previous group, one file per transaction, in order.
            let indexed = Array(zip(files, bytes))
            let groups = stride(from: 0, to: indexed.count, by: Self.groupSize).map { Array(indexed[$0..<min($0 + Self.groupSize, indexed.count)]) }
            try OverlappedIngest.run(groups, capacity: 2, produce: { group in
                let results = group.map { reader.read($0.0) }
                // Analysed in slices so that the bar moves by documents, even inside one large JSONL file.
                let documents = results.flatMap(\.documents)
                let weights = zip(group, results).flatMap { file, result in
                    Array(repeating: Double(file.1) / Double(max(result.documents.count, 1)), count: result.documents.count)
                }
                var preparedAll: [PreparedDocument] = []
                for start in stride(from: 0, to: documents.count, by: ProgressBar.slice) {
                    let end = min(start + ProgressBar.slice, documents.count)
                    preparedAll += db.prepareAll(Array(documents[start..<end]))
                    progress.analysed(documents: end - start, bytes: Int(weights[start..<end].reduce(0, +)))
                }
                progress.analysed(documents: 0, bytes: zip(group, results).filter { $0.1.documents.isEmpty }.reduce(0) { $0 + $1.0.1 })
                var prepared = preparedAll[...]
                return zip(group, results).map { file, result in
                    defer { prepared = prepared.dropFirst(result.documents.count) }
                    return (file: file.0, result: result, prepared: Array(prepared.prefix(result.documents.count)))
                }
            }, consume: { group in
                for (file, result, batch) in group {
                    for problem in result.problems { progress.report("\(problem)") }
                    problems += result.problems
                    if !batch.isEmpty {
                        do {
                            let report = try db.store(batch)
                            totals.added += report.added
                            totals.duplicates += report.duplicates
                            totals.nearDuplicates += report.nearDuplicates
                            totals.empty += report.empty
                        } catch {
                            problems.append(SourceProblem(input: file.path, reason: "not stored: \(error)"))
                            progress.report("\(file.path): not stored: \(error)")
                        }
                    }
                    progress.stored(detail: "\(totals.added.count) new, \(totals.duplicates) duplicates")
                }
            })
            progress.finish()
            return (totals, problems)
        }
    }
}

/// A one-line progress bar on standard error, redrawn in place; silent when not on a terminal.
///
/// It counts documents, not files (one large JSONL file is thousands of documents), shows their rate, and
/// estimates the time left from the share of the inputs' bytes analysed so far. Analysis (a background thread)
/// and storing (the main one) both report, so the state is behind a lock.
final class ProgressBar: @unchecked Sendable {
    /// Documents analysed between two redraws of the bar.
    static let slice = 64

    let totalBytes: Int
    let enabled: Bool
    private let lock = NSLock()
    private var documents = 0
    private var bytes = 0
    private var detail = ""
    private var drawn = false
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
            draw()
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
