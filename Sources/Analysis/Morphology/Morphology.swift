import Foundation
import KazakhData
import TextModel

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
    package let generator: CandidateGenerator
    package let weights: [Float]
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var cache = FormCache()

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
    public func analyses(of form: String) -> [MorphAnalysis] {
        lock.lock()
        defer { lock.unlock() }
        // The entry first: looking it up may insert into the cache.
        let index = cachedEntry(form)
        return cache.analyses(ofEntry: index)
    }

    /// All plausible lemmas of `form`, most likely first: for recall-oriented search indexing.
    public func lemmaCandidates(of form: String) -> [String] {
        var lemmas: [String] = []
        for (rank, analysis) in analyses(of: form).enumerated() where rank < Self.contextWidth || analysis.source != .guess {
            let lemma = analysis.upos == .PROPN ? analysis.lemma : analysis.lemma.lowercased()
            if !lemmas.contains(lemma) { lemmas.append(lemma) }
        }
        return lemmas
    }

    /// The most likely lemma of `form` out of context (fast: one cached lookup).
    public func lemma(of form: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        let index = cachedEntry(form)
        let entry = cache.entries[index]
        return entry.count > 0 ? cache.analyses[Int(entry.first)].lemma : form
    }

    // MARK: sentence-level API

    /// One analysis per word of a sentence, chosen in context.
    public func analyze(_ forms: [String]) -> [MorphAnalysis] {
        var result: [MorphAnalysis] = []
        result.reserveCapacity(forms.count)
        forEachChoice(forms) { _, analysis in result.append(analysis.pointee) }
        return result
    }

    /// ``analyze(_:)`` without the array: `body` gets each position and its analysis chosen in context, in order,
    /// in place in the cache (valid only during the call). The morphology stage copies the fields it keeps straight
    /// into its tokens; copying whole analyses first cost a visible share of the stage. Runs with the lock held.
    /// `forms` counts positions from 0 (an array, or the morphology stage's view of its tokens' forms).
    func forEachChoice<Forms: RandomAccessCollection>(_ forms: Forms, _ body: (Int, UnsafePointer<MorphAnalysis>) -> Void)
    where Forms.Element == String, Forms.Index == Int {
        lock.lock()
        defer { lock.unlock() }
        let ids = cachedEntries(forms)
        cache.entries.withUnsafeBufferPointer { entries in
            cache.candidates.withUnsafeBufferPointer { candidates in
                weights.withUnsafeBufferPointer { weights in
                    cache.analyses.withUnsafeBufferPointer { analyses in
                        ids.withUnsafeBufferPointer { ids in
                            Self.decode(ids, entries: entries, candidates: candidates, weights: weights) { position, choice in
                                body(position, analyses.baseAddress! + Int(entries[Int(ids[position])].first) + choice)
                            }
                        }
                    }
                }
            }
        }
    }

    // MARK: internals

    /// The cache entry of `form`, analysed on a miss. Call with `lock` held; it is released while a missing form
    /// is analysed (the expensive part), so other threads are not held up.
    private func cachedEntry(_ form: String) -> Int {
        if let found = cache.find(form) { return found }
        if cache.count >= Self.cacheLimit { cache.removeAll() }
        lock.unlock()
        let built = FormEntry(form: form, generator: generator, weights: weights, keep: Self.keptCandidates)
        lock.lock()
        return cache.insert(form, built)
    }

    /// Cache entries of a sentence's forms. Call with `lock` held; misses are analysed with the lock released,
    /// then every form is looked up again (another thread may have emptied the cache meanwhile).
    private func cachedEntries<Forms: RandomAccessCollection>(_ forms: Forms) -> [Int32] where Forms.Element == String, Forms.Index == Int {
        var ids = [Int32](repeating: -1, count: forms.count)
        var round = 0
        while true {
            // Emptied only before a first lookup, so a sentence with more forms than the limit still finishes.
            if round == 0 && cache.count >= Self.cacheLimit { cache.removeAll() }
            round += 1
            var missing: [String] = []
            for index in forms.indices {
                if let found = cache.find(forms[index]) {
                    ids[index] = Int32(found)
                } else {
                    ids[index] = -1
                    missing.append(forms[index])
                }
            }
            if missing.isEmpty { return ids }
            lock.unlock()
            let built = missing.map { FormEntry(form: $0, generator: generator, weights: weights, keep: Self.keptCandidates) }
            lock.lock()
            for (form, entry) in zip(missing, built) { cache.insert(form, entry) }
        }
    }

    /// Greedy left-to-right decoding: each word's candidates are scored with the previous choices; `choose` gets
    /// each position and its chosen candidate (relative to the entry's first). No allocation.
    @inline(__always)
    static func decode(_ ids: UnsafeBufferPointer<Int32>, entries: UnsafeBufferPointer<FormCache.Entry>,
                       candidates: UnsafeBufferPointer<FormCache.Candidate>, weights: UnsafeBufferPointer<Float>,
                       choose: (Int, Int) -> Void) {
        var p1: UInt64 = 100, p2: UInt64 = 100
        let count = ids.count
        let tables = Context.Tables.shared
        for position in 0..<count {
            let entry = entries[Int(ids[position])]
            let first = Int(entry.first)
            var best = 0
            if entry.count > 1 {
                let next = position + 1 < count ? entries[Int(ids[position + 1])] : nil
                let context = Context(
                    previous: position > 0 ? entries[Int(ids[position - 1])].asNeighbour : tables.noNeighbour,
                    next: next?.asNeighbour ?? tables.noNeighbour,
                    place: position == 0 ? 1 : (position + 1 == count ? 2 : 0),
                    nextTag: next.map { candidates[Int($0.first)].uposCode } ?? 100, p1: p1, p2: p2, tables: tables)
                var bestScore = -Float.infinity
                for k in 0..<min(Int(entry.count), contextWidth) {
                    let candidate = candidates[first + k]
                    let score = candidate.staticScore + context.score(upos: candidate.uposCode, feats: candidate.featsCode, weights: weights)
                    if score > bestScore {
                        bestScore = score
                        best = k
                    }
                }
            }
            choose(position, best)
            p2 = p1
            p1 = candidates[first + best].uposCode
        }
    }

    /// What the context templates see around one word, pre-hashed: each template's context part is mixed once
    /// per word, then combined with each candidate's tag.
    package struct Context {
        package let partial: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

        package init(entries: [FormEntry], position: Int, p1: UInt64, p2: UInt64) {
            let next = position + 1 < entries.count ? entries[position + 1] : nil
            self.init(previousForm: position > 0 ? entries[position - 1].formCode : 1,
                      nextForm: next?.formCode ?? 2, nextSuffix: next?.suffixCode ?? 2,
                      place: position == 0 ? 1 : (position + 1 == entries.count ? 2 : 0),
                      // Look-ahead: the next word's best context-free part of speech.
                      nextTag: next?.uposCodes[0] ?? 100, p1: p1, p2: p2)
        }

        /// `place` is 1 for the first word, 2 for the last, else 0; missing neighbours are coded 1 (before) and 2
        /// (after), a missing tag 100.
        @inline(__always)
        package init(previousForm: UInt64, nextForm: UInt64, nextSuffix: UInt64, place: UInt64, nextTag: UInt64, p1: UInt64, p2: UInt64) {
            let mix = MorphologyFeatures.mix
            partial = (mix(101, p1), mix(mix(102, p1), p2), mix(103, p1), mix(104, previousForm), mix(105, nextForm),
                       mix(106, nextSuffix), mix(107, nextForm), mix(108, nextSuffix), mix(109, place), mix(110, nextTag),
                       mix(mix(111, nextTag), p1))
        }

        /// What a word contributes to its neighbours' context templates: template 104 as the previous word,
        /// 105–108 as the next one.
        package struct NeighbourParts {
            var asPrevious: UInt64
            var nextForm: (UInt64, UInt64)
            var nextSuffix: (UInt64, UInt64)
        }

        package static func neighbourParts(formCode: UInt64, suffixCode: UInt64) -> NeighbourParts {
            let mix = MorphologyFeatures.mix
            return NeighbourParts(asPrevious: mix(104, formCode), nextForm: (mix(105, formCode), mix(107, formCode)),
                                  nextSuffix: (mix(106, suffixCode), mix(108, suffixCode)))
        }

        /// Every context-template part that depends on tags and position only, mixed once: tags are the 17
        /// ordinals or 100 (none), stored at index 17.
        package struct Tables: Sendable {
            static let shared = Tables()
            static let tagSlots = 18
            let tag101: [UInt64], tag102: [UInt64], tag103: [UInt64], place109: [UInt64], tag110: [UInt64], tag111: [UInt64]
            /// The parts of a missing neighbour (coded 1 before the sentence, 2 after it).
            let noNeighbour: NeighbourParts

            init() {
                let mix = MorphologyFeatures.mix
                let tags = (0..<UInt64(Self.tagSlots)).map(Self.code)
                tag101 = tags.map { mix(101, $0) }
                tag103 = tags.map { mix(103, $0) }
                tag110 = tags.map { mix(110, $0) }
                tag102 = tags.flatMap { p1 in tags.map { p2 in mix(mix(102, p1), p2) } }
                tag111 = tags.flatMap { next in tags.map { p1 in mix(mix(111, next), p1) } }
                place109 = (0..<3).map { mix(109, UInt64($0)) }
                let after = Context.neighbourParts(formCode: 2, suffixCode: 2)
                noNeighbour = NeighbourParts(asPrevious: mix(104, 1), nextForm: after.nextForm, nextSuffix: after.nextSuffix)
            }

            /// The tag code stored at `slot`.
            static func code(_ slot: UInt64) -> UInt64 { slot == 17 ? 100 : slot }

            @inline(__always)
            static func slot(_ tag: UInt64) -> Int { tag == 100 ? 17 : Int(tag) }
        }

        /// The same parts as ``init(previousForm:nextForm:nextSuffix:place:nextTag:p1:p2:)``, from cached neighbour
        /// parts and precomputed tables (no mixing).
        @inline(__always)
        package init(previous: NeighbourParts, next: NeighbourParts, place: Int, nextTag: UInt64, p1: UInt64, p2: UInt64, tables: Tables) {
            let t1 = Tables.slot(p1), t2 = Tables.slot(p2), tn = Tables.slot(nextTag)
            partial = (tables.tag101[t1], tables.tag102[t1 * Tables.tagSlots + t2], tables.tag103[t1], previous.asPrevious,
                       next.nextForm.0, next.nextSuffix.0, next.nextForm.1, next.nextSuffix.1, tables.place109[place],
                       tables.tag110[tn], tables.tag111[tn * Tables.tagSlots + t1])
        }

        @inline(__always)
        private static func slot(_ partial: UInt64, _ value: UInt64) -> Int {
            Int(truncatingIfNeeded: MorphologyFeatures.mix(partial, value)) & MorphologyFeatures.tableMask
        }

        /// Sum of the context weights of a candidate with tag code `u` and features code `f` (the same features
        /// as ``indices(entry:candidate:)``, no allocation).
        @inline(__always)
        package func score(upos u: UInt64, feats f: UInt64, weights w: UnsafeBufferPointer<Float>) -> Float {
            var sum = w[Self.slot(partial.0, u)] + w[Self.slot(partial.1, u)] + w[Self.slot(partial.2, f)]
            sum += w[Self.slot(partial.3, u)] + w[Self.slot(partial.4, u)] + w[Self.slot(partial.5, u)]
            sum += w[Self.slot(partial.6, f)] + w[Self.slot(partial.7, f)] + w[Self.slot(partial.8, u)]
            sum += w[Self.slot(partial.9, f)] + w[Self.slot(partial.10, u)]
            return sum
        }

        /// Weight-table indices of the context features of candidate `k` (for training updates).
        package func indices(entry: FormEntry, candidate k: Int) -> [Int] {
            let u = entry.uposCodes[k], f = entry.featsCodes[k]
            return [Self.slot(partial.0, u), Self.slot(partial.1, u), Self.slot(partial.2, f), Self.slot(partial.3, u),
                    Self.slot(partial.4, u), Self.slot(partial.5, u), Self.slot(partial.6, f), Self.slot(partial.7, f),
                    Self.slot(partial.8, u), Self.slot(partial.9, f), Self.slot(partial.10, u)]
        }
    }
}

