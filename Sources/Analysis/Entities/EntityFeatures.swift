import Foundation
import TextModel
import KazakhData

/// Turns the words of a sentence into hashed feature ids, one list per word, for the NER model.
///
/// Features (each a numbered template hashed with its value): the lower-cased word, its rough stem (one
/// case/plural ending stripped) and that ending, prefixes 1–4, suffixes 1–5, word shape, neighbours ±2 with
/// their stems, suffixes and shapes, word bigrams, guillemet/quote context, digit patterns, sentence position,
/// and membership in the hand gazetteer. Changing a template changes every id: bump ``version`` and retrain.
public struct EntityFeatures: Sendable {
    /// Feature-set version written into the model; a model of another version is refused at load time.
    public static let version: UInt32 = 3

    let gazetteer: [UInt64: [(rest: [UInt64], label: UInt64)]]
    let numberStems: Set<UInt64>
    let monthStems: Set<UInt64>
    let ordinalEndings: [[Unicode.Scalar]]
    /// Everything known about a word form out of context (hashes, shape, number class, morphology reading,
    /// static feature ids), by exact form: one lock and integer-keyed lookups per sentence instead of
    /// re-describing and re-analysing every token.
    let forms = WordFormCache()

    /// Builds the extractor with the bundled gazetteer.
    public init() {
        var index: [UInt64: [(rest: [UInt64], label: UInt64)]] = [:]
        for entry in EntityGazetteer.entries {
            let hashes = entry.words.map { Self.stemHash(Array($0.unicodeScalars)) }
            index[hashes[0], default: []].append((Array(hashes.dropFirst()), FeatureHash.of(entry.label.unicodeScalars)))
        }
        gazetteer = index
        numberStems = Set(NumberWords.values.keys.map { FeatureHash.of($0.unicodeScalars) })
        monthStems = Set(Months.kazakh.keys.map { FeatureHash.of($0.unicodeScalars) })
        ordinalEndings = NumberWords.ordinalEndings.map { Array($0.unicodeScalars) }
    }

    /// Number classes: written-out cardinal, written-out ordinal, digits, digits with an ordinal ending.
    enum NumberClass: UInt64 { case none = 0, cardinalWord, ordinalWord, digits, ordinalDigits, month }

    /// Per-word facts computed once and shared by the word's own and its neighbours' features.
    struct Word {
        var lower: UInt64 = 0
        var stem: UInt64 = 0
        var ending: UInt64 = 0
        var shape: UInt64 = 0
        var suffix2: UInt64 = 0
        var suffix3: UInt64 = 0
        /// Hashes of the first 1…4 and last 1…5 letters (inline storage: no allocation per word).
        var prefixes = SIMD8<UInt64>()
        var prefixCount = 0
        var suffixes = SIMD8<UInt64>()
        var suffixCount = 0
        var digits: UInt64 = 0
        var number: UInt64 = 0
        /// The stem, or the number class for numbers: lets "елу жыл" and "50 жыл" share features.
        var abstract: UInt64 = 0
        var isCapitalised = false
        var opensQuote = false
        var closesQuote = false
        var isPlainQuote = false
        /// The analyser's context-free best reading (``Morphology/analyses(of:)``): lemma, UPOS, suffix chain.
        var lemma: UInt64 = 0
        var upos: UInt64 = 0
        var chain: UInt64 = 0
        /// Hash of the exact (case-preserving) form: the key of the form cache.
        var exact: UInt64 = 0
    }

    /// The feature ids of every word, flattened: word `i` owns `ids[offsets[i]..<offsets[i + 1]]`.
    public func extract<S: StringProtocol>(_ words: [S]) -> (ids: [UInt32], offsets: [Int]) {
        extract(words, lexicon: .empty)
    }

    /// The feature ids of every word, with hits in a training-name lexicon as features too.
    func extract<S: StringProtocol>(_ words: [S], lexicon: EntityLexicon) -> (ids: [UInt32], offsets: [Int]) {
        let result = extract(words, lexicon: lexicon, includeStatic: true)
        return (result.ids, result.offsets)
    }

