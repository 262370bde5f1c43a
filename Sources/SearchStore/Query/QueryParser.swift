/// The user's query, parsed: a safe FTS5 `MATCH` expression plus the words to highlight.
public struct ParsedQuery: Sendable, Equatable {
    /// FTS5 expression made only of quoted terms, `AND`, `OR`, `NOT` and parentheses; nil when
    /// the query has no searchable word.
    public var expression: String?
    /// The words (and their Cyrillic spellings) that a matching document contains, for highlighting.
    public var positiveWords: [String]
    /// Prefixes (`алма*`) a matching document contains, folded to Cyrillic.
    public var positivePrefixes: [String]
    /// What the parser ignored or changed, in words a user understands.
    public var warnings: [String]
    /// Whether the expression is only an OR of its phrases (no AND, NOT or prefix), so that the number of
    /// documents holding any one phrase is a lower bound of the number of matches.
    public var isAlternatives = false

    /// The phrases of ``expression`` in FTS5's order (left to right), each with whether it is a prefix (`"алма" *`):
    /// recorded as the expression is built, never parsed back from it. The ranking function receives one document
    /// count per phrase in this order.
    public var phrases: [Phrase] = []

    /// One quoted string of the FTS5 expression.
    public struct Phrase: Sendable, Equatable {
        /// The phrase's text as quoted (folded to Cyrillic; a ``NameStem`` key starts with its marker).
        public var text: String
        /// Whether the phrase matches as a prefix (`"алма" *`).
        public var prefix: Bool
    }
}

/// Parses the query syntax of ``SearchQuery/text`` into an FTS5 expression.
///
/// Grammar (operators are upper-case English words, as in most search engines):
/// ```
/// query   := and ("OR" and)*
/// and     := unary (["AND"] unary)*
/// unary   := "NOT" unary | "-" primary | primary
/// primary := word ["*"] | '"' words '"' | "(" query ")"
/// ```
/// Every word is emitted as a quoted FTS5 string, so no user text is ever read as FTS5 syntax:
/// `NEAR(`, `^`, `*` alone, column filters (`title:`), SQL and stray quotes become separators or
/// plain words. Unbalanced quotes and parentheses are closed at the end; a query is cut to its
/// first ``maximumWords`` words and ``maximumDepth`` levels of parentheses.
public struct QueryParser: Sendable {
    /// Words kept from a query; the rest are dropped with a warning.
    public static let maximumWords = 32
    /// Capitalised words at least this long also match as prefixes of longer words (their inflected forms).
    public static let minimumExpandedLength = 5
    /// Names added to a query by ``parse(_:names:)`` at most.
    public static let maximumNameExpansions = 8
    /// Levels of parentheses kept; deeper parentheses are ignored, their words kept.
    public static let maximumDepth = 8

    /// Creates a parser; it has no state.
    public init() {}

    /// Parses the user's query text into an FTS5 expression of quoted terms, the words to highlight and warnings; never fails.
    public func parse(_ text: String) -> ParsedQuery {
        parse(text, names: { _ in [] })
    }

