/// One sentence of an IOB2 (CoNLL-style) file: tokens with their BIO tags.
public struct IOB2Sentence: Sendable, Equatable {
    /// The sentence's tokens as written.
    public var tokens: [String]
    /// One tag per token: `O`, `B-CLASS` or `I-CLASS`.
    public var tags: [String]

    /// Creates a sentence; `tags` has one tag per token.
    public init(tokens: [String], tags: [String]) {
        self.tokens = tokens
        self.tags = tags
    }
}

/// Errors reading IOB2, with the line number.
public struct IOB2Error: Error, CustomStringConvertible {
    /// The 1-based line of the file where the error is.
    public let line: Int
    /// What is wrong with that line.
    public let message: String
    /// `line N: message`, for reports.
    public var description: String { "line \(line): \(message)" }
}

/// Reads and writes the IOB2 format used by KazNERD and conlleval: one `token tag` per line
/// (space- or tab-separated; the tag is the last field), a blank line between sentences.
public enum IOB2 {
    /// Parses IOB2 text. Lines may carry extra columns; the first is the token, the last the tag.
    /// A tag that is not `O`, `B-X` or `I-X` is an error naming its line.
    public static func parse(_ text: String) throws -> [IOB2Sentence] {
        var sentences: [IOB2Sentence] = []
        var current = IOB2Sentence(tokens: [], tags: [])
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.isEmpty {
                if !current.tokens.isEmpty { sentences.append(current) }
                current = IOB2Sentence(tokens: [], tags: [])
                continue
            }
            if fields[0] == "-DOCSTART-" { continue }
            guard fields.count >= 2 else {
                throw IOB2Error(line: lineNumber, message: "expected 'token tag', found '\(line)'")
            }
            let tag = String(fields[fields.count - 1])
            guard isValidTag(tag) else {
                throw IOB2Error(line: lineNumber, message: "bad tag '\(tag)' (expected O, B-CLASS or I-CLASS)")
            }
            current.tokens.append(String(fields[0]))
            current.tags.append(tag)
        }
        if !current.tokens.isEmpty { sentences.append(current) }
        return sentences
    }

    /// Formats sentences with extra tag columns (e.g. gold and predicted), conlleval style:
    /// `token tag1 tag2 …` per line and a blank line after each sentence.
    public static func format(tokens sentences: [[String]], columns: [[[String]]]) -> String {
        var out = ""
        for (index, tokens) in sentences.enumerated() {
            for position in tokens.indices {
                out += tokens[position]
                for column in columns { out += " " + column[index][position] }
                out += "\n"
            }
            out += "\n"
        }
        return out
    }

    static func isValidTag(_ tag: String) -> Bool {
        if tag == "O" { return true }
        return (tag.hasPrefix("B-") || tag.hasPrefix("I-")) && tag.count > 2
    }
}
