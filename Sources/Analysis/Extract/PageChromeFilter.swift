import Foundation
import KazakhData
public import TextModel

/// Drops the facts and names found in page chrome that plain text keeps: view counters ("2417 рет көрсетілді",
/// "👁 1 204"), currency tickers ("USD 512.40 ▲"), share and tag rows ("Тегтер: …"), photo credits, and
/// related-headline lists under a heading ("Ұқсас жаңалықтар", "Сейчас читают").
///
/// A line is chrome when it is a boilerplate line (`boilerplate.tsv`: exact or prefix), when it is short and holds a
/// chrome marker, or when it is short and follows a list heading with only short lines between. Only short lines
/// are looked at (at most ``shortLineTokens`` tokens), so running text is never dropped. Runs after every fact stage.
///
/// Bylines are chrome too, but what they say is kept: an author line ("Автор: Айгүл Сапарова", `byline` rows of
/// `boilerplate.tsv`) or a foot line that is only a person's name (with an outlet after a comma: "Айгүл Сапарова,
/// «Егемен Қазақстан»") names the article's author (`metadata.authors`), not a person the text is about.
public struct PageChromeFilter: Annotator {
    /// The stage's name in a pipeline (`chrome`).
    public let name = "chrome"

    /// Most tokens of a line that may be chrome: counters, tickers and related headlines are short.
    public static let shortLineTokens = 16

    /// Creates the stage; its phrase lists are bundled.
    public init() {}

    /// Removes entities, times, amounts, quotes, meetings and events that start inside a chrome line.
    public func annotate(_ document: inout Document) {
        let (chrome, authors) = Self.chromeLines(document)
        if !authors.isEmpty, document.metadata.authors == nil { document.metadata.authors = authors }
        guard !chrome.isEmpty else { return }
        func outside(_ offset: Int) -> Bool {
            // Lines are in text order: the last line starting at or before the offset is the only one that may hold it.
            var low = 0, high = chrome.count
            while low < high {
                let middle = (low + high) / 2
                if chrome[middle].lowerBound <= offset { low = middle + 1 } else { high = middle }
            }
            return low == 0 || !chrome[low - 1].contains(offset)
        }
        document.entities.removeAll { !outside($0.start) }
        document.times.removeAll { !outside($0.start) }
        document.amounts.removeAll { !outside($0.start) }
        document.quotes.removeAll { !outside($0.start) }
        document.meetings.removeAll { !outside($0.start) }
        document.events.removeAll { !outside($0.start) }
    }

    /// The scalar ranges of the document's chrome lines, in text order, and the authors its bylines name.
    static func chromeLines(_ document: Document) -> (lines: [Range<Int>], authors: [String]) {
        let tokens = document.tokens
        guard !tokens.isEmpty else { return ([], []) }
        var lines: [Range<Int>] = []
        var lineStart = 0
        for index in 1...tokens.count {
            let breaks = index == tokens.count
                || document.scalars[tokens[index - 1].end..<tokens[index].start].contains(where: { $0 == "\n" })
            if breaks {
                lines.append(lineStart..<index)
                lineStart = index
            }
        }
        var chrome: [Range<Int>] = []
        var authors: [String] = []
        var inList = false
        for (number, line) in lines.enumerated() {
            let start = tokens[line.lowerBound].start, end = tokens[line.upperBound - 1].end
            guard line.count <= shortLineTokens else {
                inList = false
                continue
            }
            let text = document.slice(start, end)
            // `String.lowercased()` with table-free paths for Cyrillic, ASCII and punctuation: most of this stage's time.
            let lower = MorphologyCase.lowercased(text)
            if Boilerplate.listHeadings.contains(lower.trimmingPunctuation()) {
                inList = true
                chrome.append(start..<end)
            } else if lower.unicodeScalars.prefix(32).contains(where: { $0 == ":" || WordView.dashes.contains($0) }),
                      let label = Boilerplate.bylineLabels.first(where: { lower.hasPrefix($0) }) {
                // Every label ends in a colon or a dash: lines without one near their start skip the comparisons.
                chrome.append(start..<end)
                authors += bylineAuthors(document, line: start..<end, after: label)
            } else if inList || isChrome(text: text, lower: lower) {
                chrome.append(start..<end)
            } else if number > 0, number >= lines.count - 2, lines.count >= 4, let author = footAuthor(document, line: line) {
                chrome.append(start..<end)
                authors.append(author)
            }
        }
        var seen: Set<String> = []
        return (chrome, authors.filter { seen.insert($0).inserted })
    }

    /// Most words of an author's name written out after a byline label when no person was tagged in it.
    static let bylineNameWords = 6

    /// The authors an author line names after its label: the persons tagged in it, else the text after the label up to
    /// a comma or separator ("Мәтін: Айгүл Сапарова, фото: …" → Айгүл Сапарова).
    static func bylineAuthors(_ document: Document, line: Range<Int>, after label: String) -> [String] {
        let persons = document.entities.filter { $0.label == .person && line.contains($0.start) }.map(\.canonical)
        if !persons.isEmpty { return persons }
        let rest = document.slice(line.lowerBound + label.unicodeScalars.count, line.upperBound)
        let name = rest.split(whereSeparator: { $0 == "," || $0 == "|" || $0 == ";" || $0 == "/" }).first.map { String($0).trimmingPunctuation() } ?? ""
        let words = name.split(separator: " ")
        guard !words.isEmpty, words.count <= bylineNameWords, words.allSatisfy({ $0.first?.isUppercase == true }) else { return [] }
        return [name]
    }

