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

        init() {}

        func validate() throws {
            if let date, !FilterValues.isDate(date) {
                throw ValidationError("--date must be a real date yyyy-MM-dd such as 2016-11-03, not '\(date)'")
            }
        }

        /// One event with the document it came from (the JSON form of `--format json`).
        struct Listed: Encodable {
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
            var failures = 0
            var documents: [Document] = []
            for input in inputs {
                do {
                    let text = try TextInput.read(input)
                    if let sources = Analyze.newsDocuments(text, input: input, format: .auto) {
                        for problem in sources.problems {
                            failures += 1
                            StandardError.report("\(problem)")
                        }
                        documents += Analyze.analyze(sources.documents, input: input, pipeline: .default, defaultDate: date)
                        continue
                    }
                    documents.append(Pipeline.default.analyze(
                        id: Analyze.documentID(for: input), text: text, metadata: DocumentMetadata(published: date)
                    ))
                } catch {
                    failures += 1
                    StandardError.report("\(error)")
                }
            }
            let rendered = ics || format == .ics ? Self.calendar(documents) : try Self.json(documents)
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

        static func calendar(_ documents: [Document]) -> String {
            var entries: [ICalendar.Entry] = []
            for document in documents {
                let (found, skipped) = ICalendar.entries(from: document)
                entries.append(contentsOf: found)
                for note in skipped { StandardError.report("note: \(note)") }
            }
            return ICalendar.write(entries)
        }

        static func json(_ documents: [Document]) throws -> String {
            let listed = documents.flatMap { document in
                document.events.map {
                    Listed(document: document.id, title: $0.title, when: $0.when, where: $0.where, participants: $0.participants, start: $0.start, end: $0.end)
                }
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(listed), as: UTF8.self) + "\n"
        }
    }
}