    /// The feature ids of every word and the words' descriptions. Without `includeStatic`, the ids of the
    /// form-only features (``appendStaticIDs(of:to:)``) are left out: the tagger adds their weights from a per-form cache.
    func extract<S: StringProtocol>(_ words: [S], lexicon: EntityLexicon, includeStatic: Bool) -> (ids: [UInt32], offsets: [Int], words: [Word]) {
        let info = forms.describe(words, using: self)
        let lexiconHits = lexicon.matches(info.map(\.stem))
        var ids: [UInt32] = []
        ids.reserveCapacity(words.count * 64)
        var offsets = [0]
        offsets.reserveCapacity(words.count + 1)
        let gazetteerTags = gazetteerMatches(info)
        let boundary = Self.boundary
        var quoteDepth = 0
        var plainQuoteOpen = false
        for i in info.indices {
            let word = info[i]
            let previous = i > 0 ? info[i - 1] : boundary
            let previous2 = i > 1 ? info[i - 2] : boundary
            let next = i + 1 < info.count ? info[i + 1] : boundary
            let next2 = i + 2 < info.count ? info[i + 2] : boundary
            func add(_ template: UInt64, _ value: UInt64, _ other: UInt64 = 0) {
                ids.append(FeatureHash.feature(template, value, other))
            }
            if includeStatic { appendStaticIDs(of: word, to: &ids) }
            add(18, previous.lower)
            add(19, next.lower)
            add(20, previous2.lower)
            add(21, next2.lower)
            add(22, previous.stem)
            add(23, next.stem)
            add(24, previous.suffix3)
            add(25, next.suffix3)
            add(26, previous.shape)
            add(27, next.shape)
            add(28, previous.lower, word.lower)
            add(29, word.lower, next.lower)
            add(30, previous.shape, word.shape)
            add(31, word.shape, next.shape)
            add(32, next.ending)
            add(33, previous.ending)
            add(34, previous.lower, word.shape)
            add(35, word.stem, next.stem)
            add(36, previous.stem, word.stem)
            add(37, next2.stem)
            add(38, previous2.stem)
            add(39, word.suffix2, next.lower)
            if word.number != 0 {
                add(50, word.number, next.stem)
                add(51, word.number, previous.abstract)
                add(52, word.number, next.ending)
            }
            add(53, previous.abstract, word.abstract)
            add(54, word.abstract, next.abstract)
            add(55, previous.abstract &* 31 &+ word.abstract, next.abstract)
            add(56, next.abstract, next2.abstract)
            add(57, previous2.abstract, previous.abstract)
            let inQuotes = quoteDepth > 0 || plainQuoteOpen
            if inQuotes {
                add(40, 1)
                add(41, word.shape)
            }
            if previous.opensQuote { add(42, 1) }
            if next.closesQuote { add(43, 1) }
            if previous.opensQuote && next.closesQuote { add(44, 1) }
            if i == 0 { add(46, word.shape) }
            if word.isCapitalised && i > 0 && !previous.opensQuote { add(47, 1) }
            for tag in gazetteerTags[i] { add(48, tag) }
            for hit in lexiconHits[i] {
                add(58, UInt64(hit.bit) << 1 | (hit.inside ? 1 : 0))
                add(59, UInt64(hit.bit), word.shape)
            }
            if lexiconHits[i].isEmpty { add(60, word.isCapitalised ? 1 : 0) }
            add(64, previous.upos, word.upos)
            add(65, word.upos, next.upos)
            add(66, next.lemma)
            add(67, previous.lemma)
            add(68, next.chain)
            add(69, previous.chain)
            add(71, word.lemma, next.chain)
            offsets.append(ids.count)
            if word.opensQuote { quoteDepth += 1 }
            if word.closesQuote { quoteDepth = max(0, quoteDepth - 1) }
            if word.isPlainQuote { plainQuoteOpen.toggle() }
        }
        return (ids, offsets, info)
    }

