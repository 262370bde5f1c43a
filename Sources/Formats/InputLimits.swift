import Foundation

/// Size limits on one input document, so a huge or hostile input is refused with a clear error naming it instead of
/// taking the machine's memory and hours of CPU (the other inputs of the run are still read).
///
/// The defaults are generous: a news article is a few kilobytes, a long read a few hundred.
public struct InputLimits: Sendable, Equatable {
    /// Largest document text analysed, in UTF-8 bytes (default 64 MiB): a plain-text file, a JSON line's `text`, an
    /// HTML page's main text or a feed item's text.
    public var maximumDocumentBytes: Int
    /// Longest line of a JSON Lines file, in UTF-8 bytes (default 64 MiB plus 1 MiB for the other fields and JSON
    /// escapes); longer lines are refused before they are parsed.
    public var maximumLineBytes: Int

    /// The default document limit, 64 MiB.
    public static let defaultMaximumDocumentBytes = 64 << 20

    /// The default limits: 64 MiB per document, 65 MiB per JSON line.
    public static let `default` = InputLimits()

    /// Creates limits; `maximumLineBytes` defaults to the document limit plus 1 MiB.
    public init(maximumDocumentBytes: Int = InputLimits.defaultMaximumDocumentBytes, maximumLineBytes: Int? = nil) {
        self.maximumDocumentBytes = maximumDocumentBytes
        self.maximumLineBytes = maximumLineBytes ?? maximumDocumentBytes + (1 << 20)
    }

    /// Throws a failure naming `input` when `text` is longer than ``maximumDocumentBytes``.
    public func check(document text: some StringProtocol, input: String) throws(TextInput.Failure) {
        let bytes = text.utf8.count
        guard bytes <= maximumDocumentBytes else {
            throw TextInput.Failure(input: input, reason: "document is too large (\(bytes) bytes of text; the limit is \(maximumDocumentBytes), --max-document-size)")
        }
    }

    /// Throws a failure naming `input` when a JSON line of `bytes` bytes is longer than ``maximumLineBytes``.
    public func check(lineBytes bytes: Int, input: String) throws(TextInput.Failure) {
        guard bytes <= maximumLineBytes else {
            throw TextInput.Failure(input: input, reason: "line is too long (\(bytes) bytes; the limit is \(maximumLineBytes), --max-line-size)")
        }
    }

    /// Parses a size such as `64M`, `512K`, `1G` or `1000000` (bytes; K, M and G are powers of 1024), or nil.
    public static func parseSize(_ text: String) -> Int? {
        var digits = Substring(text.trimmingCharacters(in: .whitespaces))
        var unit = 1
        switch digits.last.map({ Character($0.uppercased()) }) {
        case "K": unit = 1 << 10
        case "M": unit = 1 << 20
        case "G": unit = 1 << 30
        default: break
        }
        if unit != 1 { digits = digits.dropLast() }
        guard let value = Int(digits), value > 0 else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: unit)
        return overflow ? nil : product
    }
}
