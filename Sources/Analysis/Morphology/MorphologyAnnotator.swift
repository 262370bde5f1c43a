public import TextModel

/// Pipeline stage `morphology`: sets `lemma`, `upos`, `feats` and `chain` on every token, one sentence at a time.
public struct MorphologyAnnotator: Annotator {
    public let name = "morphology"
    private let morphology: Morphology

    /// A stage using `morphology` (the bundled model by default).
    public init(morphology: Morphology = .shared) {
        self.morphology = morphology
    }

    public func annotate(_ document: inout Document) {
        let ranges = document.sentences.isEmpty ? [0..<document.tokens.count] : document.sentences.map(\.tokenRange)
        for range in ranges where !range.isEmpty {
            annotate(&document.tokens, sentence: range)
        }
    }

    /// Annotates the tokens of one sentence (`range` of `tokens`) in context.
    ///
    /// Public so that gold-tokenised data (NER training and evaluation on IOB2 files) goes through exactly the
    /// readings the pipeline gives the entity tagger.
    public func annotate(_ tokens: inout [Token], sentence range: Range<Int>) {
        guard !range.isEmpty else { return }
        let analyses = morphology.analyze(tokens[range].map(\.norm))
        for (index, analysis) in zip(range, analyses) {
            switch tokens[index].kind {
            case .url, .email:
                tokens[index].lemma = tokens[index].norm
                tokens[index].upos = .X
                tokens[index].feats = ""
                tokens[index].chain = ""
            default:
                // Punctuation keeps its original surface as lemma (KTB), not the normaliser's unified dash/quote.
                let punctuation = analysis.upos == .PUNCT || analysis.upos == .SYM
                tokens[index].lemma = punctuation ? tokens[index].text : analysis.lemma
                tokens[index].upos = analysis.upos
                tokens[index].feats = analysis.feats
                tokens[index].chain = analysis.chain
            }
        }
    }
}
