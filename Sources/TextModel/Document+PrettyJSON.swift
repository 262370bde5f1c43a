// The pretty-printed JSON of `tilshi analyze` (the default format), written without `JSONEncoder`: the compact line
// of ``Document/jsonLine()`` re-indented byte by byte into the layout `JSONEncoder` gives with `.prettyPrinted`
// (two spaces per level, `" : "` between key and value, empty containers as an open line and a close line). The
// encoder needed the whole array of documents at once and ran at a fraction of the analysis speed.

extension Document {
    /// The document as `JSONEncoder` writes it with `.prettyPrinted`, `.sortedKeys` and `.withoutEscapingSlashes`,
    /// indented as if nested `level` containers deep (1 for an element of a top-level array), without a final newline.
    public func prettyJSON(level: Int = 0) -> String {
        PrettyJSON.reindent(jsonLine(), level: level)
    }
}

/// Re-indents compact JSON into `JSONEncoder`'s `.prettyPrinted` layout.
public enum PrettyJSON {
    /// `compact` (JSON without insignificant white space, as `JSONEncoder` writes without `.prettyPrinted`) laid out as
    /// `.prettyPrinted` would, starting `level` levels deep; no final newline.
    public static func reindent(_ compact: String, level: Int = 0) -> String {
        var compact = compact
        return compact.withUTF8 { input in
            // Two passes over the same layout walk: the first counts the output bytes, the second writes them into a
            // string of exactly that size. No growth, no per-byte bounds or uniqueness checks of an array append.
            let size = layout(input, level: level, into: nil)
            guard size > 0 else { return "" }
            return String(unsafeUninitializedCapacity: size) { buffer in
                layout(input, level: level, into: buffer.baseAddress!)
            }
        }
    }

    /// Walks `input` laying it out; writes to `out` when given; returns the number of output bytes.
    @discardableResult
    private static func layout(_ input: UnsafeBufferPointer<UInt8>, level: Int, into out: UnsafeMutablePointer<UInt8>?) -> Int {
        var written = 0
        var depth = level
        var index = 0
        let count = input.count
        @inline(__always) func put(_ byte: UInt8) {
            out?[written] = byte
            written += 1
        }
        @inline(__always) func newline(_ depth: Int) {
            let spaces = 2 * depth
            if let out {
                out[written] = 0x0A
                (out + written + 1).initialize(repeating: 0x20, count: spaces)
            }
            written += 1 + spaces
        }
        while index < count {
            let byte = input[index]
            switch byte {
            case 0x22: // a string, copied as it is up to its closing quote
                let start = index
                index += 1
                while index < count {
                    let inner = input[index]
                    if inner == 0x5C { index += 2; continue }
                    index += 1
                    if inner == 0x22 { break }
                }
                let end = min(index, count)
                if let out { (out + written).update(from: input.baseAddress! + start, count: end - start) }
                written += end - start
                continue
            case 0x7B, 0x5B: // { [
                put(byte)
                depth += 1
                if index + 1 < count, input[index + 1] == byte + 2 { // empty: {} or []
                    put(0x0A)
                    newline(depth - 1)
                    put(byte + 2)
                    depth -= 1
                    index += 2
                    continue
                }
                newline(depth)
            case 0x7D, 0x5D: // } ]
                depth -= 1
                newline(depth)
                put(byte)
            case 0x2C: // ,
                put(byte)
                newline(depth)
            case 0x3A: // :
                put(0x20); put(0x3A); put(0x20)
            default:
                put(byte)
            }
            index += 1
        }
        return written
    }
}

/// ``PrettyJSON/reindent(_:level:)`` for compact JSON that arrives in chunks (cut anywhere, even inside a string or
/// an escape): the output of all the chunks together is the re-indentation of their concatenation. A document too
/// long to hold as one string (analysed in pieces, its layers spilled to files) is written this way.
public struct PrettyJSONStream: Sendable {
    private var depth: Int
    private var inString = false
    private var escaped = false
    /// A `{` or `[` not yet written: whether it opens an empty container shows only with the next byte.
    private var pendingOpen: UInt8?

    /// A stream laid out as if nested `level` containers deep (1 for an element of a top-level array).
    public init(level: Int = 0) {
        depth = level
    }

    /// Appends the re-indentation of `chunk` to `out`.
    public mutating func feed(_ chunk: some Sequence<UInt8>, into out: inout [UInt8]) {
        for byte in chunk {
            if let open = pendingOpen {
                pendingOpen = nil
                out.append(open)
                if byte == open + 2 { // empty: {} or []
                    out.append(0x0A)
                    newline(depth, into: &out)
                    out.append(byte)
                    continue
                }
                depth += 1
                newline(depth, into: &out)
            }
            if inString {
                out.append(byte)
                if escaped {
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == 0x22 {
                    inString = false
                }
                continue
            }
            switch byte {
            case 0x22:
                inString = true
                out.append(byte)
            case 0x7B, 0x5B: // { [
                pendingOpen = byte
            case 0x7D, 0x5D: // } ]
                depth -= 1
                newline(depth, into: &out)
                out.append(byte)
            case 0x2C: // ,
                out.append(byte)
                newline(depth, into: &out)
            case 0x3A: // :
                out.append(contentsOf: [0x20, 0x3A, 0x20])
            default:
                out.append(byte)
            }
        }
    }

    /// Appends what is still held back (an opening bracket at the very end of malformed input) to `out`.
    public mutating func finish(into out: inout [UInt8]) {
        if let open = pendingOpen {
            out.append(open)
            pendingOpen = nil
        }
    }

    private func newline(_ depth: Int, into out: inout [UInt8]) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: 2 * max(0, depth)))
    }
}
