import TextModel

/// Groups tokens into sentences.
///
/// First version: a sentence ends at `.`, `!`, `?` or `…` followed by a token that starts with
/// an upper-case letter, a digit or an opening quote, and at every paragraph break.
public struct SentenceSegmenter: Annotator {
    public let name = "sentences"

    public init() {}

    public func annotate(_ document: inout Document) {
        let tokens = document.tokens
        var sentences: [Sentence] = []
        var first = 0
        for index in tokens.indices {
            let isLast = index == tokens.count - 1
            var ends = isLast
            if !isLast {
                let next = tokens[index + 1]
                let gap = document.slice(tokens[index].end, next.start)
                if gap.contains("\n\n") || gap.filter({ $0 == "\n" }).count >= 1 && endsParagraph(gap) {
                    ends = true
                } else if [".", "!", "?", "…"].contains(tokens[index].norm) {
                    ends = next.norm.unicodeScalars.first.map { $0.properties.isUppercase || $0 == "«" || $0 == "\"" || $0.properties.numericType != nil } ?? false
                }
            }
            if ends {
                sentences.append(Sentence(start: tokens[first].start, end: tokens[index].end, tokenRange: first..<(index + 1)))
                first = index + 1
            }
        }
        document.sentences = sentences
    }

    private func endsParagraph(_ gap: String) -> Bool { gap.contains("\n") }
}
