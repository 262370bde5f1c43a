import Foundation

/// Buffered standard output; large analyses are written in chunks, not one string per token.
package struct StandardOutput {
    package init() {}

    private var buffer = ""

    package mutating func write(_ text: String) {
        buffer += text
        if buffer.utf8.count > 1 << 16 { flush() }
    }

    package mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer.utf8))
        buffer = ""
    }
}

/// One-line error reports on standard error, prefixed with the program name.
package enum StandardError {
    package static func report(_ message: String) {
        FileHandle.standardError.write(Data("tilshi: \(message)\n".utf8))
    }
}
