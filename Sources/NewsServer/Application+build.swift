public import Hummingbird
public import Logging
public import SearchStore

/// Builds the Tilshi web application: the JSON API, the web page and the OpenAPI document, over one collection.
///
/// The caller runs it with `try await app.runService()`; tests use `app.test(.router)` without a socket.
public func buildApplication(
    _ configuration: ServerConfiguration,
    database: NewsDatabase,
    logger: Logger = Logger(label: "tilshi.server")
) throws -> some ApplicationProtocol {
    let router = try buildRouter(configuration, database: database)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: configuration.serverName),
        logger: logger
    )
}

/// The router with every route of the application; exposed so tests can list the routes against the OpenAPI document.
public func buildRouter(_ configuration: ServerConfiguration, database: NewsDatabase) throws -> Router<BasicRequestContext> {
    let resources = try ServerResources.load()
    let pages = try PageRenderer(resources: resources, transliterate: ScriptConversion.toLatin)
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware(pages: pages))
    router.add(middleware: RequestLimitsMiddleware(maxQueryBytes: configuration.maxQueryBytes))
    let stats = StatsCache(database: database)
    APIController(database: database, configuration: configuration, stats: stats).addRoutes(to: router.group("api"))
    WebController(database: database, configuration: configuration, pages: pages, stats: stats, openAPI: resources.openAPI).addRoutes(to: router)
    StaticController(resources: resources).addRoutes(to: router)
    return router
}

/// Builds the application and serves until the process is interrupted (SIGINT/SIGTERM shut it down gracefully).
public func runServer(_ configuration: ServerConfiguration, database: NewsDatabase) async throws {
    try await buildApplication(configuration, database: database).runService()
}
