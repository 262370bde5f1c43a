import ArgumentParser
import Foundation
import PostgresStore
import SearchStore

extension TilshiCommand {
    /// `tilshi reindex`: derives an existing collection's index terms and entity names again from what it stores.
    struct Reindex: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-derive a collection's index terms and re-resolve its entity names from the stored documents.",
            discussion: """
                Run after upgrading Tilshi on a collection built by an earlier version: every document's index terms are \
                derived again with the current rules (those that differ are rewritten), and every entity's spellings and \
                aliases are counted again and the entity filed under the spelling most documents use (the same name \
                whatever order the documents were ingested in). Opening the collection has already applied the schema's \
                migrations; this command changes no document text.
                """
        )

        @OptionGroup var database: DatabaseOptions

        init() {}

        func run() async throws {
            let terms: Int
            let names: Int
            if database.isServer {
                // A PostgreSQL collection: the same derivation and the same name rules, each page under its write lock.
                guard let store = try database.open() as? PostgresCollection else {
                    StandardError.report("`tilshi reindex` cannot re-index \(database.displayName)")
                    throw ExitCode.failure
                }
                terms = try store.reindex()
                names = try store.reresolveNames()
            } else {
                let db = try database.openExistingSQLite(command: "reindex")
                terms = try db.reindex()
                names = try db.reresolveNames()
            }
            var output = StandardOutput()
            output.write("index terms rewritten for \(terms) documents; \(names) entities renamed\n")
            output.flush()
        }
    }
}
