import TextModel

/// Splits the normalised text into tokens and maps each back to original offsets.
///
/// First version: words are runs of letters, digits and word-internal hyphens/apostrophes;
/// every other non-space scalar is a punctuation token of its own.
public struct Tokenizer: Annotator {
    public let name = "tokenize"

    public init() {}

    public func annotate(_ document: inout Document) {
        let normalized = document.normalized
        let scalars = normalized.scalars
        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace {
                index += 1
                continue
            }
            var end = index + 1
            let kind: TokenKind
            if isWordScalar(scalar) {
                while end < scalars.count {
                    if isWordScalar(scalars[end]) {
                        end += 1
                    } else if (scalars[end] == "-" || scalars[end] == "'"), end + 1 < scalars.count, isWordScalar(scalars[end + 1]) {
                        end += 2
                    } else {
                        break
                    }
                }
                kind = scalars[index].properties.numericType != nil ? .number : .word
            } else {
                kind = .punctuation
            }
            let original = normalized.originalRange(index, end)
            let spaceAfter = end < scalars.count && scalars[end].properties.isWhitespace
            tokens.append(Token(
                text: document.slice(original.start, original.end),
                norm: normalized.string(index, end),
                start: original.start, end: original.end,
                spaceAfter: spaceAfter, kind: kind
            ))
            index = end
        }
        document.tokens = tokens
    }

    private func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
