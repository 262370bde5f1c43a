import SearchStore

/// `GET /api/health`: liveness plus the size of the collection and whether writes are accepted.
struct HealthResponse: Codable, Sendable {
    var status: String
    var version: String
    var documents: Int
    var writable: Bool
}

/// `GET /api/search`: one page of hits with facets over the newest 1,000 matches (all of them when fewer).
struct SearchResponse: Codable, Sendable {
    var query: SearchQuery
    var page: Int
    var pageSize: Int
    /// Matches counted up to 10,000; beyond, `totalIsExact` is false and `total` is that limit.
    var total: Int
    var totalIsExact: Bool
    var hits: [SearchHit]
    var facets: SearchFacets?
    var warnings: [String]
}

/// `GET /api/entities`: one page of the collection's entities, most mentioned first, with the number of all.
struct EntityListResponse: Codable, Sendable {
    var entities: [EntitySummary]
    var page: Int
    var pageSize: Int
    var total: Int
}

/// `GET /api/events`: one page of the meetings and events with a known or inferred date, in date order.
struct EventListResponse: Codable, Sendable {
    var events: [StoredEvent]
    var page: Int
    var pageSize: Int
    var total: Int
}

/// `POST /api/documents`: what the ingest did.
struct IngestResponse: Codable, Sendable {
    var added: [Int64]
    var duplicates: Int
    var nearDuplicates: Int
    var empty: Int
}
