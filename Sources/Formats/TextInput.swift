public import Foundation

/// Reading one input (a file path or `-` for standard input) as validated UTF-8 text.
///
/// Every failure names the input and says what is wrong, so a command can report it on one
/// line and go on with the other inputs.
public enum TextInput {
    /// Largest input accepted, in bytes (256 MiB); larger files are refused, not truncated.
    public static let maximumBytes = 256 << 20

    /// Why an input could not be read as text.
    public struct Failure: Error, Sendable, CustomStringConvertible, Equatable {
        /// The input as named by the user: a path, with `:line` when known, or `-`.
        public let input: String
        /// What is wrong, in words a user understands.
        public let reason: String
        /// Creates a failure for `input` with `reason`.
        public init(input: String, reason: String) {
            self.input = input
            self.reason = reason
        }
        /// `input: reason`, for a one-line report.
        public var description: String { "\(input): \(reason)" }
    }

    /// Reads `path` (or stdin for `-`) and returns its text, or throws a ``Failure``.
    public static func read(_ path: String) throws(Failure) -> String {
        let data: Data
        if path == "-" {
            data = try readBounded(FileHandle.standardInput, input: path)
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw Failure(input: path, reason: "no such file")
            }
            guard !isDirectory.boolValue else { throw Failure(input: path, reason: "is a directory") }
            if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maximumBytes {
                throw Failure(input: path, reason: "is too large (\(size) bytes; the limit is \(maximumBytes))")
            }
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw Failure(input: path, reason: "cannot be read (permission denied?)")
            }
            data = contents
        }
        return try decode(data, input: path)
    }

    /// Reads `handle` to its end in chunks, stopping with a ``Failure`` as soon as more than ``maximumBytes`` arrived:
    /// a stream (standard input) has no size to check first, and reading it whole before the check would hold
    /// all of it in memory.
    public static func readBounded(_ handle: FileHandle, input: String, limit: Int = maximumBytes) throws(Failure) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            // read(2) returns what has arrived; FileHandle's reads wait for a full chunk or the end of the stream.
            let count = buffer.withUnsafeMutableBytes { systemRead(handle.fileDescriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(input: input, reason: "cannot be read (\(String(cString: strerror(errno))))")
            }
            if count == 0 { return data }
            data.append(contentsOf: buffer[..<count])
            if data.count > limit {
                throw Failure(input: input, reason: "is too large (more than \(limit) bytes, the limit); reading stopped there")
            }
        }
    }

    /// Validates `data` as UTF-8 text (no NUL bytes, not empty) and returns it without a BOM.
    public static func decode(_ data: Data, input: String) throws(Failure) -> String {
        guard data.count <= maximumBytes else {
            throw Failure(input: input, reason: "is too large (\(data.count) bytes; the limit is \(maximumBytes))")
        }
        if data.isEmpty { throw Failure(input: input, reason: "is empty") }
        // Anywhere, not only near the start: a NUL later in a text would be stored and shown raw in the web page.
        let nul = data.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress, let hit = memchr(base, 0, raw.count) else { return nil }
            return base.distance(to: UnsafeRawPointer(hit))
        }
        if let nul { throw Failure(input: input, reason: "looks like a binary file (contains a NUL byte at offset \(nul))") }
        let bytes = [UInt8](data)
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(bytes)
            throw Failure(input: input, reason: "is not valid UTF-8 (bad byte at offset \(offset))")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.allSatisfy(\.isWhitespace) { throw Failure(input: input, reason: "is empty (only whitespace)") }
        return text
    }

    /// Offset of the first byte that breaks UTF-8 validity.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Musl)
import Musl
private let systemRead = Musl.read
#else
import Darwin
private let systemRead = Darwin.read
#endif
