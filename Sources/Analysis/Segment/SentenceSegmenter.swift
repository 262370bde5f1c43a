public import KazakhData
public import TextModel

/// Groups tokens into sentences.
///
/// A sentence ends:
/// - at a blank line, and at a line break unless the next line continues in lower case or the line stops at
///   a comma (a hard-wrapped line); titles and the short lines of news pages are sentences of their own;
/// - after `.` `!` `?` `…` (and runs such as `...`, `?!`), together with any closing quotes or brackets
///   that follow, when the next word plausibly starts a sentence: it begins with an upper-case letter or
///   a digit, possibly after opening quotes or a speech dash (`— Құдай…` starts one; `... — деді.` does not);
/// - after an abbreviation that may close a sentence (`т.б.`) followed by a capitalised word.
///
/// Initials (`Н.Ә.`) and the other abbreviations (`млрд.`, `ж.`) never end a sentence by themselves:
/// Kazakh is verb-final, so "1 млрд. АҚШ долларына" continues.
///
/// Quotations of several sentences are split like any other text (as UD treebanks do): in
/// `«…жетті. Егер…», - деп атап өтті Арман Қырықбаев.` the last sentence runs from `Егер` through the
/// reporting clause, and the closing `»` stays with the sentence it ends.
public struct SentenceSegmenter: Annotator {
    /// The stage's name in a pipeline (`sentences`).
    public let name = "sentences"
    let exceptions: TokenizerExceptions

    /// Creates the stage with the abbreviation lists of `exceptions`.
    public init(exceptions: TokenizerExceptions = .shared) {
        self.exceptions = exceptions
    }

    /// Sets `sentences` from the token layer.
    public func annotate(_ document: inout Document) {
        document.sentences = sentences(of: document.tokens, in: document.scalars)
    }

    /// Sentences over `tokens`, whose offsets point into `original`.
    public func sentences(of tokens: [Token], in original: [Unicode.Scalar]) -> [Sentence] {
        guard !tokens.isEmpty else { return [] }
        let shapes = tokens.map(TokenShape.init)
        var sentences: [Sentence] = []
        var first = 0
        var afterTerminal = false
        for index in tokens.indices {
            let isLast = index == tokens.count - 1
            var ends = isLast
            if !isLast {
                let shape = shapes[index]
                let lineBreaks = Self.lineBreaks(original, tokens[index].end, tokens[index + 1].start)
                if lineBreaks >= 2 {
                    ends = true
                } else if lineBreaks == 1 {
                    // A line that stops at a comma is hard-wrapped, even before a capitalised name.
                    ends = shape.isTerminal || afterTerminal || !shapes[index + 1].startsLower && !shape.isComma
                } else if shape.isTerminal || (afterTerminal && shape.isClosing && !tokens[index - 1].spaceAfter) {
                    afterTerminal = true
                    if (shapes[index + 1].isClosing || shapes[index + 1].isTerminal) && !tokens[index].spaceAfter {
                        // The closing quote, bracket or further mark ("?!") belongs to this sentence; decide after it.
                    } else {
                        ends = startsSentence(shapes, at: index + 1)
                    }
                } else if shape.kind == .abbreviation, shape.endsWithDot,
                          exceptions.abbreviation(tokens[index].norm)?.mayEndSentence == true {
                    let next = shapes[index + 1]
                    ends = next.startsUpper && !next.isAcronym
                }
                if !shape.isTerminal && !shape.isClosing { afterTerminal = false }
            }
            if ends {
                sentences.append(Sentence(start: tokens[first].start, end: tokens[index].end, tokenRange: first..<(index + 1)))
                first = index + 1
                afterTerminal = false
            }
        }
        return sentences
    }

    /// Whether the tokens from `index` begin a sentence: an upper-case letter or a digit, after at most
    /// three opening quotes, brackets or speech dashes.
    func startsSentence(_ shapes: [TokenShape], at index: Int) -> Bool {
        var k = index
        while k < shapes.count, k < index + 3, shapes[k].isOpeningOrDash { k += 1 }
        guard k < shapes.count else { return true }
        return shapes[k].startsUpper || shapes[k].startsDigit
    }

    /// Number of line breaks between two original offsets (`\r\n` counts once).
    static func lineBreaks(_ original: [Unicode.Scalar], _ start: Int, _ end: Int) -> Int {
        var count = 0
        var k = start
        while k < end {
            let s = original[k]
            if s == "\n" || s == "\u{2029}" || s == "\u{2028}" || s == "\u{85}" {
                count += 1
            } else if s == "\r" && (k + 1 >= end || original[k + 1] != "\n") {
                count += 1
            }
            k += 1
        }
        return count
    }
}

/// What the segmenter needs to know about one token, computed once.
struct TokenShape {
    let kind: TokenKind
    let isTerminal: Bool
    let isClosing: Bool
    let isOpeningOrDash: Bool
    let startsUpper: Bool
    let startsLower: Bool
    let startsDigit: Bool
    let endsWithDot: Bool
    let isAcronym: Bool
    let isComma: Bool

    init(_ token: Token) {
        kind = token.kind
        let scalars = token.norm.unicodeScalars
        let first = scalars.first ?? " "
        let last = scalars.last ?? " "
        // Exactly one scalar, decided without counting the whole word.
        let single = !scalars.isEmpty && scalars.index(after: scalars.startIndex) == scalars.endIndex
        isTerminal = token.kind == .punctuation && ScalarClass.isTerminal(first)
        isClosing = single && ScalarClass.isClosing(first)
        isOpeningOrDash = single && (ScalarClass.isOpening(first) || ScalarClass.isDash(first))
            || (token.kind == .punctuation && first == "-")
        startsUpper = ScalarClass.isUppercase(first)
        startsLower = ScalarClass.isLowercase(first)
        startsDigit = ScalarClass.isDigit(first)
        endsWithDot = last == "."
        isAcronym = token.kind == .abbreviation && !endsWithDot || token.kind == .initial
        isComma = single && first == ","
    }
}
