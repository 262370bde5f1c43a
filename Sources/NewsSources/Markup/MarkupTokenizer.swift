/// One piece of HTML or XML markup.
public enum MarkupToken: Equatable, Sendable {
    /// `<name attr="value">`; names are lowercased, attribute values decoded.
    case startTag(name: String, attributes: [String: String], selfClosing: Bool, line: Int)
    case endTag(name: String, line: Int)
    /// Character data with entities decoded.
    case text(String)
    /// `<![CDATA[…]]>` content, verbatim.
    case cdata(String)
    case comment
}

/// A small, tolerant HTML/XML tokenizer: never fails, whatever the input.
///
/// Malformed markup degrades gracefully: a `<` that does not start a tag is text, an unclosed tag
/// or comment runs to the end, attribute values may be quoted with `"`, `'` or not at all.
/// The contents of `<script>`, `<style>` and other raw-text elements are not parsed as markup.
/// Line numbers (1-based) are kept on tags, so an XML reader can report where structure breaks.
public struct MarkupTokenizer {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    /// Elements whose content is raw text up to the matching end tag (HTML only).
    private let rawTextElements: Set<String>

    /// - Parameter html: true for HTML (script/style/textarea contents are raw text), false for XML.
    public init(_ text: String, html: Bool = true) {
        scalars = Array(text.unicodeScalars)
        rawTextElements = html ? ["script", "style", "textarea", "title", "noscript", "template", "xmp", "iframe"] : []
    }

    /// All tokens of the input.
    public mutating func tokens() -> [MarkupToken] {
        var tokens: [MarkupToken] = []
        var textStart = index
        func flushText(upTo end: Int) {
            if end > textStart {
                tokens.append(.text(HTMLEntities.decode(String(String.UnicodeScalarView(scalars[textStart..<end])))))
            }
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" { line += 1 }
            guard scalar == "<" else {
                index += 1
                continue
            }
            let tagStart = index
            if starts(with: "<!--") {
                flushText(upTo: tagStart)
                skip(past: "-->", from: index + 4)
                tokens.append(.comment)
            } else if starts(with: "<![CDATA[") {
                flushText(upTo: tagStart)
                let contentStart = index + 9
                let end = find("]]>", from: contentStart) ?? scalars.count
                countLines(contentStart, end)
                tokens.append(.cdata(String(String.UnicodeScalarView(scalars[contentStart..<end]))))
                index = min(scalars.count, end + 3)
            } else if starts(with: "<!") || starts(with: "<?") {
                flushText(upTo: tagStart)
                skip(past: ">", from: index + 2)
                tokens.append(.comment)
            } else if index + 1 < scalars.count, scalars[index + 1] == "/", index + 2 < scalars.count, isNameStart(scalars[index + 2]) {
                flushText(upTo: tagStart)
                let tagLine = line
                index += 2
                let name = readName()
                skip(past: ">", from: index)
                tokens.append(.endTag(name: name, line: tagLine))
            } else if index + 1 < scalars.count, isNameStart(scalars[index + 1]) {
                flushText(upTo: tagStart)
                let tagLine = line
                index += 1
                let name = readName()
                let (attributes, selfClosing) = readAttributes()
                tokens.append(.startTag(name: name, attributes: attributes, selfClosing: selfClosing, line: tagLine))
                if rawTextElements.contains(name) && !selfClosing {
                    let contentStart = index
                    let end = findEndTag(name, from: index) ?? scalars.count
                    countLines(contentStart, end)
                    let raw = String(String.UnicodeScalarView(scalars[contentStart..<end]))
                    // Titles and textareas hold text with entities; scripts and styles hold code.
                    tokens.append(.text(name == "title" || name == "textarea" ? HTMLEntities.decode(raw) : raw))
                    index = end
                    if index < scalars.count {
                        let endLine = line
                        skip(past: ">", from: index)
                        tokens.append(.endTag(name: name, line: endLine))
                    }
                }
            } else {
                index += 1 // a lone "<" is text
                continue
            }
            textStart = index
        }
        flushText(upTo: scalars.count)
        return tokens
    }

    private func starts(with prefix: String) -> Bool {
        var position = index
        for scalar in prefix.unicodeScalars {
            guard position < scalars.count, lowercase(scalars[position]) == lowercase(scalar) else { return false }
            position += 1
        }
        return true
    }

    private func find(_ needle: String, from start: Int) -> Int? {
        let pattern = Array(needle.unicodeScalars)
        var position = start
        while position + pattern.count <= scalars.count {
            if scalars[position] == pattern[0] && Array(scalars[position..<position + pattern.count]) == pattern { return position }
            position += 1
        }
        return nil
    }

    private func findEndTag(_ name: String, from start: Int) -> Int? {
        let pattern = Array(("</" + name).unicodeScalars)
        var position = start
        while position + pattern.count <= scalars.count {
            if scalars[position] == "<" {
                var matched = true
                for offset in 1..<pattern.count where lowercase(scalars[position + offset]) != pattern[offset] {
                    matched = false
                    break
                }
                if matched { return position }
            }
            position += 1
        }
        return nil
    }

    private mutating func skip(past terminator: String, from start: Int) {
        let end = find(terminator, from: start).map { $0 + terminator.unicodeScalars.count } ?? scalars.count
        countLines(index, end)
        index = end
    }

    private mutating func countLines(_ start: Int, _ end: Int) {
        guard start < end else { return }
        for position in start..<min(end, scalars.count) where scalars[position] == "\n" { line += 1 }
    }

    private func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
    }

    private func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic
    }

    private func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == ":" || scalar == "_" || scalar == "."
    }

    private mutating func readName() -> String {
        var view = String.UnicodeScalarView()
        while index < scalars.count, isNameScalar(scalars[index]) {
            view.append(lowercase(scalars[index]))
            index += 1
        }
        return String(view)
    }

    private mutating func skipWhitespace() {
        while index < scalars.count, scalars[index].properties.isWhitespace {
            if scalars[index] == "\n" { line += 1 }
            index += 1
        }
    }

    private mutating func readAttributes() -> ([String: String], Bool) {
        var attributes: [String: String] = [:]
        while true {
            skipWhitespace()
            guard index < scalars.count else { return (attributes, false) }
            let scalar = scalars[index]
            if scalar == ">" {
                index += 1
                return (attributes, false)
            }
            if scalar == "/" {
                index += 1
                skipWhitespace()
                if index < scalars.count, scalars[index] == ">" {
                    index += 1
                    return (attributes, true)
                }
                continue
            }
            if scalar == "<" { return (attributes, false) } // an unclosed tag: the next tag starts here
            let name = readName()
            if name.isEmpty {
                index += 1 // junk inside a tag
                continue
            }
            skipWhitespace()
            var value = ""
            if index < scalars.count, scalars[index] == "=" {
                index += 1
                skipWhitespace()
                value = readAttributeValue()
            }
            if attributes[name] == nil { attributes[name] = HTMLEntities.decode(value) }
        }
    }

    private mutating func readAttributeValue() -> String {
        guard index < scalars.count else { return "" }
        var view = String.UnicodeScalarView()
        let quote = scalars[index]
        if quote == "\"" || quote == "'" {
            index += 1
            while index < scalars.count, scalars[index] != quote {
                if scalars[index] == "\n" { line += 1 }
                view.append(scalars[index])
                index += 1
            }
            index += 1
        } else {
            while index < scalars.count, !scalars[index].properties.isWhitespace, scalars[index] != ">" {
                view.append(scalars[index])
                index += 1
            }
        }
        return String(view)
    }
}