    /// ``parse(_:)`` with each capitalised query word (not a prefix) also matching the names `names` gives for it, as
    /// alternatives of their own (their lemma and ``NameStem`` key): the collection's names a Russian case form or another
    /// spelling stands for ("Досаеву" → Досаев, `NewsDatabase.nameExpansions(of:)`).
    public func parse(_ text: String, names: (String) -> [String]) -> ParsedQuery {
        var lexer = Lexer(scalars: Array(text.unicodeScalars))
        var tokens = lexer.tokens()
        var warnings = lexer.warnings
        let wordCount = tokens.reduce(0) { count, token in
            switch token {
            case .word: count + 1
            case .phrase(let words): count + words.count
            default: count
            }
        }
        if wordCount > Self.maximumWords {
            tokens = Self.truncate(tokens, toWords: Self.maximumWords)
            warnings.append("the query was cut to its first \(Self.maximumWords) words")
        }
        var parser = Parser(tokens: tokens)
        // Each word looked up once, and at most ``maximumNameExpansions`` names added in all (each adds phrases to rank).
        var expansionsLeft = Self.maximumNameExpansions
        var expanded: [String: [String]] = [:]
        let node = parser.parseQuery(depth: 0).map { root in
            Self.expandingNames(root) { word in
                let found = Array((expanded[word] ?? names(word)).prefix(max(expansionsLeft, 0)))
                expanded[word] = found
                expansionsLeft -= found.count
                return found
            }
        }
        warnings += parser.warnings
        guard let node else {
            return ParsedQuery(expression: nil, positiveWords: [], positivePrefixes: [], warnings: warnings)
        }
        var renderWarnings: [String] = []
        let rendered = Self.render(node, warnings: &renderWarnings)
        warnings += renderWarnings
        var positives: [String] = []
        var prefixes: [String] = []
        Self.collectPositiveWords(node, into: &positives, prefixes: &prefixes)
        var parsed = ParsedQuery(
            expression: rendered?.expression, positiveWords: positives, positivePrefixes: prefixes, warnings: warnings
        )
        parsed.phrases = rendered?.phrases ?? []
        // One word (its spellings and name key) or an OR of words: every match holds one of the phrases.
        parsed.isAlternatives = switch node {
        case .word(_, prefix: false): true
        case .or(let children): children.allSatisfy { if case .word(_, prefix: false) = $0 { true } else { false } }
        default: false
        }
        return parsed
    }

    /// `node` with each capitalised word W that `names` expands to N1…Nk replaced by `W OR N1 … OR Nk`.
    private static func expandingNames(_ node: QueryNode, _ names: (String) -> [String]) -> QueryNode {
        switch node {
        case .word(let word, prefix: false):
            guard let first = word.unicodeScalars.first, first.properties.isUppercase else { return node }
            let expansions = names(word).filter { $0 != word }
            return expansions.isEmpty ? node : .or([node] + expansions.map { .word($0, prefix: false) })
        case .word, .phrase: return node
        case .not(let inner): return .not(expandingNames(inner, names))
        case .and(let children): return .and(children.map { expandingNames($0, names) })
        case .or(let children): return .or(children.map { expandingNames($0, names) })
        }
    }

    // MARK: Rendering

    /// An FTS5 expression and its quoted strings in the order they appear in it.
    private struct Rendered {
        var expression: String
        var phrases: [ParsedQuery.Phrase]

        init(_ phrase: ParsedQuery.Phrase) {
            expression = QueryParser.quote(phrase.text) + (phrase.prefix ? " *" : "")
            phrases = [phrase]
        }

        /// `parts` joined by `separator` (in parentheses when more than one), their phrases in the same order.
        init(joining parts: [Rendered], separator: String) {
            expression = parts.count == 1 ? parts[0].expression : "(" + parts.map(\.expression).joined(separator: separator) + ")"
            phrases = parts.flatMap(\.phrases)
        }
    }

