import Foundation
import TextModel

/// The analysis layers kept in `document.layers`, in a compact, versioned binary form.
///
/// Kept: language, entities, times, amounts, quotes, meetings and events, the extracted knowledge; and, when the
/// collection keeps them (the default), the tokens, sentences and paragraphs those facts were found on. Spans keep no text (their offsets give it back from the document), offsets are varint
/// deltas, an entity's canonical name is written as the part of its surface form it shares plus the rest,
/// and every other string goes through a per-document table. The collection-wide entity table and
/// `document_entity` index who is mentioned where; the mentions themselves live here only.
///
/// Layout (version 1): the format byte `0xF1`, the language, then each layer as a count and its items.
/// Version 2 (`0xF2`) is version 1 followed by the token layer (paragraphs, sentences, tokens with lemmas and
/// morphology), written when the collection keeps tokens (``NewsDatabase/Configuration/storesTokens``) so a
/// document's tokens are read back instead of analysed again; readers that want no tokens stop before it.
/// Version 3 (`0xF3`, written since) is version 1 followed by a token layer about half as large (``TokenLayer``).
/// A format byte that is not a known version fails with a clear error
/// rather than being misread.
enum LayerBlob {
    /// The first byte of a version-1 blob (never the first byte of UTF-8 text, so legacy JSON is told apart).
    static let version1: UInt8 = 0xF1
    /// The first byte of a version-2 blob: version 1 plus the token layer.
    static let version2: UInt8 = 0xF2
    /// The first byte of a version-3 blob: version 1 plus the token layer with lemmas as prefixes of forms.
    static let version3: UInt8 = 0xF3

    /// Whether `data` holds the token layer.
    static func hasTokens(_ data: Data) -> Bool { data.first == version2 || data.first == version3 }

    /// Why stored layers could not be read back.
    struct CorruptLayers: Error, CustomStringConvertible {
        var documentID: Int64?
        var reason: String
        var description: String {
            "the stored analysis layers of document #\(documentID.map(String.init) ?? "?") are unreadable (\(reason)); re-ingest the document"
        }
    }

    /// The blob of `document`'s layers; with `tokens`, version 2 with its paragraphs, sentences and tokens.
    /// `tokenFormat` is ``version3``; tests write ``version2`` to check that collections stored before still read.
    static func encode(_ document: Document, tokens: Bool = false, tokenFormat: UInt8 = version3) -> Data {
        var writer = CompactBinaryWriter(capacity: 16 + 12 * document.entities.count + (tokens ? 6 * document.tokens.count : 0))
        writer.byte(tokens ? tokenFormat : version1)
        writer.byte(UInt8(Language.allCases.firstIndex(of: document.language) ?? Language.allCases.count - 1))

        writer.count(document.entities.count)
        var previous = (start: 0, token: 0)
        for entity in document.entities {
            writer.string(entity.label.rawValue)
            writer.signed(entity.start - previous.start)
            writer.signed(entity.end - entity.start)
            writer.signed(entity.tokenRange.lowerBound - previous.token)
            writer.signed(entity.tokenRange.upperBound - entity.tokenRange.lowerBound)
            // Canonical names are mostly the surface form with its ending removed: write the shared part's length.
            let surface = Array(document.slice(entity.start, entity.end).unicodeScalars)
            let canonical = Array(entity.canonical.unicodeScalars)
            var shared = 0
            while shared < surface.count, shared < canonical.count, surface[shared] == canonical[shared] { shared += 1 }
            writer.count(shared)
            var rest = String.UnicodeScalarView()
            rest.append(contentsOf: canonical[shared...])
            writer.string(String(rest))
            writer.strings(entity.roles)
            previous = (entity.start, entity.tokenRange.lowerBound)
        }

        writer.count(document.times.count)
        var start = 0
        for time in document.times {
            writer.string(time.value)
            writeSpan(&writer, time.start, time.end, after: &start)
        }
        writer.count(document.amounts.count)
        start = 0
        for amount in document.amounts {
            writer.double(amount.value)
            writer.string(amount.unit)
            writer.string(amount.modifier)
            writeSpan(&writer, amount.start, amount.end, after: &start)
        }
        writer.count(document.quotes.count)
        start = 0
        for quote in document.quotes {
            writer.string(quote.speaker)
            writeSpan(&writer, quote.start, quote.end, after: &start)
        }
        writer.count(document.meetings.count)
        start = 0
        for meeting in document.meetings {
            writer.strings(meeting.participants)
            writer.string(meeting.when)
            writer.string(meeting.where)
            writer.string(meeting.topic)
            writeSpan(&writer, meeting.start, meeting.end, after: &start)
        }
        writer.count(document.events.count)
        start = 0
        for event in document.events {
            writer.string(event.title)
            writer.string(event.when)
            writer.string(event.where)
            writer.strings(event.participants)
            writeSpan(&writer, event.start, event.end, after: &start)
        }
        if tokens { TokenLayer.encode(document, into: &writer, version: tokenFormat) }
        return Data(writer.bytes)
    }

