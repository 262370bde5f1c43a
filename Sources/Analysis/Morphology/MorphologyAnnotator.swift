public import TextModel

/// Pipeline stage `morphology`: sets `lemma`, `upos`, `feats` and `chain` on every token, one sentence at a time.
public struct MorphologyAnnotator: Annotator {
    /// The stage's name in a pipeline (`morphology`).
    public let name = "morphology"
    /// A Kazakh model: not run on Russian paragraphs.
    public var isKazakhModel: Bool { true }
    private let morphology: Morphology

    /// A stage using `morphology` (the bundled model by default).
    public init(morphology: Morphology = .shared) {
        self.morphology = morphology
    }

    /// Sets each token's `lemma`, `upos`, `feats` and `chain` from its best reading in context.
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
        // Written through one buffer: assigning `tokens[index].field` in the callback checked the array's uniqueness
        // and bounds for each of the four fields of every token. The forms are read through it too (all of them
        // before the first callback), not copied into an array.
        tokens.withUnsafeMutableBufferPointer { tokens in
            let sentence = tokens.baseAddress! + range.lowerBound
            let forms = TokenForms(tokens: UnsafeBufferPointer(start: sentence, count: range.count))
            morphology.forEachChoice(forms) { position, chosen in
                let token = sentence + position
                switch token.pointee.kind {
                case .url, .email:
                    token.pointee.lemma = token.pointee.norm
                    token.pointee.upos = .X
                    token.pointee.feats = ""
                    token.pointee.chain = ""
                default:
                    // Punctuation keeps its original surface as lemma (KTB), not the normaliser's unified dash/quote.
                    // Fields read through the pointer one by one: copying the whole analysis retained every string twice.
                    let upos = chosen.pointee.upos
                    token.pointee.lemma = upos == .PUNCT || upos == .SYM ? token.pointee.text : chosen.pointee.lemma
                    token.pointee.upos = upos
                    token.pointee.feats = chosen.pointee.feats
                    token.pointee.chain = chosen.pointee.chain
                }
            }
        }
    }
}

/// The normalised forms of a sentence's tokens by position from 0, read in place.
private struct TokenForms: RandomAccessCollection {
    let tokens: UnsafeBufferPointer<Token>
    var startIndex: Int { 0 }
    var endIndex: Int { tokens.count }
    subscript(position: Int) -> String { tokens[position].norm }
}