    private static func render(_ node: QueryNode, warnings: inout [String]) -> Rendered? {
        switch node {
        case .word(let word, let prefix):
            if prefix {
                return Rendered(ParsedQuery.Phrase(text: ScriptFolding.cyrillic(word) ?? word, prefix: true))
            }
            let variants = ScriptFolding.queryVariants(word)
            var alternatives = variants.map { Rendered(ParsedQuery.Phrase(text: $0, prefix: false)) }
            // A name also matches every indexed form that shares its ``NameStem`` key: this recovers inflected
            // forms the lemmatizer gets wrong (a surname it does not know) with one term list, where matching
            // the name as a prefix merged the lists of every word it begins.
            if Self.expandsToPrefix(word) {
                alternatives.append(Rendered(ParsedQuery.Phrase(text: NameStem.queryKey(variants[0].lowercased()), prefix: false)))
            }
            return Rendered(joining: alternatives, separator: " OR ")
        case .phrase(let words):
            let folded = words.map { ScriptFolding.cyrillic($0) ?? $0 }
            return Rendered(ParsedQuery.Phrase(text: folded.joined(separator: " "), prefix: false))
        case .not:
            warnings.append("a query cannot only exclude words; add a word to search for")
            return nil
        case .or(let children):
            let parts = children.compactMap { render($0, warnings: &warnings) }
            if parts.isEmpty { return nil }
            return Rendered(joining: parts, separator: " OR ")
        case .and(let children):
            var positives: [Rendered] = []
            var negatives: [Rendered] = []
            for child in children {
                if case .not(let inner) = child {
                    if let rendered = render(inner, warnings: &warnings) { negatives.append(rendered) }
                } else if let rendered = render(child, warnings: &warnings) {
                    positives.append(rendered)
                }
            }
            if positives.isEmpty {
                if !negatives.isEmpty { warnings.append("a query cannot only exclude words; add a word to search for") }
                return nil
            }
            let positive = Rendered(joining: positives, separator: " AND ")
            if negatives.isEmpty { return positive }
            var excluded = Rendered(joining: negatives, separator: " OR ")
            // Always in parentheses after NOT, even for one excluded part (as before).
            if negatives.count == 1 { excluded.expression = "(" + excluded.expression + ")" }
            return Rendered(joining: [positive, excluded], separator: " NOT ")
        }
    }

    /// Whether a query word also matches by its ``NameStem`` key (and is highlighted as a prefix): a capitalised
    /// word (a name) of ``minimumExpandedLength`` letters or more.
    ///
    /// Even names the stem lexicon knows need it: matching them by lemma alone cut inflection recall at
    /// 10,000 articles from 100 % to 89.9 % (Тоқаев 23 %, Елбасы 44 %: the lemmatizer often keeps a case
    /// ending on them).
    static func expandsToPrefix(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first else { return false }
        return word.unicodeScalars.count >= minimumExpandedLength && first.properties.isUppercase
    }

    /// An FTS5 string literal: the text in double quotes, inner quotes doubled.
    static func quote(_ text: String) -> String {
        var quoted = "\""
        for character in text {
            quoted.append(character)
            if character == "\"" { quoted.append("\"") }
        }
        return quoted + "\""
    }

    private static func collectPositiveWords(_ node: QueryNode, into words: inout [String], prefixes: inout [String]) {
        switch node {
        case .word(let word, true): prefixes.append(ScriptFolding.cyrillic(word) ?? word.lowercased())
        case .word(let word, false):
            let variants = ScriptFolding.queryVariants(word)
            words += variants
            if expandsToPrefix(word) { prefixes.append(variants[0].lowercased()) }
        case .phrase(let phraseWords): words += phraseWords.map { ScriptFolding.cyrillic($0) ?? $0 }
        case .not: break
        case .and(let children), .or(let children):
            for child in children { collectPositiveWords(child, into: &words, prefixes: &prefixes) }
        }
    }

    private static func truncate(_ tokens: [QueryToken], toWords limit: Int) -> [QueryToken] {
        var kept: [QueryToken] = []
        var count = 0
        for token in tokens {
            switch token {
            case .word:
                guard count < limit else { return kept }
                count += 1
                kept.append(token)
            case .phrase(let words):
                guard count < limit else { return kept }
                let take = Array(words.prefix(limit - count))
                count += take.count
                kept.append(.phrase(take))
            default:
                kept.append(token)
            }
        }
        return kept
    }
}

indirect enum QueryNode: Equatable {
    case word(String, prefix: Bool)
    case phrase([String])
    case and([QueryNode])
    case or([QueryNode])
    case not(QueryNode)
}

enum QueryToken: Equatable {
    case word(String, prefix: Bool)
    case phrase([String])
    case and, or, not, minus, open, close
}

