/// A fixed set of 64-bit word keys (``WordKey``, the language cues' keys), which are already hashes: a lookup mixes
/// the key once and probes a small open-addressing table, where `Set<UInt64>` ran Swift's seeded hashing on every
/// word that the fact and language stages test against their lists.
struct KeySet: Sendable {
    /// Power-of-two table, at most half full; a slot holds a key, `emptyKey` marks a free slot.
    private let slots: [UInt64]
    /// The value that marks free slots; a real key equal to it is remembered apart.
    private static let emptyKey: UInt64 = 0
    private let containsEmptyKey: Bool
    private let mask: Int

    /// The set of `keys` (repeats allowed; they are dropped in the table itself).
    init(_ keys: some Sequence<UInt64>) {
        let keys = Array(keys)
        var capacity = 8
        while capacity < keys.count * 2 { capacity <<= 1 }
        var slots = [UInt64](repeating: Self.emptyKey, count: capacity)
        let mask = capacity - 1
        var containsEmptyKey = false
        for key in keys {
            guard key != Self.emptyKey else {
                containsEmptyKey = true
                continue
            }
            var slot = Self.home(of: key, mask: mask)
            while slots[slot] != Self.emptyKey && slots[slot] != key { slot = (slot + 1) & mask }
            slots[slot] = key
        }
        self.slots = slots
        self.mask = mask
        self.containsEmptyKey = containsEmptyKey
    }

    /// The top bits after a multiplicative mix: FNV-1a keys have weak low bits.
    @inline(__always)
    private static func home(of key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    func contains(_ key: UInt64) -> Bool {
        if key == Self.emptyKey { return containsEmptyKey }
        return slots.withUnsafeBufferPointer { slots in
            var slot = Self.home(of: key, mask: mask)
            while true {
                let stored = slots[slot]
                if stored == key { return true }
                if stored == Self.emptyKey { return false }
                slot = (slot + 1) & mask
            }
        }
    }
}