    /// Puts the layers of `data` back on `document`, whose text gives the spans their texts; with `tokens`, also
    /// the token layer when the blob holds one (the document's paragraphs, sentences and tokens are left as they
    /// are otherwise).
    static func decode(_ data: Data, into document: inout Document, documentID: Int64? = nil, tokens: Bool = false) throws {
        var reader = CompactBinaryReader([UInt8](data))
        do {
            let format = try reader.byte()
            guard format == version1 || format == version2 || format == version3 else {
                throw reader.fail(format == UInt8(ascii: "{") ? "JSON layers of a database not migrated" : "unknown format \(format)")
            }
            let languageIndex = Int(try reader.byte())
            guard languageIndex < Language.allCases.count else { throw reader.fail("unknown language \(languageIndex)") }
            let language = Language.allCases[languageIndex]

            var entities: [Entity] = []
            var previous = (start: 0, token: 0)
            for _ in 0..<(try reader.count()) {
                let label = try reader.requiredString()
                let start = previous.start + (try reader.signed())
                let end = start + (try reader.signed())
                let tokenStart = previous.token + (try reader.signed())
                let tokenEnd = tokenStart + (try reader.signed())
                let text = try spanText(document, start, end, reader)
                // A length of letters, not of bytes still to come: `count()` would refuse a long shared prefix
                // near the end of the blob (a document without facts whose last entity is "Н.Ә. Назарбаев").
                let sharedValue = try reader.unsigned()
                let surface = Array(text.unicodeScalars)
                guard sharedValue <= UInt64(surface.count) else { throw reader.fail("canonical name longer than its mention") }
                let shared = Int(sharedValue)
                var canonical = String.UnicodeScalarView()
                canonical.append(contentsOf: surface[..<shared])
                canonical.append(contentsOf: try reader.requiredString().unicodeScalars)
                guard tokenStart >= 0, tokenEnd >= tokenStart else { throw reader.fail("bad token range") }
                entities.append(Entity(
                    text: text, label: EntityLabel(label), canonical: String(canonical), start: start, end: end,
                    tokenRange: tokenStart..<tokenEnd, roles: try reader.strings()
                ))
                previous = (start, tokenStart)
            }

            var times: [TimeExpression] = []
            var start = 0
            for _ in 0..<(try reader.count()) {
                let value = try reader.requiredString()
                let span = try readSpan(&reader, after: &start)
                times.append(TimeExpression(text: try spanText(document, span.start, span.end, reader), value: value, start: span.start, end: span.end))
            }
            var amounts: [Amount] = []
            start = 0
            for _ in 0..<(try reader.count()) {
                let value = try reader.double()
                let unit = try reader.string()
                let modifier = try reader.string()
                let span = try readSpan(&reader, after: &start)
                amounts.append(Amount(
                    text: try spanText(document, span.start, span.end, reader), value: value, unit: unit, modifier: modifier,
                    start: span.start, end: span.end
                ))
            }
            var quotes: [Quote] = []
            start = 0
            for _ in 0..<(try reader.count()) {
                let speaker = try reader.string()
                let span = try readSpan(&reader, after: &start)
                quotes.append(Quote(text: try spanText(document, span.start, span.end, reader), speaker: speaker, start: span.start, end: span.end))
            }
            var meetings: [Meeting] = []
            start = 0
            for _ in 0..<(try reader.count()) {
                let participants = try reader.strings()
                let when = try reader.string()
                let place = try reader.string()
                let topic = try reader.string()
                let span = try readSpan(&reader, after: &start)
                meetings.append(Meeting(participants: participants, when: when, where: place, start: span.start, end: span.end, topic: topic))
            }
            var events: [Event] = []
            start = 0
            for _ in 0..<(try reader.count()) {
                let title = try reader.requiredString()
                let when = try reader.string()
                let place = try reader.string()
                let participants = try reader.strings()
                let span = try readSpan(&reader, after: &start)
                events.append(Event(title: title, when: when, where: place, participants: participants, start: span.start, end: span.end))
            }
            if format != version1, tokens {
                try TokenLayer.decode(&reader, into: &document, version: format)
                guard reader.isAtEnd else { throw reader.fail("trailing bytes") }
            } else if format == version1 {
                guard reader.isAtEnd else { throw reader.fail("trailing bytes") }
            }

            document.language = language
            document.entities = entities
            document.times = times
            document.amounts = amounts
            document.quotes = quotes
            document.meetings = meetings
            document.events = events
        } catch let error as CompactBinaryReader.Malformed {
            throw CorruptLayers(documentID: documentID, reason: error.description)
        }
    }

    static func writeSpan(_ writer: inout CompactBinaryWriter, _ start: Int, _ end: Int, after previous: inout Int) {
        writer.signed(start - previous)
        writer.signed(end - start)
        previous = start
    }

    static func readSpan(_ reader: inout CompactBinaryReader, after previous: inout Int) throws -> (start: Int, end: Int) {
        let start = previous + (try reader.signed())
        let end = start + (try reader.signed())
        previous = start
        return (start, end)
    }

    /// The text of a span, which must lie inside the document.
    static func spanText(_ document: Document, _ start: Int, _ end: Int, _ reader: CompactBinaryReader) throws -> String {
        guard start >= 0, end >= start, end <= document.scalars.count else {
            throw reader.fail("span \(start)..<\(end) outside the text (\(document.scalars.count) characters)")
        }
        return document.slice(start, end)
    }
}
