import Foundation
import GRDB
import NewsSources
import Pipeline
import Testing
import TextModel
@testable import SearchStore

@Suite struct IngestTests {
    @Test func sameContentTwiceIsStoredOnce() throws {
        // Given an empty collection
        let db = try NewsDatabase.inMemory()
        // When the seeds are ingested twice, the second time with other whitespace and case
        let first = try db.ingest(Seeds.documents())
        let reformatted = try Seeds.documents().map { document in
            var copy = document
            copy.text = "  " + document.text.replacingOccurrences(of: " ", with: "  ").uppercased() + "\n"
            copy.origin = "copy of " + document.origin
            return copy
        }
        let second = try db.ingest(reformatted)
        // Then nothing is added the second time
        #expect(first.added.count == 5)
        #expect(second.added.isEmpty)
        #expect(second.duplicates == 5)
        #expect(try db.stats().documents == 5)
    }

    @Test func reEditedCopyIsLinkedToItsOriginal() throws {
        let db = try NewsDatabase.inMemory()
        let original = Seeds.text(3)
        // A re-edited copy: another first paragraph, a changed sentence, the last paragraphs cut.
        var paragraphs = original.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        paragraphs.removeLast(3)
        paragraphs[0] = "Алматы World Craft City атағын алды"
        paragraphs[4] = paragraphs[4].replacingOccurrences(of: "100-ден астам шеберді", with: "жүзден астам қолөнер шеберін")
        let copy = paragraphs.joined(separator: "\n\n")
        try db.ingest([SourceDocument(title: "Алматы — әлемдік қолөнер қаласы", text: original, source: "almaty.tv", origin: "a")])
        try db.ingest([SourceDocument(text: Seeds.text(0), origin: "b")])
        let report = try db.ingest([SourceDocument(title: "Алматыға жаңа мәртебе", text: copy, source: "kazinform", origin: "c")])
        #expect(report.nearDuplicates == 1)
        let stored = try #require(try db.document(id: report.added[0]))
        let link = try #require(stored.duplicateOf)
        #expect(link.id == 1)
        #expect(link.similarity >= 0.5 && link.similarity < 1)
        // An unrelated article is not linked.
        #expect(try db.document(id: 2)?.duplicateOf == nil)

        // Search folds the copy under its original, unless asked to show everything.
        let folded = try db.search(SearchQuery("қолөнер"))
        #expect(folded.hits.map(\.id) == [1])
        #expect(folded.hits[0].duplicates.map(\.id) == [3])
        let all = try db.search(SearchQuery("қолөнер", includeDuplicates: true))
        #expect(Set(all.hits.map(\.id)) == [1, 3])
        #expect(all.hits.first { $0.id == 3 }?.duplicateOf?.id == 1)
    }

    @Test func storesAnalysisLayersAndMetadata() throws {
        let db = try NewsDatabase.inMemory()
        let report = try db.ingest([SourceDocument(
            externalID: "x1", title: "Тест", text: Seeds.text(1), url: "https://example.kz/1", source: "Example",
            published: "2025-10-05T10:00:00+06:00", origin: "x.jsonl:1"
        )])
        let stored = try #require(try db.document(id: report.added[0], withTokens: true))
        #expect(stored.externalID == "x1")
        #expect(stored.published == "2025-10-05T10:00:00+06:00")
        #expect(!stored.analysis.sentences.isEmpty)
        #expect(!stored.analysis.tokens.isEmpty)
        #expect(stored.analysis.tokens.contains { $0.lemma != nil })
        #expect(try db.stats().months == [FacetCount(value: "2025-10", count: 1)])
        // Stored spans come back with the texts their offsets give, equal to a fresh analysis.
        let fresh = db.pipeline.analyze(id: "x1", text: Seeds.text(1), metadata: DocumentMetadata(
            title: "Тест", url: "https://example.kz/1", source: "Example", published: "2025-10-05T10:00:00+06:00"
        ))
        #expect(!fresh.entities.isEmpty)
        #expect(stored.analysis.entities == fresh.entities)
        #expect(stored.analysis.times == fresh.times)
        #expect(stored.analysis.amounts == fresh.amounts)
        #expect(stored.analysis.quotes == fresh.quotes)
    }

