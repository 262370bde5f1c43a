public import Foundation
public import TextModel
import Analysis

// The pieces of ``NewsDatabase`` that another backend of ``CollectionStore`` (PostgresStore) needs, at `package`
// access: the analysis of a document before it is written, the stored layers' format, the index terms, and makers of
// the API values. One definition each, so both backends store and answer the same things.

/// One document ready to be written, as plain values (see ``PreparedDocument``).
package struct PreparedParts: Sendable {
    package var externalID: String?
    package var title: String?
    package var text: String
    package var url: String?
    package var source: String?
    package var published: String?
    package var month: String?
    package var language: String
    package var contentHash: String
    package var origin: String
    package var ingestedAt: Date
    package var pipeline: String
    /// The analysis layers (``LayerBlob``).
    package var layers: Data
    package var entities: [Entity]
    package var events: [StoredEventParts]
    /// MinHash signature of the text's lemma shingles, nil for a text too short to have one.
    package var signature: [UInt16]?
    /// The indexed positions of the title and of the text: each position's lemma, then the terms at the same position.
    package var titlePositions: [IndexTermStream.Position]
    package var textPositions: [IndexTermStream.Position]
}

/// A meeting or event row before it is written.
package struct StoredEventParts: Sendable {
    package var kind: String
    package var title: String?
    package var time: String?
    package var place: String?
    /// JSON array of participant names.
    package var participants: String
    package var start: Int
    package var end: Int
}

extension PreparedDocument {
    /// This document as plain values, its term streams read back into positions.
    package func parts() throws -> PreparedParts {
        func positions(_ stream: Data?) throws -> [IndexTermStream.Position] {
            guard let stream else { return [] }
            return try stream.withUnsafeBytes { bytes in
                var result: [IndexTermStream.Position] = []
                var order: [(Int, [Int])] = []
                let terms = try IndexTermStream.read(bytes, position: { order.append(($0, Array($1))) })
                result.reserveCapacity(order.count)
                for (primary, others) in order {
                    result.append((String(decoding: terms[primary], as: UTF8.self), others.map { String(decoding: terms[$0], as: UTF8.self) }))
                }
                return result
            }
        }
        return PreparedParts(
            externalID: record.externalID, title: record.title, text: record.text, url: record.url, source: record.source,
            published: record.published, month: record.month, language: record.language, contentHash: record.contentHash,
            origin: record.origin, ingestedAt: record.ingestedAt, pipeline: record.pipeline, layers: record.layers,
            entities: entities,
            events: events.map {
                StoredEventParts(kind: $0.kind, title: $0.title, time: $0.time, place: $0.place, participants: $0.participants, start: $0.start, end: $0.end)
            },
            signature: signature, titlePositions: try positions(termStreams.title), textPositions: try positions(termStreams.text)
        )
    }
}

extension NewsDatabase {
    /// The name an entity is filed under and its lookup key (as the SQLite store files it).
    package static func storeEntityKey(of entity: Entity) -> (canonical: String, key: String) { entityKey(of: entity) }

    /// The text lowercased, NFC-composed, whitespace collapsed: what the content hash identifies.
    package static func storeNormalizedContent(_ text: String) -> String { normalizedContent(text) }

    /// KazNERD classes that are values rather than names, left out of entity facets.
    package static var storeValueLabels: [String] { valueLabels }

    /// Decodes stored layers into `document`.
    package static func decodeLayers(_ data: Data, into document: inout Document, documentID: Int64?, tokens: Bool) throws {
        try LayerBlob.decode(data, into: &document, documentID: documentID, tokens: tokens)
    }

    /// Stored layers with people renamed (quote speakers, participants, PERSON entities), as collection-wide name
    /// resolution does.
    package static func layers(_ data: Data, text: String, renamingPeople renamed: (String) -> String) throws -> Data {
        var document = Document(id: "", text: text)
        let keepsTokens = LayerBlob.hasTokens(data)
        try LayerBlob.decode(data, into: &document, tokens: keepsTokens)
        renamePeople(in: &document, renamed)
        return LayerBlob.encode(document, tokens: keepsTokens)
    }

