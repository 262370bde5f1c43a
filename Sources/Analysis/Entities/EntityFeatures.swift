import Foundation
public import TextModel
import KazakhData

/// Turns the words of a sentence into hashed feature ids, one list per word, for the NER model.
///
/// Features (each a numbered template hashed with its value): the lower-cased word, its rough stem (one
/// case/plural ending stripped) and that ending, prefixes 1–4, suffixes 1–5, word shape, neighbours ±2 with
/// their stems, suffixes and shapes, word bigrams, guillemet/quote context, digit patterns, sentence position,
/// membership in the hand gazetteer and the training-name lexicon, and the analyser's context-free best reading of
/// the word and its neighbours (lemma, UPOS, suffix chain), and the class of a listed organisation/facility/event head
/// noun (`entity-heads.tsv`) in the word or the next three words, and (version 6) prefixes of the word's and its
/// neighbours' cluster bit-strings (`word-clusters.tsv`), or (version 7, without clusters) the class of a head noun 4–6
/// words ahead or just behind. Changing a template changes every id: bump ``version`` and retrain.
public struct EntityFeatures: Sendable {
    /// Feature-set version written into new models: 6 = version 5 plus word-cluster features.
    public static let version: UInt32 = 6
    /// Versions a model may have: a version-5 model (no cluster features) still loads and is tagged with version-5
    /// features, so with and without clusters can be compared with one build.
    /// Version 7 is version 5 (no clusters) plus head nouns 4–6 words ahead and right behind the word.
    public static let supportedVersions: ClosedRange<UInt32> = 5...7
    /// Lengths of the cluster bit-string prefixes used as features (a shorter bit-string gives all of itself).
    static let clusterPrefixLengths = [4, 8, 12]

    /// This extractor's feature-set version (one of ``supportedVersions``).
    public let featureVersion: UInt32
    /// Hashed lower-cased form → hashed cluster prefixes (``clusterPrefixLengths``); empty below version 6.
    let clusters: [UInt64: SIMD4<UInt64>]
    /// The same for a form's stem (one case/plural ending stripped), for forms the table does not list.
    let stemClusters: [UInt64: SIMD4<UInt64>]

    let gazetteer: [UInt64: [(rest: [UInt64], label: UInt64)]]
    /// The first words of ``gazetteer``, so most words skip the dictionary lookup.
    let gazetteerFirstWords: FirstWordFilter
    let numberStems: Set<UInt64>
    let monthStems: Set<UInt64>
    let ordinalEndings: [[Unicode.Scalar]]
    /// Hashed head-noun stems (`entity-heads.tsv`) → hashed class, and the longest stem's length: a word's prefixes
    /// are hashed incrementally and looked up, so a first-seen form costs a few lookups, not a scan of the list.
    let headStems: [UInt64: UInt64]
    let headStemMaxLength: Int

    /// Builds the extractor with the bundled gazetteer (and, from version 6, the bundled word clusters).
    public init(version: UInt32 = EntityFeatures.version) {
        featureVersion = version
        var clusters: [UInt64: SIMD4<UInt64>] = [:]
        var stemClusters: [UInt64: SIMD4<UInt64>] = [:]
        if version == 6 {
            for entry in WordClusters.entries {
                let lower = entry.form.unicodeScalars.map(LetterCase.lower)
                let bits = Array(entry.bits.unicodeScalars)
                var prefixes = SIMD4<UInt64>()
                for (k, length) in Self.clusterPrefixLengths.enumerated() {
                    prefixes[k] = FeatureHash.of(bits[..<min(length, bits.count)]) &+ UInt64(length)
                }
                let key = FeatureHash.of(lower)
                if clusters[key] == nil { clusters[key] = prefixes }
                // Rows come most frequent first: a stem shared by several forms takes the most frequent one's cluster.
                let stem = Self.stemHash(lower)
                if stemClusters[stem] == nil { stemClusters[stem] = prefixes }
            }
        }
        self.clusters = clusters
        self.stemClusters = stemClusters
        var index: [UInt64: [(rest: [UInt64], label: UInt64)]] = [:]
        for entry in EntityGazetteer.entries {
            let hashes = entry.words.map { Self.stemHash(Array($0.unicodeScalars)) }
            index[hashes[0], default: []].append((Array(hashes.dropFirst()), FeatureHash.of(entry.label.unicodeScalars)))
        }
        gazetteer = index
        gazetteerFirstWords = FirstWordFilter(index.keys)
        numberStems = Set(NumberWords.values.keys.map { FeatureHash.of($0.unicodeScalars) })
        monthStems = Set(Months.kazakh.keys.map { FeatureHash.of($0.unicodeScalars) })
        ordinalEndings = NumberWords.ordinalEndings.map { Array($0.unicodeScalars) }
        var heads: [UInt64: UInt64] = [:]
        // A stem listed under two classes keeps the first in `stems`' (deterministic) order.
        for entry in EntityHeadNouns.stems where heads[FeatureHash.of(entry.stem.unicodeScalars)] == nil {
            heads[FeatureHash.of(entry.stem.unicodeScalars)] = FeatureHash.of(entry.label.unicodeScalars) &+ 17
        }
        headStems = heads
        headStemMaxLength = EntityHeadNouns.stems.map(\.stem.unicodeScalars.count).max() ?? 0
    }

