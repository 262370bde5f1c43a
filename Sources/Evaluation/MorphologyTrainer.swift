package import Analysis
import TextModel

/// Trains a ``MorphologyModel`` from gold sentences: memorised forms and stems from all of them, and an
/// averaged perceptron over the analyser's candidates.
///
/// Candidates for training are generated **jackknifed**: the words of each fifth of the sentences are analysed
/// with a lexicon built from the other four fifths, so the perceptron sees unknown words as often as it will
/// at run time, instead of learning to trust memorised forms blindly. Deterministic: fixed order, no randomness.
package enum MorphologyTrainer {
    /// Number of jackknife parts.
    static let parts = 5

    /// Default number of perceptron passes.
    package static let defaultEpochs = 8

    /// Trains on `sentences` for `epochs` passes; `lexicon` is the bundled stem lexicon (hand + corpus stems).
    package static func train(_ sentences: [[GoldWord]], epochs: Int = defaultEpochs, lexicon: StemLexicon = .bundled()) -> MorphologyModel {
        // Candidates of every training word, from a lexicon that never saw its sentence.
        var entries = [[FormEntry]](repeating: [], count: sentences.count)
        let zeroWeights = [Float](repeating: 0, count: 1 << MorphologyFeatures.tableBits)
        for part in 0..<parts {
            var partModel = MorphologyModel(weights: zeroWeights)
            partModel.learnLexicon(from: sentences.indices.filter { $0 % parts != part }.map { sentences[$0] })
            let analyser = Morphology(model: partModel, lexicon: lexicon)
            for index in sentences.indices where index % parts == part {
                entries[index] = sentences[index].map { FormEntry(form: $0.form, generator: analyser.generator, weights: analyser.weights) }
            }
        }
        let gold: [[Int]] = sentences.indices.map { s in
            sentences[s].indices.map { w in
                let word = sentences[s][w]
                let feats = word.feats == "_" ? "" : word.feats
                return entries[s][w].candidates.firstIndex {
                    $0.lemma == word.lemma && $0.upos.rawValue == word.upos && $0.feats == feats
                } ?? -1
            }
        }

        var weights = zeroWeights
        var totals = [Double](repeating: 0, count: weights.count)
        var stamps = [Int](repeating: 0, count: weights.count)
        var clock = 0
        func update(_ index: Int, _ delta: Float) {
            totals[index] += Double(clock - stamps[index]) * Double(weights[index])
            stamps[index] = clock
            weights[index] += delta
        }
        for _ in 0..<epochs {
            for s in sentences.indices {
                var p1: UInt64 = 100, p2: UInt64 = 100
                let sentence = entries[s]
                for position in sentence.indices {
                    clock += 1
                    let entry = sentence[position]
                    let goldIndex = gold[s][position]
                    let context = Morphology.Context(entries: sentence, position: position, p1: p1, p2: p2)
                    if goldIndex >= 0 && entry.candidates.count > 1 {
                        var best = 0
                        var bestScore = -Float.infinity
                        for k in entry.candidates.indices {
                            var score: Float = 0
                            for index in entry.staticFeatures[k] { score += weights[Int(index)] }
                            for index in context.indices(entry: entry, candidate: k) { score += weights[index] }
                            if score > bestScore {
                                bestScore = score
                                best = k
                            }
                        }
                        if best != goldIndex {
                            for index in entry.staticFeatures[goldIndex] { update(Int(index), 1) }
                            for index in context.indices(entry: entry, candidate: goldIndex) { update(index, 1) }
                            for index in entry.staticFeatures[best] { update(Int(index), -1) }
                            for index in context.indices(entry: entry, candidate: best) { update(index, -1) }
                        }
                    }
                    // Gold history (teacher forcing); unknown gold tags fall back to the best candidate.
                    let upos = UPOS(rawValue: sentences[s][position].upos).map { UInt64($0.ordinal) } ?? entry.uposCodes[0]
                    p2 = p1
                    p1 = upos
                }
            }
        }
        clock += 1
        var averaged = [Float](repeating: 0, count: weights.count)
        for index in weights.indices where weights[index] != 0 || totals[index] != 0 {
            let total = totals[index] + Double(clock - stamps[index]) * Double(weights[index])
            let value = Float(total / Double(clock))
            // Rounded so the model file stays small; tiny weights are noise.
            averaged[index] = abs(value) < 1e-4 ? 0 : (value * 10_000).rounded() / 10_000
        }
        var model = MorphologyModel(weights: averaged)
        model.learnLexicon(from: sentences)
        return model
    }

    /// Share of training words whose gold analysis is among the candidates (the disambiguator's ceiling).
    package static func oracleCoverage(_ sentences: [[GoldWord]], analyser: Morphology) -> Double {
        var found = 0, total = 0
        for sentence in sentences {
            for word in sentence {
                total += 1
                let feats = word.feats == "_" ? "" : word.feats
                if analyser.analyses(of: word.form).contains(where: { $0.lemma == word.lemma && $0.upos.rawValue == word.upos && $0.feats == feats }) {
                    found += 1
                }
            }
        }
        return total == 0 ? 0 : Double(found) / Double(total)
    }
}
