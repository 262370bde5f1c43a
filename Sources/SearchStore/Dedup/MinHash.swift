/// MinHash signatures of word shingles, for finding near-duplicate documents (Broder 1997).
///
/// A document becomes the set of its overlapping `shingleSize`-grams of lemmas; each of
/// ``hashCount`` hash functions keeps its minimum over the set. The share of equal positions in
/// two signatures estimates the Jaccard similarity of the shingle sets. Lemmas rather than
/// surface forms make a re-edited copy (other case endings, a changed word here and there)
/// still look alike.
public struct MinHash: Sendable {
    /// Number of hash functions, hence the signature's length.
    public let hashCount: Int
    /// Number of consecutive lemmas in a shingle.
    public let shingleSize: Int
    /// Locality-sensitive hashing: ``bandCount`` bands of `hashCount / bandCount` rows. Two documents
    /// become candidates when any band matches exactly; with 64 hashes in 16 bands of 4, pairs with
    /// similarity 0.5 are found with probability ≈ 0.65, 0.7 with ≈ 0.98.
    public let bandCount: Int
    private let seeds: [UInt64]

    /// Creates the hash functions; `bandCount` must divide `hashCount`.
    public init(hashCount: Int = 64, shingleSize: Int = 3, bandCount: Int = 16) {
        precondition(hashCount % bandCount == 0, "bands must divide the hashes")
        self.hashCount = hashCount
        self.shingleSize = shingleSize
        self.bandCount = bandCount
        var state: UInt64 = 0x7469_6C73_6869_2021 // fixed: signatures must be stable across runs
        seeds = (0..<hashCount).map { _ in Self.splitMix(&state) }
    }

    /// The signature of a sequence of words, or nil when it has fewer words than one shingle.
    ///
    /// Each minimum keeps 16 bits (b-bit MinHash, Li & König 2010): half the room of 32-bit values, and a
    /// chance collision (1/65 536) moves the similarity estimate by far less than its sampling error.
    public func signature(of words: [String]) -> [UInt16]? {
        guard words.count >= shingleSize else { return nil }
        let wordHashes = words.map(Self.fnv1a)
        var minimums = [UInt16](repeating: .max, count: hashCount)
        for start in 0...(wordHashes.count - shingleSize) {
            var shingle: UInt64 = 0xcbf2_9ce4_8422_2325
            for offset in 0..<shingleSize {
                shingle = (shingle ^ wordHashes[start + offset]) &* 0x100_0000_01b3
            }
            for index in 0..<hashCount {
                let value = UInt16(truncatingIfNeeded: Self.mix(shingle ^ seeds[index]) >> 48)
                if value < minimums[index] { minimums[index] = value }
            }
        }
        return minimums
    }

    /// Estimated Jaccard similarity of the documents behind two signatures.
    public func similarity(_ first: [UInt16], _ second: [UInt16]) -> Double {
        guard first.count == second.count, !first.isEmpty else { return 0 }
        var equal = 0
        for index in first.indices where first[index] == second[index] { equal += 1 }
        return Double(equal) / Double(first.count)
    }

    /// One key per band: documents sharing a key are near-duplicate candidates. Keys are 32-bit (SQLite
    /// stores them in 4 bytes); a chance collision only adds a candidate, which the signature check rejects.
    public func bandKeys(of signature: [UInt16]) -> [Int64] {
        let rows = hashCount / bandCount
        return (0..<bandCount).map { band in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(band)
            for row in 0..<rows {
                hash = (hash ^ UInt64(signature[band * rows + row])) &* 0x100_0000_01b3
            }
            return Int64(Int32(truncatingIfNeeded: Self.mix(hash)))
        }
    }

    static func fnv1a(_ word: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }

    /// The splitmix64 finaliser: a cheap, well-mixed 64-bit permutation.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state = state &+ 0x9e37_79b9_7f4a_7c15
        return mix(state)
    }
}