    /// An event row's JSON list of participants with each name renamed, or nil when it is not such a list.
    package static func storeRenamedParticipants(_ json: String, _ renamed: (String) -> String) -> String? {
        renamedParticipants(json, renamed)
    }

    /// Snippets of `text` covering `ranges` (sorted), mentions close together sharing one (the entity page's rows).
    package static func storeSnippets(of text: String, ranges: [TextRange], limit: Int) -> [Snippet] {
        snippets(Array(text.unicodeScalars), ranges: ranges, limit: limit)
    }

    /// About a sentence of text around a mention, the mention highlighted.
    package static func mentionContext(of text: String, start: Int, end: Int) -> Snippet { context(of: text, start: start, end: end) }

    /// The terms a query phrase matches at each of its positions (a name key as is; else each word's
    /// ``IndexTerm/queryForms(prefix:)``: its lemma and its surface form, for a prefix its surface form), as the SQLite
    /// tokenizer emits them for a query, cached per phrase.
    package func queryTerms(of phrase: String, prefix: Bool) -> [[String]] {
        if phrase.unicodeScalars.first == NameStem.marker { return [[phrase]] }
        let terms = QueryTermCache.shared.value(for: phrase) { termAnalyzer.terms(of: phrase) }
        return terms.map { $0.queryForms(prefix: prefix) }
    }

    /// The lemmas whose document counts weigh a phrase in BM25 (``documentCounts(of:in:)``), nil for a prefix.
    package func rankingTerms(of phrase: ParsedQuery.Phrase) -> [String]? {
        guard !phrase.prefix else { return nil }
        let terms = phrase.text.unicodeScalars.first == NameStem.marker
            ? [phrase.text] : QueryTermCache.shared.value(for: phrase.text) { termAnalyzer.terms(of: phrase.text) }.map(\.lemma)
        return terms.isEmpty ? nil : terms
    }

    /// A stored document's index positions derived again with today's rules (``derivedStreams(title:text:pipeline:layers:documentID:analyzer:)``,
    /// what `tilshi reindex` writes on SQLite), for another backend's re-index.
    package static func derivedPositions(
        title: String?, text: String, pipeline: String, layers: Data, documentID: Int64
    ) throws -> (title: [IndexTermStream.Position], text: [IndexTermStream.Position]) {
        let streams = derivedStreams(title: title, text: text, pipeline: pipeline, layers: layers, documentID: documentID, analyzer: reindexAnalyzer)
        return (try streams.title.map(IndexTermStream.decode) ?? [], try IndexTermStream.decode(streams.text))
    }

    private static let reindexAnalyzer = IndexTermAnalyzer()

    /// The BM25 inverse document frequency the SQLite ranking uses.
    package static func rankIDF(documents: Int, rows: Int) -> Double { RankFunction.idf(documents: documents, rows: rows) }
    /// BM25's k1 and b as the SQLite ranking uses them.
    package static var rankK1: Double { RankFunction.k1 }
    package static var rankB: Double { RankFunction.b }
}

// MARK: Makers of the API values (their memberwise initialisers are internal)

extension StoredDocument {
    package static func make(
        id: Int64, externalID: String?, title: String?, text: String, url: String?, source: String?, published: String?,
        language: String, origin: String, ingestedAt: Date, duplicateOf: DuplicateLink?, duplicates: [DuplicateLink],
        analysis: Document, entities: [EntitySummary]
    ) -> StoredDocument {
        StoredDocument(
            id: id, externalID: externalID, title: title, text: text, url: url, source: source, published: published, language: language,
            origin: origin, ingestedAt: ingestedAt, duplicateOf: duplicateOf, duplicates: duplicates, analysis: analysis, entities: entities
        )
    }
}

extension DocumentAnnotations {
    package static func make(analysis: Document, entities: [EntitySummary]) -> DocumentAnnotations {
        DocumentAnnotations(analysis: analysis, entities: entities)
    }
}

