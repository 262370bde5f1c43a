import Foundation
import Hummingbird
import NewsSources

/// The body of `POST /api/documents`: a JSON document, plain text or an HTML page.
///
/// JSON: `{"id"?, "title", "text", "url"?, "published"?, "source"?}`. A `text/plain` body is the text itself
/// (title from `?title=` is not needed); a `text/html` body has its main text extracted.
struct IngestPayload: Codable, Sendable {
    var id: String?
    var title: String?
    var text: String
    var url: String?
    var published: String?
    var source: String?

    /// Most documents one batch body (a JSON array or JSON Lines) may hold.
    static let maxBatchDocuments = 10_000

    /// The documents of a body: one, or several when it is a JSON array of documents or JSON Lines
    /// (`application/x-ndjson`, one document object per line). A bad element is refused with its position, and then
    /// nothing of the batch is stored.
    static func sources(from body: ByteBuffer, contentType: String?) throws -> [SourceDocument] {
        let mediaType = Self.mediaType(contentType)
        guard mediaType == "application/json" || Self.lineTypes.contains(mediaType) else {
            return [try source(from: body, contentType: contentType)]
        }
        let string = try Self.text(of: body)
        let elements: [String]
        if Self.lineTypes.contains(mediaType) {
            elements = string.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
            guard !elements.isEmpty else { throw HTTPError(.unprocessableContent, message: "the JSON Lines body holds no document") }
        } else {
            guard string.first(where: { !$0.isWhitespace }) == "[" else { return [try source(from: body, contentType: contentType)] }
            let payloads: [IngestPayload]
            do { payloads = try JSONDecoder().decode([IngestPayload].self, from: Data(string.utf8)) } catch {
                throw HTTPError(.badRequest, message: "body is not a JSON array of documents {title, text, id?, url?, published?, source?}: \(Self.describe(error))")
            }
            guard !payloads.isEmpty else { throw HTTPError(.unprocessableContent, message: "the JSON array holds no document") }
            guard payloads.count <= maxBatchDocuments else {
                throw HTTPError(.contentTooLarge, message: "a batch holds at most \(maxBatchDocuments) documents, not \(payloads.count)")
            }
            return try payloads.enumerated().map { index, payload in try Self.numbered(index, payloads.count) { try payload.sourceDocument() } }
        }
        guard elements.count <= maxBatchDocuments else {
            throw HTTPError(.contentTooLarge, message: "a batch holds at most \(maxBatchDocuments) documents, not \(elements.count)")
        }
        return try elements.enumerated().map { index, line in
            try Self.numbered(index, elements.count) {
                let payload: IngestPayload
                do { payload = try JSONDecoder().decode(IngestPayload.self, from: Data(line.utf8)) } catch {
                    throw HTTPError(.badRequest, message: "not a JSON document {title, text, id?, url?, published?, source?}: \(Self.describe(error))")
                }
                return try payload.sourceDocument()
            }
        }
    }

    /// Media types of JSON Lines bodies.
    static let lineTypes: Set<String> = ["application/x-ndjson", "application/jsonl", "application/x-jsonlines"]

    /// `body()`, its error message prefixed with the document's position when the batch holds more than one.
    private static func numbered<T>(_ index: Int, _ count: Int, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as HTTPError where count > 1 {
            throw HTTPError(error.status, message: "document \(index + 1) of \(count): \(error.body ?? "")")
        }
    }

    private static func mediaType(_ contentType: String?) -> String {
        (contentType ?? "application/json").split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        } ?? "application/json"
    }

    /// The body as text: refused when it holds a NUL byte or is not UTF-8.
    private static func text(of body: ByteBuffer) throws -> String {
        let bytes = Array(body.readableBytesView)
        if let offset = bytes.firstIndex(of: 0) {
            throw HTTPError(.badRequest, message: "request body contains a NUL byte (offset \(offset)); send text")
        }
        guard let string = String(validating: bytes, as: UTF8.self) else {
            throw HTTPError(.badRequest, message: "request body is not valid UTF-8")
        }
        return string
    }

    static func source(from body: ByteBuffer, contentType: String?) throws -> SourceDocument {
        let mediaType = Self.mediaType(contentType)
        let string = try Self.text(of: body)
        let bytes = Array(string.utf8)
        switch mediaType {
        case "application/json":
            let payload: IngestPayload
            do { payload = try JSONDecoder().decode(IngestPayload.self, from: Data(bytes)) } catch {
                throw HTTPError(.badRequest, message: "body is not a JSON document {title, text, id?, url?, published?, source?}: \(Self.describe(error))")
            }
            return try payload.sourceDocument()
        case "text/plain":
            return try IngestPayload(text: string).sourceDocument()
        case "text/html", "application/xhtml+xml":
            let page = HTMLExtractor().extract(string)
            return try IngestPayload(title: page.title, text: page.text, url: page.url, published: page.published, source: page.source).sourceDocument()
        default:
            throw HTTPError(.unsupportedMediaType, message: "send application/json, text/plain or text/html, not \(mediaType)")
        }
    }

    func sourceDocument() throws -> SourceDocument {
        guard !text.allSatisfy(\.isWhitespace) else { throw HTTPError(.unprocessableContent, message: "'text' is empty") }
        // JSON may spell a NUL as \u0000: refused like a NUL byte, so none is stored or shown raw in a page.
        for (name, value) in [("id", id), ("title", title), ("text", text), ("url", url), ("published", published), ("source", source)] {
            if let value, value.unicodeScalars.contains("\u{0}") {
                throw HTTPError(.unprocessableContent, message: "'\(name)' contains a NUL character")
            }
        }
        if let published, !published.isEmpty, !QueryReader.isDate(String(published.prefix(10))) {
            throw HTTPError(.unprocessableContent, message: "'published' must be an ISO 8601 date such as 2025-10-05")
        }
        return SourceDocument(
            externalID: id.flatMap { $0.isEmpty ? nil : $0 }, title: title, text: text, url: url, source: source,
            published: published.flatMap { $0.isEmpty ? nil : $0 }, origin: "api"
        )
    }

    init(id: String? = nil, title: String? = nil, text: String, url: String? = nil, published: String? = nil, source: String? = nil) {
        self.id = id
        self.title = title
        self.text = text
        self.url = url
        self.published = published
        self.source = source
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        default: return "malformed JSON"
        }
    }
}
