import Foundation
import Hummingbird
import HummingbirdTesting
import NewsServer
import NewsSources
import SearchStore
import Testing

/// The five bundled seed articles in a fresh in-memory collection, and helpers to call the app.
enum TestCollection {
    static let writeToken = "test-token-0123456789abcdef"

    /// The seed articles shipped as samples (`Sources/TilshiCLI/Resources/Samples`).
    static func seeds() throws -> [SourceDocument] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Sources/TilshiCLI/Resources/Samples")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { name in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            var document = try #require(PlainTextReader().read(text, input: name).documents.first)
            // Publication days are not in the seed files; tests give each one a day so calendars and facets have dates.
            document.published = "2016-10-0\(names.firstIndex(of: name)! + 1)"
            document.source = "seeds"
            return document
        }
    }

    /// A fresh collection holding the seeds.
    static func seeded() throws -> NewsDatabase {
        let database = try NewsDatabase.inMemory()
        try database.ingest(try seeds())
        return database
    }

    /// The seeded collection shared by read-only tests (built once).
    static let shared: NewsDatabase = try! seeded()

    /// True when the pipeline finds entities (the NER stage is in `kk-default`); entity tests need it.
    static var hasEntities: Bool { ((try? shared.entities(limit: 1))?.isEmpty == false) }

    static func app(
        _ database: NewsDatabase = shared, writeToken: String? = nil, maxBodyBytes: Int = 64 * 1024
    ) throws -> some ApplicationProtocol {
        try buildApplication(ServerConfiguration(writeToken: writeToken, maxBodyBytes: maxBodyBytes), database: database)
    }
}

extension String {
    /// The string percent-encoded for a query value.
    var queryEncoded: String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return addingPercentEncoding(withAllowedCharacters: allowed) ?? self
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    var data: Data { Data(body.readableBytesView) }

    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    func jsonValue() throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }
}
