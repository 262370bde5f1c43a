import ArgumentParser
import SearchStore

extension TilshiCommand {
    /// `tilshi entities`: the entities of the collection, most frequent first.
    struct Entities: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the entities of the collection, or one entity in detail.")

        @Option(help: "Only this label (PERSON, GPE, ORGANISATION, LOCATION, …).")
        var label: String?

        @Option(help: "Only names containing this text.")
        var query: String?

        @Option(help: "Show one entity with mentions, co-occurring entities and a monthly timeline.")
        var id: Int64?

        @Option(name: .shortAndLong, help: "Number of entities.")
        var limit: Int = 50

        @OptionGroup var database: DatabaseOptions

        @Option(name: .shortAndLong, help: "Output format: text or json.")
        var format: ResultFormat = .text

        init() {}

        func validate() throws {
            if let label, !FilterValues.isLabel(label) {
                throw ValidationError("--label must be an entity label such as PERSON or GPE, not '\(label)' (\(FilterValues.labelHint))")
            }
        }

        func run() async throws {
            let db = try database.openExisting()
            var output = StandardOutput()
            if let id {
                guard let detail = try db.entity(id: id, mentionLimit: 20, relatedLimit: 20) else {
                    StandardError.report("no entity #\(id)")
                    throw ExitCode.failure
                }
                if format == .json {
                    output.write(try JSONOutput.encode(detail) + "\n")
                } else {
                    output.write("\(detail.entity.canonical) (\(detail.entity.label)) · \(detail.entity.documentCount) documents\n")
                    for mention in detail.mentions {
                        output.write("  #\(mention.documentID) \(mention.context.marked(open: "[", close: "]"))\n")
                    }
                    if !detail.related.isEmpty {
                        output.write("with: " + detail.related.map { "\($0.entity.canonical) \($0.sharedDocuments)" }.joined(separator: ", ") + "\n")
                    }
                    if !detail.timeline.isEmpty {
                        output.write("timeline: " + detail.timeline.map { "\($0.value) \($0.count)" }.joined(separator: ", ") + "\n")
                    }
                }
            } else {
                let entities = try db.entities(label: label, query: query, limit: limit, offset: 0)
                if format == .json {
                    output.write(try JSONOutput.encode(entities) + "\n")
                } else {
                    for entity in entities {
                        output.write("#\(entity.id)\t\(entity.label)\t\(entity.canonical)\t\(entity.documentCount) docs\t\(entity.mentionCount) mentions\n")
                    }
                }
            }
            output.flush()
        }
    }

    /// `tilshi stats`: size and make-up of the collection.
    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show counts and sizes of the collection.")

        @OptionGroup var database: DatabaseOptions

        @Option(name: .shortAndLong, help: "Output format: text or json.")
        var format: ResultFormat = .text

        @Flag(help: "Check the collection instead: SQLite's integrity_check and FTS5's integrity-check (rank=1, through the Kazakh tokenizer); exits non-zero on any mismatch.")
        var check = false

        init() {}

        func run() async throws {
            if check { return try runCheck() }
            let stats = try database.openExisting().stats()
            var output = StandardOutput()
            if format == .json {
                output.write(try JSONOutput.encode(stats) + "\n")
            } else {
                output.write("""
                    documents        \(stats.documents) (near-duplicates \(stats.nearDuplicates))
                    entities         \(stats.entities) (mentions \(stats.mentions))
                    events/meetings  \(stats.events)
                    text             \(stats.textBytes) bytes
                    database         \(stats.databaseBytes) bytes

                    """)
                let facets = [("sources", stats.sources), ("languages", stats.languages), ("months", stats.months), ("labels", stats.labels)]
                for (name, counts) in facets where !counts.isEmpty {
                    output.write("\(name): " + counts.map { "\($0.value) \($0.count)" }.joined(separator: ", ") + "\n")
                }
            }
            output.flush()
        }

        /// `--check`: the report on standard output; a failure also as one line on standard error, and exit status 1.
        private func runCheck() throws {
            let report = try database.openExistingSQLite(command: "check").checkIntegrity()
            var output = StandardOutput()
            output.write(report.description + "\n")
            output.flush()
            guard report.isOK else {
                StandardError.report("the collection failed its integrity check: \(report.failures.joined(separator: "; "))")
                throw ExitCode.failure
            }
        }
    }
}
