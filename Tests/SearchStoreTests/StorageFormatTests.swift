import Foundation
import GRDB
import NewsSources
import Pipeline
import Testing
import TilshiTesting
import TextModel
@testable import SearchStore

/// The compact stored forms (text and layers) give back exactly what the analysis produced, take
/// much less room, fail clearly when damaged, and old databases are migrated to them.
@Suite struct StorageFormatTests {
    /// The JSON `show --format json`, `export` and `/api/documents/:id` print for a document's analysis.
    static func json(_ document: Document) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    /// A fresh analysis with only the layers the collection keeps (tokens, sentences, paragraphs are recomputed on demand).
    static func storedLayers(of source: SourceDocument, id: String) -> Document {
        let metadata = DocumentMetadata(title: source.title, url: source.url, source: source.source, published: source.published)
        var document = Pipeline.default.analyze(id: id, text: source.text, metadata: metadata)
        document.tokens = []
        document.sentences = []
        document.paragraphs = []
        return document
    }

    @Test func seedsReadBackExactlyAsAnalysed() throws {
        let db = try NewsDatabase.inMemory()
        let sources = try Seeds.documents()
        let report = try db.ingest(sources)
        #expect(report.added.count == sources.count)
        var layersSeen = 0
        for (id, source) in zip(report.added, sources) {
            let stored = try #require(try db.document(id: id))
            #expect(stored.text == source.text)
            var expected = Self.storedLayers(of: source, id: stored.analysis.id)
            // The collection names the one person seed 000 gives by initials: seed 004 spells him out, and the stored
            // seed 000 takes that name (backward resolution); everything else is exactly the fresh analysis.
            for index in expected.entities.indices where expected.entities[index].canonical == "Н.Ә. Назарбаев" {
                expected.entities[index].canonical = "Нұрсұлтан Назарбаев"
            }
            #expect(try Self.json(stored.analysis) == Self.json(expected))
            layersSeen += expected.entities.count + expected.times.count + expected.amounts.count + expected.quotes.count
        }
        // The seeds carry real layers (a round trip of empty layers would prove nothing).
        #expect(layersSeen > 50)
    }

    @Test func aLongCanonicalNameAtTheEndOfTheLayersReadsBack() throws {
        // No facts after the last entity, whose canonical name shares 14 letters with its mention: the shared
        // length is larger than the bytes left in the blob, which once made the layers unreadable.
        var document = Document(id: "x", text: "Кеше жиында Н.Ә. Назарбаев сөйледі.")
        let start = 12
        document.entities = [Entity(text: "Н.Ә. Назарбаев", label: "PERSON", canonical: "Н.Ә. Назарбаев", start: start, end: start + 14, tokenRange: 2..<6)]
        var decoded = Document(id: "x", text: document.text)
        try LayerBlob.decode(LayerBlob.encode(document), into: &decoded)
        #expect(decoded.entities == document.entities)
    }

    @Test func compactFormsAreSmallAndExact() throws {
        for source in try Seeds.documents() {
            let document = Self.storedLayers(of: source, id: "x")
            // Kazakh text: one byte a letter instead of two.
            let stored = StoredText.databaseValue(source.text)
            guard case .blob(let data) = stored.storage else { Issue.record("Kazakh text not encoded"); continue }
            #expect(Double(data.count) < 0.65 * Double(source.text.utf8.count))
            #expect(try StoredText.text(stored) == source.text)
            // Layers: far smaller than their JSON.
            let blob = LayerBlob.encode(document)
            #expect(Double(blob.count) < 0.25 * Double(try Self.json(document).utf8.count))
            var decoded = Document(id: "x", text: source.text, metadata: document.metadata)
            try LayerBlob.decode(blob, into: &decoded)
            #expect(try Self.json(decoded) == Self.json(document))
        }
        // Any scalar survives; text that would not shrink stays plain.
        let mixed = "Алматы 🇰🇿 北京 e\u{301}  \u{0}\tҰлттық «қор» — 1,8 млрд. ₸ Ѣ"
        #expect(try StoredText.text(StoredText.databaseValue(mixed)) == mixed)
        #expect(StoredText.databaseValue("Plain English text.") == "Plain English text.".databaseValue)
    }

