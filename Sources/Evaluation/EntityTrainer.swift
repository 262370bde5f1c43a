package import Analysis
import TextModel

/// Trains an ``EntityModel``: a structured averaged perceptron (Collins 2002) over ``EntityFeatures``,
/// decoded with ``BIOViterbi`` so training sees the same valid-transition constraint as tagging.
///
/// Deterministic: sentences are shuffled each epoch by a SplitMix64 generator with a fixed seed, and
/// features are numbered in order of first appearance, so the same data and options give the same bytes.
package struct EntityTrainer: Sendable {
    /// The 25 KazNERD classes, in the order the model stores them.
    package static let kazNERDClasses: [String] = EntityLabel.kazNERD.map(\.rawValue)

    /// Training settings; the defaults are what the committed model was trained with.
    package struct Options: Sendable {
        package var epochs = 20
        package var seed: UInt64 = 20_161_005
        /// Features seen fewer times than this in training are dropped (keeps the model small).
        package var minimumFeatureCount = 2
        /// Averaged weights smaller than this (in absolute value) are pruned from the saved model.
        package var pruneBelow: Float = 0.05
        /// Folds for the jackknifed training-name lexicon; 1 disables the lexicon.
        package var lexiconFolds = 5
        /// Rounds of name-swap augmentation (``EntityTrainer/nameSwapped(_:rounds:seed:folds:)``); 0 disables it.
        package var augmentationRounds = 2
        /// Cost-augmented decoding: in training, every tag other than the gold one gets this much extra score per
        /// token (Hamming loss), so the weights must beat the gold by a margin, not just tie it; 0 = plain perceptron.
        package var margin: Float = 0
        /// Passive-aggressive (PA-I) step cap: with C > 0, an update moves by τ = min(C, (loss − score gap) / ‖Δφ‖²)
        /// instead of 1, loss being the number of wrong tokens; 0 = plain perceptron steps.
        package var passiveAggressiveC: Float = 0
        /// Share of the training sentences (0–1) that also train as a copy with every letter lower-cased or
        /// upper-cased (``EntityTrainer/caseCopies(_:share:seed:)``), so the model learns names from more than their
        /// capitals; 0 = none.
        package var caseCopyShare: Double = 0
        package init() {}
    }

    /// One gold sentence.
    package struct Example: Sendable {
        package var words: [String]
        package var tags: [String]
        package init(words: [String], tags: [String]) {
            self.words = words
            self.tags = tags
        }
    }

    package let options: Options
    let features: EntityFeatures

    package init(options: Options = Options(), features: EntityFeatures = EntityFeatures()) {
        self.options = options
        self.features = features
    }

    /// Trains on `examples`; after each epoch `onEpoch(epoch, model)` sees the averaged model so far and
    /// returns false to stop early. Returns the model of the last epoch run.
    package func train(_ examples: [Example], onEpoch: (Int, EntityModel) -> Bool = { _, _ in true }) -> EntityModel {
        var classes = Self.kazNERDClasses
        for example in examples {
            for tag in example.tags where tag != "O" {
                let name = String(tag.dropFirst(2))
                if !classes.contains(name) { classes.append(name) }
            }
        }
        let tagCount = 1 + 2 * classes.count
        let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        func tagIndex(_ tag: String) -> Int {
            guard tag != "O", let c = classIndex[String(tag.dropFirst(2))] else { return 0 }
            return tag.hasPrefix("B-") ? 1 + 2 * c : 2 + 2 * c
        }

        // Feature ids per sentence, then a dense numbering of the ids seen often enough.
        var counts: [UInt32: Int] = [:]
        var extracted: [(ids: [UInt32], offsets: [Int])] = []
        // Jackknifed lexicon: each contiguous fold sees the names of the other folds only.
        let folds = max(1, options.lexiconFolds)
        func fold(_ position: Int) -> Int { position * folds / examples.count }
        let foldLexicons = (0..<folds).map { fold in
            EntityLexicon.build(examples.indices.lazy.filter { $0 * folds / examples.count != fold }.map { examples[$0] }, classes: classes)
        }
        // Copies with swapped names keep their original's fold, and draw names from that fold only, so a copy
        // meets the lexicon as often as its original does.
        let copies = Self.nameSwapped(examples, rounds: options.augmentationRounds, seed: options.seed, folds: folds)
        let originals = examples.enumerated().map { (fold: fold($0.offset), example: $0.element) }
        let all = originals + copies + Self.percentJoined(originals) + Self.caseCopies(originals, share: options.caseCopyShare, seed: options.seed)
        extracted.reserveCapacity(all.count)
        for (fold, example) in all {
            let info = EntityRecognizer.annotatedTokens(example.words).map(features.describe)
            let result = features.extract(info, lexicon: folds > 1 ? foldLexicons[fold] : .empty, includeForm: true)
            for id in result.ids { counts[id, default: 0] += 1 }
            extracted.append(result)
        }
        var denseIndex: [UInt32: Int32] = [:]
        var idOfDense: [UInt32] = []
        var sentences: [(features: [Int32], offsets: [Int], gold: [Int])] = []
        for (example, result) in zip(all.lazy.map(\.example), extracted) {
            var dense: [Int32] = []
            var offsets = [0]
            for i in example.words.indices {
                for id in result.ids[result.offsets[i]..<result.offsets[i + 1]] where counts[id]! >= options.minimumFeatureCount {
                    if let index = denseIndex[id] {
                        dense.append(index)
                    } else {
                        let index = Int32(idOfDense.count)
                        denseIndex[id] = index
                        idOfDense.append(id)
                        dense.append(index)
                    }
                }
                offsets.append(dense.count)
            }
            sentences.append((dense, offsets, example.tags.map(tagIndex)))
        }
        extracted = []
        counts = [:]

        var weights = Perceptron(featureCount: idOfDense.count, tagCount: tagCount)
        var order = Array(sentences.indices)
        var random = SplitMix64(seed: options.seed)
        let lexicon = folds > 1 ? EntityLexicon.build(examples, classes: classes) : .empty
        var model = weights.averagedModel(classes: classes, featureIDs: idOfDense, pruneBelow: options.pruneBelow, lexicon: lexicon,
                                       featureVersion: features.featureVersion)
        for epoch in 1...max(1, options.epochs) {
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                let j = Int(random.next() % UInt64(i + 1))
                order.swapAt(i, j)
            }
            for index in order {
                let sentence = sentences[index]
                let costed = options.margin > 0 || options.passiveAggressiveC > 0
                let predicted = weights.decode(sentence.features, sentence.offsets, gold: costed ? sentence.gold : nil, cost: options.margin)
                var step: Float = 1
                if options.passiveAggressiveC > 0, predicted != sentence.gold {
                    step = weights.passiveAggressiveStep(features: sentence.features, offsets: sentence.offsets,
                                                         gold: sentence.gold, predicted: predicted, cap: options.passiveAggressiveC)
                }
                weights.update(features: sentence.features, offsets: sentence.offsets, gold: sentence.gold, predicted: predicted, by: step)
            }
            model = weights.averagedModel(classes: classes, featureIDs: idOfDense, pruneBelow: options.pruneBelow, lexicon: lexicon,
                                       featureVersion: features.featureVersion)
            if !onEpoch(epoch, model) { break }
        }
        return model
    }
}

