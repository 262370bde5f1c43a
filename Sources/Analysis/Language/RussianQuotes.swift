public import TextModel

/// Russian quotations inside Kazakh paragraphs: the quote and its speaker stay, the Kazakh models' readings of the
/// Russian words go.
///
/// Kazakh outlets quote Russian speakers in the original inside a Kazakh sentence (`Ол: «Мы готовы к
/// сотрудничеству», - деді Ерболат Досаев.`). The paragraph is Kazakh, so the Kazakh models run on every word;
/// this stage, after them, takes each extracted quote whose words ``LanguageEvidence`` calls Russian and removes the
/// Kazakh lemma, UPOS and features of its tokens and the Kazakh NER's entities inside it. Times and amounts stay:
/// digits and their units are the same facts in either language ("10 миллионов тенге" is an amount the real-news
/// gold counts). It looks at the quotes layer only (a few spans per document), so text without quotes pays nothing.
public struct RussianQuotes: Annotator {
    /// The stage's name in a pipeline (`russian-quotes`).
    public let name = "russian-quotes"

    /// Creates the stage.
    public init() {}

    /// Clears the Kazakh readings inside Russian quotes.
    public func annotate(_ document: inout Document) {
        guard !document.quotes.isEmpty else { return }
        var russian: [Range<Int>] = []
        for quote in document.quotes {
            var evidence = LanguageEvidence()
            evidence.add(Array(quote.text.unicodeScalars)[...])
            if evidence.winner == .ru { russian.append(quote.start..<quote.end) }
        }
        guard !russian.isEmpty else { return }
        func inside(_ start: Int) -> Bool { russian.contains { $0.contains(start) } }
        for index in document.tokens.indices where inside(document.tokens[index].start) {
            document.tokens[index].lemma = nil
            document.tokens[index].upos = nil
            document.tokens[index].feats = nil
        }
        document.entities.removeAll { inside($0.start) && !$0.label.isLiteral }
    }
}
