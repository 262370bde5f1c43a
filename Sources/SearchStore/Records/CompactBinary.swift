import Foundation

/// Writes the compact binary form of stored layers: LEB128 varints, zigzag for signed values, and
/// strings through a per-blob table so a name repeated in one document is written once.
struct CompactBinaryWriter {
    private(set) var bytes: [UInt8] = []
    /// Keyed by UTF-8 bytes, not `String`: `String` equality holds for canonically equivalent strings ("й" and
    /// "и" + U+0306), and a reference to the first would give the second back with the wrong scalars.
    private var stringTable: [[UInt8]: Int] = [:]

    init(capacity: Int = 64) {
        bytes.reserveCapacity(capacity)
    }

    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    mutating func unsigned(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func count(_ value: Int) {
        unsigned(UInt64(max(0, value)))
    }

    /// A signed value, zigzag-encoded so small negative deltas stay one byte.
    mutating func signed(_ value: Int) {
        let value = Int64(value)
        unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// A double: integral values that fit 2⁵³ as a zigzag varint (tag 0), any other as its 8 raw bytes (tag 1).
    mutating func double(_ value: Double) {
        if value.isFinite, value == value.rounded(), abs(value) < 9.0e15, !(value == 0 && value.sign == .minus) {
            byte(0)
            signed(Int(value))
        } else {
            byte(1)
            var bits = value.bitPattern
            for _ in 0..<8 {
                bytes.append(UInt8(truncatingIfNeeded: bits))
                bits >>= 8
            }
        }
    }

    /// An optional string: 0 = nil, 1 = empty, 2 = a new string (length and UTF-8 follow), n ≥ 3 = the
    /// (n − 3)th string already written in this blob.
    mutating func string(_ value: String?) {
        guard let value else { return unsigned(0) }
        if value.isEmpty { return unsigned(1) }
        let utf8 = Array(value.utf8)
        if let index = stringTable[utf8] { return unsigned(UInt64(index + 3)) }
        stringTable[utf8] = stringTable.count
        unsigned(2)
        count(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    mutating func strings(_ values: [String]) {
        count(values.count)
        for value in values { string(value) }
    }
}

/// Reads what ``CompactBinaryWriter`` wrote; every read is bounds-checked and a malformed blob throws
/// ``CompactBinaryReader/Malformed`` instead of trapping.
struct CompactBinaryReader {
    /// Why a blob could not be read, with the byte offset where reading stopped.
    struct Malformed: Error, CustomStringConvertible {
        var reason: String
        var offset: Int
        var description: String { "\(reason) at byte \(offset)" }
    }

    private let bytes: [UInt8]
    private(set) var position = 0
    private var stringTable: [String] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { position == bytes.count }

    func fail(_ reason: String) -> Malformed {
        Malformed(reason: reason, offset: position)
    }

    mutating func byte() throws -> UInt8 {
        guard position < bytes.count else { throw fail("unexpected end") }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func unsigned() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw fail("varint too long") }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    /// A count of items that each take at least one byte: larger than what is left means corruption.
    mutating func count() throws -> Int {
        let value = try unsigned()
        guard value <= UInt64(bytes.count - position) else { throw fail("count \(value) exceeds the blob") }
        return Int(value)
    }

    mutating func signed() throws -> Int {
        let raw = try unsigned()
        let value = Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
        guard value >= Int64(Int32.min), value <= Int64(Int32.max) else { throw fail("value \(value) out of range") }
        return Int(value)
    }

    mutating func double() throws -> Double {
        switch try byte() {
        case 0:
            let raw = try unsigned()
            return Double(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
        case 1:
            guard bytes.count - position >= 8 else { throw fail("unexpected end") }
            var bits: UInt64 = 0
            for index in 0..<8 { bits |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
            position += 8
            return Double(bitPattern: bits)
        case let tag:
            throw fail("unknown number tag \(tag)")
        }
    }

    mutating func string() throws -> String? {
        let code = try unsigned()
        switch code {
        case 0: return nil
        case 1: return ""
        case 2:
            let length = try count()
            guard let value = String(validating: bytes[position..<position + length], as: UTF8.self) else {
                throw fail("invalid UTF-8")
            }
            position += length
            stringTable.append(value)
            return value
        default:
            guard code - 3 < UInt64(stringTable.count) else { throw fail("unknown string reference \(code)") }
            return stringTable[Int(code - 3)]
        }
    }

    mutating func requiredString() throws -> String {
        guard let value = try string() else { throw fail("missing string") }
        return value
    }

    mutating func strings() throws -> [String] {
        try (0..<count()).map { _ in try requiredString() }
    }
}
