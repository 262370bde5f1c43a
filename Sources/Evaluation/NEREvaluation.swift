package import Formats
/// A labelled span of tokens, `start..<end` within one sentence.
package struct LabelledSpan: Sendable, Hashable {
    package var label: String
    package var start: Int
    package var end: Int
    package init(label: String, start: Int, end: Int) {
        self.label = label
        self.start = start
        self.end = end
    }
}

/// Exact-match span scoring with conlleval semantics.
///
/// Chunks are read from BIO tags as conlleval reads them: a chunk starts at `B-X`, or at `I-X`
/// after `O` or after a tag of another class (an ill-formed `I-` opens a chunk rather than being
/// dropped); a predicted span counts only when its class and both boundaries equal a gold span.
package struct NEREvaluation: Sendable {
    /// Counts for one class (or overall).
    package struct Counts: Sendable, Equatable {
        package var correct = 0
        package var predicted = 0
        package var gold = 0
        package init() {}
        package var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
        package var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
        package var f1: Double {
            let p = precision, r = recall
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
    }

    package private(set) var overall = Counts()
    package private(set) var perClass: [String: Counts] = [:]
    /// Tokens whose predicted tag equals the gold tag, and all tokens.
    package private(set) var correctTags = 0
    package private(set) var tokenCount = 0

    package init() {}

    /// Token accuracy (share of tags predicted exactly).
    package var tagAccuracy: Double { tokenCount == 0 ? 0 : Double(correctTags) / Double(tokenCount) }

    /// Adds one sentence's gold and predicted tags (same length).
    package mutating func add(gold: [String], predicted: [String]) {
        precondition(gold.count == predicted.count, "gold and predicted tag sequences differ in length")
        tokenCount += gold.count
        correctTags += zip(gold, predicted).filter { $0 == $1 }.count
        let goldSpans = Set(Self.spans(gold))
        let predictedSpans = Set(Self.spans(predicted))
        for span in goldSpans {
            overall.gold += 1
            perClass[span.label, default: Counts()].gold += 1
        }
        for span in predictedSpans {
            overall.predicted += 1
            perClass[span.label, default: Counts()].predicted += 1
            if goldSpans.contains(span) {
                overall.correct += 1
                perClass[span.label, default: Counts()].correct += 1
            }
        }
    }

    /// The chunks of a BIO tag sequence, conlleval style.
    package static func spans(_ tags: [String]) -> [LabelledSpan] {
        var result: [LabelledSpan] = []
        var open: (label: Substring, start: Int)?
        for (index, tag) in tags.enumerated() {
            let prefix = tag.first
            let label = tag.count > 2 ? tag.dropFirst(2) : Substring("")
            let continues = prefix == "I" && open?.label == label
            if let current = open, !continues {
                result.append(LabelledSpan(label: String(current.label), start: current.start, end: index))
                open = nil
            }
            if prefix == "B" || (prefix == "I" && !continues) {
                open = (label, index)
            }
        }
        if let current = open {
            result.append(LabelledSpan(label: String(current.label), start: current.start, end: tags.count))
        }
        return result
    }

    /// A conlleval-like report: overall line, then one line per class (sorted by name).
    package func report() -> String {
        func line(_ name: String, _ counts: Counts) -> String {
            let p = String(format2: counts.precision * 100), r = String(format2: counts.recall * 100), f = String(format2: counts.f1 * 100)
            return name.padding(toLength: 16, withPad: " ", startingAt: 0)
                + "precision: \(p.leftPadded(6))%; recall: \(r.leftPadded(6))%; F1: \(f.leftPadded(6)); "
                + "gold \(counts.gold), predicted \(counts.predicted), correct \(counts.correct)"
        }
        var lines = ["processed \(tokenCount) tokens with \(overall.gold) phrases; found: \(overall.predicted) phrases; correct: \(overall.correct).",
                     "accuracy: \(String(format2: tagAccuracy * 100))%",
                     line("overall", overall)]
        for name in perClass.keys.sorted() { lines.append(line(name, perClass[name]!)) }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// A number with two decimals, without Foundation's locale-dependent formatting.
    init(format2 value: Double) {
        let scaled = Int((value * 100).rounded())
        let whole = scaled / 100, fraction = abs(scaled % 100)
        self = "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }

    fileprivate func padding(toLength length: Int, withPad pad: String, startingAt: Int) -> String {
        count >= length ? self : self + String(repeating: pad, count: length - count)
    }
}

/// Gold text rewritten in one letter case, to measure (and train) the NER tagger on text whose case carries no
/// information: Arabic-script Kazakh read through a Cyrillic view has no capitals at all, and some outlets write
/// headlines in capitals or all in lower case.
package enum LetterCaseVariant: String, Sendable, CaseIterable {
    /// The text as written.
    case original
    /// Every letter lower case ("қазақстан республикасының президенті").
    case lower
    /// Every letter upper case ("ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ПРЕЗИДЕНТІ").
    case upper

    /// `word` in this case: Unicode's default (locale-free) mappings, which cover the Kazakh Cyrillic letters.
    package func apply(_ word: String) -> String {
        switch self {
        case .original: return word
        case .lower: return word.lowercased()
        case .upper: return word.uppercased()
        }
    }

    /// `sentence` with every token in this case; the tags are unchanged.
    package func apply(_ sentence: IOB2Sentence) -> IOB2Sentence {
        self == .original ? sentence : IOB2Sentence(tokens: sentence.tokens.map(apply), tags: sentence.tags)
    }
}
