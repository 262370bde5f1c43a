public import TextModel

/// What training learns from gold data: memorised word forms, stems with their parts of speech, and the
/// disambiguator's perceptron weights. Serialised as `morphology-model.tsv`.
public struct MorphologyModel: Sendable {
    /// Lowercased form → analyses seen in training, most frequent first.
    public var memorised: [String: [MorphAnalysis]]
    /// Lemmas seen in training, with part of speech and inherent features.
    public var stems: [(lemma: String, upos: UPOS, features: String, count: Int)]
    /// Hashed perceptron weights (`MorphologyFeatures.tableBits` wide).
    public var weights: [Float]

    /// Creates a model; nil `weights` gives a table of zeros.
    public init(memorised: [String: [MorphAnalysis]] = [:], stems: [(lemma: String, upos: UPOS, features: String, count: Int)] = [],
                weights: [Float]? = nil) {
        self.memorised = memorised
        self.stems = stems
        self.weights = weights ?? [Float](repeating: 0, count: 1 << MorphologyFeatures.tableBits)
    }

    /// An empty model: the grammar and bundled stems alone, every weight zero.
    public static let empty = MorphologyModel()

    /// Features kept with a stem as inherent (not contributed by suffixes).
    static let inherentFeatures: Set<String> = ["PronType", "Reflex", "NumType", "Polite", "Gender"]

    /// Builds the memorised forms and trained stems of gold sentences (weights stay as they are).
    public mutating func learnLexicon(from sentences: [[GoldWord]]) {
        var formCounts: [String: [(MorphAnalysis, Int)]] = [:]
        var stemCounts: [String: (String, UPOS, String, Int)] = [:]
        var stemOrder: [String] = []
        for sentence in sentences {
            for word in sentence {
                guard let upos = UPOS(rawValue: word.upos) else { continue }
                let feats = word.feats == "_" ? "" : word.feats
                let analysis = MorphAnalysis(lemma: word.lemma, upos: upos, feats: feats, chain: "=", source: .memorised)
                let key = word.form.lowercased()
                if let index = formCounts[key]?.firstIndex(where: { $0.0.sameReading(analysis) }) {
                    formCounts[key]![index].1 += 1
                } else {
                    formCounts[key, default: []].append((analysis, 1))
                }
                var inherent = FeatureBundle.parse(feats).filter { Self.inherentFeatures.contains($0.0) }
                if upos == .PRON {
                    inherent += FeatureBundle.parse(feats).filter { $0.0 == "Person" || $0.0 == "Number" }
                }
                let stemKey = "\(word.lemma.lowercased())\t\(upos.rawValue)"
                if let existing = stemCounts[stemKey] {
                    stemCounts[stemKey] = (existing.0, existing.1, existing.2, existing.3 + 1)
                } else {
                    stemCounts[stemKey] = (word.lemma, upos, inherent.isEmpty ? "_" : FeatureBundle.format(inherent), 1)
                    stemOrder.append(stemKey)
                }
            }
        }
        memorised = formCounts.mapValues { readings in
            readings.enumerated().sorted { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }.map(\.element.0)
        }
        stems = stemOrder.map { stemCounts[$0]! }.map { (lemma: $0.0, upos: $0.1, features: $0.2, count: $0.3) }
    }

    // MARK: serialisation

    /// The model as TSV: `F form lemma upos feats` rows (most frequent first), `S lemma upos feats count` rows,
    /// and `W index weight` rows for non-zero weights.
    public func serialized(header: [String]) -> String {
        var out = header.map { "# \($0)" }.joined(separator: "\n") + "\n"
        for form in memorised.keys.sorted() {
            for analysis in memorised[form]! {
                out += "F\t\(form)\t\(analysis.lemma)\t\(analysis.upos.rawValue)\t\(analysis.feats.isEmpty ? "_" : analysis.feats)\n"
            }
        }
        for stem in stems {
            out += "S\t\(stem.lemma)\t\(stem.upos.rawValue)\t\(stem.features)\t\(stem.count)\n"
        }
        for (index, weight) in weights.enumerated() where weight != 0 {
            out += "W\t\(index)\t\(weight)\n"
        }
        return out
    }

    /// Parses ``serialized(header:)`` output; malformed lines are skipped.
    ///
    /// Every process parses the bundled model on its first analysis, so lines and fields are split on the UTF-8 bytes
    /// of `\n` and `\t` (grapheme clusters of their own, so the same lines and fields as splitting the `String`); a
    /// text with a carriage return, which `String` splitting keeps inside a CR LF cluster, takes ``parseByGraphemes(_:)``.
    public static func parse(_ text: String) -> MorphologyModel {
        let utf8 = text.utf8
        if utf8.contains(0x0D) { return parseByGraphemes(text) }
        var model = MorphologyModel()
        var fields: [Substring] = []
        var lineStart = utf8.startIndex
        while lineStart < utf8.endIndex {
            // Fields of the line from `lineStart`, split at tabs, up to the next line feed.
            fields.removeAll(keepingCapacity: true)
            var fieldStart = lineStart
            var index = lineStart
            while index < utf8.endIndex, utf8[index] != 0x0A {
                if utf8[index] == 0x09 {
                    fields.append(text[fieldStart..<index])
                    fieldStart = utf8.index(after: index)
                }
                index = utf8.index(after: index)
            }
            if index > lineStart {
                fields.append(text[fieldStart..<index])
                // "#" followed by a combining mark is not the grapheme "#": that line is not a comment.
                if !(utf8[lineStart] == UInt8(ascii: "#") && text[lineStart..<index].hasPrefix("#")) { model.add(fields: fields) }
            }
            lineStart = index < utf8.endIndex ? utf8.index(after: index) : index
        }
        return model
    }

    /// ``parse(_:)`` splitting the `String` by grapheme clusters: the definition the byte path reproduces.
    static func parseByGraphemes(_ text: String) -> MorphologyModel {
        var model = MorphologyModel()
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            model.add(fields: line.split(separator: "\t", omittingEmptySubsequences: false))
        }
        return model
    }

    /// Adds one parsed line (`F`, `S` or `W` row); malformed ones are skipped.
    private mutating func add(fields: [Substring]) {
        switch fields.first {
        case "F" where fields.count >= 5:
            guard let upos = UPOS(rawValue: String(fields[3])) else { return }
            let feats = fields[4] == "_" ? "" : String(fields[4])
            memorised[String(fields[1]), default: []].append(
                MorphAnalysis(lemma: String(fields[2]), upos: upos, feats: feats, chain: "=", source: .memorised))
        case "S" where fields.count >= 5:
            guard let upos = UPOS(rawValue: String(fields[2])) else { return }
            stems.append((lemma: String(fields[1]), upos: upos, features: String(fields[3]), count: Int(fields[4]) ?? 1))
        case "W" where fields.count >= 3:
            if let index = Int(fields[1]), let weight = Float(fields[2]), index >= 0, index < weights.count {
                weights[index] = weight
            }
        default:
            return
        }
    }
}

/// A gold-annotated word (from CoNLL-U) for training and evaluation.
public struct GoldWord: Sendable, Equatable {
    /// The word as written in the treebank.
    public var form: String
    /// The gold lemma.
    public var lemma: String
    /// The gold UPOS tag, as written.
    public var upos: String
    /// The gold features, `Name=Value|…` or `_`.
    public var feats: String

    /// Creates a gold word from its CoNLL-U columns.
    public init(form: String, lemma: String, upos: String, feats: String) {
        self.form = form
        self.lemma = lemma
        self.upos = upos
        self.feats = feats
    }
}
