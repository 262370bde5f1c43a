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
            var out: [UInt8] = []
            out.reserveCapacity(input.count * 2 + 64)
            var depth = level
            var index = 0
            let count = input.count
            @inline(__always) func newline(_ depth: Int) {
                out.append(0x0A)
                for _ in 0..<(2 * depth) { out.append(0x20) }
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
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<min(index, count)]))
                    continue
                case 0x7B, 0x5B: // { [
                    out.append(byte)
                    depth += 1
                    if index + 1 < count, input[index + 1] == byte + 2 { // empty: {} or []
                        out.append(0x0A)
                        newline(depth - 1)
                        out.append(byte + 2)
                        depth -= 1
                        index += 2
                        continue
                    }
                    newline(depth)
                case 0x7D, 0x5D: // } ]
                    depth -= 1
                    newline(depth)
                    out.append(byte)
                case 0x2C: // ,
                    out.append(byte)
                    newline(depth)
                case 0x3A: // :
                    out.append(0x20); out.append(0x3A); out.append(0x20)
                default:
                    out.append(byte)
                }
                index += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
