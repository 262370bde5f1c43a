package import HTTPTypes
package import Hummingbird
import Logging
package import NIOCore
import NIOEmbedded
import Synchronization

// An in-process client for the server's tests: requests go straight to the application's responder, no socket.
// HummingbirdTesting's `.router` framework does the same, but that library also links AsyncHTTPClient and NIOSSL,
// whose BoringSSL (≈ 280 C files) was most of a fresh `swift test`'s build time.

extension ApplicationProtocol {
    /// Runs `test` with a client whose requests are answered by this application's responder in the same process.
    package func test<Value: Sendable>(_ test: @Sendable (TestClient) async throws -> Value) async throws -> Value {
        let client = TestClient(respond: try await responder, logger: logger)
        return try await test(client)
    }
}

/// Sends requests to an application's responder and collects whole responses.
package struct TestClient: Sendable {
    private let respond: @Sendable (Request, ApplicationRequestContextSource) async throws -> Response

    init<Responder: HTTPResponder>(respond responder: Responder, logger: Logger)
    where Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
        respond = { request, source in try await responder.respond(to: request, context: Responder.Context(source: source)) }
        self.logger = logger
    }

    private let logger: Logger

    /// Sends one request; `uri` is the path with its query (`/api/search?q=…`). An error the responder throws becomes
    /// the response the server would send for it (its own for an `HTTPResponseError`, else 500).
    package func execute(
        uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil
    ) async throws -> TestResponse {
        var headers = headers
        if let body { headers[.contentLength] = String(body.readableBytes) }
        let request = Request(
            head: HTTPRequest(method: method, scheme: "http", authority: "localhost", path: uri, headerFields: headers),
            body: RequestBody(buffer: body ?? ByteBuffer())
        )
        let source = ApplicationRequestContextSource(channel: EmbeddedChannel(), logger: logger)
        let response: Response
        do {
            response = try await respond(request, source)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: BasicRequestContext(source: source))
        } catch {
            response = Response(status: .internalServerError)
        }
        let collector = BodyCollector()
        try await response.body.write(collector)
        return TestResponse(head: response.head, body: collector.buffer.withLock { $0 })
    }
}

/// A whole response as the test client received it.
package struct TestResponse: Sendable {
    /// Status line and header fields.
    package var head: HTTPResponse
    /// The whole body, collected.
    package var body: ByteBuffer
    /// The response status (`.ok`, `.notFound`…).
    package var status: HTTPResponse.Status { head.status }
    /// The response's header fields.
    package var headers: HTTPFields { head.headerFields }
}

/// Collects a response body's buffers (the body consumes its writer, so the bytes live in a shared box).
private struct BodyCollector: ResponseBodyWriter {
    let buffer = Box()

    final class Box: Sendable {
        let value = Mutex(ByteBuffer())
        func withLock<T>(_ body: (inout ByteBuffer) -> T) -> T { value.withLock { body(&$0) } }
    }

    mutating func write(_ chunk: ByteBuffer) async throws {
        var chunk = chunk
        _ = buffer.withLock { $0.writeBuffer(&chunk) }
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