extension EntityTrainer {
    /// Copies of the sentences where KazNERD writes a percent sign apart from its number ("12 %-ға"), with the
    /// two tokens joined as the pipeline's tokenizer leaves them ("12%-ға", tagged as the number was), so the
    /// model meets that token shape in training too.
    static func percentJoined(_ examples: [(fold: Int, example: Example)]) -> [(fold: Int, example: Example)] {
        var copies: [(fold: Int, example: Example)] = []
        for (fold, example) in examples {
            var words: [String] = []
            var tags: [String] = []
            var joined = false
            var i = 0
            while i < example.words.count {
                let word = example.words[i]
                if i + 1 < example.words.count, example.words[i + 1].hasPrefix("%"),
                   word.unicodeScalars.last.map({ $0.properties.numericType != nil }) == true {
                    words.append(word + example.words[i + 1])
                    tags.append(example.tags[i])
                    joined = true
                    i += 2
                } else {
                    words.append(word)
                    tags.append(example.tags[i])
                    i += 1
                }
            }
            if joined { copies.append((fold, Example(words: words, tags: tags))) }
        }
        return copies
    }

    /// Case augmentation: for a `share` of the sentences (drawn with `seed`), a copy with every word lower-cased or,
    /// for every third one drawn, upper-cased, tags unchanged; each copy keeps its original's fold. Text without
    /// case information (Arabic-script Kazakh read in Cyrillic, headlines in capitals or in lower case) then meets a
    /// model that has seen names without capitals.
    package static func caseCopies(_ examples: [(fold: Int, example: Example)], share: Double, seed: UInt64) -> [(fold: Int, example: Example)] {
        guard share > 0 else { return [] }
        var random = SplitMix64(seed: seed ^ 0x5CA5_E0F1_C0DE_D00D)
        var copies: [(fold: Int, example: Example)] = []
        for (fold, example) in examples where Double(random.next() >> 11) / Double(1 << 53) < share {
            let variant: LetterCaseVariant = copies.count % 3 == 2 ? .upper : .lower
            copies.append((fold, Example(words: example.words.map(variant.apply), tags: example.tags)))
        }
        return copies
    }