    /// A foot line that is only a person's name, or a name and then, after a comma, an outlet or a place with no
    /// lower-case word ("Айгүл Сапарова", "Айгүл Сапарова, «Егемен Қазақстан»"): the author's signature. The name is the
    /// person tagged at the line's start.
    static func footAuthor(_ document: Document, line: Range<Int>) -> String? {
        let tokens = document.tokens
        guard let person = document.entities.first(where: { $0.label == .person && $0.tokenRange.lowerBound == line.lowerBound }),
              person.tokenRange.upperBound <= line.upperBound, person.tokenRange.count >= 2 else { return nil }
        var rest = person.tokenRange.upperBound..<line.upperBound
        if let last = rest.last, tokens[last].norm == "." { rest = rest.lowerBound..<last }
        guard !rest.isEmpty else { return person.canonical }
        guard tokens[rest.lowerBound].norm == ",", rest.count <= 6,
              !rest.contains(where: { tokens[$0].kind == .word && tokens[$0].norm.first?.isLowercase == true }) else { return nil }
        return person.canonical
    }

    /// Whether a short line is a boilerplate line or holds a chrome marker: `Boilerplate.isBoilerplate(text)` or
    /// `lower` contains a marker.
    ///
    /// Those `String` methods compare extended grapheme clusters under canonical equivalence, which made this stage
    /// a quarter of the whole pipeline's instructions on short lines (KazNERD's sentences). On a line of ``SimpleText``
    /// (each scalar its own grapheme, no two scalars canonically equivalent) they give exactly what a comparison of
    /// UTF-8 bytes gives, so such lines are compared byte by byte; any other line takes the `String` methods.
    static func isChrome(text: String, lower: String) -> Bool {
        guard SimpleText.holds(lower), let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              !first.properties.isWhitespace, !last.properties.isWhitespace else {
            return Boilerplate.isBoilerplate(text) || Boilerplate.markers.contains(where: { lower.contains($0) })
        }
        // Nothing to trim: `isBoilerplate` compares `lower` itself.
        if Boilerplate.exact.contains(lower) { return true }
        let patterns = Patterns.shared
        return lower.utf8.withContiguousStorageIfAvailable { line in
            patterns.prefixes.contains { $0.isPrefix(of: line, lower) } || patterns.markers.contains { $0.occurs(in: line, lower) }
        } ?? (Boilerplate.prefixes.contains { lower.hasPrefix($0) } || Boilerplate.markers.contains { lower.contains($0) })
    }

    /// Text in which each Unicode scalar is one extended grapheme cluster and no two distinct scalars are canonically
    /// equivalent: printable ASCII, Latin-1 punctuation and symbols, Cyrillic without its combining marks, and general
    /// punctuation from U+2010 (dashes, quotation marks, ellipsis). Kazakh news text is almost all of it.
    enum SimpleText {
        static func holds(_ text: String) -> Bool {
            text.unicodeScalars.allSatisfy { isSimple($0.value) }
        }

        static func isSimple(_ value: UInt32) -> Bool {
            switch value {
            case 0x20...0x7E, 0xA0...0xBF, 0x400...0x482, 0x48A...0x4FF, 0x2010...0x2027, 0x2030...0x205E: return true
            default: return false
            }
        }

        /// Whether `pattern` may equal, grapheme by grapheme, some part of a simple text: false when its canonical
        /// decomposition holds a scalar that no simple scalar decomposes to (an emoji, a geometric shape).
        static func mayOccur(_ pattern: String) -> Bool {
            pattern.decomposedStringWithCanonicalMapping.unicodeScalars.allSatisfy { isSimple($0.value) || (0x300...0x36F).contains($0.value) }
        }
    }

    /// The boilerplate prefixes and chrome markers (`boilerplate.tsv`), ready for byte comparison with simple lines.
    struct Patterns: Sendable {
        /// One phrase: its UTF-8 bytes when it is simple text itself, else how a simple line compares with it.
        struct Pattern: Sendable {
            enum Kind: Sendable { case bytes([UInt8]), never, string(String) }
            let kind: Kind

            init(_ phrase: String) {
                if SimpleText.holds(phrase) {
                    kind = .bytes(Array(phrase.utf8))
                } else {
                    kind = SimpleText.mayOccur(phrase) ? .string(phrase) : .never
                }
            }

            func isPrefix(of line: UnsafeBufferPointer<UInt8>, _ lower: String) -> Bool {
                switch kind {
                case .bytes(let bytes): return line.count >= bytes.count && line.starts(with: bytes)
                case .never: return false
                case .string(let phrase): return lower.hasPrefix(phrase)
                }
            }

            func occurs(in line: UnsafeBufferPointer<UInt8>, _ lower: String) -> Bool {
                switch kind {
                case .bytes(let bytes):
                    guard let head = bytes.first, line.count >= bytes.count else { return bytes.isEmpty }
                    for start in 0...(line.count - bytes.count) where line[start] == head {
                        if memcmp(line.baseAddress! + start, bytes, bytes.count) == 0 { return true }
                    }
                    return false
                case .never: return false
                case .string(let phrase): return lower.contains(phrase)
                }
            }
        }

        let prefixes: [Pattern]
        let markers: [Pattern]

        static let shared = Patterns(prefixes: Boilerplate.prefixes.map(Pattern.init), markers: Boilerplate.markers.map(Pattern.init))
    }
}