extension StoredEvent {
    package static func make(
        documentID: Int64, documentTitle: String?, kind: String, title: String?, time: String?, place: String?, participantsJSON: String,
        published: String?, start: Int, end: Int
    ) -> StoredEvent {
        let participants = (try? JSONDecoder().decode([String].self, from: Data(participantsJSON.utf8))) ?? []
        return StoredEvent(
            documentID: documentID, documentTitle: documentTitle, kind: kind, title: title, time: time, place: place,
            participants: participants, published: published, start: start, end: end
        )
    }
}

extension CollectionStats {
    package static func make(
        documents: Int, nearDuplicates: Int, entities: Int, mentions: Int, events: Int, textBytes: Int, databaseBytes: Int,
        sources: [FacetCount], languages: [FacetCount], months: [FacetCount], labels: [FacetCount]
    ) -> CollectionStats {
        CollectionStats(
            documents: documents, nearDuplicates: nearDuplicates, entities: entities, mentions: mentions, events: events, textBytes: textBytes,
            databaseBytes: databaseBytes, sources: sources, languages: languages, months: months, labels: labels
        )
    }
}

extension EntityArticle {
    package static func make(
        documentID: Int64, title: String?, published: String?, source: String?, mentionCount: Int, snippets: [Snippet]
    ) -> EntityArticle {
        EntityArticle(documentID: documentID, title: title, published: published, source: source, mentionCount: mentionCount, snippets: snippets)
    }
}

extension EntityArticlePage {
    package static func make(articles: [EntityArticle], total: Int) -> EntityArticlePage { EntityArticlePage(articles: articles, total: total) }
}

extension EntityMention {
    package static func make(documentID: Int64, title: String?, published: String?, text: String, start: Int, end: Int, context: Snippet) -> EntityMention {
        EntityMention(documentID: documentID, title: title, published: published, text: text, start: start, end: end, context: context)
    }
}

extension RelatedEntity {
    package static func make(entity: EntitySummary, sharedDocuments: Int) -> RelatedEntity {
        RelatedEntity(entity: entity, sharedDocuments: sharedDocuments)
    }
}

extension EntityDetail {
    package static func make(entity: EntitySummary, mentions: [EntityMention], related: [RelatedEntity], timeline: [FacetCount]) -> EntityDetail {
        EntityDetail(entity: entity, mentions: mentions, related: related, timeline: timeline)
    }
}

extension EntityProfile {
    package static func make(
        detail: EntityDetail, roles: [String], quotes: [EntityQuote], meetings: [EntityMeeting]
    ) -> EntityProfile {
        EntityProfile(
            entity: detail.entity, mentions: detail.mentions, related: detail.related, timeline: detail.timeline, roles: roles, quotes: quotes,
            meetings: meetings
        )
    }
}

extension EntityProfile.EntityQuote {
    package static func make(documentID: Int64, title: String?, text: String, start: Int, end: Int) -> Self {
        .init(documentID: documentID, title: title, text: text, start: start, end: end)
    }
}

extension EntityProfile.EntityMeeting {
    package static func make(documentID: Int64, title: String?, participants: [String], when: String?, where place: String?, start: Int, end: Int) -> Self {
        .init(documentID: documentID, title: title, participants: participants, when: when, where: place, start: start, end: end)
    }
}

extension SearchHit {
    package static func make(
        id: Int64, title: String?, headline: String?, url: String?, source: String?, published: String?, score: Double, snippet: Snippet?,
        titleHighlights: [TextRange], duplicateOf: DuplicateLink?, duplicates: [DuplicateLink]
    ) -> SearchHit {
        SearchHit(
            id: id, title: title, headline: headline, url: url, source: source, published: published, score: score, snippet: snippet,
            titleHighlights: titleHighlights, duplicateOf: duplicateOf, duplicates: duplicates
        )
    }
}

extension EntityProfile {
    /// Whether a quote's speaker or a meeting's participant names the entity (``EntityProfile``'s own rule).
    package static func storeSameName(_ value: String, _ canonical: String) -> Bool { sameName(value, canonical) }
}
