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
            let db = try database.open(NewsDatabase.Configuration(storesTokens: !noTokens))
            let reader = SourceReader()
            let (files, listingProblems) = reader.files(for: paths)
            var problems = listingProblems
            var totals = IngestReport()
            var progress = ProgressBar(total: files.count, enabled: !noProgress && isatty(STDERR_FILENO) != 0)
            for problem in listingProblems { progress.report("\(problem)") }
            // Documents are analysed on `jobs` threads, a bounded number ahead of the writer; this thread stores
            // them in input order, one file per transaction.
            var batch: [PreparedDocument] = []
            try OrderedWorkPool.run(IngestUnits(files, reader: reader), jobs: jobs ?? OrderedWorkPool.defaultJobs, produce: { unit in
                (unit, unit.document.map(db.prepare))
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
                progress.advance(detail: "\(totals.added.count) new, \(totals.duplicates) duplicates")
            })
            progress.finish()
            let summary = "ingested \(totals.added.count), duplicates \(totals.duplicates), "
                + "near-duplicates \(totals.nearDuplicates), skipped \(problems.count) (errors)"
            FileHandle.standardError.write(Data((summary + "\n").utf8))
            if !problems.isEmpty { throw ExitCode.failure }
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
}

/// The ingest units of a list of files.
struct IngestUnits: Sequence, IteratorProtocol {
    let files: [String]
    let reader: SourceReader
    private var position = 0
    private var pending: [IngestUnit] = []

    init(_ files: [String], reader: SourceReader) {
        self.files = files
        self.reader = reader
    }

    mutating func next() -> IngestUnit? {
        if pending.isEmpty {
            guard position < files.count else { return nil }
            let file = files[position]
            position += 1
            let result = reader.read(file: file)
            let documents = result.documents.map { Optional($0) }
            pending = (documents.isEmpty ? [nil] : documents).enumerated().map { index, document in
                IngestUnit(file: file, problems: index == 0 ? result.problems : [], document: document, endsFile: index == Swift.max(0, documents.count - 1))
            }.reversed()
        }
        return pending.removeLast()
    }
}

/// A one-line progress bar on standard error, redrawn in place; silent when not on a terminal.
struct ProgressBar {
    let total: Int
    let enabled: Bool
    private var done = 0
    private var drawn = false

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    mutating func advance(detail: String) {
        done += 1
        guard enabled else { return }
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(bar) \(done)/\(total) files · \(detail)".utf8))
        drawn = true
    }

    /// Prints a message on its own line without breaking the bar.
    mutating func report(_ message: String) {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        StandardError.report(message)
    }

    mutating func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        drawn = false
    }
}
