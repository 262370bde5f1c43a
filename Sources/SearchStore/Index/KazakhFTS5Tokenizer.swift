public import GRDB
import GRDBSQLite

/// The FTS5 tokenizer of the collection: term streams in for documents, Kazakh query words in for queries.
///
/// Registered on every connection by ``NewsDatabase/makeConfiguration(_:)``. The index table (schema v7) is declared
/// `tokenize='kazakh terms'`: its content is `document_terms`, one ``IndexTermStream`` per column, so on the document
/// side this tokenizer only reads the stream back: each position's lemma, then at the same position
/// (`FTS5_TOKEN_COLOCATED`) its surface form and, for capitalised words, its ``NameStem`` keys, so both "Алматы" and
/// "Алматының" find "Алматының". It never analyses a document, so insert, `delete`, `rebuild` and
/// `integrity-check` all see the very terms the ingest computed. Input that is not a stream is an error there.
///
/// On the query side it analyses the query text as before and emits the lemma, which every indexed form of the word
/// shares, and the query word's own surface form at the same position (an FTS5 synonym), which the index holds for
/// every word: a word present in a document is found whatever lemma its context gave it. For prefix queries (`алма*`)
/// it emits the surface form only. Offsets given to FTS5 are UTF-8 byte
/// offsets, as the C API requires (documents give none: FTS5 stores positions only).
///
/// Tables of schemas before v7 were declared `tokenize='kazakh'` (no argument) over the article text; they exist
/// only while an old collection is migrated, and v7 drops them and builds the index from term streams. Their
/// document side emits no term, so the old migrations' inserts and deletes stay consistent without analysing.
public final class KazakhFTS5Tokenizer: FTS5CustomTokenizer {
    /// The name used in `CREATE VIRTUAL TABLE … USING fts5(tokenize='kazakh terms')`.
    public static let name = "kazakh"
    /// The argument that declares a table whose content is term streams.
    static let termStreamArgument = "terms"

    private let analyzer: IndexTermAnalyzer
    /// Whether documents are term streams (schema v7 and later) rather than legacy article texts.
    private let readsTermStreams: Bool

    /// Whether a query word also matches its surface form (an FTS5 synonym of its lemma); off only to measure what
    /// the synonym costs and finds (`tilshi bench search --lemma-only-queries`). Set before searching, never during.
    nonisolated(unsafe) public static var matchesSurfaceForms = true

    /// Called by FTS5 for each table; the `terms` argument declares a table of term streams.
    public init(db: Database, arguments: [String]) throws {
        analyzer = IndexTermAnalyzer()
        readsTermStreams = arguments.contains(Self.termStreamArgument)
    }

    /// The descriptor of the index table: documents are term streams.
    static func termStreamDescriptor() -> FTS5TokenizerDescriptor {
        tokenizerDescriptor(arguments: [termStreamArgument])
    }

    /// Emits the terms of a document's term stream, or of a query's words, to FTS5.
    public func tokenize(
        context: UnsafeMutableRawPointer?,
        tokenization: FTS5Tokenization,
        pText: UnsafePointer<CChar>?,
        nText: CInt,
        tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        guard let pText, nText > 0 else { return 0 }
        let bytes = UnsafeRawBufferPointer(start: pText, count: Int(nText))
        let isQuery = tokenization.contains(.query)
        if !isQuery {
            // Legacy tables (before v7) index nothing; v7 replaces them.
            guard readsTermStreams else { return 0 }
            return emitStream(bytes, context: context, callback: tokenCallback)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if text.unicodeScalars.first == NameStem.marker {
            // A name key written by the query parser (``NameStem/queryKey(_:)``): already the indexed term.
            return emit(text, flags: 0, start: 0, end: nText, context: context, callback: tokenCallback)
        }
        // A query's phrases are tokenized again by every statement that uses the expression (count, ranking,
        // facets): their terms are cached per phrase text.
        let terms = QueryTermCache.shared.value(for: text) { analyzer.terms(of: text) }
        guard !terms.isEmpty else { return 0 }

        // Scalar offset → UTF-8 byte offset, clamped to the input (invalid bytes decode to U+FFFD).
        var byteOffsets: [Int32] = [0]
        byteOffsets.reserveCapacity(text.unicodeScalars.count + 1)
        var offset: Int32 = 0
        for scalar in text.unicodeScalars {
            offset += Int32(UTF8.width(scalar))
            byteOffsets.append(min(offset, nText))
        }
        let isPrefix = tokenization.contains(.prefix)

        let colocated = FTS5TokenFlags.colocated.rawValue
        for term in terms {
            let start = byteOffsets[min(term.start, byteOffsets.count - 1)]
            let end = byteOffsets[min(term.end, byteOffsets.count - 1)]
            // The lemma, then the surface form as a synonym at the same position (``IndexTerm/queryForms(prefix:)``: the
            // one definition both backends use): "жауғаннан" is жауған in the article, жау in the query; "банктің" read
            // as a name and kept whole.
            for (index, form) in term.queryForms(prefix: isPrefix).enumerated() {
                let code = emit(form, flags: index == 0 ? 0 : colocated, start: start, end: end, context: context, callback: tokenCallback)
                if code != 0 { return code }
            }
        }
        return 0
    }

    /// The document side: each position of the stream, its primary term then its colocated ones. A stream that cannot
    /// be read is `SQLITE_CORRUPT` (an insert fails, an integrity-check reports it).
    private func emitStream(_ bytes: UnsafeRawBufferPointer, context: UnsafeMutableRawPointer?, callback: FTS5TokenCallback) -> CInt {
        guard IndexTermStream.isStream(bytes) else { return SQLITE_CORRUPT }
        var positions: [(Int, [Int])] = []
        guard let terms = try? IndexTermStream.read(bytes, position: { positions.append(($0, Array($1))) }) else { return SQLITE_CORRUPT }
        let colocated = FTS5TokenFlags.colocated.rawValue
        for (primary, others) in positions {
            var code = emit(terms[primary], flags: 0, callback: callback, context: context)
            if code != 0 { return code }
            for other in others {
                code = emit(terms[other], flags: colocated, callback: callback, context: context)
                if code != 0 { return code }
            }
        }
        return 0
    }

    private func emit(_ bytes: [UInt8], flags: CInt, callback: FTS5TokenCallback, context: UnsafeMutableRawPointer?) -> CInt {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                callback(context, flags, chars.baseAddress, CInt(chars.count), 0, 0)
            }
        }
    }

    private func emit(
        _ token: String, flags: CInt, start: Int32, end: Int32,
        context: UnsafeMutableRawPointer?, callback: FTS5TokenCallback
    ) -> CInt {
        var token = token
        return token.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                callback(context, flags, chars.baseAddress, CInt(chars.count), start, end)
            }
        }
    }
}
