import Foundation
import HTTPTypes
import Hummingbird
import NewsSources
import SearchStore

/// The JSON API under `/api`: search, documents, entities, events, ingest and health.
///
/// Every route is described in `Resources/openapi.json`; a test keeps the two in step.
struct APIController: Sendable {
    let database: NewsDatabase
    let configuration: ServerConfiguration
    let stats: StatsCache
    /// Where searches, reads and analyses run (off the cooperative pool, bounded; 503 when the line is full).
    let work: WorkLimiter
    /// Hits per page of `GET /api/search`.
    static let pageSize = 10
    static let maxPage = 1000

    func addRoutes(to group: RouterGroup<BasicRequestContext>) {
        group.get("health", use: health)
        group.get("search", use: search)
        group.get("documents/{id}", use: document)
        group.post("documents", use: ingest)
        group.get("entities", use: entities)
        group.get("entities/{id}", use: entity)
        group.get("events", use: events)
        group.get("events.ics", use: calendar)
    }

    /// Runs `body` with the collection through ``work``.
    private func store<T: Sendable>(_ body: @escaping @Sendable (NewsDatabase) throws -> T) async throws -> T {
        let database = database
        return try await work.run { try body(database) }
    }

    /// Answers from cached figures without queueing behind searches, so it stays instant under load.
    @Sendable func health(_ request: Request, context: BasicRequestContext) async throws -> JSONResponse<HealthResponse> {
        let documents = try await stats.stats().documents
        return JSONResponse(HealthResponse(status: "ok", version: ServerInfo.version, documents: documents, writable: configuration.acceptsWrites))
    }

    @Sendable func search(_ request: Request, context: BasicRequestContext) async throws -> JSONResponse<SearchResponse> {
        let parameters = try SearchParameters(request, configuration: configuration)
        let results = try await store { [query = parameters.query(pageSize: Self.pageSize)] in try $0.search(query) }
        return JSONResponse(SearchResponse(
            query: results.query, page: parameters.page, pageSize: Self.pageSize, total: results.total,
            totalIsExact: results.totalIsExact, hits: results.hits, facets: results.facets, warnings: results.warnings
        ))
    }

    @Sendable func document(_ request: Request, context: BasicRequestContext) async throws -> JSONResponse<StoredDocument> {
        let id = try Self.identifier(context)
        let withTokens = (try QueryReader(request, maxTextCharacters: 8).text("tokens")) != "false"
        guard var document = try await store({ try $0.document(id: id, withTokens: withTokens) }) else {
            throw HTTPError(.notFound, message: "no document with id \(id)")
        }
        document.origin = Self.publicOrigin(document.origin)
        return JSONResponse(document)
    }

    @Sendable func entities(_ request: Request, context: BasicRequestContext) async throws -> JSONResponse<EntityListResponse> {
        let reader = QueryReader(request, maxTextCharacters: configuration.maxSearchCharacters)
        let (label, query, limit) = (try reader.label("label"), try reader.text("q"), try reader.integer("limit", in: 1...500, default: 100))
        let entities = try await store { try $0.entities(label: label, query: query, limit: limit) }
        return JSONResponse(EntityListResponse(entities: entities))
    }

    @Sendable func entity(_ request: Request, context: BasicRequestContext) async throws -> JSONResponse<EntityProfile> {
        let id = try Self.identifier(context)
        guard let profile = try await store({ try $0.entityProfile(id: id) }) else { throw HTTPError(.notFound, message: "no entity with id \(id)") }
        return JSONResponse(profile)
    }

    @Sendable func events(_ request: Request, context: BasicRequestContext) async throws -> JSONResponse<EventListResponse> {
        let reader = QueryReader(request, maxTextCharacters: configuration.maxSearchCharacters)
        let (from, to) = (try reader.date("from"), try reader.date("to"))
        let events = try await store { try $0.events(from: from, to: to) }
        return JSONResponse(EventListResponse(events: events))
    }

    @Sendable func calendar(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let reader = QueryReader(request, maxTextCharacters: configuration.maxSearchCharacters)
        let (from, to) = (try reader.date("from"), try reader.date("to"))
        let ics = try await store { try $0.eventCalendar(from: from, to: to) }
        return Response(
            status: .ok,
            headers: [.contentType: "text/calendar; charset=utf-8", .contentDisposition: "attachment; filename=\"tilshi-events.ics\""],
            body: .init(byteBuffer: ByteBuffer(string: ics))
        )
    }

    /// `POST /api/documents`: refused unless a write token is configured and sent as `Authorization: Bearer …`.
    @Sendable func ingest(_ request: Request, context: BasicRequestContext) async throws -> JSONResponse<IngestResponse> {
        try WriteAuthorization(token: configuration.writeToken).check(request)
        let body = try await request.body.collect(upTo: configuration.maxBodyBytes)
        let source = try IngestPayload.source(from: body, contentType: request.headers[.contentType])
        // The pipeline and the write run through the limiter, off the cooperative pool.
        let report = try await store { try $0.store([$0.prepare(source)]) }
        stats.invalidate()
        var headers: HTTPFields = [:]
        if let id = report.added.first { headers[.location] = "/api/documents/\(id)" }
        return JSONResponse(
            IngestResponse(added: report.added, duplicates: report.duplicates, nearDuplicates: report.nearDuplicates, empty: report.empty),
            status: report.added.isEmpty ? .ok : .created,
            headers: headers
        )
    }

    /// `origin` without the server's folders: collections ingested before origins were made relative to the ingest
    /// root may hold absolute paths (`/srv/news/a.txt:3`), which would tell any client how the server is laid out.
    static func publicOrigin(_ origin: String) -> String {
        origin.hasPrefix("/") ? (origin as NSString).lastPathComponent : origin
    }

    /// The `{id}` path parameter as a positive integer, or 400.
    static func identifier(_ context: BasicRequestContext) throws -> Int64 {
        let raw = try context.parameters.require("id")
        guard let id = Int64(raw), id > 0 else { throw HTTPError(.badRequest, message: "id must be a positive integer, not '\(raw.prefix(40))'") }
        return id
    }
}

/// Version reported by `/api/health`.
public enum ServerInfo {
    /// The server's version string.
    public static let version = "0.1.0"
}
