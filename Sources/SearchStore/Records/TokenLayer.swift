import Foundation
import TextModel

/// The token layer of a ``LayerBlob``: the paragraphs, sentences and tokens (lemma, UPOS, features) that the stored
/// facts were found on, so a document's tokens are read back instead of analysed again.
///
/// Version 3 (written): paragraphs (with a byte holding the language in its low and the script + 1 in its high
/// nibble) and sentences as spans (offset deltas); then the document's distinct *tags* — a
/// token kind, a part of speech and features, each written once as feature=value pairs that point into
/// ``FeatureInventory`` — and the tokens, each a gap after the previous token and a length, a flag byte, its tag's
/// index, its lemma as a prefix length of its normalised form when it is one ("Алматының" → "Алматы", "Бүгін" →
/// "бүгін"), and only the strings that differ from what the text gives (text, norm, suffix chain). Most tokens take
/// four bytes. (A lower-cased lemma is read back with the same `lowercased()` it was written with: stable for the
/// scripts news is written in, and a lemma it would not give back exactly is written out in full.) Version 2 (read, and written by tests) gave every token its kind, part of speech, features and lemma
/// in full, strings through the blob's table: a document's dozens of distinct feature strings made it twice as large.
enum TokenLayer {
    private enum Flag {
        static let spaceAfter: UInt8 = 1
        static let text: UInt8 = 2
        static let norm: UInt8 = 4
        static let lemma: UInt8 = 8
        static let chain: UInt8 = 16
        // Version 2 only: the part of speech and the features followed the lemma.
        static let upos2: UInt8 = 16
        static let feats2: UInt8 = 32
        static let chain2: UInt8 = 64
    }

    /// What version 3 writes once per document for the tokens that share it.
    private struct Tag: Hashable {
        var kind: TokenKind
        var upos: UPOS?
        var feats: String?
    }

    /// A part of speech absent (version 3's tag table).
    private static let noUPOS: UInt8 = 0xFF

    // MARK: Writing

    static func encode(_ document: Document, into writer: inout CompactBinaryWriter, version: UInt8) {
        writer.count(document.paragraphs.count)
        var start = 0
        for paragraph in document.paragraphs {
            LayerBlob.writeSpan(&writer, paragraph.start, paragraph.end, after: &start)
            // Low nibble: the language; high nibble: the script + 1 (0, as layers written before scripts were, is none).
            let language = UInt8(Language.allCases.firstIndex(of: paragraph.language) ?? Language.allCases.count - 1)
            let script = UInt8((Script.allCases.firstIndex(of: paragraph.script) ?? Script.allCases.count - 1) + 1)
            writer.byte(language | script << 4)
        }
        writer.count(document.sentences.count)
        start = 0
        var previousToken = 0
        for sentence in document.sentences {
            LayerBlob.writeSpan(&writer, sentence.start, sentence.end, after: &start)
            writer.signed(sentence.tokenRange.lowerBound - previousToken)
            writer.signed(sentence.tokenRange.count)
            previousToken = sentence.tokenRange.lowerBound
        }
        if version == LayerBlob.version2 { return encodeTokens2(document, into: &writer) }

        // By index: iterating tokens by value would copy (retain and release) their strings.
        let tokens = document.tokens
        var tagIndex: [Tag: Int] = [:]
        var tags: [Tag] = []
        var tokenTags = [Int](repeating: 0, count: tokens.count)
        for index in tokens.indices {
            let tag = Tag(kind: tokens[index].kind, upos: tokens[index].upos, feats: tokens[index].feats)
            if let known = tagIndex[tag] {
                tokenTags[index] = known
            } else {
                tagIndex[tag] = tags.count
                tokenTags[index] = tags.count
                tags.append(tag)
            }
        }
        writer.count(tags.count)
        for tag in tags {
            writer.byte(UInt8(TokenKind.allCases.firstIndex(of: tag.kind) ?? 0))
            writer.byte(tag.upos.map { UInt8(UPOS.allCases.firstIndex(of: $0) ?? 0) } ?? noUPOS)
            writeFeatures(tag.feats, into: &writer)
        }
        writer.count(tokens.count)
        var previousEnd = 0
        for index in tokens.indices {
            let token = tokens[index]
            var flags = sharedFlags(of: token, in: document)
            if token.chain != nil { flags |= Flag.chain }
            writer.signed(token.start - previousEnd)
            writer.signed(token.end - token.start)
            previousEnd = token.end
            writer.byte(flags)
            writer.unsigned(UInt64(tokenTags[index]))
            if flags & Flag.text != 0 { writer.string(token.text) }
            if flags & Flag.norm != 0 { writer.string(token.norm) }
            if let lemma = token.lemma { writeLemma(lemma, of: token.norm, into: &writer) }
            if let chain = token.chain { writer.string(chain) }
        }
    }

