public import TextModel

/// One reading of a word form: lemma, part of speech, UD features, and how it was found.
public struct MorphAnalysis: Sendable, Hashable {
    /// Where an analysis comes from; the disambiguator learns how far to trust each source.
    public enum Source: UInt8, Sendable, CaseIterable {
        /// The form was seen with this analysis in training data.
        case memorised
        /// A hand-written irregular form.
        case irregular
        /// Punctuation, numbers, Latin script, acronyms with a hyphenated suffix.
        case special
        /// Stem lemma seen in training data.
        case trainedStem
        /// Hand-checked stem.
        case handStem
        /// Stem induced from a raw corpus.
        case corpusStem
        /// Unknown stem: part of speech guessed.
        case guess
    }

    /// Dictionary form in UD Kazakh KTB conventions.
    public var lemma: String
    /// Universal part of speech.
    public var upos: UPOS
    /// Universal features, sorted `Name=Value|…` as in CoNLL-U; empty when none.
    public var feats: String
    /// Suffix chain, innermost first (e.g. `POSS3+GEN`); empty for bare words.
    public var chain: String
    /// Where the analysis comes from.
    public var source: Source

    /// Creates a reading; `feats` is sorted `Name=Value|…` or empty, `chain` empty for a bare word.
    public init(lemma: String, upos: UPOS, feats: String, chain: String = "", source: Source) {
        self.lemma = lemma
        self.upos = upos
        self.feats = feats
        self.chain = chain
        self.source = source
    }

    /// Whether two analyses give the same lemma, UPOS and features (the scored columns).
    func sameReading(_ other: MorphAnalysis) -> Bool {
        upos == other.upos && sameBytes(lemma, other.lemma) && sameBytes(feats, other.feats)
    }
}

/// UD feature bundles: parsing, merging (outer suffixes override inner ones) and canonical CoNLL-U order.
enum FeatureBundle {
    static func parse(_ text: String) -> [(String, String)] {
        if text.isEmpty || text == "_" { return [] }
        return text.split(separator: "|").compactMap { pair -> (String, String)? in
            let parts = pair.split(separator: "=", maxSplits: 1)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }
    }

    /// Sets `name=value` in `bundle`, replacing an existing value of `name`.
    static func set(_ name: String, _ value: String, in bundle: inout [(String, String)]) {
        if let index = bundle.firstIndex(where: { $0.0 == name }) { bundle[index].1 = value } else { bundle.append((name, value)) }
    }

    static func has(_ name: String, in bundle: [(String, String)]) -> Bool { bundle.contains { $0.0 == name } }

    /// CoNLL-U order: sorted by feature name, case-insensitively.
    static func format(_ bundle: [(String, String)]) -> String {
        // This runs for every candidate built: an insertion sort of the (few) features by name, comparing ASCII
        // bytes case-insensitively in place, and one string appended to; non-ASCII names take the general path.
        guard bundle.allSatisfy({ $0.0.utf8.allSatisfy { $0 < 0x80 } }) else {
            return bundle.map { (key: $0.0.lowercased(), text: "\($0.0)=\($0.1)") }.sorted { $0.key < $1.key }
                .map(\.text).joined(separator: "|")
        }
        var order = Array(bundle.indices)
        for i in order.indices.dropFirst() {
            var j = i
            while j > 0 && asciiCaseInsensitiveLess(bundle[order[j]].0, bundle[order[j - 1]].0) {
                order.swapAt(j, j - 1)
                j -= 1
            }
        }
        var text = ""
        text.reserveCapacity(bundle.reduce(0) { $0 + $1.0.utf8.count + $1.1.utf8.count + 2 })
        for (rank, index) in order.enumerated() {
            if rank > 0 { text += "|" }
            text += bundle[index].0
            text += "="
            text += bundle[index].1
        }
        return text
    }

    /// `lhs.lowercased() < rhs.lowercased()` for ASCII strings, without building either.
    private static func asciiCaseInsensitiveLess(_ lhs: String, _ rhs: String) -> Bool {
        var left = lhs.utf8.makeIterator(), right = rhs.utf8.makeIterator()
        while true {
            guard let a = left.next() else { return right.next() != nil }
            guard let b = right.next() else { return false }
            let la = a >= 0x41 && a <= 0x5A ? a + 0x20 : a, lb = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
            if la != lb { return la < lb }
        }
    }
}
