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

        init() {}

        /// Files analysed together (their documents spread over the cores) and handed to the writer at once.
        static let groupSize = 16

        func validate() throws {
            if paths.isEmpty { throw ValidationError("give at least one file or folder to ingest") }
        }

        func run() async throws {
            let db = try database.open(NewsDatabase.Configuration(storesTokens: !noTokens))
            let reader = SourceReader(limits: limits.limits)
            let (files, listingProblems) = reader.files(for: paths)
            var problems = listingProblems
            var totals = IngestReport()
            var progress = ProgressBar(total: files.count, enabled: !noProgress && isatty(STDERR_FILENO) != 0)
            for problem in listingProblems { progress.report("\(problem)") }
            // Files are read and analysed a group at a time (analysis runs on every core) on a background
            // thread, while this one stores the previous group, one file per transaction, in order.
            let groups = stride(from: 0, to: files.count, by: Self.groupSize).map { Array(files[$0..<min($0 + Self.groupSize, files.count)]) }
            try OverlappedIngest.run(groups, capacity: 2, produce: { group in
                let results = group.map { reader.read(file: $0) }
                var prepared = db.prepareAll(results.flatMap(\.documents))[...]
                return zip(group, results).map { file, result in
                    defer { prepared = prepared.dropFirst(result.documents.count) }
                    return (file: file, result: result, prepared: Array(prepared.prefix(result.documents.count)))
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
                            problems.append(SourceProblem(input: file, reason: "not stored: \(error)"))
                            progress.report("\(file): not stored: \(error)")
                        }
                    }
                    progress.advance(detail: "\(totals.added.count) new, \(totals.duplicates) duplicates")
                }
            })
            progress.finish()
            let summary = "ingested \(totals.added.count), duplicates \(totals.duplicates), "
                + "near-duplicates \(totals.nearDuplicates), skipped \(problems.count) (errors)"
            FileHandle.standardError.write(Data((summary + "\n").utf8))
            if !problems.isEmpty { throw ExitCode.failure }
        }
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
