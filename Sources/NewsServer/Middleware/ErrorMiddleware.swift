import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Turns every error into a clear response: `{"error":{"message":…}}` for the API, a small HTML page for the site.
///
/// Hummingbird's own errors (404 for an unknown path, 413 for a large body) carry no message; this adds one,
/// so a client always learns what went wrong. Unexpected errors are logged and reported as 500 without details.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let pages: PageRenderer?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let status: HTTPResponse.Status
            var message: String
            var headers: HTTPFields = [:]
            var localized: LocalizedHTTPError?
            if let error = error as? LocalizedHTTPError {
                status = error.status
                message = error.message
                localized = error
            } else if let error = error as? HTTPError {
                status = error.status
                headers = error.headers
                message = error.body ?? Self.defaultMessage(status, request: request)
            } else if let error = error as? any HTTPResponseError {
                status = error.status
                message = Self.defaultMessage(status, request: request)
            } else {
                context.logger.error("unhandled error: \(error)", metadata: ["path": "\(request.uri.path)"])
                status = .internalServerError
                message = "internal server error"
            }
            if message.isEmpty { message = Self.defaultMessage(status, request: request) }
            if Self.wantsHTML(request), let pages {
                var response = pages.errorPage(status: status, message: message, localized: localized, request: request)
                response.headers.append(contentsOf: headers)
                return response
            }
            let body = try JSONResponse<ErrorBody>.encoder.encode(ErrorBody(error: .init(message: message)))
            headers[.contentType] = "application/json; charset=utf-8"
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
    }

    /// API paths always get JSON; everything else is a page for people.
    static func wantsHTML(_ request: Request) -> Bool {
        let path = request.uri.path
        return !(path.hasPrefix("/api/") || path == "/api" || path == "/openapi.json" || path.hasPrefix("/static/"))
    }

    static func defaultMessage(_ status: HTTPResponse.Status, request: Request) -> String {
        switch status {
        case .notFound: return "no such resource: \(request.uri.path)"
        case .methodNotAllowed: return "method \(request.method) not allowed on \(request.uri.path)"
        case .contentTooLarge: return "request body too large"
        default: return status.reasonPhrase.lowercased()
        }
    }
}

/// The JSON error shape of every API error: `{"error":{"message":"…"}}`.
public struct ErrorBody: Codable, Sendable {
    /// The object under `error`.
    public struct Detail: Codable, Sendable {
        /// What went wrong, in words a client can show ("request body too large").
        public var message: String
    }
    /// The error's details.
    public var error: Detail
}