    /// Stand-in for the words before the first and after the last word.
    static let boundary = Word(lower: 1, stem: 1, ending: 1, shape: 1, suffix2: 1, suffix3: 1, abstract: 1, lemma: 1, upos: 1, chain: 1)

    /// Fills the morphology reading (the analyser's context-free best one) of a described word.
    func addReading<S: StringProtocol>(_ word: inout Word, _ text: S) {
        if let best = Morphology.shared.analyses(of: String(text)).first {
            word.lemma = FeatureHash.of(best.lemma.unicodeScalars.map(LetterCase.lower)) &+ 11
            word.upos = FeatureHash.of(best.upos.rawValue.unicodeScalars)
            word.chain = FeatureHash.of(best.chain.unicodeScalars) &+ 13
        }
    }

    /// Appends the ids of the features that depend on the word's form alone (no neighbours, no position):
    /// the tagger scores them once per distinct form.
    func appendStaticIDs(of word: Word, to ids: inout [UInt32]) {
        func add(_ template: UInt64, _ value: UInt64, _ other: UInt64 = 0) {
            ids.append(FeatureHash.feature(template, value, other))
        }
        add(1, 0)
        add(2, word.lower)
        add(3, word.stem)
        add(4, word.ending)
        for k in 0..<word.prefixCount { add(5 + UInt64(k), word.prefixes[k]) }
        for k in 0..<word.suffixCount { add(10 + UInt64(k), word.suffixes[k]) }
        add(16, word.shape)
        add(17, word.shape, word.ending)
        if word.digits != 0 { add(45, word.digits) }
        if word.number != 0 { add(49, word.number) }
        add(61, word.lemma)
        add(62, word.upos)
        add(63, word.chain)
        add(70, word.upos, word.shape)
    }

    func describe<S: StringProtocol>(_ text: S) -> Word {
        var word = Word()
        let original = Array(text.unicodeScalars)
        let lower = original.map(LetterCase.lower)
        word.lower = FeatureHash.of(lower)
        let stemLength = lower.count == original.count ? (NominativeName.strippedLength(lower) ?? lower.count) : lower.count
        word.stem = FeatureHash.of(lower[..<stemLength])
        word.ending = FeatureHash.of(lower[stemLength...]) &+ 7
        var prefix = FeatureHash()
        for k in 0..<min(4, lower.count) {
            prefix.add(lower[k])
            word.prefixes[k] = prefix.state
            word.prefixCount = k + 1
        }
        var suffix = FeatureHash()
        for k in 0..<min(5, lower.count) {
            suffix.add(lower[lower.count - 1 - k])
            word.suffixes[k] = suffix.state
            word.suffixCount = k + 1
            if k == 1 { word.suffix2 = suffix.state }
            if k == 2 { word.suffix3 = suffix.state }
        }
        var shape = FeatureHash()
        var digitShape = FeatureHash()
        var lastClass: UInt64 = 0
        var run = 0
        var hasDigit = false
        for scalar in original {
            let isLatin = scalar.value < 0x250
            let cls: UInt64
            let letterCase = LetterCase.of(scalar)
            if letterCase == .upper {
                cls = isLatin ? 1 : 2
            } else if letterCase == .lower {
                cls = isLatin ? 3 : 4
            } else if scalar.value >= 0x30 && scalar.value <= 0x39 || (scalar.value >= 0x80 && scalar.properties.numericType != nil) {
                cls = 5
                hasDigit = true
            } else {
                cls = 16 + UInt64(scalar.value)
            }
            digitShape.add(cls == 5 ? 5 : (cls < 5 ? 6 : cls))
            run = cls == lastClass ? run + 1 : 1
            if run <= 1 { shape.add(cls) }
            lastClass = cls
        }
        word.shape = shape.state
        if hasDigit { word.digits = digitShape.state }
        if hasDigit {
            word.number = lower.last.map { $0.value >= 0x30 && $0.value <= 0x39 } == true ? NumberClass.digits.rawValue
                : (ordinalEndings.contains { lower.count > $0.count && lower[(lower.count - $0.count)...].elementsEqual($0) }
                    ? NumberClass.ordinalDigits.rawValue : NumberClass.digits.rawValue)
        } else if numberStems.contains(word.stem) || numberStems.contains(word.lower) {
            word.number = NumberClass.cardinalWord.rawValue
        } else if monthStems.contains(word.stem) || monthStems.contains(word.lower) {
            word.number = NumberClass.month.rawValue
        } else {
            for ending in ordinalEndings where lower.count > ending.count && lower[(lower.count - ending.count)...].elementsEqual(ending) {
                let stem = lower[..<(lower.count - ending.count)]
                // "бесінші" = "бес" + "інші"; "жетінші" = "жеті" + "нші"; "екінші" = "екі" + "нші".
                if numberStems.contains(FeatureHash.of(stem)) || numberStems.contains(FeatureHash.of(stem.dropLast())) {
                    word.number = NumberClass.ordinalWord.rawValue
                    break
                }
            }
        }
        word.abstract = word.number != 0 ? word.number &* 0x1234_5677 : word.stem
        word.exact = FeatureHash.of(original)
        word.isCapitalised = original.first.map { LetterCase.of($0) == .upper } ?? false
        if original.count == 1 {
            let scalar = original[0]
            word.opensQuote = scalar == "«" || scalar == "“" || scalar == "„"
            word.closesQuote = scalar == "»" || scalar == "”"
            word.isPlainQuote = scalar == "\""
        }
        return word
    }

