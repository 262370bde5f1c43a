import TextModel

/// Feature hashing for the disambiguator: every feature is a template number plus a few values, hashed into
/// a fixed-size weight table. Hashes are FNV-1a/splitmix (deterministic across runs, unlike `Hasher`).
package enum MorphologyFeatures {
    /// log2 of the weight-table size (2 MiB of `Float`).
    package static let tableBits = 19
    package static let tableMask = (1 << tableBits) - 1

    @inline(__always)
    package static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var z = a &+ 0x9E37_79B9_7F4A_7C15 &+ (b &* 0xBF58_476D_1CE4_E5B9)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    package static func index(_ template: UInt64, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) -> Int {
        Int(truncatingIfNeeded: mix(mix(mix(template, a), b), c)) & tableMask
    }

    /// `mix(template, upos)` for every static template and part-of-speech ordinal, mixed once: most static
    /// features start with these two values.
    package static let uposPrefixes: [UInt64] = (0..<staticTemplateSlots * uposCount).map {
        mix(UInt64($0 / uposCount), UInt64($0 % uposCount))
    }
    package static let staticTemplateSlots = 24
    package static let uposCount = 17

    /// ``index(_:_:_:_:)`` with `a` the part-of-speech ordinal, from ``uposPrefixes``.
    @inline(__always)
    package static func uposIndex(_ prefixes: UnsafeBufferPointer<UInt64>, _ template: Int, _ u: Int, _ b: UInt64 = 0, _ c: UInt64 = 0) -> Int {
        Int(truncatingIfNeeded: mix(mix(prefixes[template * uposCount + u], b), c)) & tableMask
    }

    package static func code(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    package static func code(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for scalar in scalars {
            hash ^= UInt64(scalar.value)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// Shape of a surface form: lower, Capitalised, UPPER, digits, other.
    package static func shape(_ scalars: [Unicode.Scalar]) -> UInt64 {
        guard let first = scalars.first else { return 0 }
        if first.properties.isUppercase {
            return scalars.count > 1 && scalars.allSatisfy({ !$0.properties.isLowercase }) ? 3 : 2
        }
        if first.properties.isLowercase { return 1 }
        if first.properties.numericType != nil { return 4 }
        return 5
    }

    /// How many static templates ``FormFeatures/forEachStaticFeature(of:lemmaLower:memorisedRank:derivation:_:)`` fires.
    package static let staticTemplateCount = 23

    /// FNV-1a of the UTF-8 encoding of `scalars`: equal to ``code(_:)-(String)`` of the string they make, without
    /// building it.
    @inline(__always)
    package static func utf8Code<C: Collection<Unicode.Scalar>>(_ scalars: C) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for scalar in scalars {
            UTF8.encode(scalar) { byte in
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        return hash
    }

    /// The parts of the static features that depend on the word form only, computed once per form rather than
    /// once per candidate.
    package struct FormFeatures {
        let lower: [Unicode.Scalar]
        let suffix1: UInt64, suffix2: UInt64, suffix3: UInt64
        let shape: UInt64
        let whole: UInt64

        init(form: [Unicode.Scalar], lower: [Unicode.Scalar]) {
            self.lower = lower
            suffix1 = code(lower.suffix(1))
            suffix2 = code(lower.suffix(2))
            suffix3 = code(lower.suffix(3))
            shape = MorphologyFeatures.shape(form)
            whole = code(lower[...])
        }

        /// Calls `body` with each static (context-free) feature index of candidate `analysis`, in a fixed order
        /// (scores are summed in this order). `lemmaLower` is the lowercased lemma.
        @inline(__always)
        func forEachStaticFeature(of analysis: MorphAnalysis, lemmaLower: [Unicode.Scalar], memorisedRank: Int,
                                  derivation: UInt64, _ body: (Int) -> Void) {
            let u = UInt64(analysis.upos.ordinal)
            let f = code(analysis.feats) ^ u
            let chain = code(analysis.chain)
            let source = UInt64(analysis.source.rawValue)
            let lemmaScalars = analysis.lemma.unicodeScalars.count
            let stripped = UInt64(max(0, min(8, lower.count - lemmaScalars)))
            let ending = code(lower.dropFirst(min(lemmaScalars, lower.count)))
            uposPrefixes.withUnsafeBufferPointer { p in
                let o = analysis.upos.ordinal
                body(uposIndex(p, 1, o)); body(index(2, f)); body(uposIndex(p, 3, o, chain)); body(uposIndex(p, 4, o, source))
                body(uposIndex(p, 5, o, UInt64(memorisedRank))); body(uposIndex(p, 6, o, suffix1)); body(uposIndex(p, 7, o, suffix2))
                body(uposIndex(p, 8, o, suffix3)); body(index(9, f, suffix2)); body(index(10, f, suffix3)); body(uposIndex(p, 11, o, shape))
                body(uposIndex(p, 12, o, stripped)); body(uposIndex(p, 13, o, derivation)); body(uposIndex(p, 14, o, utf8Code(lemmaLower)))
                body(index(15, f, chain)); body(uposIndex(p, 16, o, whole)); body(uposIndex(p, 17, o, UInt64(min(lemmaScalars, 12))))
                body(uposIndex(p, 18, o, source, UInt64(memorisedRank))); body(uposIndex(p, 19, o, source, suffix2))
                body(index(20, f, source, chain)); body(uposIndex(p, 21, o, ending)); body(uposIndex(p, 23, o, ending, suffix2))
                body(uposIndex(p, 22, o, utf8Code(lemmaLower.suffix(2)), chain))
            }
        }
    }
}

extension UPOS {
    /// Dense number of the tag (its position in `allCases`), for hashing and arrays.
    package var ordinal: Int {
        switch self {
        case .ADJ: 0
        case .ADP: 1
        case .ADV: 2
        case .AUX: 3
        case .CCONJ: 4
        case .DET: 5
        case .INTJ: 6
        case .NOUN: 7
        case .NUM: 8
        case .PART: 9
        case .PRON: 10
        case .PROPN: 11
        case .PUNCT: 12
        case .SCONJ: 13
        case .SYM: 14
        case .VERB: 15
        case .X: 16
        }
    }
}
