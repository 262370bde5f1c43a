/// What to search for: free text in the user's syntax plus filters. `Codable`, so an HTTP API can
/// take it as JSON or build it from URL parameters.
///
/// Text syntax (parsed by ``QueryParser``, never passed raw to SQLite): words (`Алматы ЮНЕСКО`,
/// all must match), phrases (`"Абай алаңы"`), `OR`, `NOT word` or `-word`, parentheses, and a
/// trailing `*` for a prefix (`алма*`). Latin-script words also match their Cyrillic spellings.
public struct SearchQuery: Sendable, Codable, Equatable {
    /// The user's query text; empty lists documents matching the filters, newest first.
    public var text: String
    /// Only documents mentioning this entity (canonical name, case-insensitive).
    public var entity: String?
    /// Only documents mentioning an entity with this label (`PERSON`, `GPE`, …); with ``entity``, that entity as this label.
    public var label: String?
    /// Only documents published on or after this date (`yyyy-MM-dd` or `yyyy-MM`).
    public var from: String?
    /// Only documents published on or before this date (`yyyy-MM-dd` or `yyyy-MM`).
    public var to: String?
    /// Only documents from this source (exact name).
    public var source: String?
    /// Show near-duplicates as hits of their own instead of folding them under their original.
    public var includeDuplicates: Bool
    /// Page size (clamped to 1...200) and offset.
    public var limit: Int
    /// Number of hits to skip, for paging.
    public var offset: Int
    /// Leave out documents mentioning any of these entities (canonical names, case-insensitive).
    public var excludeEntities: [String]
    /// Leave out documents mentioning an entity with any of these labels.
    public var excludeLabels: [String]
    /// Leave out documents from any of these sources (exact names).
    public var excludeSources: [String]
    /// The order of the hits: best match first, or newest first (a query without text is always newest first).
    public var sort: Sort
    /// Compute facets (top entities, sources, months) over the result set.
    public var facets: Bool
    /// Build highlighted snippets for the hits.
    public var snippets: Bool

    /// Creates a query; only `text` is required (empty lists the newest documents).
    public init(
        _ text: String, entity: String? = nil, label: String? = nil, from: String? = nil, to: String? = nil,
        source: String? = nil, includeDuplicates: Bool = false, limit: Int = 10, offset: Int = 0,
        facets: Bool = true, snippets: Bool = true, excludeEntities: [String] = [], excludeLabels: [String] = [],
        excludeSources: [String] = [], sort: Sort = .relevance
    ) {
        self.text = text
        self.entity = entity
        self.label = label
        self.from = from
        self.to = to
        self.source = source
        self.includeDuplicates = includeDuplicates
        self.limit = limit
        self.offset = offset
        self.facets = facets
        self.snippets = snippets
        self.excludeEntities = excludeEntities
        self.excludeLabels = excludeLabels
        self.excludeSources = excludeSources
        self.sort = sort
    }

    /// The order of a search's hits.
    public enum Sort: String, Sendable, Codable, Equatable, CaseIterable {
        /// Best match first (BM25, title weighted).
        case relevance
        /// Newest publication date first.
        case date
    }

    enum CodingKeys: String, CodingKey {
        case text, entity, label, from, to, source, includeDuplicates, limit, offset, facets, snippets
        case excludeEntities, excludeLabels, excludeSources, sort
    }

    /// Decodes with defaults for every field but `text`, so `{"text":"Алматы"}` is a valid query.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decodeIfPresent(String.self, forKey: .text) ?? "",
            entity: try container.decodeIfPresent(String.self, forKey: .entity),
            label: try container.decodeIfPresent(String.self, forKey: .label),
            from: try container.decodeIfPresent(String.self, forKey: .from),
            to: try container.decodeIfPresent(String.self, forKey: .to),
            source: try container.decodeIfPresent(String.self, forKey: .source),
            includeDuplicates: try container.decodeIfPresent(Bool.self, forKey: .includeDuplicates) ?? false,
            limit: try container.decodeIfPresent(Int.self, forKey: .limit) ?? 10,
            offset: try container.decodeIfPresent(Int.self, forKey: .offset) ?? 0,
            facets: try container.decodeIfPresent(Bool.self, forKey: .facets) ?? true,
            snippets: try container.decodeIfPresent(Bool.self, forKey: .snippets) ?? true,
            excludeEntities: try container.decodeIfPresent([String].self, forKey: .excludeEntities) ?? [],
            excludeLabels: try container.decodeIfPresent([String].self, forKey: .excludeLabels) ?? [],
            excludeSources: try container.decodeIfPresent([String].self, forKey: .excludeSources) ?? [],
            sort: try container.decodeIfPresent(Sort.self, forKey: .sort) ?? .relevance
        )
    }
}