/// A dictionary key that hashes and compares the UTF-8 bytes of a word form: no Unicode normalisation on the hot
/// path (the forms come from the normaliser already; canonically equal but differently encoded forms just miss).
struct FormKey: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    func hash(into hasher: inout Hasher) {
        hasher.combine(FormCache.withBytes(of: text, FormCache.hash))
    }

    static func == (lhs: FormKey, rhs: FormKey) -> Bool { sameBytes(lhs.text, rhs.text) }
}

/// Whether two strings have the same UTF-8 bytes (`==` on non-ASCII strings goes through Unicode normalisation).
@inline(__always)
func sameBytes(_ lhs: String, _ rhs: String) -> Bool {
    guard lhs.utf8.count == rhs.utf8.count else { return false }
    return FormCache.withBytes(of: lhs) { a in
        FormCache.withBytes(of: rhs) { b in a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
    }
}

/// Everything about one word form that does not depend on context, computed once and cached.
package final class FormEntry: Sendable {
    /// Candidates, best context-free score first.
    package let candidates: [MorphAnalysis]
    package let staticScores: [Float]
    /// Static feature indices per candidate (kept for training only).
    package let staticFeatures: [[Int32]]
    package let uposCodes: [UInt64]
    package let featsCodes: [UInt64]
    package let formCode: UInt64
    package let suffixCode: UInt64

    /// Analyses `form`; `keep` limits the candidates kept (nil keeps all, with their features, for training).
    package init(form: String, generator: CandidateGenerator, weights: [Float], keep: Int? = nil) {
        let scalars = Array(form.unicodeScalars)
        let lowerString = MorphologyCase.lowercased(form)
        let lower = Array(lowerString.unicodeScalars)
        let memorised = generator.memorised(lower: lowerString)
        let raw = generator.candidates(of: form, lower: lowerString, memorised: memorised)
        let formFeatures = MorphologyFeatures.FormFeatures(form: scalars, lower: lower)
        var scored: [(MorphAnalysis, [Int32], Float, Int)] = []
        scored.reserveCapacity(raw.count)
        for (order, analysis) in raw.enumerated() {
            let rank = memorised.firstIndex { $0.sameReading(analysis) }.map { min($0, 3) } ?? 9
            let lemmaLower = MorphologyCase.lowercasedScalars(analysis.lemma)
            let derivation = generator.derivations.firstMatch(in: lemmaLower).map { generator.derivations.idCodes[$0] } ?? 0
            var score: Float = 0
            var features: [Int32] = []
            if keep == nil { features.reserveCapacity(MorphologyFeatures.staticTemplateCount) }
            weights.withUnsafeBufferPointer { weights in
                formFeatures.forEachStaticFeature(of: analysis, lemmaLower: lemmaLower, memorisedRank: rank, derivation: derivation) { index in
                    score += weights[index]
                    if keep == nil { features.append(Int32(index)) }
                }
            }
            scored.append((analysis, features, score, order))
        }
        scored.sort { ($0.2, -$0.3) > ($1.2, -$1.3) }
        if let keep, scored.count > keep { scored.removeSubrange(keep...) }
        candidates = scored.map(\.0)
        staticFeatures = keep == nil ? scored.map(\.1) : []
        staticScores = scored.map(\.2)
        uposCodes = candidates.map { UInt64($0.upos.ordinal) }
        featsCodes = candidates.map { MorphologyFeatures.code($0.feats) ^ UInt64($0.upos.ordinal) }
        formCode = MorphologyFeatures.code(lowerString)
        suffixCode = MorphologyFeatures.code(lower.suffix(2))
    }
}