    /// Classes whose names are swapped by ``nameSwapped(_:rounds:seed:folds:)``.
    static let swappedClasses: Set<String> = Set([EntityLabel.person, .gpe, .organisation].map(\.rawValue))

    /// Name-swap augmentation: copies of the sentences that hold PERSON, GPE or ORGANISATION names, each name
    /// replaced by another name of the same class from the same lexicon fold whose last word has the same suffix
    /// chain ("Парижге" → "Астанаға", both dative), so the copy stays grammatical and the model learns the context of a
    /// name rather than the name. `rounds` copies per sentence at most (a copy that changed nothing is dropped);
    /// deterministic for a seed. Returns each copy with its original's fold.
    package static func nameSwapped(_ examples: [Example], rounds: Int, seed: UInt64, folds: Int = 1) -> [(fold: Int, example: Example)] {
        guard rounds > 0, !examples.isEmpty else { return [] }
        let folds = max(1, folds)
        struct Pool: Hashable { var fold: Int, label: String, ending: String }
        func spans(_ tags: [String]) -> [(start: Int, end: Int, label: String)] {
            var result: [(Int, Int, String)] = []
            var i = 0
            while i < tags.count {
                guard tags[i].hasPrefix("B-") else {
                    i += 1
                    continue
                }
                let label = String(tags[i].dropFirst(2))
                var j = i + 1
                while j < tags.count, tags[j] == "I-" + label { j += 1 }
                result.append((i, j, label))
                i = j
            }
            return result
        }
        // The case of the name's last word, as the analyser's suffix chain of its best reading ("DAT" for both
        // "Парижге" and "Астанаға"): the allomorph follows the name, the case follows the sentence.
        func ending(_ word: String) -> String {
            Morphology.shared.analyses(of: word).first?.chain ?? ""
        }
        var pools: [Pool: [[String]]] = [:]
        var seen: Set<[String]> = []
        var swappable: [Int] = []
        for (position, example) in examples.enumerated() {
            let fold = position * folds / examples.count
            var any = false
            for span in spans(example.tags) where swappedClasses.contains(span.label) {
                any = true
                let words = Array(example.words[span.start..<span.end])
                guard seen.insert(words + [span.label, String(fold)]).inserted else { continue }
                pools[Pool(fold: fold, label: span.label, ending: ending(words.last!)), default: []].append(words)
            }
            if any { swappable.append(position) }
        }
        var random = SplitMix64(seed: seed ^ 0xA076_1D64_78BD_642F)
        var copies: [(fold: Int, example: Example)] = []
        for _ in 0..<rounds {
            for position in swappable {
                let example = examples[position]
                let fold = position * folds / examples.count
                var words: [String] = []
                var tags: [String] = []
                var changed = false
                var cursor = 0
                for span in spans(example.tags) where swappedClasses.contains(span.label) {
                    words += example.words[cursor..<span.start]
                    tags += example.tags[cursor..<span.start]
                    let original = Array(example.words[span.start..<span.end])
                    let pool = pools[Pool(fold: fold, label: span.label, ending: ending(original.last!))] ?? []
                    let replacement = pool.isEmpty ? original : pool[Int(random.next() % UInt64(pool.count))]
                    changed = changed || replacement != original
                    words += replacement
                    tags += ["B-" + span.label] + Array(repeating: "I-" + span.label, count: replacement.count - 1)
                    cursor = span.end
                }
                words += example.words[cursor...]
                tags += example.tags[cursor...]
                if changed { copies.append((fold, Example(words: words, tags: tags))) }
            }
        }
        return copies
    }
}

