/// Re-indents compact JSON (no whitespace outside strings, as ``TextModel/Document/jsonLine()`` writes it) exactly as
/// `JSONEncoder` with `.prettyPrinted` writes it: two spaces per level, `"key" : value`, an empty array or object as
/// an opening line, an empty line and the closing line.
///
/// `analyze --format json` used to encode its documents through `JSONEncoder`, whose tree of boxed values took
/// gigabytes for a document of a million tokens; this writes the same bytes in one pass, in chunks.
struct PrettyJSON {
    /// Levels of indentation already open around the value (1 for an element of the top-level array).
    private var level: Int
    private var output: [UInt8] = []

    /// Creates a formatter for a value `level` levels deep.
    init(level: Int = 0) {
        self.level = level
    }

    /// Writes the pretty form of one compact JSON value through `write`, in chunks.
    mutating func format(_ compact: String, write: (String) -> Void) {
        var compact = compact
        compact.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    // A string, copied as it is up to its unescaped closing quote.
                    var end = index + 1
                    while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index...min(end, bytes.count - 1)]))
                    index = end
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    output.append(byte)
                    let closing = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    if index + 1 < bytes.count, bytes[index + 1] == closing {
                        output.append(UInt8(ascii: "\n"))
                        newline()
                        output.append(closing)
                        index += 1
                    } else {
                        level += 1
                        newline()
                    }
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    level -= 1
                    newline()
                    output.append(byte)
                case UInt8(ascii: ","):
                    output.append(byte)
                    newline()
                case UInt8(ascii: ":"):
                    output.append(contentsOf: " : ".utf8)
                default:
                    output.append(byte)
                }
                index += 1
                if output.count >= 1 << 16 { flush(write) }
            }
        }
        flush(write)
    }

    /// Hands over what is buffered.
    private mutating func flush(_ write: (String) -> Void) {
        guard !output.isEmpty else { return }
        write(String(decoding: output, as: UTF8.self))
        output.removeAll(keepingCapacity: true)
    }

    private mutating func newline() {
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }
}