    /// Number classes: written-out cardinal, written-out ordinal, digits, digits with an ordinal ending.
    enum NumberClass: UInt64 { case none = 0, cardinalWord, ordinalWord, digits, ordinalDigits, month }

    /// Per-word facts computed once and shared by the word's own and its neighbours' features.
    package struct Word {
        package var lower: UInt64 = 0
        package var stem: UInt64 = 0
        package var ending: UInt64 = 0
        package var shape: UInt64 = 0
        package var suffix2: UInt64 = 0
        package var suffix3: UInt64 = 0
        /// Hashes of the first 1…4 and last 1…5 letters (inline storage: no allocation per word).
        package var prefixes = SIMD8<UInt64>()
        package var prefixCount = 0
        package var suffixes = SIMD8<UInt64>()
        package var suffixCount = 0
        package var digits: UInt64 = 0
        package var number: UInt64 = 0
        /// The stem, or the number class for numbers: lets "елу жыл" and "50 жыл" share features.
        package var abstract: UInt64 = 0
        package var isCapitalised = false
        package var opensQuote = false
        package var closesQuote = false
        package var isPlainQuote = false
        /// The analyser's context-free best reading (``Morphology/analyses(of:)``): lemma, UPOS, suffix chain.
        package var lemma: UInt64 = 0
        package var upos: UInt64 = 0
        package var chain: UInt64 = 0
        /// The class of the listed head noun the word is a form of (`entity-heads.tsv`: "университеті" → ORGANISATION), or 0.
        package var head: UInt64 = 0
        /// Hashed prefixes of the word's cluster bit-string (``clusterPrefixLengths``), all 0 when it has none.
        package var cluster = SIMD4<UInt64>()
    }

    /// The feature ids of every token, flattened: token `i` owns `ids[offsets[i]..<offsets[i + 1]]`.
    public func extract(_ tokens: [Token]) -> (ids: [UInt32], offsets: [Int]) {
        extract(tokens.map(describe), lexicon: .empty, includeForm: true)
    }