    @Test func failedBatchLeavesNothingBehind() throws {
        // Given a collection with one document
        let db = try NewsDatabase.inMemory()
        try db.ingest([SourceDocument(text: Seeds.text(0), origin: "a")])
        // When a batch's transaction fails half-way (a constraint violation after two inserts)
        var prepared = [Seeds.text(1), Seeds.text(2)].map { db.prepare(SourceDocument(text: $0, origin: "b")) }
        var poisoned = db.prepare(SourceDocument(text: Seeds.text(4), origin: "b"))
        poisoned.poisonForTesting()
        prepared.append(poisoned)
        #expect(throws: (any Error).self) { try db.store(prepared) }
        // Then the collection and its index are as before
        #expect(try db.stats().documents == 1)
        #expect(try db.search(SearchQuery("Ренн")).total == 0)
        #expect(try db.checkIntegrity().isOK)
    }

    @Test func filtersBySourceDateAndEntity() throws {
        let db = try NewsDatabase.inMemory()
        try db.ingest([
            SourceDocument(text: Seeds.text(0), source: "A", published: "2016-10-10", origin: "a"),
            SourceDocument(text: Seeds.text(1), source: "B", published: "2025-09-01", origin: "b"),
            SourceDocument(text: Seeds.text(3), source: "A", published: "2025-10-05", origin: "c"),
        ])
        #expect(try db.search(SearchQuery("Алматы", source: "A")).total == 2)
        #expect(try db.search(SearchQuery("Алматы", from: "2025-01")).total == 2)
        #expect(try db.search(SearchQuery("Алматы", to: "2025-09")).total == 2)
        #expect(try db.search(SearchQuery("Алматы", from: "2025-09-02", to: "2025-12-31")).total == 1)
        let facets = try #require(try db.search(SearchQuery("Алматы")).facets)
        #expect(facets.sources == [FacetCount(value: "A", count: 2), FacetCount(value: "B", count: 1)])
        #expect(facets.months.map(\.value) == ["2025-10", "2025-09", "2016-10"])
    }

    @Test func inflectedFormsMatchTheirLemma() throws {
        let db = try NewsDatabase.inMemory()
        try db.ingest([
            SourceDocument(text: "Алматының әкімі мәлімдеме жасады.", origin: "gen"),
            SourceDocument(text: "Фестиваль Алматыда өтеді.", origin: "loc"),
            SourceDocument(text: "Делегация Астанаға барды.", origin: "other"),
        ])
        let results = try db.search(SearchQuery("Алматы"))
        #expect(results.total == 2)
        // The snippet marks the original inflected word, not the lemma.
        let marked = results.hits.compactMap { $0.snippet?.marked(open: "[", close: "]") }
        #expect(Set(marked) == ["[Алматының] әкімі мәлімдеме жасады.", "Фестиваль [Алматыда] өтеді."])
        // And an inflected query finds the other forms too.
        #expect(try db.search(SearchQuery("Алматыда")).total == 2)
        // Latin script, 2021 alphabet and English-style spelling.
        #expect(try db.search(SearchQuery("Almatyda")).total == 2)
    }
}

extension PreparedDocument {
    /// Makes the write fail after earlier documents of the batch were inserted (NOT NULL violation on `text`).
    mutating func poisonForTesting() {
        record.contentHash = "poisoned"
        record.language = "kk"
        record.layers = Data()
        record.origin = "poisoned"
        record.pipeline = ""
        record.title = nil
        record.text = "x"
        record.similarity = nil
        record.duplicateOf = 999_999 // no such document: the foreign key fails
    }
}
