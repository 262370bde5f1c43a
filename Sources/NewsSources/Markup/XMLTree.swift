public import Formats
/// A minimal XML element tree built from ``MarkupToken``s, strict about structure.
///
/// Feeds are XML, so unlike HTML a mismatched or unclosed element is an error (with its line),
/// which lets the ingest report a broken feed instead of guessing.
public struct XMLNode: Sendable {
    /// The element's name as written, namespace prefix included (`content:encoded`).
    public let name: String
    /// The element's attributes by name.
    public let attributes: [String: String]
    /// Child elements, in document order.
    public private(set) var children: [XMLNode] = []
    /// Text and CDATA directly inside this element, in order.
    public private(set) var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The deepest nesting a feed may have. Real feeds nest a few levels; the limit keeps the tree (whose release
    /// recurses once per level, as any nested value's does) far from the thread's stack limit.
    public static let maximumDepth = 1_000

    /// Parses `xml` into its root element, or throws a ``SourceProblem`` naming `input` and the line.
    public static func parse(_ xml: String, input: String) throws(SourceProblem) -> XMLNode {
        var tokenizer = MarkupTokenizer(xml, html: false)
        // The open elements, innermost last; an element joins its parent's children when it closes.
        var stack = [XMLNode(name: "#document", attributes: [:])]
        for token in tokenizer.tokens() {
            switch token {
            case .startTag(let name, let attributes, let selfClosing, let line):
                guard stack.count <= maximumDepth else {
                    throw SourceProblem(input: "\(input):\(line)", reason: "malformed XML: elements nested more than \(maximumDepth) deep")
                }
                let node = XMLNode(name: name, attributes: attributes)
                if selfClosing {
                    stack[stack.count - 1].children.append(node)
                } else {
                    stack.append(node)
                }
            case .endTag(let name, let line):
                guard stack.count > 1 else {
                    throw SourceProblem(input: "\(input):\(line)", reason: "malformed XML: </\(name)> closes nothing")
                }
                guard stack.last!.name == name else {
                    throw SourceProblem(input: "\(input):\(line)", reason: "malformed XML: </\(name)> where </\(stack.last!.name)> was expected")
                }
                let closed = stack.removeLast()
                stack[stack.count - 1].children.append(closed)
            case .text(let text), .cdata(let text):
                stack[stack.count - 1].text += text
            case .comment:
                continue
            }
        }
        guard stack.count == 1 else {
            throw SourceProblem(input: input, reason: "malformed XML: <\(stack.last!.name)> is never closed")
        }
        guard let root = stack[0].children.first else {
            throw SourceProblem(input: input, reason: "malformed XML: no root element")
        }
        return root
    }

    /// The first child named `name` (namespace prefixes are part of names, e.g. `content:encoded`).
    public func child(_ name: String) -> XMLNode? {
        children.first { $0.name == name }
    }

    /// Every child named `name`, in document order (the `item`s of a `channel`).
    public func children(_ name: String) -> [XMLNode] {
        children.filter { $0.name == name }
    }

    /// Text of the first child named `name`, trimmed; nil when missing or empty.
    public func childText(_ name: String) -> String? {
        guard let text = child(name)?.allText.collapsingWhitespace(), !text.isEmpty else { return nil }
        return text
    }

    /// Text of this element and all its descendants: its own text, then its descendants' in document order.
    public var allText: String {
        guard !children.isEmpty else { return text }
        // An explicit stack, not recursion: the depth of the input never becomes the depth of the call stack.
        var result = ""
        var pending: [XMLNode] = [self]
        while let node = pending.popLast() {
            result += node.text
            pending.append(contentsOf: node.children.reversed())
        }
        return result
    }
}
