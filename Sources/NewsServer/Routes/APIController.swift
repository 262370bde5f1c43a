import Foundation
import HTTPTypes
import Hummingbird
import NewsSources
import Pipeline
import SearchStore

/// The JSON API under `/api`: search, documents, entities, events, ingest and health.
///
/// Every route is described in `Resources/openapi.json`; a test keeps the two in step.
struct APIController: Sendable {
    let database: any CollectionStore
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
        group.get("search.csv", use: searchCSV)
        group.get("search.jsonl", use: searchJSONL)
        group.get("search/entities.csv", use: searchEntities)
        group.get("search/events.ics", use: searchCalendar)
        group.get("documents/{id}", use: document)
        group.post("documents", use: ingest)
        group.get("entities", use: entities)
        group.get("entities/{id}", use: entity)
        group.get("events", use: events)
        group.get("events.ics", use: calendar)
    }

    /// Runs `body` with the collection through ``work``.
    private func store<T: Sendable>(_ body: @escaping @Sendable (any CollectionStore) throws -> T) async throws -> T {
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
        let results = try await store { [query = parameters.query(pageSize: parameters.pageSize)] in try $0.search(query) }
        return JSONResponse(SearchResponse(
            query: results.query, page: parameters.page, pageSize: parameters.pageSize, total: results.total,
            totalIsExact: results.totalIsExact, hits: results.hits, facets: results.facets, warnings: results.warnings
        ))
    }

    // MARK: Exports of a search (the same parameters as /api/search; every match, not one page)

    /// Most documents `search.jsonl` writes: each line carries a whole analysis.
    static let jsonlExportLimit = 1_000

    @Sendable func searchCSV(_ request: Request, context: BasicRequestContext) async throws -> Response {
        try await export(request, type: "text/csv; charset=utf-8", name: "tilshi-search.csv") { try $0.searchCSV($1, limit: NewsDatabase.exportLimit) }
    }

    @Sendable func searchJSONL(_ request: Request, context: BasicRequestContext) async throws -> Response {
        try await export(request, type: "application/x-ndjson; charset=utf-8", name: "tilshi-search.jsonl") { database, query in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var text = ""
            for id in try database.matchingIDs(query, limit: Self.jsonlExportLimit) {
                guard var document = try database.document(id: id, withTokens: false) else { continue }
                document.origin = Self.publicOrigin(document.origin)
                text += String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
            }
            return text
        }
    }

    @Sendable func searchEntities(_ request: Request, context: BasicRequestContext) async throws -> Response {
        try await export(request, type: "text/csv; charset=utf-8", name: "tilshi-entities.csv") { try $0.resultEntitiesCSV($1, limit: NewsDatabase.exportLimit) }
    }

    @Sendable func searchCalendar(_ request: Request, context: BasicRequestContext) async throws -> Response {
        try await export(request, type: "text/calendar; charset=utf-8", name: "tilshi-search.ics") { try $0.resultCalendar($1, limit: NewsDatabase.exportLimit, now: Date()) }
    }

    /// One export of the search `request` describes: `make` writes the file from the collection, through ``work``.
    private func export(
        _ request: Request, type: String, name: String, _ make: @escaping @Sendable (any CollectionStore, SearchQuery) throws -> String
    ) async throws -> Response {
        let query = try SearchParameters(request, configuration: configuration).query(pageSize: Self.pageSize)
        return Self.download(try await store { try make($0, query) }, type: type, name: name)
    }

    /// A file to save: its media type and a download name.
    static func download(_ text: String, type: String, name: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }

    @Sendable func document(_ request: Request, context: BasicRequestContext) async throws -> JSONResponse<StoredDocument> {
        let id = try Self.identifier(context)
        let reader = QueryReader(request, maxTextCharacters: 8)
        try reader.rejectUnknown(["tokens"])
        let withTokens = try reader.choice("tokens", ["true", "false"], default: "true") != "false"
        guard var document = try await store({ try $0.document(id: id, withTokens: withTokens) }) else {
            throw LocalizedHTTPError(.notFound, "no document with id \(id)", key: "error.noDocument", ["id": String(id)])
        }
        document.origin = Self.publicOrigin(document.origin)
        return JSONResponse(document)
    }

    @Sendable func entities(_ request: Request, context: BasicRequestContext) async throws -> JSONResponse<EntityListResponse> {
        let reader = QueryReader(request, maxTextCharacters: configuration.maxSearchCharacters)
        try reader.rejectUnknown(["label", "q", "page", "pageSize", "limit"])
        let label = try reader.label("label")
        let q = try reader.text("q")
        let paging = try Paging(reader, defaultSize: 100)
        let (entities, total) = try await store { database in
            (try database.entities(label: label, query: q, limit: paging.size, offset: paging.offset), try database.entityCount(label: label, query: q))
        }
        return JSONResponse(EntityListResponse(entities: entities, page: paging.page, pageSize: paging.size, total: total))
    }

    @Sendable func entity(_ request: Request, context: BasicRequestContext) async throws -> JSONResponse<EntityProfile> {
        let reader = QueryReader(request, maxTextCharacters: 8)
        try reader.rejectUnknown(["page", "pageSize", "limit"])
        let paging = try Paging(reader, defaultSize: Self.entityArticlesPerPage)
        let id = try Self.identifier(context)
        guard let profile = try await store({ try Self.entityProfile(id: id, paging: paging, in: $0) }) else {
            throw LocalizedHTTPError(.notFound, "no entity with id \(id)", key: "error.noEntity", ["id": String(id)])
        }
        return JSONResponse(profile)
    }

    /// Articles per page of an entity's profile (API and page).
    static let entityArticlesPerPage = 20

    /// The profile of entity `id` with one page of its articles and its roles over time; nil when there is no such entity.
    static func entityProfile(id: Int64, paging: Paging, in database: any CollectionStore) throws -> EntityProfile? {
        guard var profile = try database.entityProfile(id: id, documentLimit: 30),
              let articles = try database.entityArticles(id: id, limit: paging.size, offset: paging.offset, snippetsPerArticle: 3) else { return nil }
        profile.setArticles(articles, page: paging.page, pageSize: paging.size)
        profile.roleHistory = try database.entityRoleHistory(id: id, documentLimit: 1000)
        return profile
    }

    @Sendable func events(_ request: Request, context: BasicRequestContext) async throws -> JSONResponse<EventListResponse> {
        let reader = QueryReader(request, maxTextCharacters: configuration.maxSearchCharacters)
        try reader.rejectUnknown(["from", "to", "page", "pageSize", "limit"])
        let from = try reader.date("from")
        let to = try reader.date("to")
        let paging = try Paging(reader, defaultSize: 100)
        let (events, total) = try await store { database in
            (try database.events(from: from, to: to, limit: paging.size, offset: paging.offset), try database.eventCount(from: from, to: to))
        }
        return JSONResponse(EventListResponse(events: events, page: paging.page, pageSize: paging.size, total: total))
    }

    @Sendable func calendar(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let reader = QueryReader(request, maxTextCharacters: configuration.maxSearchCharacters)
        try reader.rejectUnknown(["from", "to"])
        let (from, to) = (try reader.date("from"), try reader.date("to"))
        let ics = try await store { try $0.eventCalendar(from: from, to: to, now: Date()) }
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
        let sources = try IngestPayload.sources(from: body, contentType: request.headers[.contentType])
        // The pipeline and the write run through the limiter, off the cooperative pool; a batch is analysed on every
        // core (the `analyze`/`ingest` commands' pool, input order kept) and stored in one transaction.
        let report = try await store { database in
            var prepared: [PreparedDocument] = []
            prepared.reserveCapacity(sources.count)
            try OrderedWorkPool.run(sources, jobs: min(sources.count, OrderedWorkPool.defaultJobs), produce: { database.prepare($0) }) {
                prepared.append($0)
            }
            return try database.store(prepared)
        }
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
        guard let id = Int64(raw), id > 0 else {
            throw LocalizedHTTPError(.badRequest, "id must be a positive integer, not '\(raw.prefix(40))'", key: "error.id", ["value": String(raw.prefix(40))])
        }
        return id
    }
}

/// `page` and `pageSize` of a list endpoint, bounded; `limit` is the older name of `pageSize`.
struct Paging: Sendable {
    static let maxSize = 500
    var page: Int
    var size: Int
    var offset: Int { (page - 1) * size }

    init(_ reader: QueryReader, defaultSize: Int) throws {
        page = try reader.integer("page", in: 1...APIController.maxPage, default: 1)
        let limit = try reader.integer("limit", in: 1...Self.maxSize, default: defaultSize)
        size = try reader.integer("pageSize", in: 1...Self.maxSize, default: limit)
    }
}

/// Version reported by `/api/health`.
public enum ServerInfo {
    /// The server's version string.
    public static let version = "0.1.0"
}
