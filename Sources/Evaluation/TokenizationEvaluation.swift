package import Formats
import TextModel

/// Precision, recall and F1 of predicted spans against gold spans (exact start and end match).
package struct SpanScore: Sendable, Equatable {
    package var correct: Int
    package var system: Int
    package var gold: Int

    package init(correct: Int, system: Int, gold: Int) {
        self.correct = correct
        self.system = system
        self.gold = gold
    }

    package var precision: Double { system == 0 ? 0 : Double(correct) / Double(system) }
    package var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
    package var f1: Double { system + gold == 0 ? 0 : 2 * Double(correct) / Double(system + gold) }
}

/// Tokenisation and sentence-segmentation scores against a CoNLL-U treebank, as the CoNLL 2018 shared
/// task's "Tokens" and "Sentences" metrics compute them.
///
/// The raw text is the `# text` lines joined by single spaces. Spans are compared in a coordinate system
/// that skips whitespace (so `болған емес` and a token without its space agree), and a multiword token
/// counts once, by its surface form.
package enum TokenizationEvaluation {
    /// Scores and the spans that disagree.
    package struct Report: Sendable {
        package var tokens: SpanScore
        package var sentences: SpanScore
        /// Gold tokens the system missed and system tokens not in the gold, as surface strings, in text order.
        package var tokenErrors: [(gold: [String], system: [String])]
        /// Gold and system sentences that disagree, as text, in text order.
        package var sentenceErrors: [(gold: [String], system: [String])]
    }

    /// The raw text to tokenise: every sentence's `# text` (or its surface tokens when absent), space-joined.
    package static func rawText(of sentences: [CoNLLUSentence]) -> String {
        sentences.map { sentence in
            sentence.text ?? sentence.surfaceTokens.map { $0.form + ($0.spaceAfter ? " " : "") }.joined()
        }.joined(separator: " ")
    }

    /// Scores system tokens and sentences, given as scalar ranges into ``rawText(of:)``.
    package static func evaluate(
        gold: [CoNLLUSentence], text: String, systemTokens: [Range<Int>], systemSentences: [Range<Int>]
    ) -> Report {
        let scalars = Array(text.unicodeScalars)
        // nonSpaceBefore[k] = number of non-space scalars before offset k.
        var nonSpaceBefore = [Int](repeating: 0, count: scalars.count + 1)
        for (k, scalar) in scalars.enumerated() {
            nonSpaceBefore[k + 1] = nonSpaceBefore[k] + (scalar.properties.isWhitespace ? 0 : 1)
        }
        func squeeze(_ range: Range<Int>) -> Range<Int> {
            nonSpaceBefore[max(0, min(range.lowerBound, scalars.count))]..<nonSpaceBefore[max(0, min(range.upperBound, scalars.count))]
        }
        var goldTokens: [Range<Int>] = []
        var goldForms: [String] = []
        var goldSentences: [Range<Int>] = []
        var goldSentenceTexts: [String] = []
        var position = 0
        for sentence in gold {
            let sentenceStart = position
            goldSentenceTexts.append(sentence.text ?? "")
            for token in sentence.surfaceTokens {
                let length = token.form.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
                goldTokens.append(position..<(position + length))
                goldForms.append(token.form)
                position += length
            }
            if position > sentenceStart {
                goldSentences.append(sentenceStart..<position)
            } else {
                goldSentenceTexts.removeLast()
            }
        }
        let system = systemTokens.map(squeeze).filter { !$0.isEmpty }
        let systemForms = systemTokens.filter { !squeeze($0).isEmpty }.map { range in
            String(String.UnicodeScalarView(scalars[range]))
        }
        let tokens = score(system: system, gold: goldTokens)
        let keptSentences = systemSentences.filter { !squeeze($0).isEmpty }
        let sentences = score(system: keptSentences.map(squeeze), gold: goldSentences)
        return Report(
            tokens: tokens, sentences: sentences,
            tokenErrors: disagreements(system: system, systemForms: systemForms, gold: goldTokens, goldForms: goldForms),
            sentenceErrors: disagreements(
                system: keptSentences.map(squeeze), systemForms: keptSentences.map { String(String.UnicodeScalarView(scalars[$0])) },
                gold: goldSentences, goldForms: goldSentenceTexts)
        )
    }

    /// Exact-match counts of two sorted span lists.
    static func score(system: [Range<Int>], gold: [Range<Int>]) -> SpanScore {
        let goldSet = Set(gold.map { [$0.lowerBound, $0.upperBound] })
        let correct = system.reduce(0) { $0 + (goldSet.contains([$1.lowerBound, $1.upperBound]) ? 1 : 0) }
        return SpanScore(correct: correct, system: system.count, gold: gold.count)
    }

    /// Groups of overlapping gold and system tokens that do not match one to one.
    static func disagreements(system: [Range<Int>], systemForms: [String], gold: [Range<Int>], goldForms: [String])
        -> [(gold: [String], system: [String])]
    {
        var result: [(gold: [String], system: [String])] = []
        var g = 0
        var s = 0
        while g < gold.count && s < system.count {
            if gold[g] == system[s] {
                g += 1
                s += 1
                continue
            }
            // Extend both sides until they end at the same point.
            var goldGroup = [goldForms[g]]
            var systemGroup = [systemForms[s]]
            var goldEnd = gold[g].upperBound
            var systemEnd = system[s].upperBound
            g += 1
            s += 1
            while goldEnd != systemEnd {
                if goldEnd < systemEnd, g < gold.count {
                    goldGroup.append(goldForms[g])
                    goldEnd = gold[g].upperBound
                    g += 1
                } else if systemEnd < goldEnd, s < system.count {
                    systemGroup.append(systemForms[s])
                    systemEnd = system[s].upperBound
                    s += 1
                } else {
                    break
                }
            }
            result.append((goldGroup, systemGroup))
        }
        return result
    }
}
