/// The normalised text that analysis works on, with a map back to the original offsets.
///
/// Normalisation may replace, drop or merge scalars (NFC composition, homoglyph repair,
/// soft hyphens), so each normalised scalar remembers the original range it came from.
public struct NormalizedText: Sendable {
    /// Normalised scalars.
    public private(set) var scalars: [Unicode.Scalar]
    /// For each normalised scalar, the original scalar offset where its source begins.
    public private(set) var originalStart: [Int]
    /// For each normalised scalar, the original scalar offset where its source ends (exclusive).
    public private(set) var originalEnd: [Int]
    /// Number of scalars in the original text (the end of the last span).
    public let originalCount: Int

    /// The identity view: every scalar maps to itself.
    public init(identityOf original: [Unicode.Scalar]) {
        scalars = original
        originalStart = Array(0..<original.count)
        originalEnd = Array(1..<(original.count + 1))
        originalCount = original.count
    }

    /// An empty view to be filled with ``append(_:from:to:)``.
    public init(originalCount: Int, reservingCapacity capacity: Int) {
        scalars = []
        originalStart = []
        originalEnd = []
        scalars.reserveCapacity(capacity)
        originalStart.reserveCapacity(capacity)
        originalEnd.reserveCapacity(capacity)
        self.originalCount = originalCount
    }

    /// Appends a normalised scalar that stands for original scalars `start..<end`.
    public mutating func append(_ scalar: Unicode.Scalar, from start: Int, to end: Int) {
        scalars.append(scalar)
        originalStart.append(start)
        originalEnd.append(end)
    }

    /// Replaces the normalised scalar at `index` in place (the original range is unchanged).
    public mutating func replace(at index: Int, with scalar: Unicode.Scalar) {
        scalars[index] = scalar
    }

    /// The number of normalised scalars.
    public var count: Int { scalars.count }

    /// Maps a normalised range `start..<end` to the original scalar range it covers.
    public func originalRange(_ start: Int, _ end: Int) -> (start: Int, end: Int) {
        guard start < end, start < scalars.count else {
            let position = start < originalStart.count ? originalStart[start] : originalCount
            return (position, position)
        }
        return (originalStart[start], originalEnd[min(end, scalars.count) - 1])
    }

    /// The normalised text between two normalised offsets.
    public func string(_ start: Int, _ end: Int) -> String {
        return String(scalars: scalars[max(0, start)..<min(end, scalars.count)])
    }
}
