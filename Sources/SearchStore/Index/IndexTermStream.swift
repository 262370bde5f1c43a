public import Foundation
public import Pipeline
import TextModel

/// The terms FTS5 stores for one column of one document, in the compact serialised form kept in
/// `document_terms` and read by the document side of ``KazakhFTS5Tokenizer``.
///
/// Why a stream and not the article text: data flows one way into the index. The terms are computed once, at
/// ingest, from the analysis the document gets anyway; what FTS5 indexes is exactly this stream, and every
/// later operation FTS5 performs on a document (`delete`, `rebuild`, `integrity-check` with rank=1, an update)
/// tokenizes the same stored bytes, so they always agree with what was inserted. The tokenizer never analyses a
/// document (it cannot re-analyse with another pipeline and silently disagree), and no cache keyed by article
/// text is needed to hand it the terms. The stream is derivable again from the stored text with the same function
/// the ingest uses (``IndexTermStream/streams(ofAnalysed:title:analyzer:)``), which ``NewsDatabase/reindex(documentIDs:)``
/// and the v7 migration call.
///
/// Layout (version 1): the format byte ``version1``; a count of distinct terms (sorted by their coded bytes) and each
/// term front-coded against the one before it, in ``StoredText``'s one-byte code (Kazakh letters take one byte): a varint
/// `shared << 1 | isNameKey`, the length of the rest and its bytes (a name key's marker is the flag); then, up to the end, one entry per
/// position: a varint `termIndex << 2 | min(colocated, 3)` (a further varint when three or more), then the indexes of
/// the colocated terms (the surface form, the other spellings, then the ``NameStem`` keys), in the order the tokenizer emits them.
/// Offsets are not kept: FTS5 stores positions only, and this project builds snippets itself (``SnippetBuilder``).
public enum IndexTermStream {
    /// First byte of a version-1 stream; never the first byte of UTF-8 text or of a ``StoredText`` blob (0xF5).
    static let version1: UInt8 = 0xF6

    /// Why a stored stream could not be read.
    public struct Malformed: Error, CustomStringConvertible {
        /// What was wrong with the stream (a truncated varint, a term index out of range…).
        public var reason: String
        /// The message shown to the user, with the reason.
        public var description: String { "unreadable index term stream (\(reason))" }
    }

    /// One indexed position: the primary term (the lemma) and the terms FTS5 stores at the same position.
    public typealias Position = (primary: String, colocated: [String])

    // MARK: The one derivation, shared by ingest and re-index

    /// The analysers whose token layer the index reads: the pipeline's stages up to and including morphology.
    /// Later stages (entities, facts) never change a token's `norm`, `lemma` or `kind`, so a re-index need not run
    /// them; the test `termsAtIngestEqualTermsAtReindex` holds this to account.
    public static func tokenPipeline(of pipeline: Pipeline) -> Pipeline {
        guard let last = pipeline.annotators.lastIndex(where: { $0.name == "morphology" }) else { return pipeline }
        return Pipeline(name: pipeline.name + "-index", annotators: Array(pipeline.annotators[...last]))
    }

    /// The streams of a document's title and text: the text's from the tokens of its analysis (`analysed`, the
    /// ingest's own or a re-analysis of the stored text), the title's from the analyzer's pipeline (`kk-search`).
    /// Called by the ingest and by every re-index, so the two cannot drift apart.
    static func streams(ofAnalysed analysed: Document, title: String?, analyzer: IndexTermAnalyzer) -> (title: Data?, text: Data) {
        streams(textTerms: analyzer.terms(of: analysed), title: title, analyzer: analyzer)
    }

    /// ``streams(ofAnalysed:title:analyzer:)`` with the text's terms already taken from the analysis.
    static func streams(textTerms: [IndexTerm], title: String?, analyzer: IndexTermAnalyzer) -> (title: Data?, text: Data) {
        (title.map { encode(analyzer.terms(of: $0)) }, encode(textTerms))
    }

    /// The streams of a stored document, re-derived from its stored text with `pipeline` (the one that analysed it).
    static func streams(ofStoredText text: String, title: String?, pipeline: Pipeline, analyzer: IndexTermAnalyzer) -> (title: Data?, text: Data) {
        streams(ofAnalysed: tokenPipeline(of: pipeline).analyze(id: "", text: text), title: title, analyzer: analyzer)
    }

    // MARK: Format

    /// The stream of `terms`: each term's lemma, then its surface form, other spellings and name keys at the same position.
    public static func encode(_ terms: [IndexTerm]) -> Data {
        // Distinct terms first, each with its coded body (name-key marker as a flag), then sorted by body: sorted terms
        // share long prefixes (a lemma, its inflected forms and its name key sit together), a fifth smaller than in
        // order of first use.
        var table: [String: Int] = [:]
        var distinct: [(body: [UInt8], isKey: Bool)] = []
        var positions: [[Int]] = []
        positions.reserveCapacity(terms.count)
        func index(_ term: String) -> Int {
            if let known = table[term] { return known }
            let isKey = term.unicodeScalars.first == NameStem.marker
            table[term] = distinct.count
            distinct.append((code(isKey ? String(term.unicodeScalars.dropFirst()) : term), isKey))
            return distinct.count - 1
        }
        for term in terms {
            var position = [index(term.lemma)]
            if let surface = term.surface { position.append(index(surface)) }
            for form in term.spellings { position.append(index(form)) }
            for key in term.nameKeys { position.append(index(key)) }
            positions.append(position)
        }
        let sorted = distinct.indices.sorted { left, right in
            let (a, b) = (distinct[left], distinct[right])
            return a.body.lexicographicallyPrecedes(b.body) || (a.body == b.body && !a.isKey && b.isKey)
        }
        var rank = [Int](repeating: 0, count: distinct.count)
        for (newIndex, oldIndex) in sorted.enumerated() { rank[oldIndex] = newIndex }

        var writer = CompactBinaryWriter(capacity: distinct.count * 6 + terms.count * 3 + 4)
        writer.byte(version1)
        writer.count(distinct.count)
        var previous: [UInt8] = []
        for oldIndex in sorted {
            // Front-coded against the previous term: the length shared with it and the name-key flag, then the rest.
            let (coded, isKey) = distinct[oldIndex]
            var shared = 0
            while shared < coded.count, shared < previous.count, coded[shared] == previous[shared] { shared += 1 }
            writer.unsigned(UInt64(shared) << 1 | (isKey ? 1 : 0))
            writer.count(coded.count - shared)
            for byte in coded[shared...] { writer.byte(byte) }
            previous = coded
        }
        for position in positions {
            let colocated = position.count - 1
            writer.unsigned(UInt64(rank[position[0]]) << 2 | UInt64(min(colocated, 3)))
            if colocated >= 3 { writer.count(colocated) }
            for other in position.dropFirst() { writer.count(rank[other]) }
        }
        return Data(writer.bytes)
    }

