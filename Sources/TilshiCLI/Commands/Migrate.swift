import ArgumentParser
import Foundation
import SearchStore

extension TilshiCommand {
    /// `tilshi migrate --from SRC --to DST`: moves a collection between a SQLite file and a PostgreSQL database.
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy a collection into another: a SQLite file into PostgreSQL, or back; resumable and verified.",
            discussion: """
                Documents are copied oldest first with their stored analysis (nothing is analysed again); the \
                destination builds its own index, entity and near-duplicate links. Interrupted, the command can be run \
                again: documents are identified by their content, so what the destination already holds is skipped \
                and nothing is stored twice. At the end both collections are compared table by table (count and \
                checksum by content); the exit code is 1 when they differ. The source is only read; nobody should \
                write to it meanwhile.
                """
        )

        @Option(help: ArgumentHelp("The collection to copy: a SQLite file or a postgres:// URL.", valueName: "path-or-url"))
        var from: String

        @Option(help: ArgumentHelp("Where to copy it (created when missing): a SQLite file or a postgres:// URL.", valueName: "path-or-url"))
        var to: String

        @Option(help: "Documents stored per transaction of a SQLite destination (PostgreSQL writes one document per transaction).")
        var batch = 100

        @Flag(name: .customLong("no-progress"), help: "Print no progress lines.")
        var noProgress = false

        init() {}

        func validate() throws {
            guard batch >= 1 else { throw ValidationError("--batch must be at least 1") }
            guard from != to else { throw ValidationError("--from and --to name the same collection") }
        }

        func run() async throws {
            var sourceOptions = DatabaseOptions()
            sourceOptions.location = from
            var destinationOptions = DatabaseOptions()
            destinationOptions.location = to
            let source = try sourceOptions.openExisting()
            let destination = try destinationOptions.open()
            var migration = CollectionMigration(from: source, to: destination)
            migration.batchSize = batch
            let showsProgress = !noProgress
            let start = Date()
            migration.progress = { done, total in
                guard showsProgress, done % 1000 < 100 || done == total else { return }
                let rate = Double(done) / max(Date().timeIntervalSince(start), 0.001)
                StandardError.report(String(format: "migrate: %d of %d documents (%.0f/s)", done, total, rate))
            }
            let report: CollectionMigration.Report
            do {
                report = try migration.run()
            } catch {
                StandardError.report("migrate \(sourceOptions.displayName) → \(destinationOptions.displayName) stopped: \(error); run it again to continue")
                throw ExitCode.failure
            }
            var output = StandardOutput()
            output.write("\(sourceOptions.displayName) → \(destinationOptions.displayName): \(report.sourceDocuments) documents, "
                + "\(report.copied) copied now, \(report.alreadyThere) already there\n")
            output.write("table              source        destination   checksum (source / destination)\n")
            for table in report.tables {
                let mark = table.matches ? "ok" : "MISMATCH"
                output.write(table.table.padding(toLength: 18, withPad: " ", startingAt: 0)
                    + " " + String(table.sourceCount).padding(toLength: 13, withPad: " ", startingAt: 0)
                    + " " + String(table.destinationCount).padding(toLength: 13, withPad: " ", startingAt: 0)
                    + " " + (table.sourceChecksum == table.destinationChecksum ? table.sourceChecksum : table.sourceChecksum + " / " + table.destinationChecksum)
                    + "  " + mark + "\n")
            }
            output.write(report.verified ? "verified: every table has the same count and checksum\n" : "NOT verified: the collections differ\n")
            output.flush()
            if !report.verified { throw ExitCode.failure }
        }
    }
}