    /// For every word, the hashed `B-`/`I-` gazetteer tags of the longest gazetteer names covering it.
    func gazetteerMatches(_ info: [Word]) -> [[UInt64]] {
        var tags = Array(repeating: [UInt64](), count: info.count)
        var i = 0
        while i < info.count {
            var longest = 0
            var labels: [UInt64] = []
            for candidate in gazetteer[info[i].stem] ?? [] where i + candidate.rest.count < info.count {
                var matches = true
                for (offset, hash) in candidate.rest.enumerated() where info[i + 1 + offset].stem != hash {
                    matches = false
                    break
                }
                guard matches else { continue }
                let length = candidate.rest.count + 1
                if length > longest {
                    longest = length
                    labels = [candidate.label]
                } else if length == longest, !labels.contains(candidate.label) {
                    labels.append(candidate.label)
                }
            }
            if longest == 0 {
                i += 1
                continue
            }
            for label in labels {
                tags[i].append(label &* 2)
                for k in 1..<longest { tags[i + k].append(label &* 2 &+ 1) }
            }
            i += longest
        }
        return tags
    }

    static func stemHash(_ lower: [Unicode.Scalar]) -> UInt64 {
        FeatureHash.of(lower[..<(NominativeName.strippedLength(lower) ?? lower.count)])
    }
}

/// Described word forms (``EntityFeatures/Word``, morphology reading included) by exact form.
final class WordFormCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cache: [UInt64: EntityFeatures.Word] = [:]
    /// Emptied past this many forms, so endless input cannot grow it without bound.
    static let limit = 200_000

    /// The descriptions of `words`, computing (outside the lock) only the forms not seen before.
    func describe<S: StringProtocol>(_ words: [S], using features: EntityFeatures) -> [EntityFeatures.Word] {
        let keys = words.map { FeatureHash.of($0.unicodeScalars) }
        var info: [EntityFeatures.Word] = []
        info.reserveCapacity(words.count)
        var missing: [Int] = []
        lock.lock()
        for (i, key) in keys.enumerated() {
            if let word = cache[key] {
                info.append(word)
            } else {
                info.append(EntityFeatures.boundary)
                missing.append(i)
            }
        }
        lock.unlock()
        guard !missing.isEmpty else { return info }
        for i in missing {
            var word = features.describe(words[i])
            features.addReading(&word, words[i])
            info[i] = word
        }
        lock.lock()
        if cache.count >= Self.limit { cache.removeAll(keepingCapacity: true) }
        for i in missing { cache[keys[i]] = info[i] }
        lock.unlock()
        return info
    }
}
