import Corpora
import Pipeline
import TextModel

/// Analysis of gold-tokenised CoNLL-U input (UDPipe's tagger mode): the gold tokens are kept and
/// the pipeline's token-level stages fill lemma, UPOS and features.
enum GoldTokenAnalysis {
    static func analyze(_ sentences: [CoNLLUSentence], id: String, pipeline: Pipeline) -> (document: Document, sentences: [CoNLLUSentence]) {
        // Rebuild the text from the words so offsets are real, then put the gold tokens in place.
        var text = ""
        var tokens: [Token] = []
        var spans: [Sentence] = []
        var scalarCount = 0
        for sentence in sentences {
            let first = tokens.count
            let sentenceStart = scalarCount
            for word in sentence.words {
                let length = word.form.unicodeScalars.count
                tokens.append(Token(text: word.form, start: scalarCount, end: scalarCount + length, spaceAfter: word.spaceAfter))
                text += word.form
                scalarCount += length
                if word.spaceAfter {
                    text += " "
                    scalarCount += 1
                }
            }
            spans.append(Sentence(start: sentenceStart, end: tokens.last?.end ?? sentenceStart, tokenRange: first..<tokens.count))
            text += "\n"
            scalarCount += 1
        }
        var document = Document(id: id, text: text)
        document.tokens = tokens
        document.sentences = spans
        for annotator in pipeline.annotators where !GoldTokenAnalysis.tokenizingStages.contains(annotator.name) {
            annotator.annotate(&document)
        }
        var output = sentences
        var tokenIndex = 0
        for sentenceIndex in output.indices {
            for wordIndex in output[sentenceIndex].words.indices {
                let token = document.tokens[tokenIndex]
                output[sentenceIndex].words[wordIndex].lemma = token.lemma ?? "_"
                output[sentenceIndex].words[wordIndex].upos = token.upos?.rawValue ?? "_"
                output[sentenceIndex].words[wordIndex].feats = token.feats.flatMap { $0.isEmpty ? nil : $0 } ?? "_"
                tokenIndex += 1
            }
        }
        return (document, output)
    }

    /// Stages that would replace the gold tokens and sentences; skipped in this mode.
    static let tokenizingStages: Set<String> = ["tokenize", "sentences"]
}
