import Foundation

/// The analyser's per-form cache, laid out flat for the hot path: an open-addressing table keyed by a 64-bit
/// FNV-1a hash of the form's UTF-8 bytes (compared byte for byte, no `String` built or hashed with `Hasher`), and
/// per-entry and per-candidate scoring data in contiguous arrays, so in-context decoding reads plain memory with
/// no reference counting. Not thread-safe: ``Morphology`` guards it with its lock.
struct FormCache {
    /// What decoding needs of one cached form.
    struct Entry {
        /// Hash of the lowercased form (context feature of the neighbours).
        var formCode: UInt64
        /// Hash of the last two lowercased scalars (context feature of the previous word).
        var suffixCode: UInt64
        /// The context-template parts this form contributes as a neighbour, mixed once when cached
        /// (``Morphology/Context/neighbourParts(formCode:suffixCode:)``).
        var asNeighbour: Morphology.Context.NeighbourParts
        /// Index of the first candidate in ``candidates``.
        var first: Int32
        var count: Int32
        /// Where the key's bytes start in the byte arena, and how many.
        var keyStart: Int32
        var keyLength: Int32
        var keyHash: UInt64
    }

    /// What decoding needs of one candidate: its context-free score and the codes context features combine with.
    struct Candidate {
        var staticScore: Float
        var uposCode: UInt64
        var featsCode: UInt64
    }

    private(set) var entries: [Entry] = []
    private(set) var candidates: [Candidate] = []
    /// The analyses, parallel to ``candidates``, copied out only for the chosen one.
    private(set) var analyses: [MorphAnalysis] = []
    private var keyBytes: [UInt8] = []
    /// Entry index + 1 per slot; 0 is empty. Power-of-two size, at most half full.
    private var slots: [Int32] = [Int32](repeating: 0, count: 1 << 12)

    var count: Int { entries.count }

    /// Forgets every form (bounds memory on endless input).
    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        candidates.removeAll(keepingCapacity: true)
        analyses.removeAll(keepingCapacity: true)
        keyBytes.removeAll(keepingCapacity: true)
        for index in slots.indices { slots[index] = 0 }
    }

    /// FNV-1a over bytes (deterministic; cheap for word-sized keys).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// Runs `body` on the UTF-8 bytes of `form` without copying native strings.
    @inline(__always)
    static func withBytes<R>(of form: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = form.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(form.utf8).withUnsafeBufferPointer(body)
    }

    /// The entry index of `form`, if cached.
    func find(_ form: String) -> Int? {
        Self.withBytes(of: form) { find(bytes: $0, hash: Self.hash($0)) }
    }

    private func find(bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { table in
            entries.withUnsafeBufferPointer { entries in
                keyBytes.withUnsafeBufferPointer { arena in
                    while true {
                        let stored = Int(table[slot])
                        if stored == 0 { return nil }
                        let entry = entries[stored - 1]
                        if entry.keyHash == hash, Int(entry.keyLength) == bytes.count,
                           bytes.isEmpty || memcmp(arena.baseAddress! + Int(entry.keyStart), bytes.baseAddress!, bytes.count) == 0 {
                            return stored - 1
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Stores `built` as the entry of `form` (or returns the existing entry if another caller stored it first).
    @discardableResult
    mutating func insert(_ form: String, _ built: FormEntry) -> Int {
        let (hash, existing) = Self.withBytes(of: form) { bytes -> (UInt64, Int?) in
            let hash = Self.hash(bytes)
            return (hash, find(bytes: bytes, hash: hash))
        }
        if let existing { return existing }
        if (entries.count + 1) * 2 > slots.count { grow() }
        let index = entries.count
        let keyStart = keyBytes.count
        keyBytes.append(contentsOf: form.utf8)
        entries.append(Entry(formCode: built.formCode, suffixCode: built.suffixCode,
                             asNeighbour: Morphology.Context.neighbourParts(formCode: built.formCode, suffixCode: built.suffixCode),
                             first: Int32(candidates.count),
                             count: Int32(built.candidates.count), keyStart: Int32(keyStart),
                             keyLength: Int32(keyBytes.count - keyStart), keyHash: hash))
        for k in built.candidates.indices {
            candidates.append(Candidate(staticScore: built.staticScores[k], uposCode: built.uposCodes[k], featsCode: built.featsCodes[k]))
            // No interning needed: grammar readings share their feature and chain strings through the
            // generator's `FeatureMemo`, and the other readings' strings belong to the model or are literals.
            analyses.append(built.candidates[k])
        }
        place(index, hash: hash)
        return index
    }

    /// The candidates of entry `index`, best context-free score first.
    func analyses(ofEntry index: Int) -> [MorphAnalysis] {
        let entry = entries[index]
        return Array(analyses[Int(entry.first)..<Int(entry.first + entry.count)])
    }

    private mutating func place(_ index: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index + 1)
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for index in entries.indices { place(index, hash: entries[index].keyHash) }
    }
}
