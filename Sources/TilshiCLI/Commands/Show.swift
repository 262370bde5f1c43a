import ArgumentParser
import Foundation
import SearchStore
import TextModel

extension TilshiCommand {
    /// `tilshi show ID`: one stored document with its analysis.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a stored document with its entities, facts and near-duplicates.")

        @Argument(help: "Document id (as printed by search).")
        var id: Int64

        @OptionGroup var database: DatabaseOptions

        @Option(name: .shortAndLong, help: "Output format: text or json.")
        var format: ResultFormat = .text

        @Flag(help: "Re-analyse the text to include tokens with lemmas and morphology (JSON).")
        var tokens = false

        init() {}

        func run() async throws {
            let db = try database.openExisting()
            guard let document = try db.document(id: id, withTokens: tokens) else {
                StandardError.report("no document #\(id) in \(database.displayName)")
                throw ExitCode.failure
            }
            var output = StandardOutput()
            switch format {
            case .json: output.write(try JSONOutput.encode(document) + "\n")
            case .text: output.write(Self.render(document))
            }
            output.flush()
        }

        static func render(_ document: StoredDocument) -> String {
            var text = "#\(document.id)  \(Headline.of(title: document.title, text: document.text) ?? "(untitled)")\n"
            let details = [document.source, document.published, document.url, "from \(document.origin)"].compactMap { $0 }
            text += details.joined(separator: " · ") + "\n"
            if let original = document.duplicateOf {
                text += "near-duplicate of #\(original.id) \(original.title ?? "") (similarity \(String(format: "%.2f", original.similarity)))\n"
            }
            for duplicate in document.duplicates {
                text += "repeated by #\(duplicate.id) \(duplicate.source ?? "") (similarity \(String(format: "%.2f", duplicate.similarity)))\n"
            }
            text += "\n" + document.text + "\n"
            if !document.entities.isEmpty {
                text += "\nentities:\n"
                for entity in document.entities {
                    text += "  \(entity.label)\t\(entity.canonical)\t×\(entity.mentionCount)\t(entity #\(entity.id))\n"
                }
            }
            let analysis = document.analysis
            for time in analysis.times { text += "time: \(time.text) → \(time.value)\n" }
            for amount in analysis.amounts { text += "amount: \(amount.text) → \(amount.value) \(amount.unit ?? "")\n" }
            for quote in analysis.quotes { text += "quote (\(quote.speaker ?? "unknown")): \(quote.text)\n" }
            for meeting in analysis.meetings { text += "meeting: \(meeting.participants.joined(separator: ", ")) \(meeting.when ?? "") \(meeting.where ?? "")\n" }
            for event in analysis.events { text += "event: \(event.title) \(event.when ?? "") \(event.where ?? "")\n" }
            return text
        }
    }
}
