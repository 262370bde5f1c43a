import Formats
import Pipeline
import TextModel

/// Analysis of gold-tokenised CoNLL-U input (UDPipe's tagger mode): the gold tokens and sentences are
/// kept and the pipeline's other stages fill lemma, UPOS and features.
///
/// The document text is rebuilt from each sentence's `# text` (one sentence per line), so token offsets
/// are real offsets into readable text; when a sentence has no `# text`, or its text does not match its
/// tokens, the text is rebuilt from the surface tokens and `SpaceAfter=No`. A multiword token
/// (`4-5 мүдделіміз`) is one document token; its analysis goes on its first word, and the other words
/// get `_` (the pipeline analyses surface tokens, not syntactic words). XPOS is cleared (not predicted);
/// HEAD, DEPREL, DEPS and MISC are copied unchanged.
enum GoldTokenAnalysis {
    static func analyze(_ sentences: [CoNLLUSentence], id: String, pipeline: Pipeline) -> (document: Document, sentences: [CoNLLUSentence]) {
        var text = ""
        var scalarCount = 0
        var tokens: [Token] = []
        var spans: [Sentence] = []
        var sentenceTexts: [String] = []
        for sentence in sentences {
            let surface = sentence.surfaceTokens
            let (sentenceText, offsets) = layout(surface, text: sentence.text)
            sentenceTexts.append(sentenceText)
            let first = tokens.count
            for (index, token) in surface.enumerated() {
                let range = offsets[index]
                tokens.append(Token(text: token.form, start: scalarCount + range.lowerBound, end: scalarCount + range.upperBound,
                                    spaceAfter: token.spaceAfter))
            }
            let hasTokens = tokens.count > first
            spans.append(Sentence(start: hasTokens ? tokens[first].start : scalarCount, end: hasTokens ? tokens[tokens.count - 1].end : scalarCount,
                                  tokenRange: first..<tokens.count))
            text += sentenceText + "\n"
            scalarCount += sentenceText.unicodeScalars.count + 1
        }
        var document = Document(id: id, text: text)
        document.tokens = tokens
        document.sentences = spans
        for annotator in pipeline.annotators where !tokenizingStages.contains(annotator.name) {
            annotator.annotate(&document)
            // The tokenizer would have read the normalised view; the gold tokens pick it up here instead.
            if annotator.name == "normalize" { refreshNorms(&document) }
        }
        return (document, fill(sentences, from: document, texts: sentenceTexts))
    }

    /// The sentence's text and each surface token's scalar range in it.
    ///
    /// Uses `# text` when the tokens can be found in it in order (only whitespace between them);
    /// otherwise joins the forms, with a space unless `SpaceAfter=No`.
    static func layout(_ surface: [(form: String, spaceAfter: Bool)], text: String?) -> (String, [Range<Int>]) {
        if let text, let offsets = align(surface.map(\.form), in: Array(text.unicodeScalars)) {
            return (text, offsets)
        }
        var rebuilt = ""
        var offsets: [Range<Int>] = []
        var position = 0
        for (index, token) in surface.enumerated() {
            let length = token.form.unicodeScalars.count
            offsets.append(position..<(position + length))
            rebuilt += token.form
            position += length
            if token.spaceAfter && index < surface.count - 1 {
                rebuilt += " "
                position += 1
            }
        }
        return (rebuilt, offsets)
    }

    /// Sets each token's ``Token/norm`` to the normalised scalars whose source lies inside the token.
    static func refreshNorms(_ document: inout Document) {
        let normalized = document.normalized
        var k = 0
        for index in document.tokens.indices {
            let token = document.tokens[index]
            while k < normalized.count, normalized.originalStart[k] < token.start { k += 1 }
            var view = String.UnicodeScalarView()
            while k < normalized.count, normalized.originalStart[k] < token.end {
                view.append(normalized.scalars[k])
                k += 1
            }
            if !view.isEmpty { document.tokens[index].norm = String(view) }
        }
    }

    /// Ranges of `forms` found one after another in `text` with only whitespace around them, or nil.
    static func align(_ forms: [String], in text: [Unicode.Scalar]) -> [Range<Int>]? {
        var offsets: [Range<Int>] = []
        var position = 0
        for form in forms {
            while position < text.count, text[position].properties.isWhitespace { position += 1 }
            let scalars = Array(form.unicodeScalars)
            guard position + scalars.count <= text.count, text[position..<(position + scalars.count)].elementsEqual(scalars) else {
                return nil
            }
            offsets.append(position..<(position + scalars.count))
            position += scalars.count
        }
        while position < text.count, text[position].properties.isWhitespace { position += 1 }
        return position == text.count ? offsets : nil
    }

    /// The input sentences with lemma, UPOS and features taken from the analysed document.
    static func fill(_ sentences: [CoNLLUSentence], from document: Document, texts: [String]) -> [CoNLLUSentence] {
        var output = sentences
        var tokenIndex = 0
        for sentenceIndex in output.indices {
            var sentence = output[sentenceIndex]
            if sentence.text == nil {
                let position = sentence.comments.firstIndex { $0.hasPrefix("# sent_id") }.map { $0 + 1 } ?? sentence.comments.count
                sentence.comments.insert("# text = \(texts[sentenceIndex])", at: position)
            }
            var wordIndex = 0
            while wordIndex < sentence.words.count {
                let id = sentence.words[wordIndex].id
                let span = sentence.multiwordTokens.first { $0.first == id }.map { $0.last - $0.first + 1 } ?? 1
                let token = document.tokens[tokenIndex]
                for offset in 0..<span where wordIndex + offset < sentence.words.count {
                    let isFirst = offset == 0
                    sentence.words[wordIndex + offset].lemma = isFirst ? token.lemma ?? "_" : "_"
                    sentence.words[wordIndex + offset].upos = isFirst ? token.upos?.rawValue ?? "_" : "_"
                    sentence.words[wordIndex + offset].feats = isFirst ? token.feats.flatMap { $0.isEmpty ? nil : $0 } ?? "_" : "_"
                    sentence.words[wordIndex + offset].xpos = "_"
                }
                wordIndex += span
                tokenIndex += 1
            }
            output[sentenceIndex] = sentence
        }
        return output
    }

    /// Stages that would replace the gold tokens and sentences; skipped in this mode.
    static let tokenizingStages: Set<String> = ["tokenize", "sentences"]
}
