import HTTPTypes
import Hummingbird

/// Serves the stylesheet, the script and the OpenAPI document from memory.
struct StaticController: Sendable {
    let resources: ServerResources

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("openapi.json") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "application/json; charset=utf-8", .accessControlAllowOrigin: "*"],
                body: .init(byteBuffer: ByteBuffer(bytes: resources.openAPI))
            )
        }
        router.get("static/{name}") { _, context in
            let name = try context.parameters.require("name")
            guard let data = resources.assets[name] else { throw HTTPError(.notFound, message: "no static file '\(name)'") }
            return Response(
                status: .ok,
                headers: [.contentType: Self.mediaType(of: name), .cacheControl: "public, max-age=300"],
                body: .init(byteBuffer: ByteBuffer(bytes: data))
            )
        }
    }

    static func mediaType(of name: String) -> String {
        if name.hasSuffix(".css") { return "text/css; charset=utf-8" }
        if name.hasSuffix(".js") { return "text/javascript; charset=utf-8" }
        if name.hasSuffix(".svg") { return "image/svg+xml" }
        return "application/octet-stream"
    }
}
