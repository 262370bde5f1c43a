import Foundation
import KazakhData
public import TextModel

/// The Kazakh morphological analyser and disambiguator.
///
/// ``analyses(of:)`` lists every plausible reading of a word form (suffix grammar from
/// `morphology-suffixes.tsv`, stem lexicon, guesser); ``analyze(_:)`` picks one reading per word of a
/// sentence with an averaged perceptron that looks at neighbouring words. Results per word form are cached,
/// so repeated forms cost a dictionary lookup plus the context scoring of a few candidates.
///
/// ```swift
/// let morphology = Morphology.shared
/// morphology.lemma(of: "Алматының")            // "Алматы"
/// morphology.analyze(["Біз", "кездестік", "."])  // lemma, UPOS and features for each word
/// ```
public final class Morphology: @unchecked Sendable {
    let generator: CandidateGenerator
    let weights: [Float]
    private let lock = NSLock()
    private var cache: [String: FormEntry] = [:]

    /// Candidates scored in context per word (the rest keep their context-free order).
    static let contextWidth = 4
    /// The form cache is emptied when it grows past this many forms (bounds memory on endless input).
    static let cacheLimit = 300_000

    /// An analyser with a trained model and the bundled stem lexicon (plus the model's own stems).
    public init(model: MorphologyModel, lexicon: StemLexicon = .bundled()) {
        var lexicon = lexicon
        for stem in model.stems { lexicon.add(stem.lemma, upos: stem.upos, features: stem.features, source: .trainedStem, count: stem.count) }
        generator = CandidateGenerator(lexicon: lexicon, memorised: model.memorised)
        weights = model.weights
    }

    /// The analyser with the bundled model (`morphology-model.tsv`), loaded once.
    public static let shared = Morphology(model: MorphologyModel.parse(MorphologyTables.modelText() ?? ""))

    // MARK: word-level API

    /// Every plausible analysis of `form`, best first (context-free order).
    public func analyses(of form: String) -> [MorphAnalysis] { entry(for: form).candidates }

    /// All plausible lemmas of `form`, most likely first: for recall-oriented search indexing.
    public func lemmaCandidates(of form: String) -> [String] {
        let entry = entry(for: form)
        var lemmas: [String] = []
        for (rank, analysis) in entry.candidates.enumerated() where rank < Self.contextWidth || analysis.source != .guess {
            let lemma = analysis.upos == .PROPN ? analysis.lemma : analysis.lemma.lowercased()
            if !lemmas.contains(lemma) { lemmas.append(lemma) }
        }
        return lemmas
    }

    /// The most likely lemma of `form` out of context (fast: one cached lookup).
    public func lemma(of form: String) -> String { entry(for: form).candidates.first?.lemma ?? form }

    // MARK: sentence-level API

    /// One analysis per word of a sentence, chosen in context.
    public func analyze(_ forms: [String]) -> [MorphAnalysis] {
        let entries = forms.map { entry(for: $0) }
        let choices = Self.decode(entries, weights: weights)
        return zip(entries, choices).map { $0.candidates[$1] }
    }

    // MARK: internals

    func entry(for form: String) -> FormEntry {
        lock.lock()
        if let cached = cache[form] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let built = FormEntry(form: form, generator: generator, weights: weights)
        lock.lock()
        if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
        cache[form] = built
        lock.unlock()
        return built
    }

    /// Greedy left-to-right decoding: each word's candidates are scored with the previous choices.
    static func decode(_ entries: [FormEntry], weights: [Float]) -> [Int] {
        var choices = [Int](repeating: 0, count: entries.count)
        var p1: UInt64 = 100, p2: UInt64 = 100
        weights.withUnsafeBufferPointer { w in
            for position in entries.indices {
                let entry = entries[position]
                var best = 0
                if entry.candidates.count > 1 {
                    let context = Context(entries: entries, position: position, p1: p1, p2: p2)
                    var bestScore = -Float.infinity
                    for k in 0..<min(entry.candidates.count, contextWidth) {
                        let score = entry.staticScores[k] + context.score(entry: entry, candidate: k, weights: w)
                        if score > bestScore {
                            bestScore = score
                            best = k
                        }
                    }
                }
                choices[position] = best
                p2 = p1
                p1 = entry.uposCodes[best]
            }
        }
        return choices
    }

