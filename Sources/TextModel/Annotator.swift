/// One stage of analysis: reads the layers it needs from a document and adds its own.
///
/// Annotators never re-tokenise and never change offsets of earlier layers.
public protocol Annotator: Sendable {
    /// Short stable name, used in pipeline listings (`normalize`, `tokenize`, `morphology`, …).
    var name: String { get }
    /// Adds this stage's layer to `document`.
    func annotate(_ document: inout Document)
}
