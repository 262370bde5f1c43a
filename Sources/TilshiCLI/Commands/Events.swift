import ArgumentParser
import SearchStore
import Formats
import Foundation
import NewsSources
import Pipeline
import TextModel

extension TilshiCommand {
    /// `tilshi events FILE... [--ics] [-o out.ics]`: the events announced or reported in news files.
    struct Events: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the events (exhibitions, concerts, festivals, ceremonies) in Kazakh news, or export them as iCalendar.",
            discussion: """
                HTML pages, RSS/Atom feeds and JSON Lines are read as `ingest` reads them (main text, one document per \
                item, each with its own date when it has one). \
                Events whose year is unknown (XXXX) take the year of --date; without it they are left out of the \
                iCalendar file with a note on standard error. Bad inputs are reported and skipped; the exit code is 1 \
                if any failed.
                """
        )

        /// Output formats of `events`.
        enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
            case json, ics
        }

        @Argument(help: "News files to analyse; '-' reads standard input (the default when none is given).")
        var files: [String] = []

        @Option(name: .shortAndLong, help: "Output format: json (a list of events) or ics (an iCalendar file).")
        var format: OutputFormat = .json

        @Flag(help: "Write an iCalendar file (the same as --format ics).")
        var ics = false

        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
        var output: String?

        @Option(help: "Publication date of the inputs (YYYY-MM-DD): anchors relative times and gives events their year.")
        var date: String?

        @Option(help: "Documents analysed at once (default: every core); the output is the same for any number.")
        var jobs: Int?

        init() {}

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
            if let date, !FilterValues.isDate(date) {
                throw ValidationError("--date must be a real date yyyy-MM-dd such as 2016-11-03, not '\(date)'")
            }
        }

        /// One event with the document it came from (the JSON form of `--format json`).
        struct Listed: Encodable, Sendable {
            let document: String
            let title: String
            let when: String?
            let `where`: String?
            let participants: [String]
            let start: Int
            let end: Int
        }

        func run() async throws {
            let inputs = files.isEmpty ? ["-"] : files
            let date = date
            var failures = 0
            var found = Found()
            try OrderedWorkPool.run(AnalysisUnits(inputs, format: .auto), jobs: jobs ?? OrderedWorkPool.defaultJobs, produce: { unit in
                Self.found(in: unit, date: date)
            }, consume: { part in
                for line in part.reports {
                    failures += 1
                    StandardError.report(line)
                }
                found.listed += part.listed
                found.entries += part.entries
                found.skipped += part.skipped
            })
            let rendered: String
            if ics || format == .ics {
                for note in found.skipped { StandardError.report("note: \(note)") }
                rendered = ICalendar.write(found.entries)
            } else {
                rendered = try Self.json(found.listed)
            }
            if let output {
                do { try Data(rendered.utf8).write(to: URL(fileURLWithPath: output)) } catch {
                    throw ValidationError("cannot write '\(output)': \(error.localizedDescription)")
                }
            } else {
                var standardOutput = StandardOutput()
                standardOutput.write(rendered)
                standardOutput.flush()
            }
            if failures > 0 { throw ExitCode.failure }
        }

        /// The events of one unit of work (and the reports about its input); only these are kept, not the documents.
        struct Found: Sendable {
            var reports: [String] = []
            var listed: [Listed] = []
            var entries: [ICalendar.Entry] = []
            /// Why events were left out of the iCalendar file.
            var skipped: [String] = []
        }

        /// Analyses one unit; runs on any worker thread.
        static func found(in unit: AnalysisUnit, date: String?) -> Found {
            var found = Found(reports: unit.reports)
            let document: Document
            switch unit.work {
            case nil: return found
            case .news(let source, let id):
                document = Pipeline.default.analyze(id: id, text: source.text, metadata: source.documentMetadata(defaultDate: date))
            case .text(let text, let input):
                document = Pipeline.default.analyze(id: Analyze.documentID(for: input), text: text, metadata: DocumentMetadata(published: date))
            }
            found.listed = listed(document)
            (found.entries, found.skipped) = ICalendar.entries(from: document)
            return found
        }

        /// The events of `document`, as `--format json` lists them.
        static func listed(_ document: Document) -> [Listed] {
            document.events.map {
                Listed(document: document.id, title: $0.title, when: $0.when, where: $0.where, participants: $0.participants, start: $0.start, end: $0.end)
            }
        }

        static func json(_ listed: [Listed]) throws -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(listed), as: UTF8.self) + "\n"
        }
    }
}