/// Dense perceptron weights with the lazy-averaging trick: `average = w - u / c`.
struct Perceptron {
    let tagCount: Int
    var weights: [Float]
    var accumulated: [Double]
    var start: [Float]
    var startAccumulated: [Double]
    var transitions: [Float]
    var transitionsAccumulated: [Double]
    var step: Double = 1

    init(featureCount: Int, tagCount: Int) {
        self.tagCount = tagCount
        weights = [Float](repeating: 0, count: featureCount * tagCount)
        accumulated = [Double](repeating: 0, count: featureCount * tagCount)
        start = [Float](repeating: 0, count: tagCount)
        startAccumulated = [Double](repeating: 0, count: tagCount)
        transitions = [Float](repeating: 0, count: tagCount * tagCount)
        transitionsAccumulated = [Double](repeating: 0, count: tagCount * tagCount)
    }

    /// The emission scores of a sentence under the current (not averaged) weights.
    func emissions(_ features: [Int32], _ offsets: [Int]) -> [Float] {
        let count = offsets.count - 1
        var emissions = [Float](repeating: 0, count: count * tagCount)
        weights.withUnsafeBufferPointer { w in
            emissions.withUnsafeMutableBufferPointer { e in
                for i in 0..<count {
                    let row = i * tagCount
                    for f in features[offsets[i]..<offsets[i + 1]] {
                        let base = Int(f) * tagCount
                        for t in 0..<tagCount { e[row + t] += w[base + t] }
                    }
                }
            }
        }
        return emissions
    }

    /// The best sequence under the current weights; with `gold`, every non-gold tag scores `cost` more (loss-augmented).
    func decode(_ features: [Int32], _ offsets: [Int], gold: [Int]? = nil, cost: Float = 0) -> [Int] {
        let count = offsets.count - 1
        var emissions = emissions(features, offsets)
        if let gold, cost != 0 {
            for i in 0..<count {
                for t in 0..<tagCount where t != gold[i] { emissions[i * tagCount + t] += cost }
            }
        }
        return BIOViterbi.decode(emissions: emissions, count: count,
                                 transitions: BIOViterbi.Transitions(start: start, transitions: transitions, tagCount: tagCount))
    }

    /// The score of a tag sequence under the current weights.
    func score(_ tags: [Int], emissions: [Float]) -> Float {
        var total: Float = 0
        for (i, t) in tags.enumerated() {
            total += emissions[i * tagCount + t] + (i == 0 ? start[t] : transitions[tags[i - 1] * tagCount + t])
        }
        return total
    }

