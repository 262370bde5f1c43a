import TextModel

/// Feature hashing for the disambiguator: every feature is a template number plus a few values, hashed into
/// a fixed-size weight table. Hashes are FNV-1a/splitmix (deterministic across runs, unlike `Hasher`).
enum MorphologyFeatures {
    /// log2 of the weight-table size (2 MiB of `Float`).
    static let tableBits = 19
    static let tableMask = (1 << tableBits) - 1

    @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var z = a &+ 0x9E37_79B9_7F4A_7C15 &+ (b &* 0xBF58_476D_1CE4_E5B9)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    static func index(_ template: UInt64, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) -> Int {
        Int(truncatingIfNeeded: mix(mix(mix(template, a), b), c)) & tableMask
    }

    static func code(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    static func code(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for scalar in scalars {
            hash ^= UInt64(scalar.value)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// Shape of a surface form: lower, Capitalised, UPPER, digits, other.
    static func shape(_ scalars: [Unicode.Scalar]) -> UInt64 {
        guard let first = scalars.first else { return 0 }
        if first.properties.isUppercase {
            return scalars.count > 1 && scalars.allSatisfy({ !$0.properties.isLowercase }) ? 3 : 2
        }
        if first.properties.isLowercase { return 1 }
        if first.properties.numericType != nil { return 4 }
        return 5
    }

    /// Static (context-free) feature indices of candidate `analysis` of a form.
    static func staticFeatures(of analysis: MorphAnalysis, form: [Unicode.Scalar], lower: [Unicode.Scalar], memorisedRank: Int,
                               derivation: UInt64) -> [Int32] {
        let u = UInt64(analysis.upos.ordinal)
        let f = code(analysis.feats) ^ u
        let chain = code(analysis.chain)
        let suffix1 = code(lower.suffix(1)), suffix2 = code(lower.suffix(2)), suffix3 = code(lower.suffix(3))
        let lemmaScalars = analysis.lemma.unicodeScalars.count
        let lemmaLower = analysis.lemma.lowercased()
        // The lemma's last two scalars as UTF-8 (hashed like a String, without building Characters).
        let lemmaEnding = String(morphologyScalars: lemmaLower.unicodeScalars.suffix(2))
        let stripped = UInt64(max(0, min(8, lower.count - lemmaScalars)))
        let indices = [
            index(1, u), index(2, f), index(3, u, chain), index(4, u, UInt64(analysis.source.rawValue)),
            index(5, u, UInt64(memorisedRank)), index(6, u, suffix1), index(7, u, suffix2), index(8, u, suffix3),
            index(9, f, suffix2), index(10, f, suffix3), index(11, u, shape(form)), index(12, u, stripped),
            index(13, u, derivation), index(14, u, code(lemmaLower)), index(15, f, chain),
            index(16, u, code(lower[...])), index(17, u, UInt64(min(lemmaScalars, 12))),
            index(18, u, UInt64(analysis.source.rawValue), UInt64(memorisedRank)),
            index(19, u, UInt64(analysis.source.rawValue), suffix2), index(20, f, UInt64(analysis.source.rawValue), chain),
            index(21, u, code(lower.dropFirst(min(lemmaScalars, lower.count)))),
            index(23, u, code(lower.dropFirst(min(lemmaScalars, lower.count))), suffix2),
            index(22, u, code(lemmaEnding), chain),
        ]
        return indices.map { Int32($0) }
    }
}

extension UPOS {
    /// Dense number of the tag (its position in `allCases`), for hashing and arrays.
    var ordinal: Int {
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
