import ArgumentParser
import Formats
import Foundation
import Pipeline
import SearchStore
import TextModel

extension TilshiCommand {
    /// `tilshi export`: the whole collection as JSONL, CSV or CoNLL-U.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the collection: JSONL (documents with their layers), CSV (metadata), CoNLL-U (re-analysed tokens)."
        )

        enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
            case jsonl, csv, conllu
        }

        @Option(name: .shortAndLong, help: "Output format: jsonl, csv or conllu.")
        var format: Format = .jsonl

        @OptionGroup var database: DatabaseOptions

        init() {}

        func run() async throws {
            let db = try database.openExisting()
            var output = StandardOutput()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            if format == .csv { output.write("id,title,source,published,url,duplicate_of,similarity,language,origin\r\n") }
            try db.forEachDocument { document in
                switch format {
                case .jsonl:
                    output.write(String(decoding: try encoder.encode(document), as: UTF8.self) + "\n")
                case .csv:
                    let fields: [String] = [
                        String(document.id), document.title ?? "", document.source ?? "", document.published ?? "", document.url ?? "",
                        document.duplicateOf.map { String($0.id) } ?? "",
                        document.duplicateOf.map { String(format: "%.3f", $0.similarity) } ?? "",
                        document.language, document.origin,
                    ]
                    output.write(fields.map(Self.csvField).joined(separator: ",") + "\r\n")
                case .conllu:
                    let analysed = db.pipeline.analyze(id: String(document.id), text: document.text)
                    output.write("# newdoc id = \(document.id)\n")
                    output.write(CoNLLU.format(CoNLLU.sentences(of: analysed)))
                }
            }
            output.flush()
        }

        /// RFC 4180: quote fields with commas, quotes or line breaks; double inner quotes.
        static func csvField(_ value: String) -> String {
            guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }
}