/// Splits query text into words, phrases and operators; everything else is a separator.
private struct Lexer {
    let scalars: [Unicode.Scalar]
    var index = 0
    var warnings: [String] = []

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            || scalar.properties.generalCategory == .nonspacingMark
    }

    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "'" || scalar == "’" || scalar == "\u{2011}"
    }

    /// A dot between letters or digits ("Zakon.kz", "15.09.2024") and a comma or colon between digits ("2,5", "18:30")
    /// belong to the word, as the text tokenizer keeps them: split, the parts would be searched as words no index holds.
    /// A dot the text tokenizer splits at ("жатыр.Бұл") does no harm: the chunk is quoted and searched as a phrase.
    static func joinsInsideWord(_ scalar: Unicode.Scalar, before: Unicode.Scalar, after: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".": isWordScalar(before) && isWordScalar(after)
        case ",", ":": before.properties.numericType != nil && after.properties.numericType != nil
        case "%": before.properties.numericType != nil && (after == "-" || isWordScalar(after))
        case "-": before == "%" && isWordScalar(after)
        case "'", "’": after2017Letter(before) && !isWordScalar(after)
        default: false
        }
    }

    /// A word-final apostrophe after a letter the 2017 Latin alphabet marks with one ("Man'g'ystay'": y' is у) is part
    /// of the word.
    static func after2017Letter(_ scalar: Unicode.Scalar) -> Bool {
        "aAgGnNoOuUyYsScCiI".unicodeScalars.contains(scalar)
    }

    /// Whether the word ends at `index` with an apostrophe ``joinsInsideWord`` keeps (the end of the query).
    static func endsWith2017Mark(_ scalars: [Unicode.Scalar], at index: Int, start: Int) -> Bool {
        index < scalars.count && index > start && (scalars[index] == "'" || scalars[index] == "’") && after2017Letter(scalars[index - 1])
            && scalars[start..<index].allSatisfy { $0.isASCII }
    }

    mutating func tokens() -> [QueryToken] {
        var tokens: [QueryToken] = []
        var ignored: Set<String> = []
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\"" || scalar == "«" || scalar == "“" || scalar == "„" {
                index += 1
                let close: Set<Unicode.Scalar> = ["\"", "»", "”", "“"]
                var words: [String] = []
                var closed = false
                while index < scalars.count {
                    if close.contains(scalars[index]) {
                        closed = true
                        index += 1
                        break
                    }
                    if let word = readWord() { words.append(word.text) } else { index += 1 }
                }
                if !closed { warnings.append("an unclosed quote was closed at the end of the query") }
                if words.count == 1 {
                    tokens.append(.word(words[0], prefix: false))
                } else if !words.isEmpty {
                    tokens.append(.phrase(words))
                }
            } else if scalar == "(" {
                tokens.append(.open)
                index += 1
            } else if scalar == ")" {
                tokens.append(.close)
                index += 1
            } else if scalar == "-", index + 1 < scalars.count, Self.isWordScalar(scalars[index + 1]),
                      index == 0 || !Self.isWordScalar(scalars[index - 1]) {
                tokens.append(.minus)
                index += 1
            } else if Self.isWordScalar(scalar) {
                let word = readWord()!
                switch word.text {
                case "AND": tokens.append(.and)
                case "OR": tokens.append(.or)
                case "NOT": tokens.append(.not)
                default:
                    if word.text.unicodeScalars.count > IndexTermAnalyzer.maximumWordLength {
                        warnings.append("a word longer than \(IndexTermAnalyzer.maximumWordLength) letters was ignored")
                    } else {
                        tokens.append(.word(word.text, prefix: word.prefix))
                    }
                }
            } else {
                if !scalar.properties.isWhitespace, "*^:{}+".unicodeScalars.contains(scalar) {
                    ignored.insert(String(scalar))
                }
                index += 1
            }
        }
        if !ignored.isEmpty {
            warnings.append("ignored the characters \(ignored.sorted().joined(separator: " "))")
        }
        return tokens
    }

    /// Reads a word at `index` (letters/digits with inner hyphens/apostrophes, an optional trailing `*`).
    mutating func readWord() -> (text: String, prefix: Bool)? {
        guard index < scalars.count, Self.isWordScalar(scalars[index]) else { return nil }
        var view = String.UnicodeScalarView()
        while index < scalars.count {
            if Self.isWordScalar(scalars[index]) {
                view.append(scalars[index])
                index += 1
            } else if Self.isJoiner(scalars[index]), index + 1 < scalars.count, Self.isWordScalar(scalars[index + 1]) {
                view.append(scalars[index])
                index += 1
            } else if index + 1 < scalars.count, Self.joinsInsideWord(scalars[index], before: scalars[index - 1], after: scalars[index + 1]),
                      scalars[index] != "'" && scalars[index] != "’" || view.allSatisfy(\.isASCII) {
                view.append(scalars[index])
                index += 1
            } else if index + 1 == scalars.count, Self.endsWith2017Mark(scalars, at: index, start: index - view.count) {
                view.append(scalars[index])
                index += 1
            } else {
                break
            }
        }
        var prefix = false
        if index < scalars.count, scalars[index] == "*", view.count >= 2 {
            prefix = true
            index += 1
        }
        return (String(view), prefix)
    }
}

