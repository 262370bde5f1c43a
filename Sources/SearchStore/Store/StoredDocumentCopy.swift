import Analysis
import Foundation
import Pipeline
import TextModel

extension NewsDatabase {
    /// A document read from a collection (with its tokens) made ready to be written into another, without analysing it
    /// again: its text, metadata, origin, ingest time and stored analysis (entities, facts, tokens) are kept as they
    /// are; its index terms and MinHash signature are derived from its tokens, as ``reindex(documentIDs:)`` does.
    ///
    /// What `tilshi migrate` copies: the destination then builds its own derived rows (index, entity links,
    /// near-duplicate links, collection names) from these, with its own store's code. A document read without its
    /// tokens has them analysed again from its text.
    public func prepare(stored: StoredDocument) -> PreparedDocument {
        var document = stored.analysis
        if document.tokens.isEmpty, !stored.text.isEmpty {
            let reanalysed = pipeline.analyze(id: document.id, text: stored.text)
            document.tokens = reanalysed.tokens
            document.sentences = reanalysed.sentences
            document.paragraphs = reanalysed.paragraphs
        }
        let record = DocumentRecord(
            id: nil, externalID: stored.externalID, title: stored.title, text: stored.text, url: stored.url, source: stored.source,
            published: stored.published, month: Self.month(of: stored.published), language: stored.language,
            contentHash: Self.contentHash(stored.text), origin: stored.origin, ingestedAt: stored.ingestedAt, duplicateOf: nil,
            similarity: nil, pipeline: pipeline.name, layers: LayerBlob.encode(document, tokens: configuration.storesTokens)
        )
        return prepared(record, document: document)
    }

    /// A fingerprint of a document's stored analysis, the same on any backend that stores the same layers (its id and
    /// tokens left out: ids differ between collections, tokens may not be stored).
    static func layerFingerprint(_ analysis: Document) -> Data {
        var document = analysis
        document.id = ""
        return LayerBlob.encode(document, tokens: false)
    }
}
