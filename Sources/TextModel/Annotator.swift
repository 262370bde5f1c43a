/// One stage of analysis: reads the layers it needs from a document and adds its own.
///
/// Annotators never re-tokenise and never change offsets of earlier layers.
public protocol Annotator: Sendable {
    /// Short stable name, used in pipeline listings (`normalize`, `tokenize`, `morphology`, …).
    var name: String { get }
    /// True for a Kazakh language model (morphology, NER, fact rules): a pipeline runs it only on the sentences of
    /// paragraphs that are not Russian, so Russian text never gets Kazakh lemmas, entities or facts.
    var isKazakhModel: Bool { get }
    /// Adds this stage's layer to `document`.
    func annotate(_ document: inout Document)
}

extension Annotator {
    /// Stages are language-neutral unless they say otherwise.
    public var isKazakhModel: Bool { false }
}
