public import TextModel

/// One sentence of a CoNLL-U file: its comments, multiword-token lines and word lines.
public struct CoNLLUSentence: Sendable, Equatable {
    /// A word line (ID is an integer).
    public struct Word: Sendable, Equatable {
        /// The word's index in the sentence, from 1 (column ID).
        public var id: Int
        /// The word as written (column FORM).
        public var form: String
        /// Dictionary form (column LEMMA), `_` when absent.
        public var lemma: String
        /// Universal part-of-speech tag (column UPOS), `_` when absent.
        public var upos: String
        /// Language-specific tag (column XPOS), `_` when absent.
        public var xpos: String
        /// Universal features, `Name=Value` pairs joined by `|` (column FEATS), `_` when absent.
        public var feats: String
        /// Index of the syntactic head, `0` for the root (column HEAD), kept as written.
        public var head: String
        /// Dependency relation to the head (column DEPREL).
        public var deprel: String
        /// Enhanced dependency graph (column DEPS), kept as written.
        public var deps: String
        /// Other annotation, such as `SpaceAfter=No` (column MISC).
        public var misc: String

        /// Creates a word line; unset columns are `_`.
        public init(id: Int, form: String, lemma: String = "_", upos: String = "_", xpos: String = "_", feats: String = "_",
                    head: String = "_", deprel: String = "_", deps: String = "_", misc: String = "_") {
            self.id = id
            self.form = form
            self.lemma = lemma
            self.upos = upos
            self.xpos = xpos
            self.feats = feats
            self.head = head
            self.deprel = deprel
            self.deps = deps
            self.misc = misc
        }

        /// `SpaceAfter=No` is absent from MISC.
        public var spaceAfter: Bool { !misc.split(separator: "|").contains("SpaceAfter=No") }
    }

    /// A multiword-token line (`4-5  мүдделіміз  _ …`): one surface token covering words `first...last`.
    public struct MultiwordToken: Sendable, Equatable {
        /// ID of the first word the token covers.
        public var first: Int
        /// ID of the last word the token covers (inclusive).
        public var last: Int
        /// The token as written (`мүдделіміз`).
        public var form: String
        /// The MISC column of the token line.
        public var misc: String
        /// `SpaceAfter=No` is absent from MISC.
        public var spaceAfter: Bool { !misc.split(separator: "|").contains("SpaceAfter=No") }
    }

    /// Comment lines as written, `#` included (`# sent_id = …`, `# text = …`).
    public var comments: [String]
    /// Word lines, in ID order.
    public var words: [Word]
    /// Multiword-token lines (`4-5`), in order.
    public var multiwordTokens: [MultiwordToken]

    /// Creates a sentence from its lines.
    public init(comments: [String] = [], words: [Word] = [], multiwordTokens: [MultiwordToken] = []) {
        self.comments = comments
        self.words = words
        self.multiwordTokens = multiwordTokens
    }

    /// The `# text = …` comment, if present.
    public var text: String? {
        for comment in comments where comment.hasPrefix("# text = ") {
            return String(comment.dropFirst("# text = ".count))
        }
        return nil
    }

    /// Surface tokens as written: multiword tokens once, other words as themselves.
    public var surfaceTokens: [(form: String, spaceAfter: Bool)] {
        var result: [(String, Bool)] = []
        var index = 0
        while index < words.count {
            let id = words[index].id
            if let mwt = multiwordTokens.first(where: { $0.first == id }) {
                result.append((mwt.form, mwt.spaceAfter))
                index += mwt.last - mwt.first + 1
            } else {
                result.append((words[index].form, words[index].spaceAfter))
                index += 1
            }
        }
        return result
    }
}

/// Errors reading CoNLL-U, with the line number.
public struct CoNLLUError: Error, CustomStringConvertible {
    /// The 1-based line of the file where the error is.
    public let line: Int
    /// What is wrong with that line.
    public let message: String
    /// `line N: message`, for reports.
    public var description: String { "line \(line): \(message)" }
}

