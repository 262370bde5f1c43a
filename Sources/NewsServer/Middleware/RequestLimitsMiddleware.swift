import Hummingbird

/// Refuses over-long query strings before any handler parses them (414), so a hostile URL costs nothing.
struct RequestLimitsMiddleware<Context: RequestContext>: RouterMiddleware {
    let maxQueryBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let query = request.uri.query, query.utf8.count > maxQueryBytes {
            throw HTTPError(.uriTooLong, message: "query string longer than \(maxQueryBytes) bytes")
        }
        return try await next(request, context)
    }
}
