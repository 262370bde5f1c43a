/// Running text rebuilt from the tokens of a pre-tokenised sentence (KazNERD), with where each token landed.
///
/// The one composition `bench pipeline`, `bench search` and `eval facts-kaznerd` share, so that a span measured on the
/// text is the span the benchmarks analyse: a space between tokens except before `. , : ; ! ? » ) % …` and after
/// `« ( "`.
public struct IOB2Detokenized: Sendable, Equatable {
    /// The rebuilt sentence text.
    public var text: String
    /// Each token's range in `text`, in Unicode scalars (the offsets `Document` spans use).
    public var tokenRanges: [Range<Int>]

    /// - Parameter joiningDecimalCommas: rebuild decimals that KazNERD's tokenizer split at the comma ("2 , 5" →
    ///   "2,5": digits, a comma, then one or two digits), as the source text wrote them. Off for the benchmarks,
    ///   whose input text stays as it was.
    public init(_ tokens: [String], joiningDecimalCommas: Bool = false) {
        var text = ""
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(tokens.count)
        var offset = 0
        var noSpace = true
        for (index, token) in tokens.enumerated() {
            let closing = Self.closing.contains(token)
            if joiningDecimalCommas, index >= 2, tokens[index - 1] == ",", Self.isDecimalSplit(tokens[index - 2], token) {
                noSpace = true
            }
            if !text.isEmpty && !closing && !noSpace {
                text += " "
                offset += 1
            }
            let length = token.unicodeScalars.count
            ranges.append(offset..<(offset + length))
            text += token
            offset += length
            noSpace = token == "«" || token == "(" || token == "\""
        }
        self.text = text
        self.tokenRanges = ranges
    }

    /// "2" "," "5": whole digits before the comma, one or two digits (and maybe a glued ending) after it.
    private static func isDecimalSplit(_ before: String, _ after: String) -> Bool {
        guard !before.isEmpty, before.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
        let digits = after.utf8.prefix { (0x30...0x39).contains($0) }.count
        return (1...2).contains(digits)
    }

    private static let closing: Set<String> = [".", ",", ":", ";", "!", "?", "»", ")", "%", "…"]

    /// The scalar range of tokens `tokens` (non-empty) in `text`.
    public func range(of tokens: Range<Int>) -> Range<Int> {
        tokenRanges[tokens.lowerBound].lowerBound..<tokenRanges[tokens.upperBound - 1].upperBound
    }
}
