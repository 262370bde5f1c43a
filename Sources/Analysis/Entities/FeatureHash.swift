/// Stable 64-bit FNV-1a hashing of feature strings, folded to 32 bits.
///
/// Swift's `Hasher` is seeded per process, so the model needs its own hash: the same feature must get the
/// same number in training and at tagging time, on every machine.
struct FeatureHash {
    private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    init(template: UInt64) {
        add(template &+ 0x9E37)
    }

    mutating func add(_ value: UInt64) {
        state = (state ^ value) &* 0x0000_0100_0000_01B3
    }

    mutating func add(_ scalar: Unicode.Scalar) {
        add(UInt64(scalar.value))
    }

    mutating func add<S: Sequence<Unicode.Scalar>>(scalars: S) {
        for scalar in scalars { add(UInt64(scalar.value)) }
    }

    /// Hash of a whole scalar sequence.
    static func of<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> UInt64 {
        var hash = FeatureHash()
        hash.add(scalars: scalars)
        return hash.state
    }

    /// A feature id: the template number mixed with one or two value hashes (murmur3 finaliser), never 0.
    static func feature(_ template: UInt64, _ value: UInt64, _ other: UInt64 = 0) -> UInt32 {
        var x = value &+ template &* 0x9E37_79B9_7F4A_7C15
        x ^= other &* 0xC2B2_AE3D_27D4_EB4F
        x ^= x >> 33
        x = x &* 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x = x &* 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        let folded = UInt32(truncatingIfNeeded: x ^ (x >> 32))
        return folded == 0 ? 1 : folded
    }
}
