// A direct writer for the compact JSON of a document: the same object `JSONEncoder` makes from the `Codable`
// conformance (sorted keys, slashes unescaped, the same keys omitted or null), written straight into UTF-8 bytes.
// `tilshi analyze -f jsonl` prints one per input; through `JSONEncoder` the encoding cost as much as every analysis
// stage except NER together.

extension Document {
    /// The document as one line of compact JSON with sorted keys, equal to what `JSONEncoder` (`.sortedKeys`,
    /// `.withoutEscapingSlashes`) produces from its `Codable` form, several times faster.
    public func jsonLine() -> String {
        var writer = JSONLineWriter()
        writer.bytes.reserveCapacity(text.utf8.count * 8 + 256)
        writer.object {
            $0.key("amounts"); $0.layer(.amounts, of: self)
            $0.key("entities"); $0.layer(.entities, of: self)
            $0.key("events"); $0.layer(.events, of: self)
            $0.key("id"); $0.string(id)
            $0.key("language"); $0.string(language.rawValue)
            $0.key("meetings"); $0.layer(.meetings, of: self)
            $0.key("metadata"); $0.metadata(metadata)
            $0.key("paragraphs"); $0.layer(.paragraphs, of: self)
            $0.key("quotes"); $0.layer(.quotes, of: self)
            $0.key("sentences"); $0.layer(.sentences, of: self)
            $0.key("text"); $0.string(text)
            $0.key("times"); $0.layer(.times, of: self)
            $0.key("tokens"); $0.layer(.tokens, of: self)
        }
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The elements of one layer as compact JSON, separated by commas, without the brackets: what ``jsonLine()``
    /// writes between `[` and `]` for that layer. A long document analysed in pieces appends each piece's elements to
    /// the layer's output (see ``JSONLayer``) instead of holding every layer of the whole text at once.
    public func jsonElements(of layer: JSONLayer) -> [UInt8] {
        var writer = JSONLineWriter()
        writer.elements(of: layer, in: self)
        return writer.bytes
    }

    /// The compact JSON of the document's fields around its layers, in the order of ``jsonLine()``: the text before
    /// each layer's elements (`{"amounts":[`, `],"entities":[`, … `],"tokens":[`) and the closing `]}` last, so that
    /// `parts[0] + elements(amounts) + parts[1] + … + elements(tokens) + parts[9]` is ``jsonLine()``. `text` is the
    /// whole document's text, `language` its language.
    public static func jsonSkeleton(id: String, text: String, metadata: DocumentMetadata, language: Language) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        var writer = JSONLineWriter()
        func close(_ next: (inout JSONLineWriter) -> Void) {
            next(&writer)
            parts.append(writer.bytes)
            writer.bytes = []
        }
        close { $0.bytes += Array(#"{"amounts":["#.utf8) }
        close { $0.bytes += Array(#"],"entities":["#.utf8) }
        close { $0.bytes += Array(#"],"events":["#.utf8) }
        close {
            $0.bytes += Array(#"],"id":"#.utf8); $0.string(id)
            $0.bytes += Array(#","language":"#.utf8); $0.string(language.rawValue)
            $0.bytes += Array(#","meetings":["#.utf8)
        }
        close { $0.bytes += Array(#"],"metadata":"#.utf8); $0.metadata(metadata); $0.bytes += Array(#","paragraphs":["#.utf8) }
        close { $0.bytes += Array(#"],"quotes":["#.utf8) }
        close { $0.bytes += Array(#"],"sentences":["#.utf8) }
        close { $0.bytes += Array(#"],"text":"#.utf8); $0.string(text); $0.bytes += Array(#","times":["#.utf8) }
        close { $0.bytes += Array(#"],"tokens":["#.utf8) }
        close { $0.bytes += Array("]}".utf8) }
        return parts
    }
}

/// The array layers of a document's JSON, in the order its keys are written (sorted).
public enum JSONLayer: Int, CaseIterable, Sendable {
    case amounts, entities, events, meetings, paragraphs, quotes, sentences, times, tokens
}

extension JSONLineWriter {
    /// One layer as a JSON array.
    mutating func layer(_ layer: JSONLayer, of document: Document) {
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        elements(of: layer, in: document)
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    mutating func metadata(_ metadata: DocumentMetadata) {
        object {
            if let authors = metadata.authors { $0.key("authors"); $0.array(authors) { $0.string($1) } }
            if let published = metadata.published { $0.key("published"); $0.string(published) }
            if let source = metadata.source { $0.key("source"); $0.string(source) }
            if let title = metadata.title { $0.key("title"); $0.string(title) }
            if let url = metadata.url { $0.key("url"); $0.string(url) }
        }
    }

    /// The elements of one layer, comma-separated (no brackets).
    mutating func elements(of layer: JSONLayer, in document: Document) {
        switch layer {
        case .amounts: elements(document.amounts) { writer, amount in
                writer.object {
                    $0.key("end"); $0.int(amount.end)
                    if let modifier = amount.modifier { $0.key("modifier"); $0.string(modifier) }
                    $0.key("start"); $0.int(amount.start)
                    $0.key("text"); $0.string(amount.text)
                    if let unit = amount.unit { $0.key("unit"); $0.string(unit) }
                    $0.key("value"); $0.double(amount.value)
                }
            }
        case .entities: elements(document.entities) { writer, entity in
                writer.object {
                    $0.key("canonical"); $0.string(entity.canonical)
                    $0.key("end"); $0.int(entity.end)
                    $0.key("label"); $0.string(entity.label.rawValue)
                    if !entity.roles.isEmpty { $0.key("roles"); $0.array(entity.roles) { $0.string($1) } }
                    $0.key("start"); $0.int(entity.start)
                    $0.key("text"); $0.string(entity.text)
                    $0.key("tokenEnd"); $0.int(entity.tokenRange.upperBound)
                    $0.key("tokenStart"); $0.int(entity.tokenRange.lowerBound)
                }
            }
        case .events: elements(document.events) { writer, event in
                writer.object {
                    $0.key("end"); $0.int(event.end)
                    $0.key("participants"); $0.array(event.participants) { $0.string($1) }
                    $0.key("start"); $0.int(event.start)
                    $0.key("title"); $0.string(event.title)
                    if let when = event.when { $0.key("when"); $0.string(when) }
                    if let place = event.where { $0.key("where"); $0.string(place) }
                }
            }
        case .meetings: elements(document.meetings) { writer, meeting in
                writer.object {
                    $0.key("end"); $0.int(meeting.end)
                    $0.key("participants"); $0.array(meeting.participants) { $0.string($1) }
                    $0.key("start"); $0.int(meeting.start)
                    if let topic = meeting.topic { $0.key("topic"); $0.string(topic) }
                    if let when = meeting.when { $0.key("when"); $0.string(when) }
                    if let place = meeting.where { $0.key("where"); $0.string(place) }
                }
            }
        case .paragraphs: elements(document.paragraphs) { writer, paragraph in
                writer.object {
                    $0.key("end"); $0.int(paragraph.end)
                    $0.key("language"); $0.string(paragraph.language.rawValue)
                    $0.key("script"); $0.string(paragraph.script.rawValue)
                    $0.key("start"); $0.int(paragraph.start)
                }
            }
        case .quotes: elements(document.quotes) { writer, quote in
                writer.object {
                    $0.key("end"); $0.int(quote.end)
                    $0.key("speaker"); $0.optionalString(quote.speaker)
                    $0.key("start"); $0.int(quote.start)
                    $0.key("text"); $0.string(quote.text)
                }
            }
        case .sentences: elements(document.sentences) { writer, sentence in
                writer.object {
                    $0.key("end"); $0.int(sentence.end)
                    $0.key("start"); $0.int(sentence.start)
                    $0.key("tokenEnd"); $0.int(sentence.tokenRange.upperBound)
                    $0.key("tokenStart"); $0.int(sentence.tokenRange.lowerBound)
                }
            }
        case .times: elements(document.times) { writer, time in
                writer.object {
                    $0.key("end"); $0.int(time.end)
                    $0.key("start"); $0.int(time.start)
                    $0.key("text"); $0.string(time.text)
                    $0.key("value"); $0.string(time.value)
                }
            }
        case .tokens: elements(document.tokens) { writer, token in
                writer.object {
                    $0.key("end"); $0.int(token.end)
                    $0.key("feats"); $0.optionalString(token.feats)
                    $0.key("kind"); $0.string(token.kind.rawValue)
                    $0.key("lemma"); $0.optionalString(token.lemma)
                    if token.norm != token.text { $0.key("norm"); $0.string(token.norm) }
                    $0.key("spaceAfter"); $0.bool(token.spaceAfter)
                    $0.key("start"); $0.int(token.start)
                    $0.key("text"); $0.string(token.text)
                    $0.key("upos"); $0.optionalString(token.upos?.rawValue)
                }
            }
        }
    }
}

/// Compact JSON into a byte buffer; keys must be written in sorted order by the caller.
struct JSONLineWriter {
    var bytes: [UInt8] = []
    /// Whether the next key or array element needs a comma before it.
    var needsComma = false

    mutating func object(_ body: (inout JSONLineWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func array<Element>(_ elements: [Element], _ write: (inout JSONLineWriter, Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        self.elements(elements, write)
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// The elements of an array without its brackets.
    mutating func elements<Element>(_ elements: [Element], _ write: (inout JSONLineWriter, Element) -> Void) {
        for element in elements {
            if needsComma { bytes.append(UInt8(ascii: ",")) }
            write(&self, element)
            needsComma = true
        }
    }

    mutating func key(_ name: StaticString) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func int(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        needsComma = true
    }

    /// As `JSONEncoder` writes a finite `Double`: integral values without ".0" (`1800000000`), others in Swift's
    /// shortest round-trip form (`0.5`, `1e+20`).
    mutating func double(_ value: Double) {
        var text = value.isFinite ? value.description : "0"
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
        needsComma = true
    }

    mutating func optionalString(_ value: String?) {
        if let value { string(value) } else { bytes.append(contentsOf: "null".utf8); needsComma = true }
    }

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
                case 0x0A: bytes.append(contentsOf: "\\n".utf8)
                case 0x0D: bytes.append(contentsOf: "\\r".utf8)
                case 0x09: bytes.append(contentsOf: "\\t".utf8)
                case 0x08: bytes.append(contentsOf: "\\b".utf8)
                case 0x0C: bytes.append(contentsOf: "\\f".utf8)
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: "\\u00".utf8)
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }
}