    @Test func storedTokensEqualAPipelineRun() throws {
        // Given the seeds ingested into a collection that keeps the token layer
        let db = try NewsDatabase.inMemory(configuration: .init(storesTokens: true))
        let report = try db.ingest(Seeds.documents())
        #expect(report.added.count == (try SeedArticles.paths()).count)
        for id in report.added {
            // When the stored layer is read back (directly, and through the collection's API)
            let blob = try #require(try db.writer.read { try Data.fetchOne($0, sql: "SELECT layers FROM document WHERE id = ?", arguments: [id]) })
            #expect(LayerBlob.hasTokens(blob))
            let stored = try #require(try db.document(id: id, withTokens: true))
            var decoded = Document(id: stored.analysis.id, text: stored.text)
            try LayerBlob.decode(blob, into: &decoded, tokens: true)
            // Then it holds what the pipeline gives on the same text
            let rerun = db.pipeline.analyze(id: stored.analysis.id, text: stored.text)
            #expect(!rerun.tokens.isEmpty)
            for analysis in [decoded, stored.analysis] {
                #expect(analysis.tokens == rerun.tokens)
                #expect(analysis.sentences == rerun.sentences)
                #expect(analysis.paragraphs == rerun.paragraphs)
            }
            // And readers that want no tokens get the other layers as from a version-1 blob
            var withoutTokens = Document(id: stored.analysis.id, text: stored.text)
            try LayerBlob.decode(blob, into: &withoutTokens)
            #expect(withoutTokens.tokens.isEmpty)
            #expect(withoutTokens.entities == stored.analysis.entities)
            #expect(withoutTokens.times == stored.analysis.times)
        }
        // And a version-2 blob (lemmas written out, as stored before version 3) reads back the same tokens
        for id in report.added {
            let stored = try #require(try db.document(id: id, withTokens: true))
            let version2 = LayerBlob.encode(stored.analysis, tokens: true, tokenFormat: LayerBlob.version2)
            let version3 = LayerBlob.encode(stored.analysis, tokens: true)
            #expect(version2.first == LayerBlob.version2 && version3.first == LayerBlob.version3)
            #expect(version3.count < version2.count)
            var decoded = Document(id: stored.analysis.id, text: stored.text)
            try LayerBlob.decode(version2, into: &decoded, tokens: true)
            #expect(decoded.tokens == stored.analysis.tokens)
        }
        // A collection without the layer gives the same tokens by analysing again
        let plain = try NewsDatabase.inMemory()
        let plainReport = try plain.ingest(Seeds.documents())
        for (id, plainID) in zip(report.added, plainReport.added) {
            #expect(try plain.document(id: plainID, withTokens: true)?.analysis.tokens == db.document(id: id, withTokens: true)?.analysis.tokens)
        }
    }

    @Test func tokenLayerKeepsEveryFieldThatTheTextDoesNotGive() throws {
        // Made-up tokens for the cases the pipeline rarely produces: features absent, empty, outside the inventory;
        // a lemma that is not a prefix of its form, one lower-cased, one as written; a norm that differs; a chain.
        let text = "Бүгін Алматыда «Оның» жиналыс"
        var document = Document(id: "t", text: text)
        document.tokens = [
            Token(text: "Бүгін", start: 0, end: 5, lemma: "бүгін", upos: .ADV, feats: ""),
            Token(text: "Алматыда", start: 6, end: 14, lemma: "Алматы", upos: .PROPN, feats: "Case=Loc"),
            Token(text: "«", norm: "\"", start: 15, end: 16, spaceAfter: false, kind: .punctuation, lemma: "«", upos: .PUNCT),
            Token(text: "Оның", start: 16, end: 20, spaceAfter: false, lemma: "ол", upos: .PRON, feats: "Case=Gen|PronType=Prs|Case=Equ"),
            Token(text: "»", start: 20, end: 21, kind: .punctuation),
            Token(text: "жиналыс", start: 22, end: 29, lemma: "жина", upos: .NOUN, feats: "Case=Nom", chain: "жина+лыс"),
        ]
        document.sentences = [Sentence(start: 0, end: 29, tokenRange: 0..<6)]
        document.paragraphs = [Paragraph(start: 0, end: 29, language: .kk)]
        for format in [LayerBlob.version3, LayerBlob.version2] {
            let blob = LayerBlob.encode(document, tokens: true, tokenFormat: format)
            var decoded = Document(id: "t", text: text)
            try LayerBlob.decode(blob, into: &decoded, tokens: true)
            #expect(decoded.tokens == document.tokens, "format \(format)")
            #expect(decoded.sentences == document.sentences && decoded.paragraphs == document.paragraphs)
        }
    }

