public import KazakhData
public import TextModel

/// Splits the normalised text into tokens and maps each back to original offsets.
///
/// Token boundaries come from ``TokenScanner`` (UD Kazakh KTB conventions: `Б.` `Байбек`, `13%-ға`,
/// `ЮНЕСКО-ның`, `млрд.`, `«` `…` `»`). The scanner runs on ``Document/normalized`` so homoglyph and
/// quote repairs by the normaliser count; each token's ``Token/text`` is the original surface and
/// ``Token/norm`` the normalised one.
public struct Tokenizer: Annotator {
    /// The stage's name in a pipeline (`tokenize`).
    public let name = "tokenize"
    let scanner: TokenScanner

    /// Creates the stage with the abbreviation and participle lists of `exceptions`.
    public init(exceptions: TokenizerExceptions = .shared) {
        scanner = TokenScanner(exceptions: exceptions)
    }

    /// Sets `tokens` from the normalised text, with offsets in Unicode scalars of the original text.
    public func annotate(_ document: inout Document) {
        document.tokens = tokens(of: document)
    }

    /// The tokens of `document`'s normalised text, with original offsets.
    public func tokens(of document: Document) -> [Token] {
        let normalized = document.normalized
        let scalars = normalized.scalars
        let original = document.scalars
        let matches = scanner.scan(scalars)
        var tokens: [Token] = []
        tokens.reserveCapacity(matches.count)
        for match in matches {
            let range = normalized.originalRange(match.start, match.end)
            let text = Self.string(original, range.start, range.end)
            var norm = range.end - range.start == match.end - match.start
                && scalars[match.start..<match.end].elementsEqual(original[range.start..<range.end])
                ? text : Self.string(scalars, match.start, match.end)
            if match.dropsInnerSpace {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: norm.unicodeScalars.lazy.filter { !ScalarClass.isSpace($0) })
                norm = String(view)
            }
            let spaceAfter = range.end < original.count && ScalarClass.isSpace(original[range.end])
            tokens.append(Token(text: text, norm: norm, start: range.start, end: range.end, spaceAfter: spaceAfter, kind: match.kind))
        }
        return tokens
    }

    /// A string of `scalars[start..<end]`, UTF-8-encoded straight into the string's storage
    /// (`UnicodeScalarView.append(contentsOf:)` costs several times more per token).
    @inline(__always)
    static func string(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        String(scalars: scalars[start..<end])
    }
}