/// Recursive descent over the tokens; tolerant: stray operators and parentheses are dropped.
private struct Parser {
    let tokens: [QueryToken]
    var index = 0
    var warnings: [String] = []

    init(tokens: [QueryToken]) {
        self.tokens = tokens
    }

    mutating func parseQuery(depth: Int) -> QueryNode? {
        var alternatives: [QueryNode] = []
        if let first = parseAnd(depth: depth) { alternatives.append(first) }
        while index < tokens.count, tokens[index] == .or {
            index += 1
            if let next = parseAnd(depth: depth) { alternatives.append(next) }
        }
        if alternatives.isEmpty { return nil }
        return alternatives.count == 1 ? alternatives[0] : .or(alternatives)
    }

    mutating func parseAnd(depth: Int) -> QueryNode? {
        var parts: [QueryNode] = []
        while index < tokens.count {
            switch tokens[index] {
            case .or: return combine(parts)
            case .close:
                if depth > 0 { return combine(parts) }
                index += 1 // a stray ")" at the top level
            case .and: index += 1
            default:
                if let unary = parseUnary(depth: depth) { parts.append(unary) }
            }
        }
        return combine(parts)
    }

    private func combine(_ parts: [QueryNode]) -> QueryNode? {
        if parts.isEmpty { return nil }
        return parts.count == 1 ? parts[0] : .and(parts)
    }

    mutating func parseUnary(depth: Int) -> QueryNode? {
        guard index < tokens.count else { return nil }
        switch tokens[index] {
        case .not, .minus:
            index += 1
            guard let inner = parsePrimary(depth: depth) else { return nil }
            if case .not(let doubled) = inner { return doubled }
            return .not(inner)
        default:
            return parsePrimary(depth: depth)
        }
    }

    mutating func parsePrimary(depth: Int) -> QueryNode? {
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        index += 1
        switch token {
        case .word(let word, let prefix): return .word(word, prefix: prefix)
        case .phrase(let words): return .phrase(words)
        case .open:
            if depth >= QueryParser.maximumDepth {
                return nil // too deep: the parenthesis is ignored, its words stay
            }
            let inner = parseQuery(depth: depth + 1)
            if index < tokens.count, tokens[index] == .close {
                index += 1
            } else {
                warnings.append("an unclosed parenthesis was closed at the end of the query")
            }
            return inner
        case .not, .minus:
            return parseUnary(depth: depth).map { node in
                if case .not(let inner) = node { return inner }
                return .not(node)
            }
        case .and, .or, .close:
            return nil
        }
    }
}
