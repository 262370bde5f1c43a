public import Hummingbird
import HummingbirdCore
public import Logging
import NIOCore
public import SearchStore

/// Builds the Tilshi web application: the JSON API, the web page and the OpenAPI document, over one collection.
///
/// The caller runs it with `try await app.runService()`; tests use `app.test(.router)` without a socket.
public func buildApplication(
    _ configuration: ServerConfiguration,
    database: any CollectionStore,
    logger: Logger = Logger(label: "tilshi.server")
) throws -> some ApplicationProtocol {
    try buildApplication(configuration, router: buildRouter(configuration, database: database), logger: logger)
}

/// The application around `router`, with the connection limits of `configuration`: an idle timeout, deadlines for a
/// request's head and body (``RequestDeadlineHandler``) and at most ``ServerConfiguration/maxConnections`` connections.
func buildApplication(
    _ configuration: ServerConfiguration,
    router: Router<BasicRequestContext>,
    logger: Logger = Logger(label: "tilshi.server"),
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let (headerTimeout, bodyTimeout) = (configuration.headerTimeout, configuration.bodyTimeout)
    let http1 = HTTP1Channel.Configuration(
        additionalChannelHandlers: [RequestDeadlineHandler(headerTimeout: headerTimeout, bodyTimeout: bodyTimeout)],
        idleTimeout: TimeAmount(configuration.idleTimeout)
    )
    return Application(
        router: router,
        server: .http1(configuration: http1),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port),
            serverName: configuration.serverName,
            availableConnectionsDelegate: MaximumAvailableConnections(configuration.maxConnections, logger: logger)
        ),
        onServerRunning: onServerRunning,
        logger: logger
    )
}

/// The router with every route of the application; exposed so tests can list the routes against the OpenAPI document.
public func buildRouter(_ configuration: ServerConfiguration, database: any CollectionStore) throws -> Router<BasicRequestContext> {
    try buildRouter(
        configuration, database: database,
        work: WorkLimiter(maxConcurrent: configuration.maxConcurrentWork, maxQueued: configuration.maxQueuedWork)
    )
}

/// The router, its heavy work run through `work` (tests hold its slots to see the server under load).
func buildRouter(_ configuration: ServerConfiguration, database: any CollectionStore, work: WorkLimiter) throws -> Router<BasicRequestContext> {
    let resources = try ServerResources.load()
    let pages = try PageRenderer(resources: resources, transliterate: ScriptConversion.toLatin)
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware(pages: pages))
    router.add(middleware: RequestLimitsMiddleware(maxQueryBytes: configuration.maxQueryBytes))
    let stats = StatsCache(database: database)
    stats.warmUp()
    APIController(database: database, configuration: configuration, stats: stats, work: work).addRoutes(to: router.group("api"))
    WebController(database: database, configuration: configuration, pages: pages, stats: stats, openAPI: resources.openAPI, work: work).addRoutes(to: router)
    StaticController(resources: resources).addRoutes(to: router)
    return router
}

/// Builds the application and serves until the process is interrupted (SIGINT/SIGTERM shut it down gracefully).
public func runServer(_ configuration: ServerConfiguration, database: any CollectionStore) async throws {
    try await buildApplication(configuration, database: database).runService()
}