    /// PA-I step size for one mistake: τ = min(C, (Hamming loss − (score(gold) − score(predicted))) / ‖Δφ‖²).
    /// ‖Δφ‖² counts each differing position's features twice (+1 gold, −1 predicted) and each differing transition
    /// twice, ignoring the rare feature that repeats within a sentence (an over-estimate, so a smaller, safe step).
    func passiveAggressiveStep(features: [Int32], offsets: [Int], gold: [Int], predicted: [Int], cap: Float) -> Float {
        let emissions = emissions(features, offsets)
        let gap = score(gold, emissions: emissions) - score(predicted, emissions: emissions)
        var loss: Float = 0
        var norm: Float = 0
        for i in gold.indices {
            if gold[i] != predicted[i] {
                loss += 1
                norm += 2 * Float(offsets[i + 1] - offsets[i])
            }
            if i == 0 ? gold[0] != predicted[0] : (gold[i - 1] != predicted[i - 1] || gold[i] != predicted[i]) { norm += 2 }
        }
        guard norm > 0 else { return 0 }
        return min(cap, max(0, (loss - gap) / norm))
    }

    mutating func update(features: [Int32], offsets: [Int], gold: [Int], predicted: [Int], by delta: Float = 1) {
        defer { step += 1 }
        guard gold != predicted, delta != 0 else { return }
        for i in gold.indices {
            if gold[i] != predicted[i] {
                for f in features[offsets[i]..<offsets[i + 1]] {
                    Self.bump(&weights, &accumulated, Int(f) * tagCount + gold[i], delta, step: step)
                    Self.bump(&weights, &accumulated, Int(f) * tagCount + predicted[i], -delta, step: step)
                }
            }
            if i == 0 {
                if gold[0] != predicted[0] {
                    Self.bump(&start, &startAccumulated, gold[0], delta, step: step)
                    Self.bump(&start, &startAccumulated, predicted[0], -delta, step: step)
                }
            } else if gold[i - 1] != predicted[i - 1] || gold[i] != predicted[i] {
                Self.bump(&transitions, &transitionsAccumulated, gold[i - 1] * tagCount + gold[i], delta, step: step)
                Self.bump(&transitions, &transitionsAccumulated, predicted[i - 1] * tagCount + predicted[i], -delta, step: step)
            }
        }
    }

    /// Static, so passing `self`'s arrays `inout` never makes Swift copy them (a method call would retain `self`).
    @inline(__always)
    private static func bump(_ w: inout [Float], _ u: inout [Double], _ index: Int, _ delta: Float, step: Double) {
        w[index] += delta
        u[index] += step * Double(delta)
    }

    private func averaged(_ w: [Float], _ u: [Double]) -> [Float] {
        zip(w, u).map { Float(Double($0) - $1 / step) }
    }

    /// The averaged weights as a compact model: features sorted by id, small weights pruned, Int16-quantised.
    func averagedModel(classes: [String], featureIDs: [UInt32], pruneBelow: Float, lexicon: EntityLexicon,
                       featureVersion: UInt32 = EntityFeatures.version) -> EntityModel {
        let average = averaged(weights, accumulated)
        let largest = max(average.lazy.map(abs).max() ?? 1, Float.leastNormalMagnitude)
        let scale = largest / Float(Int16.max)
        var ids: [UInt32] = []
        var offsets: [UInt32] = [0]
        var tags: [UInt8] = []
        var values: [Int16] = []
        for f in featureIDs.indices.sorted(by: { featureIDs[$0] < featureIDs[$1] }) {
            let before = tags.count
            for t in 0..<tagCount {
                let value = average[f * tagCount + t]
                guard abs(value) >= pruneBelow else { continue }
                let quantised = Int16((value / scale).rounded())
                guard quantised != 0 else { continue }
                tags.append(UInt8(t))
                values.append(quantised)
            }
            if tags.count > before {
                ids.append(featureIDs[f])
                offsets.append(UInt32(tags.count))
            }
        }
        return EntityModel(classes: classes, start: averaged(start, startAccumulated),
                           transitions: averaged(transitions, transitionsAccumulated), scale: scale,
                           featureIDs: ids, entryOffsets: offsets, entryTags: tags, entryWeights: values, lexicon: lexicon,
                           featureVersion: featureVersion)
    }
}

/// SplitMix64: a tiny, fully specified PRNG, so shuffles and benchmark data are identical on every platform.
package struct SplitMix64 {
    package var state: UInt64
    package init(seed: UInt64) { state = seed }
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