    /// Whether bytes handed to the tokenizer are a term stream.
    static func isStream(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.first == version1
    }

    /// Reads a stream: the distinct terms in UTF-8 and, for each position, the primary term's index and the colocated
    /// ones'. Every read is bounds-checked; a damaged stream throws.
    static func read(_ bytes: UnsafeRawBufferPointer, position: (Int, ArraySlice<Int>) throws -> Void) throws -> [[UInt8]] {
        var reader = CompactBinaryReader(Array(bytes))
        do {
            guard try reader.byte() == version1 else { throw Malformed(reason: "not a term stream") }
            var terms: [[UInt8]] = []
            let termCount = try reader.count()
            terms.reserveCapacity(termCount)
            var previous: [UInt8] = []
            for _ in 0..<termCount {
                let head = try reader.unsigned()
                guard head >> 1 <= UInt64(previous.count) else { throw Malformed(reason: "shared prefix longer than the previous term") }
                var coded = Array(previous[..<Int(head >> 1)])
                let length = try reader.count()
                coded.reserveCapacity(coded.count + length)
                for _ in 0..<length { coded.append(try reader.byte()) }
                var utf8: [UInt8] = head & 1 == 1 ? Array(String(NameStem.marker).utf8) : []
                utf8.append(contentsOf: try decode(coded))
                terms.append(utf8)
                previous = coded
            }
            // Positions are reported as indexes; `terms` is returned for the caller to resolve them.
            var entries: [Int] = []
            while !reader.isAtEnd {
                let head = try reader.unsigned()
                guard head >> 2 < UInt64(terms.count) else { throw Malformed(reason: "term index out of range") }
                var colocatedCount = Int(head & 3)
                if colocatedCount == 3 {
                    let more = try reader.unsigned()
                    guard more <= UInt64(terms.count) * 2 + 3 else { throw Malformed(reason: "too many colocated terms") }
                    colocatedCount = Int(more)
                }
                entries.removeAll(keepingCapacity: true)
                entries.append(Int(head >> 2))
                for _ in 0..<colocatedCount {
                    // An index, not a length: `unsigned()`, since `count()` would compare it with the bytes left.
                    let value = try reader.unsigned()
                    guard value < UInt64(terms.count) else { throw Malformed(reason: "term index out of range") }
                    let other = Int(value)
                    guard other < terms.count else { throw Malformed(reason: "term index out of range") }
                    entries.append(other)
                }
                try position(entries[0], entries[1...])
            }
            return terms
        } catch let error as CompactBinaryReader.Malformed {
            throw Malformed(reason: error.description)
        }
    }

    /// The positions of a stream as strings (tests, diagnostics).
    public static func decode(_ data: Data) throws -> [Position] {
        var indexes: [(Int, [Int])] = []
        let terms = try data.withUnsafeBytes { bytes in
            try read(bytes) { primary, colocated in indexes.append((primary, Array(colocated))) }
        }
        let strings = terms.map { String(decoding: $0, as: UTF8.self) }
        return indexes.map { (strings[$0.0], $0.1.map { strings[$0] }) }
    }

    /// A term in ``StoredText``'s code: ASCII as is, the common Kazakh letters and signs one byte, others escaped UTF-8.
    private static func code(_ term: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(term.utf8.count)
        for scalar in term.unicodeScalars {
            if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else if let code = StoredText.codes[scalar.value] {
                bytes.append(code)
            } else {
                bytes.append(StoredText.escape)
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        return bytes
    }

    /// The UTF-8 bytes of a coded term.
    private static func decode(_ coded: [UInt8]) throws -> [UInt8] {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(coded.count * 2)
        var index = 0
        while index < coded.count {
            let byte = coded[index]
            if byte < 0x80 {
                utf8.append(byte)
                index += 1
            } else if byte == StoredText.escape {
                guard index + 1 < coded.count else { throw Malformed(reason: "truncated escape") }
                let lead = coded[index + 1]
                let length = lead < 0xC0 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 0
                guard length > 0, index + 1 + length <= coded.count else { throw Malformed(reason: "bad escape") }
                utf8.append(contentsOf: coded[(index + 1)..<(index + 1 + length)])
                index += 1 + length
            } else {
                let slot = Int(byte &- StoredText.firstCode)
                guard slot < StoredText.tableUTF8.count else { throw Malformed(reason: "bad letter code") }
                let code = StoredText.tableUTF8[slot]
                utf8.append(code.0)
                utf8.append(code.1)
                if code.2 != 0 { utf8.append(code.2) }
                index += 1
            }
        }
        return utf8
    }
}
