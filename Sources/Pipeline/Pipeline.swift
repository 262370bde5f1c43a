import Analysis
public import TextModel

/// A named chain of annotators that turns raw text into an analysed ``Document``.
///
/// Pipelines are registered by name (like tantivy's `TokenizerManager`): `kk-default` runs every
/// stage; `kk-search` runs only what the search index needs.
public struct Pipeline: Sendable {
    /// The pipeline's registered name (`kk-default`, `kk-search`).
    public let name: String
    /// The stages, in the order they run.
    public let annotators: [any Annotator]

    /// Creates a pipeline running `annotators` in order under `name`.
    public init(name: String, annotators: [any Annotator]) {
        self.name = name
        self.annotators = annotators
    }

    /// Runs every annotator, in order, on `document`.
    public func annotate(_ document: inout Document) {
        for annotator in annotators {
            annotator.annotate(&document)
        }
    }

    /// Analyses `text` as a new document.
    public func analyze(id: String, text: String, metadata: DocumentMetadata = DocumentMetadata()) -> Document {
        var document = Document(id: id, text: text, metadata: metadata)
        annotate(&document)
        return document
    }

    /// Names of the registered pipelines.
    public static var registeredNames: [String] { ["kk-default", "kk-search"] }

    /// The registered pipeline called `name`, or nil.
    public static func named(_ name: String) -> Pipeline? {
        switch name {
        case "kk-default": return .default
        case "kk-search": return .search
        default: return nil
        }
    }

    /// Every stage: normalisation, language, tokens, sentences, morphology, entities, facts.
    public static let `default` = Pipeline(name: "kk-default", annotators: [
        Normalizer(),
        LanguageIdentifier(),
        Tokenizer(),
        SentenceSegmenter(),
        MorphologyAnnotator(),
        EntityTagger(),
        // Facts: after the entity stage (names resolved first, times before amounts and events).
        EntityResolver(), TimeExtractor(), AmountExtractor(), QuoteExtractor(), SourceExtractor(), MeetingExtractor(), EventExtractor(),
    ])

    /// What the search index needs: normalisation, tokens and lemmas.
    public static let search = Pipeline(name: "kk-search", annotators: [
        Normalizer(),
        Tokenizer(),
        MorphologyAnnotator(),
    ])
}