/// Reads and writes CoNLL-U (https://universaldependencies.org/format.html).
public enum CoNLLU {
    /// Parses CoNLL-U text into sentences. Empty nodes (`8.1`) are skipped.
    public static func parse(_ text: String) throws -> [CoNLLUSentence] {
        var sentences: [CoNLLUSentence] = []
        var current = CoNLLUSentence()
        var lineNumber = 0
        func flush() {
            if !current.words.isEmpty || !current.comments.isEmpty { sentences.append(current) }
            current = CoNLLUSentence()
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty {
                flush()
                continue
            }
            if line.hasPrefix("#") {
                current.comments.append(String(line))
                continue
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 10 else {
                throw CoNLLUError(line: lineNumber, message: "expected 10 tab-separated fields, found \(fields.count)")
            }
            let id = fields[0]
            if id.contains(".") { continue }
            if let dash = id.firstIndex(of: "-") {
                guard let first = Int(id[..<dash]), let last = Int(id[id.index(after: dash)...]), first <= last else {
                    throw CoNLLUError(line: lineNumber, message: "bad multiword token id '\(id)'")
                }
                current.multiwordTokens.append(.init(first: first, last: last, form: fields[1], misc: fields[9]))
                continue
            }
            guard let number = Int(id) else {
                throw CoNLLUError(line: lineNumber, message: "bad word id '\(id)'")
            }
            current.words.append(.init(
                id: number, form: fields[1], lemma: fields[2], upos: fields[3], xpos: fields[4], feats: fields[5],
                head: fields[6], deprel: fields[7], deps: fields[8], misc: fields[9]))
        }
        flush()
        return sentences
    }

    /// Serialises sentences back to CoNLL-U text (each sentence followed by a blank line).
    public static func format(_ sentences: [CoNLLUSentence]) -> String {
        // Appended field by field: building an array per word and joining it cost more than the fields themselves.
        var out = ""
        for sentence in sentences {
            for comment in sentence.comments {
                out += comment
                out += "\n"
            }
            for word in sentence.words {
                if !sentence.multiwordTokens.isEmpty, let mwt = sentence.multiwordTokens.first(where: { $0.first == word.id }) {
                    out += "\(mwt.first)-\(mwt.last)\t\(mwt.form)\t_\t_\t_\t_\t_\t_\t_\t\(mwt.misc)\n"
                }
                out += String(word.id)
                out += "\t"; out += word.form
                out += "\t"; out += word.lemma
                out += "\t"; out += word.upos
                out += "\t"; out += word.xpos
                out += "\t"; out += word.feats
                out += "\t"; out += word.head
                out += "\t"; out += word.deprel
                out += "\t"; out += word.deps
                out += "\t"; out += word.misc
                out += "\n"
            }
            out += "\n"
        }
        return out
    }

    /// CoNLL-U sentences for an analysed document: one per sentence, tokens as words, numbered in `sent_id` from
    /// `firstNumber` (a piece of a long document continues the numbering of the pieces before it).
    public static func sentences(of document: Document, firstNumber: Int = 1) -> [CoNLLUSentence] {
        document.sentences.enumerated().map { number, sentence in
            var words: [CoNLLUSentence.Word] = []
            for (offset, tokenIndex) in sentence.tokenRange.enumerated() {
                let token = document.tokens[tokenIndex]
                words.append(.init(
                    id: offset + 1, form: token.text, lemma: token.lemma ?? "_", upos: token.upos?.rawValue ?? "_",
                    feats: token.feats.flatMap { $0.isEmpty ? nil : $0 } ?? "_",
                    misc: token.spaceAfter ? "_" : "SpaceAfter=No"))
            }
            let text = document.slice(sentence.start, sentence.end).replacingNewlinesWithSpaces()
            return CoNLLUSentence(comments: ["# sent_id = \(document.id)-\(number + firstNumber)", "# text = \(text)"], words: words)
        }
    }
}

extension String {
    fileprivate func replacingNewlinesWithSpaces() -> String {
        // Most sentences have none: no copy then.
        guard utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return self }
        return String(unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : Character($0) })
    }
}
