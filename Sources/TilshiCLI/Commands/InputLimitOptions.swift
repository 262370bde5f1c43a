import ArgumentParser
import Formats

/// `--max-document-size` and `--max-line-size`, shared by the commands that read news (`analyze`, `ingest`).
struct InputLimitOptions: ParsableArguments {
    @Option(name: .customLong("max-document-size"), help: ArgumentHelp(
        "Largest document text analysed (bytes; K, M, G suffixes). Larger documents are reported and skipped.",
        discussion: "Applies to a plain-text file, each JSON line's text, an HTML page's main text and each feed item.",
        valueName: "size"))
    var maximumDocumentSize: String = "64M"

    @Option(name: .customLong("max-line-size"), help: ArgumentHelp(
        "Longest JSON Lines line read (bytes; K, M, G suffixes); default: the document size plus 1M.", valueName: "size"))
    var maximumLineSize: String?

    init() {}

    func validate() throws {
        guard InputLimits.parseSize(maximumDocumentSize) != nil else {
            throw ValidationError("--max-document-size: '\(maximumDocumentSize)' is not a size such as 64M, 512K or 1000000")
        }
        if let maximumLineSize, InputLimits.parseSize(maximumLineSize) == nil {
            throw ValidationError("--max-line-size: '\(maximumLineSize)' is not a size such as 65M, 512K or 1000000")
        }
    }

    /// The limits given (the defaults when none are).
    var limits: InputLimits {
        InputLimits(
            maximumDocumentBytes: InputLimits.parseSize(maximumDocumentSize) ?? InputLimits.defaultMaximumDocumentBytes,
            maximumLineBytes: maximumLineSize.flatMap(InputLimits.parseSize))
    }
}