    /// What the context templates see around one word.
    struct Context {
        let p1: UInt64, p2: UInt64, previousForm: UInt64, nextForm: UInt64, nextSuffix: UInt64, position: UInt64

        init(entries: [FormEntry], position: Int, p1: UInt64, p2: UInt64) {
            self.p1 = p1
            self.p2 = p2
            previousForm = position > 0 ? entries[position - 1].formCode : 1
            nextForm = position + 1 < entries.count ? entries[position + 1].formCode : 2
            nextSuffix = position + 1 < entries.count ? entries[position + 1].suffixCode : 2
            self.position = position == 0 ? 1 : (position + 1 == entries.count ? 2 : 0)
        }

        /// Sum of the context weights of candidate `k` (the same features as ``indices(entry:candidate:)``, no allocation).
        @inline(__always)
        func score(entry: FormEntry, candidate k: Int, weights w: UnsafeBufferPointer<Float>) -> Float {
            let u = entry.uposCodes[k], f = entry.featsCodes[k]
            var sum = w[MorphologyFeatures.index(101, u, p1)] + w[MorphologyFeatures.index(102, u, p1, p2)]
            sum += w[MorphologyFeatures.index(103, f, p1)] + w[MorphologyFeatures.index(104, u, previousForm)]
            sum += w[MorphologyFeatures.index(105, u, nextForm)] + w[MorphologyFeatures.index(106, u, nextSuffix)]
            sum += w[MorphologyFeatures.index(107, f, nextForm)] + w[MorphologyFeatures.index(108, f, nextSuffix)]
            sum += w[MorphologyFeatures.index(109, u, position)]
            return sum
        }

        func indices(entry: FormEntry, candidate k: Int) -> [Int] {
            let u = entry.uposCodes[k], f = entry.featsCodes[k]
            return [
                MorphologyFeatures.index(101, u, p1), MorphologyFeatures.index(102, u, p1, p2),
                MorphologyFeatures.index(103, f, p1), MorphologyFeatures.index(104, u, previousForm),
                MorphologyFeatures.index(105, u, nextForm), MorphologyFeatures.index(106, u, nextSuffix),
                MorphologyFeatures.index(107, f, nextForm), MorphologyFeatures.index(108, f, nextSuffix),
                MorphologyFeatures.index(109, u, position),
            ]
        }
    }
}

/// Everything about one word form that does not depend on context, computed once and cached.
final class FormEntry: Sendable {
    /// Candidates, best context-free score first.
    let candidates: [MorphAnalysis]
    let staticScores: [Float]
    let staticFeatures: [[Int32]]
    let uposCodes: [UInt64]
    let featsCodes: [UInt64]
    let formCode: UInt64
    let suffixCode: UInt64

    init(form: String, generator: CandidateGenerator, weights: [Float]) {
        let scalars = Array(form.unicodeScalars)
        let lowerString = form.lowercased()
        let lower = Array(lowerString.unicodeScalars)
        let raw = generator.candidates(of: form)
        let memorised = generator.memorised[lowerString] ?? []
        var scored: [(MorphAnalysis, [Int32], Float, Int)] = []
        for (order, analysis) in raw.enumerated() {
            let rank = memorised.firstIndex { $0.sameReading(analysis) }.map { min($0, 3) } ?? 9
            let derivation = generator.derivation(of: Array(analysis.lemma.lowercased().unicodeScalars)).map { MorphologyFeatures.code($0.id) } ?? 0
            let features = MorphologyFeatures.staticFeatures(of: analysis, form: scalars, lower: lower, memorisedRank: rank, derivation: derivation)
            let score = features.reduce(Float(0)) { $0 + weights[Int($1)] }
            scored.append((analysis, features, score, order))
        }
        scored.sort { ($0.2, -$0.3) > ($1.2, -$1.3) }
        candidates = scored.map(\.0)
        staticFeatures = scored.map(\.1)
        staticScores = scored.map(\.2)
        uposCodes = candidates.map { UInt64($0.upos.ordinal) }
        featsCodes = candidates.map { MorphologyFeatures.code($0.feats) ^ UInt64($0.upos.ordinal) }
        formCode = MorphologyFeatures.code(lowerString)
        suffixCode = MorphologyFeatures.code(lower.suffix(2))
    }
}