    /// The feature ids of described words, with hits in a training-name lexicon as features too.
    ///
    /// Without `includeForm`, the ids of the features that depend on one word's form alone, its own
    /// (``appendStaticIDs(of:to:)``) and those it gives its neighbours (``appendNeighbourIDs(of:_:to:)``), are left
    /// out: the tagger adds their weights from per-form score rows.
    package func extract(_ info: [Word], lexicon: EntityLexicon, includeForm: Bool) -> (ids: [UInt32], offsets: [Int]) {
        let lexiconHits = lexicon.matches(info.map(\.stem))
        var ids: [UInt32] = []
        ids.reserveCapacity(info.count * (includeForm ? 72 : 32))
        var offsets = [0]
        offsets.reserveCapacity(info.count + 1)
        let gazetteerTags = gazetteerMatches(info)
        var quoteDepth = 0
        var plainQuoteOpen = false
        // The words are read through pointers: copying five whole descriptions per token was a visible share of
        // the tagger's time.
        info.withUnsafeBufferPointer { info in
            withUnsafePointer(to: Self.boundary) { boundary in
                guard let words = info.baseAddress else { return }
                for i in info.indices {
                    let word = words + i
                    let previous = i > 0 ? words + (i - 1) : boundary
                    let previous2 = i > 1 ? words + (i - 2) : boundary
                    let next = i + 1 < info.count ? words + (i + 1) : boundary
                    let next2 = i + 2 < info.count ? words + (i + 2) : boundary
                    func add(_ template: UInt64, _ value: UInt64, _ other: UInt64 = 0) {
                        ids.append(FeatureHash.feature(template, value, other))
                    }
                    if includeForm {
                        appendStaticIDs(of: word.pointee, to: &ids)
                        appendNeighbourIDs(of: previous.pointee, .previous, to: &ids)
                        appendNeighbourIDs(of: next.pointee, .next, to: &ids)
                        appendNeighbourIDs(of: previous2.pointee, .previous2, to: &ids)
                        appendNeighbourIDs(of: next2.pointee, .next2, to: &ids)
                    }
                    add(28, previous.pointee.lower, word.pointee.lower)
                    add(29, word.pointee.lower, next.pointee.lower)
                    add(30, previous.pointee.shape, word.pointee.shape)
                    add(31, word.pointee.shape, next.pointee.shape)
                    add(34, previous.pointee.lower, word.pointee.shape)
                    add(35, word.pointee.stem, next.pointee.stem)
                    add(36, previous.pointee.stem, word.pointee.stem)
                    add(39, word.pointee.suffix2, next.pointee.lower)
                    if word.pointee.number != 0 {
                        add(50, word.pointee.number, next.pointee.stem)
                        add(51, word.pointee.number, previous.pointee.abstract)
                        add(52, word.pointee.number, next.pointee.ending)
                    }
                    add(53, previous.pointee.abstract, word.pointee.abstract)
                    add(54, word.pointee.abstract, next.pointee.abstract)
                    add(55, previous.pointee.abstract &* 31 &+ word.pointee.abstract, next.pointee.abstract)
                    add(56, next.pointee.abstract, next2.pointee.abstract)
                    add(57, previous2.pointee.abstract, previous.pointee.abstract)
                    let inQuotes = quoteDepth > 0 || plainQuoteOpen
                    if inQuotes {
                        add(40, 1)
                        add(41, word.pointee.shape)
                    }
                    if previous.pointee.opensQuote { add(42, 1) }
                    if next.pointee.closesQuote { add(43, 1) }
                    if previous.pointee.opensQuote && next.pointee.closesQuote { add(44, 1) }
                    if i == 0 { add(46, word.pointee.shape) }
                    if word.pointee.isCapitalised && i > 0 && !previous.pointee.opensQuote { add(47, 1) }
                    for tag in gazetteerTags[i] { add(48, tag) }
                    for hit in lexiconHits[i] {
                        add(58, UInt64(hit.bit) << 1 | (hit.inside ? 1 : 0))
                        add(59, UInt64(hit.bit), word.pointee.shape)
                    }
                    if lexiconHits[i].isEmpty { add(60, word.pointee.isCapitalised ? 1 : 0) }
                    add(64, previous.pointee.upos, word.pointee.upos)
                    add(65, word.pointee.upos, next.pointee.upos)
                    add(71, word.pointee.lemma, next.pointee.chain)
                    // The nearest head noun in the next three words, by distance and the word's capitalisation: the
                    // words of "Назарбаев университеті" or "Астана экономикалық форумы" learn their class from the
                    // head noun's class even when that head noun was rare in training.
                    var nearHead = false
                    for k in 1...3 where i + k < info.count && info[i + k].head != 0 {
                        add(73, info[i + k].head, UInt64(k) << 1 | (word.pointee.isCapitalised ? 1 : 0))
                        nearHead = true
                        break
                    }
                    if featureVersion >= 7 {
                        // Version 7: long names ("… агенттігінің Қостанай облысы бойынша департаменті") put their head
                        // noun 4–6 words after their first words, and a name may go on after a head noun
                        // ("министрлігінің Мемлекеттік кірістер комитеті"): both pooled by the head's class.
                        if !nearHead {
                            for k in 4...6 where i + k < info.count && info[i + k].head != 0 {
                                add(82, info[i + k].head, UInt64(k) << 1 | (word.pointee.isCapitalised ? 1 : 0))
                                break
                            }
                        }
                        if previous.pointee.head != 0 { add(83, previous.pointee.head, word.pointee.isCapitalised ? 1 : 0) }
                    }
                    offsets.append(ids.count)
                    if word.pointee.opensQuote { quoteDepth += 1 }
                    if word.pointee.closesQuote { quoteDepth = max(0, quoteDepth - 1) }
                    if word.pointee.isPlainQuote { plainQuoteOpen.toggle() }
                }
            }
        }
        return (ids, offsets)
    }

