public import TextModel

/// Pipeline stage `morphology`: sets `lemma`, `upos` and `feats` on every token, one sentence at a time.
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
            let analyses = morphology.analyze(document.tokens[range].map(\.norm))
            for (index, analysis) in zip(range, analyses) {
                switch document.tokens[index].kind {
                case .url, .email:
                    document.tokens[index].lemma = document.tokens[index].norm
                    document.tokens[index].upos = .X
                    document.tokens[index].feats = ""
                default:
                    document.tokens[index].lemma = analysis.lemma
                    document.tokens[index].upos = analysis.upos
                    document.tokens[index].feats = analysis.feats
                }
            }
        }
    }
}