    @Test func tokenLayerKeepsScalarsThatEqualStringsWouldHide() throws {
        // "кейін" written with и + U+0306: its norm (composed й) is `==` to its text, but not the same scalars.
        let text = "ке\u{0438}\u{0306}ін \u{0439}\u{0438}\u{0306}"
        var document = Document(id: "t", text: text)
        document.tokens = [
            Token(text: "ке\u{0438}\u{0306}ін", norm: "кейін", start: 0, end: 6, lemma: "кейін", upos: .ADV),
            // Two canonically equivalent strings in one blob's string table ("й" composed, then decomposed).
            Token(text: "\u{0439}\u{0438}\u{0306}", norm: "йй", start: 7, end: 10, lemma: "\u{0438}\u{0306}", upos: .X, chain: "\u{0439}"),
        ]
        document.sentences = [Sentence(start: 0, end: 10, tokenRange: 0..<2)]
        document.paragraphs = [Paragraph(start: 0, end: 10, language: .kk)]
        for format in [LayerBlob.version3, LayerBlob.version2] {
            var decoded = Document(id: "t", text: text)
            try LayerBlob.decode(LayerBlob.encode(document, tokens: true, tokenFormat: format), into: &decoded, tokens: true)
            for (got, want) in zip(decoded.tokens, document.tokens) {
                for (a, b) in [(got.text, want.text), (got.norm, want.norm), (got.lemma ?? "", want.lemma ?? ""), (got.chain ?? "", want.chain ?? "")] {
                    #expect(Array(a.unicodeScalars) == Array(b.unicodeScalars), "format \(format): \(a) vs \(b)")
                }
            }
        }
    }