    /// Where a neighbour sits relative to the word being tagged.
    enum Neighbour: Int, CaseIterable { case previous = 0, next, previous2, next2 }

    /// Appends the ids of the features a word gives the word at `role` distance from it ("the previous word is
    /// …"): they depend on this one form only, so the tagger scores them once per form, like the static ones.
    func appendNeighbourIDs(of word: Word, _ role: Neighbour, to ids: inout [UInt32]) {
        func add(_ template: UInt64, _ value: UInt64) {
            ids.append(FeatureHash.feature(template, value, 0))
        }
        switch role {
        case .previous:
            add(18, word.lower)
            add(22, word.stem)
            add(24, word.suffix3)
            add(26, word.shape)
            add(33, word.ending)
            add(67, word.lemma)
            add(69, word.chain)
            if word.cluster[0] != 0 {
                add(77, word.cluster[0])
                add(78, word.cluster[2])
            }
        case .next:
            add(19, word.lower)
            add(23, word.stem)
            add(25, word.suffix3)
            add(27, word.shape)
            add(32, word.ending)
            add(66, word.lemma)
            add(68, word.chain)
            if word.cluster[0] != 0 {
                add(79, word.cluster[0])
                add(80, word.cluster[2])
            }
        case .previous2:
            add(20, word.lower)
            add(38, word.stem)
        case .next2:
            add(21, word.lower)
            add(37, word.stem)
        }
    }

    /// Stand-in for the words before the first and after the last word.
    static let boundary = Word(lower: 1, stem: 1, ending: 1, shape: 1, suffix2: 1, suffix3: 1, abstract: 1, lemma: 1, upos: 1, chain: 1)

    /// Describes a token: its normalised form and the analyser's context-free best reading of that form (lemma,
    /// UPOS, suffix chain).
    ///
    /// Not the morphology stage's in-context reading (``Token/lemma``): trained both ways on the same data, the
    /// in-context reading scored 0.8 F1 lower on dev and 0.7 lower on held-out (EVALUATION.md), as it reads one name
    /// differently from sentence to sentence. The form's readings are already in the analyser's cache when the
    /// morphology stage has run, and the tagger asks once per form (``FormRowCache``).
    package func describe(_ token: Token) -> Word {
        var word = describe(token.norm)
        if let best = Morphology.shared.analyses(of: token.norm).first {
            word.lemma = FeatureHash.of(best.lemma.unicodeScalars.map(LetterCase.lower)) &+ 11
            word.upos = FeatureHash.of(best.upos.rawValue.unicodeScalars)
            word.chain = FeatureHash.of(best.chain.unicodeScalars) &+ 13
        }
        return word
    }

    /// The key of a token's description: a hash of its normalised form's UTF-8 bytes (read in place, as the
    /// morphology cache does; decoding the form into scalars first cost more than the lookup it keys).
    static func key(of token: Token) -> UInt64 {
        FormCache.withBytes(of: token.norm, FormCache.hash)
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
        if word.head != 0 { add(72, word.head) }
        if word.cluster[0] != 0 {
            add(74, word.cluster[0])
            add(75, word.cluster[1])
            add(76, word.cluster[2])
            add(81, word.cluster[1], word.shape)
        }
    }

    package func describe<S: StringProtocol>(_ text: S) -> Word {
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
        // The longest listed head-noun stem the word starts with ("университетінің" → университет).
        var headPrefix = FeatureHash()
        for k in 0..<min(headStemMaxLength, lower.count) {
            headPrefix.add(lower[k])
            if let label = headStems[headPrefix.state] { word.head = label }
        }
        if !clusters.isEmpty {
            word.cluster = clusters[word.lower] ?? stemClusters[word.stem] ?? SIMD4<UInt64>()
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
            guard gazetteerFirstWords.mayContain(info[i].stem) else {
                i += 1
                continue
            }
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

    package static func stemHash(_ lower: [Unicode.Scalar]) -> UInt64 {
        FeatureHash.of(lower[..<(NominativeName.strippedLength(lower) ?? lower.count)])
    }
}
