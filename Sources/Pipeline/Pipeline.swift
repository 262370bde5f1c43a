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
    /// Longest text ``analyze(id:text:metadata:)`` analyses as one piece, in Unicode scalars; longer texts are
    /// analysed in pieces of at most this length (see ``pieceEnds(of:limit:)``).
    public var maximumPieceScalars: Int

    /// Creates a pipeline running `annotators` in order under `name`, analysing texts longer than
    /// `maximumPieceScalars` in pieces.
    public init(name: String, annotators: [any Annotator], maximumPieceScalars: Int = Pipeline.defaultMaximumPieceScalars) {
        self.name = name
        self.annotators = annotators
        self.maximumPieceScalars = max(2, maximumPieceScalars)
    }

    /// Runs every annotator, in order, on `document`.
    ///
    /// Kazakh models (``Annotator/isKazakhModel``) see only the sentences outside Russian paragraphs: they run on a
    /// copy of the document holding those sentences' tokens, and their layers are merged back with token indices
    /// of the whole document. Russian sentences keep their tokens, without lemmas, entities or facts.
    public func annotate(_ document: inout Document) {
        var index = 0
        while index < annotators.count {
            guard annotators[index].isKazakhModel else {
                annotators[index].annotate(&document)
                index += 1
                continue
            }
            var end = index
            while end < annotators.count, annotators[end].isKazakhModel { end += 1 }
            KazakhScope.run(annotators[index..<end], on: &document)
            index = end
        }
    }

    /// Analyses `text` as a new document; a text longer than ``maximumPieceScalars`` is analysed in pieces, so time
    /// stays linear in its length.
    public func analyze(id: String, text: String, metadata: DocumentMetadata = DocumentMetadata()) -> Document {
        var document = Document(id: id, text: text, metadata: metadata)
        guard document.scalars.count <= maximumPieceScalars else { return annotateInPieces(document, limit: maximumPieceScalars) }
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
        ScriptView(),
        Tokenizer(),
        SentenceSegmenter(),
        MorphologyAnnotator(),
        EntityTagger(),
        // Facts: after the entity stage (names resolved first, times before amounts and events).
        EntityResolver(), TimeExtractor(), AmountExtractor(), QuoteExtractor(), SourceExtractor(), MeetingExtractor(), EventExtractor(),
        // Russian quotes inside Kazakh paragraphs lose the Kazakh readings of their words (the quote stays).
        RussianQuotes(),
        // Russian paragraphs: names only, after the Kazakh entities it resolves Russian forms to.
        RussianNameFinder(),
        // Last: page chrome that plain text keeps (view counters, tickers, related headlines) gives no facts.
        PageChromeFilter(),
    ])

    /// What the search index needs: normalisation, tokens and lemmas.
    public static let search = Pipeline(name: "kk-search", annotators: [
        Normalizer(),
        Tokenizer(),
        MorphologyAnnotator(),
    ])
}