    @Test func aTokenOutsideTheTextIsRefused() throws {
        // A token whose text is stored (so no slice of the document checks its span) and whose span lies before the text.
        var document = Document(id: "t", text: "Алматы")
        document.tokens = [Token(text: "Астана", start: -5, end: -2, lemma: "Астана", upos: .PROPN)]
        for format in [LayerBlob.version3, LayerBlob.version2] {
            var decoded = Document(id: "t", text: "Алматы")
            #expect(throws: LayerBlob.CorruptLayers.self) {
                try LayerBlob.decode(LayerBlob.encode(document, tokens: true, tokenFormat: format), into: &decoded, tokens: true)
            }
        }
    }

    @Test func damagedStoredFormsFailWithAClearError() throws {
        let db = try NewsDatabase.inMemory()
        let id = try #require(try db.ingest([Seeds.documents()[0]]).added.first)
        let blob = try #require(try db.writer.read { try Data.fetchOne($0, sql: "SELECT layers FROM document WHERE id = ?", arguments: [id]) })
        let text = try Seeds.documents()[0].text

        // Every truncation and many single-byte changes of a real blob, with its token layer (as stored) and without
        // it: a decode or an error, never a crash.
        var document = Document(id: "x", text: text)
        try LayerBlob.decode(blob, into: &document, tokens: true)
        #expect(LayerBlob.hasTokens(blob) && !document.tokens.isEmpty)
        var random = SystemRandomNumberGenerator()
        for whole in [blob, LayerBlob.encode(document)] {
            var failures = 0
            for length in 0..<whole.count {
                var document = Document(id: "x", text: text)
                do { try LayerBlob.decode(whole.prefix(length), into: &document, tokens: true) } catch { failures += 1 }
            }
            #expect(failures == whole.count)
            for _ in 0..<300 {
                var damaged = [UInt8](whole)
                damaged[Int.random(in: 0..<damaged.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                var document = Document(id: "x", text: text)
                _ = try? LayerBlob.decode(Data(damaged), into: &document, tokens: true)
            }
        }

        // Through the collection: the error names the document and says what to do.
        try db.writer.write { try $0.execute(sql: "UPDATE document SET layers = X'F1000563' WHERE id = ?", arguments: [id]) }
        #expect {
            _ = try db.document(id: id)
        } throws: { error in
            let message = String(describing: error)
            return message.contains("#\(id)") && message.contains("layers") && message.contains("re-ingest")
        }
        try db.writer.write { try $0.execute(sql: "UPDATE document SET layers = X'7B7D' WHERE id = ?", arguments: [id]) }
        #expect(throws: LayerBlob.CorruptLayers.self) { _ = try db.document(id: id) }
        // A damaged text too (written around the FTS5 trigger, as corruption on disk would be).
        try db.writer.write { db in
            try db.execute(sql: #"DROP TRIGGER "__document_fts_au""#)
            try db.execute(sql: "UPDATE document SET text = X'F5D0FE' WHERE id = ?", arguments: [id])
        }
        #expect(throws: StoredText.Corrupt.self) { _ = try db.document(id: id) }
    }

    @Test func version1DatabasesAreMigrated() throws {
        // A database as schema version 1 wrote it: text as TEXT, layers as JSON, one row per mention.
        let queue = try DatabaseQueue(configuration: NewsDatabase.makeConfiguration())
        try NewsDatabase.migrator.migrate(queue, upTo: "v1")
        let source = try Seeds.documents()[1]
        let expected = Self.storedLayers(of: source, id: "seed")
        #expect(expected.entities.count > 5)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO document (id, externalID, title, text, language, contentHash, origin, ingestedAt, pipeline, layers)
                VALUES (1, 'seed', ?, ?, 'kk', 'h1', 'seed.txt', '2026-11-23 12:00:00.000', 'kk-default', ?)
                """, arguments: [source.title, source.text, try Self.json(expected)])
            for entity in expected.entities {
                let key = NewsDatabase.entityKey(of: entity)
                try db.execute(sql: "INSERT OR IGNORE INTO entity (label, canonical, key) VALUES (?, ?, ?)", arguments: [entity.label.rawValue, key.canonical, key.key])
                try db.execute(sql: """
                    INSERT INTO mention (documentID, entityID, text, start, end)
                    SELECT 1, id, ?, ?, ? FROM entity WHERE key = ? AND label = ?
                    """, arguments: [entity.text, entity.start, entity.end, key.key, entity.label.rawValue])
            }
        }
        let mentionsBefore = try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM mention") }

        let db = try NewsDatabase(queue)
        let stored = try #require(try db.document(id: 1))
        #expect(stored.text == source.text)
        #expect(try Self.json(stored.analysis) == Self.json(expected))
        #expect(stored.entities.reduce(0) { $0 + $1.mentionCount } == mentionsBefore)
        #expect(try db.stats().mentions == mentionsBefore)
        let (mentionTable, layers, text) = try queue.read { db in
            (try db.tableExists("mention"), try Data.fetchOne(db, sql: "SELECT layers FROM document"),
             try DatabaseValue.fetchOne(db, sql: "SELECT text FROM document"))
        }
        #expect(!mentionTable)
        #expect(layers?.first == LayerBlob.version1)
        #expect(text?.storage.isBlob == true)
        // The index written before the migration still answers, and new documents are indexed from their stored form.
        #expect(try db.search(SearchQuery("ЮНЕСКО")).hits.map(\.id).contains(1) || db.search(SearchQuery(expected.entities[0].canonical)).total > 0)
        let added = try db.ingest([Seeds.documents()[2]]).added
        let word = try #require(Self.storedLayers(of: try Seeds.documents()[2], id: "y").entities.first?.canonical)
        #expect(try db.search(SearchQuery(word)).hits.map(\.id).contains(added[0]))
    }

    @Test func overlappedIngestKeepsOrderAndStopsOnError() throws {
        var seen: [Int] = []
        try OverlappedIngest.run(Array(0..<50), capacity: 2, produce: { $0 * 2 }, consume: { seen.append($0) })
        #expect(seen == (0..<50).map { $0 * 2 })

        struct Stop: Error {}
        let produced = ProducedCounter()
        #expect(throws: Stop.self) {
            try OverlappedIngest.run(Array(0..<1_000), capacity: 2, produce: { value in
                produced.increment()
                return value
            }, consume: { value in
                if value == 3 { throw Stop() }
            })
        }
        // Production stopped soon after the error (bounded look-ahead), not after all 1,000 inputs.
        #expect(produced.value < 10)
    }
}

private final class ProducedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

extension DatabaseValue.Storage {
    var isBlob: Bool {
        if case .blob = self { return true }
        return false
    }
}
