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
    private var cache: [FormKey: FormEntry] = [:]
    private var strings: [String: String] = [:]

    /// Candidates scored in context per word (the rest keep their context-free order).
    static let contextWidth = 4
    /// Candidates kept per cached form (ranked by context-free score; the rest are never chosen in practice).
    static let keptCandidates = 8
    /// The form cache is emptied when it grows past this many forms (bounds memory on endless input).
    static let cacheLimit = 100_000

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
        let entries = entries(for: forms)
        let choices = Self.decode(entries, weights: weights)
        return zip(entries, choices).map { $0.candidates[$1] }
    }

    // MARK: internals

    /// Cached entries of a sentence's forms: one lock round for the whole sentence, misses built outside it.
    func entries(for forms: [String]) -> [FormEntry] {
        var found = [FormEntry?](repeating: nil, count: forms.count)
        var missing = false
        lock.lock()
        for index in forms.indices {
            found[index] = cache[FormKey(forms[index])]
            if found[index] == nil { missing = true }
        }
        lock.unlock()
        if !missing { return found.map { $0! } }
        return forms.indices.map { found[$0] ?? entry(for: forms[$0]) }
    }

    func entry(for form: String) -> FormEntry {
        let key = FormKey(form)
        lock.lock()
        if let cached = cache[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        var built = FormEntry(form: form, generator: generator, weights: weights, keep: Self.keptCandidates)
        lock.lock()
        // Share the few distinct feature and chain strings between entries (memory).
        built = built.interned(&strings)
        if cache.count >= Self.cacheLimit {
            cache.removeAll(keepingCapacity: true)
            strings.removeAll(keepingCapacity: true)
        }
        cache[key] = built
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

    /// What the context templates see around one word, pre-hashed: each template's context part is mixed once
    /// per word, then combined with each candidate's tag.
    struct Context {
        let partial: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

        init(entries: [FormEntry], position: Int, p1: UInt64, p2: UInt64) {
            let previousForm = position > 0 ? entries[position - 1].formCode : 1
            let nextForm = position + 1 < entries.count ? entries[position + 1].formCode : 2
            let nextSuffix = position + 1 < entries.count ? entries[position + 1].suffixCode : 2
            let place: UInt64 = position == 0 ? 1 : (position + 1 == entries.count ? 2 : 0)
            // Look-ahead: the next word's best context-free part of speech.
            let nextTag = position + 1 < entries.count ? entries[position + 1].uposCodes[0] : 100
            let mix = MorphologyFeatures.mix
            partial = (mix(101, p1), mix(mix(102, p1), p2), mix(103, p1), mix(104, previousForm), mix(105, nextForm),
                       mix(106, nextSuffix), mix(107, nextForm), mix(108, nextSuffix), mix(109, place), mix(110, nextTag),
                       mix(mix(111, nextTag), p1))
        }

        @inline(__always)
        private static func slot(_ partial: UInt64, _ value: UInt64) -> Int {
            Int(truncatingIfNeeded: MorphologyFeatures.mix(partial, value)) & MorphologyFeatures.tableMask
        }

        /// Sum of the context weights of candidate `k` (the same features as ``indices(entry:candidate:)``, no allocation).
        @inline(__always)
        func score(entry: FormEntry, candidate k: Int, weights w: UnsafeBufferPointer<Float>) -> Float {
            let u = entry.uposCodes[k], f = entry.featsCodes[k]
            var sum = w[Self.slot(partial.0, u)] + w[Self.slot(partial.1, u)] + w[Self.slot(partial.2, f)]
            sum += w[Self.slot(partial.3, u)] + w[Self.slot(partial.4, u)] + w[Self.slot(partial.5, u)]
            sum += w[Self.slot(partial.6, f)] + w[Self.slot(partial.7, f)] + w[Self.slot(partial.8, u)]
            sum += w[Self.slot(partial.9, f)] + w[Self.slot(partial.10, u)]
            return sum
        }

        /// Weight-table indices of the context features of candidate `k` (for training updates).
        func indices(entry: FormEntry, candidate k: Int) -> [Int] {
            let u = entry.uposCodes[k], f = entry.featsCodes[k]
            return [Self.slot(partial.0, u), Self.slot(partial.1, u), Self.slot(partial.2, f), Self.slot(partial.3, u),
                    Self.slot(partial.4, u), Self.slot(partial.5, u), Self.slot(partial.6, f), Self.slot(partial.7, f),
                    Self.slot(partial.8, u), Self.slot(partial.9, f), Self.slot(partial.10, u)]
        }
    }
}

/// A cache key that hashes and compares the UTF-8 bytes of a word form: no Unicode normalisation on the hot path
/// (the forms come from the normaliser already; canonically equal but differently encoded forms just miss the cache).
struct FormKey: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { bytes in hasher.combine(bytes: UnsafeRawBufferPointer(bytes)) }
    }

    static func == (lhs: FormKey, rhs: FormKey) -> Bool {
        lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }
}

/// Everything about one word form that does not depend on context, computed once and cached.
final class FormEntry: Sendable {
    /// Candidates, best context-free score first.
    let candidates: [MorphAnalysis]
    let staticScores: [Float]
    /// Static feature indices per candidate (kept for training only).
    let staticFeatures: [[Int32]]
    let uposCodes: [UInt64]
    let featsCodes: [UInt64]
    let formCode: UInt64
    let suffixCode: UInt64

    private init(candidates: [MorphAnalysis], staticScores: [Float], staticFeatures: [[Int32]], uposCodes: [UInt64],
                 featsCodes: [UInt64], formCode: UInt64, suffixCode: UInt64) {
        self.candidates = candidates
        self.staticScores = staticScores
        self.staticFeatures = staticFeatures
        self.uposCodes = uposCodes
        self.featsCodes = featsCodes
        self.formCode = formCode
        self.suffixCode = suffixCode
    }

    /// The same entry with feature and chain strings replaced by shared instances from `table`.
    func interned(_ table: inout [String: String]) -> FormEntry {
        func intern(_ text: String) -> String {
            if let shared = table[text] { return shared }
            table[text] = text
            return text
        }
        let shared = candidates.map { analysis in
            var copy = analysis
            copy.feats = intern(analysis.feats)
            copy.chain = intern(analysis.chain)
            return copy
        }
        return FormEntry(candidates: shared, staticScores: staticScores, staticFeatures: staticFeatures, uposCodes: uposCodes,
                         featsCodes: featsCodes, formCode: formCode, suffixCode: suffixCode)
    }

    /// Analyses `form`; `keep` limits the candidates kept (nil keeps all, with their features, for training).
    init(form: String, generator: CandidateGenerator, weights: [Float], keep: Int? = nil) {
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
        if let keep { scored = Array(scored.prefix(keep)) }
        candidates = scored.map(\.0)
        staticFeatures = keep == nil ? scored.map(\.1) : []
        staticScores = scored.map(\.2)
        uposCodes = candidates.map { UInt64($0.upos.ordinal) }
        featsCodes = candidates.map { MorphologyFeatures.code($0.feats) ^ UInt64($0.upos.ordinal) }
        formCode = MorphologyFeatures.code(lowerString)
        suffixCode = MorphologyFeatures.code(lower.suffix(2))
    }
}
