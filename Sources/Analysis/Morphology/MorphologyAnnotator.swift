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
        morphology.forEachChoice(tokens[range].map(\.norm)) { position, chosen in
            let index = range.lowerBound + position
            switch tokens[index].kind {
            case .url, .email:
                tokens[index].lemma = tokens[index].norm
                tokens[index].upos = .X
                tokens[index].feats = ""
                tokens[index].chain = ""
            default:
                // Punctuation keeps its original surface as lemma (KTB), not the normaliser's unified dash/quote.
                // Fields read through the pointer one by one: copying the whole analysis retained every string twice.
                let upos = chosen.pointee.upos
                tokens[index].lemma = upos == .PUNCT || upos == .SYM ? tokens[index].text : chosen.pointee.lemma
                tokens[index].upos = upos
                tokens[index].feats = chosen.pointee.feats
                tokens[index].chain = chosen.pointee.chain
            }
        }
    }
}