    /// The flags both versions set alike: a space after, and which of text, norm and lemma are written.
    private static func sharedFlags(of token: Token, in document: Document) -> UInt8 {
        var flags: UInt8 = token.spaceAfter ? Flag.spaceAfter : 0
        if !isSurface(token.text, token.start, token.end, of: document) { flags |= Flag.text }
        if !sameScalars(token.norm, token.text) { flags |= Flag.norm }
        if token.lemma != nil { flags |= Flag.lemma }
        return flags
    }

    /// Whether two strings have the same scalars. Not `==`, which holds for canonically equivalent strings: a norm
    /// with a composed "й" would equal a text with "и" + U+0306 and be lost.
    private static func sameScalars(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8)
    }

    /// Whether `text` is the document's text at `start..<end`, compared in place (no string made per token).
    private static func isSurface(_ text: String, _ start: Int, _ end: Int, of document: Document) -> Bool {
        guard start >= 0, start <= end, end <= document.scalars.count else { return false }
        return text.unicodeScalars.elementsEqual(document.scalars[start..<end])
    }

    /// Version 2's tokens: start deltas, flags, kind, and every string in full (tests write it to check old blobs).
    private static func encodeTokens2(_ document: Document, into writer: inout CompactBinaryWriter) {
        writer.count(document.tokens.count)
        var start = 0
        for token in document.tokens {
            var flags = sharedFlags(of: token, in: document)
            if token.upos != nil { flags |= Flag.upos2 }
            if token.feats != nil { flags |= Flag.feats2 }
            if token.chain != nil { flags |= Flag.chain2 }
            LayerBlob.writeSpan(&writer, token.start, token.end, after: &start)
            writer.byte(flags)
            writer.byte(UInt8(TokenKind.allCases.firstIndex(of: token.kind) ?? 0))
            if flags & Flag.text != 0 { writer.string(token.text) }
            if flags & Flag.norm != 0 { writer.string(token.norm) }
            if let lemma = token.lemma { writer.string(lemma) }
            if let upos = token.upos { writer.byte(UInt8(UPOS.allCases.firstIndex(of: upos) ?? 0)) }
            if let feats = token.feats { writer.string(feats) }
            if let chain = token.chain { writer.string(chain) }
        }
    }

    /// Features: 0 when absent, else 1 + the number of feature=value pairs, then each pair as its position in
    /// ``FeatureInventory`` + 1, or 0 and the pair as a string.
    private static func writeFeatures(_ feats: String?, into writer: inout CompactBinaryWriter) {
        guard let feats else { return writer.unsigned(0) }
        let pairs = feats.isEmpty ? [] : feats.split(separator: "|", omittingEmptySubsequences: false)
        writer.count(pairs.count + 1)
        for pair in pairs {
            if let position = FeatureInventory.position[String(pair)] {
                writer.unsigned(UInt64(position + 1))
            } else {
                writer.unsigned(0)
                writer.string(String(pair))
            }
        }
    }

    /// A lemma: 1 + 2k (+1 when lower-cased) when it is the first k scalars of `norm` (lower-cased), else 0 and the
    /// lemma as a string.
    private static func writeLemma(_ lemma: String, of norm: String, into writer: inout CompactBinaryWriter) {
        if let length = prefixLength(lemma, of: norm) {
            return writer.unsigned(1 + 2 * UInt64(length))
        }
        if let length = prefixLength(lemma, of: norm.lowercased()) {
            return writer.unsigned(2 + 2 * UInt64(length))
        }
        writer.unsigned(0)
        writer.string(lemma)
    }

    /// The scalar count of `prefix` when `text` starts with it.
    private static func prefixLength(_ prefix: String, of text: String) -> Int? {
        var length = 0
        var scalars = text.unicodeScalars.makeIterator()
        for scalar in prefix.unicodeScalars {
            guard scalars.next() == scalar else { return nil }
            length += 1
        }
        return length
    }

    // MARK: Reading

    static func decode(_ reader: inout CompactBinaryReader, into document: inout Document, version: UInt8) throws {
        var paragraphs: [Paragraph] = []
        var start = 0
        for _ in 0..<(try reader.count()) {
            let span = try LayerBlob.readSpan(&reader, after: &start)
            let byte = try reader.byte()
            let index = Int(byte & 0x0F), scriptCode = Int(byte >> 4)
            guard index < Language.allCases.count else { throw reader.fail("unknown language \(index)") }
            guard scriptCode <= Script.allCases.count else { throw reader.fail("unknown script \(scriptCode)") }
            let script = scriptCode == 0 ? Script.none : Script.allCases[scriptCode - 1]
            paragraphs.append(Paragraph(start: span.start, end: span.end, language: Language.allCases[index], script: script))
        }
        var sentences: [Sentence] = []
        start = 0
        var previousToken = 0
        for _ in 0..<(try reader.count()) {
            let span = try LayerBlob.readSpan(&reader, after: &start)
            let lower = previousToken + (try reader.signed())
            let count = try reader.signed()
            guard lower >= 0, count >= 0 else { throw reader.fail("bad token range") }
            sentences.append(Sentence(start: span.start, end: span.end, tokenRange: lower..<(lower + count)))
            previousToken = lower
        }
        let tokens = try version == LayerBlob.version2 ? decodeTokens2(&reader, document) : decodeTokens3(&reader, document)
        // Ranges that later stages index with: a damaged blob fails here, not in the reader of the document.
        guard tokens.allSatisfy({ $0.start >= 0 && $0.start <= $0.end && $0.end <= document.scalars.count }),
              sentences.allSatisfy({ $0.tokenRange.upperBound <= tokens.count }),
              paragraphs.allSatisfy({ $0.start >= 0 && $0.start <= $0.end && $0.end <= document.scalars.count }),
              sentences.allSatisfy({ $0.start >= 0 && $0.start <= $0.end && $0.end <= document.scalars.count })
        else { throw reader.fail("token, sentence or paragraph outside the document") }
        document.paragraphs = paragraphs
        document.sentences = sentences
        document.tokens = tokens
    }

    private static func decodeTokens3(_ reader: inout CompactBinaryReader, _ document: Document) throws -> [Token] {
        var tags: [Tag] = []
        for _ in 0..<(try reader.count()) {
            let kind = try readKind(&reader)
            let uposIndex = try reader.byte()
            let upos = uposIndex == noUPOS ? nil : try part(of: uposIndex, reader)
            tags.append(Tag(kind: kind, upos: upos, feats: try readFeatures(&reader)))
        }
        let count = try reader.count()
        var tokens: [Token] = []
        tokens.reserveCapacity(count)
        var previousEnd = 0
        for _ in 0..<count {
            let start = previousEnd + (try reader.signed())
            let end = start + (try reader.signed())
            previousEnd = end
            let flags = try reader.byte()
            let tag = tags[try index(&reader, below: tags.count, of: "tag")]
            let (text, norm) = try readTextAndNorm(flags, start, end, from: &reader, document)
            let lemma = try flags & Flag.lemma != 0 ? readLemma(of: norm, from: &reader) : nil
            let chain = try flags & Flag.chain != 0 ? reader.requiredString() : nil
            tokens.append(Token(
                text: text, norm: norm, start: start, end: end, spaceAfter: flags & Flag.spaceAfter != 0,
                kind: tag.kind, lemma: lemma, upos: tag.upos, feats: tag.feats, chain: chain
            ))
        }
        return tokens
    }

    private static func decodeTokens2(_ reader: inout CompactBinaryReader, _ document: Document) throws -> [Token] {
        var tokens: [Token] = []
        var start = 0
        for _ in 0..<(try reader.count()) {
            let span = try LayerBlob.readSpan(&reader, after: &start)
            let flags = try reader.byte()
            let kind = try readKind(&reader)
            let (text, norm) = try readTextAndNorm(flags, span.start, span.end, from: &reader, document)
            let lemma = try flags & Flag.lemma != 0 ? reader.requiredString() : nil
            let upos = try flags & Flag.upos2 != 0 ? part(of: reader.byte(), reader) : nil
            let feats = try flags & Flag.feats2 != 0 ? reader.requiredString() : nil
            let chain = try flags & Flag.chain2 != 0 ? reader.requiredString() : nil
            tokens.append(Token(
                text: text, norm: norm, start: span.start, end: span.end, spaceAfter: flags & Flag.spaceAfter != 0,
                kind: kind, lemma: lemma, upos: upos, feats: feats, chain: chain
            ))
        }
        return tokens
    }

    /// A token's text (from the document unless written) and norm (its text unless written).
    private static func readTextAndNorm(
        _ flags: UInt8, _ start: Int, _ end: Int, from reader: inout CompactBinaryReader, _ document: Document
    ) throws -> (text: String, norm: String) {
        let text = try flags & Flag.text != 0 ? reader.requiredString() : LayerBlob.spanText(document, start, end, reader)
        return (text, try flags & Flag.norm != 0 ? reader.requiredString() : text)
    }

    private static func readKind(_ reader: inout CompactBinaryReader) throws -> TokenKind {
        let index = Int(try reader.byte())
        guard index < TokenKind.allCases.count else { throw reader.fail("unknown token kind \(index)") }
        return TokenKind.allCases[index]
    }

    private static func part(of index: UInt8, _ reader: CompactBinaryReader) throws -> UPOS {
        guard Int(index) < UPOS.allCases.count else { throw reader.fail("unknown part of speech \(index)") }
        return UPOS.allCases[Int(index)]
    }

    private static func readFeatures(_ reader: inout CompactBinaryReader) throws -> String? {
        // Each pair takes at least a byte: a count beyond what is left is corruption.
        let code = try reader.count()
        guard code > 0 else { return nil }
        var pairs: [String] = []
        for _ in 0..<(code - 1) {
            let position = try index(&reader, below: FeatureInventory.pairs.count + 1, of: "feature")
            pairs.append(position == 0 ? try reader.requiredString() : FeatureInventory.pairs[position - 1])
        }
        return pairs.joined(separator: "|")
    }

    /// An index written as a varint, checked against `limit` (not against the bytes left, as a count is).
    private static func index(_ reader: inout CompactBinaryReader, below limit: Int, of what: String) throws -> Int {
        let value = try reader.unsigned()
        guard value < UInt64(limit) else { throw reader.fail("unknown \(what) \(value)") }
        return Int(value)
    }

    private static func readLemma(of norm: String, from reader: inout CompactBinaryReader) throws -> String {
        let code = try reader.unsigned()
        guard code > 0 else { return try reader.requiredString() }
        let form = code % 2 == 0 ? norm.lowercased() : norm
        let length = (code - 1) / 2
        guard length <= UInt64(form.unicodeScalars.count) else { throw reader.fail("lemma longer than its form") }
        return String(form.unicodeScalars.prefix(Int(length)))
    }
}
