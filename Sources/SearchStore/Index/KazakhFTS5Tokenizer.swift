import GRDB

/// The FTS5 tokenizer of the collection: Kazakh words in, lemmas (and surface forms) out.
///
/// Registered on every connection by ``NewsDatabase/makeConfiguration(_:)``. For documents it emits
/// each word's lemma and, at the same position (`FTS5_TOKEN_COLOCATED`), its surface form, so both
/// "Алматы" and "Алматының" find "Алматының"; capitalised words also get their ``NameStem`` key there.
/// For queries it emits only the lemma, which every
/// indexed form of the word shares; for prefix queries (`алма*`) it emits the surface form.
/// Offsets given to FTS5 are UTF-8 byte offsets, as the C API requires.
public final class KazakhFTS5Tokenizer: FTS5CustomTokenizer {
    /// The name used in `CREATE VIRTUAL TABLE … USING fts5(tokenize='kazakh')`.
    public static let name = "kazakh"

    private let analyzer: IndexTermAnalyzer

    public init(db: Database, arguments: [String]) throws {
        analyzer = IndexTermAnalyzer()
    }

    public func tokenize(
        context: UnsafeMutableRawPointer?,
        tokenization: FTS5Tokenization,
        pText: UnsafePointer<CChar>?,
        nText: CInt,
        tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        guard let pText, nText > 0 else { return 0 }
        let bytes = UnsafeRawBufferPointer(start: pText, count: Int(nText))
        // Article texts come from `document.text` in their stored form (see StoredText).
        let text = StoredText.isEncoded(bytes) ? ((try? StoredText.decode(bytes)) ?? "") : String(decoding: bytes, as: UTF8.self)
        let isQuery = tokenization.contains(.query)
        if isQuery, text.unicodeScalars.first == NameStem.marker {
            // A name key written by the query parser (``NameStem/queryKey(_:)``): already the indexed term.
            return emit(text, flags: 0, start: 0, end: nText, context: context, callback: tokenCallback)
        }
        // A query's phrases are tokenized again by every statement that uses the expression (count, ranking,
        // facets): their terms are cached per phrase text.
        let terms = isQuery
            ? QueryTermCache.shared.value(for: text) { analyzer.terms(of: text) }
            : IndexTermCache.shared.terms(for: text) ?? analyzer.terms(of: text)
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
            let primary = isPrefix ? (term.surface ?? term.lemma) : term.lemma
            var code = emit(primary, flags: 0, start: start, end: end, context: context, callback: tokenCallback)
            if code != 0 { return code }
            if !isQuery, let surface = term.surface {
                code = emit(surface, flags: colocated, start: start, end: end, context: context, callback: tokenCallback)
                if code != 0 { return code }
            }
            if !isQuery {
                for key in term.nameKeys {
                    code = emit(key, flags: colocated, start: start, end: end, context: context, callback: tokenCallback)
                    if code != 0 { return code }
                }
            }
        }
        return 0
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
