import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An HTTP error with a message for API clients (English, stable) and an interface-string key for people: the web
/// page shows the message from `strings.tsv` in the reader's language, with `{name}`-style values filled in.
struct LocalizedHTTPError: HTTPResponseError {
    let status: HTTPResponse.Status
    /// The API's message, in English.
    let message: String
    /// The interface string's key in `strings.tsv` (`error.date`).
    let key: String
    /// Values for the string's `{placeholders}`.
    let values: [String: String]

    init(_ status: HTTPResponse.Status, _ message: String, key: String, _ values: [String: String] = [:]) {
        self.status = status
        self.message = message
        self.key = key
        self.values = values
    }

    /// The page's message: the string for ``key`` in the reader's language with the values put in.
    func localized(_ string: (String) -> String) -> String {
        var text = string(key)
        if text == key { return message }
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// Without the error middleware: the API's JSON error shape.
    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = try JSONResponse<ErrorBody>.encoder.encode(ErrorBody(error: .init(message: message)))
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: body))
        )
    }
}
