import Hummingbird
import SearchStore

/// The parameters of a search, shared by the API, the web page and the exports: `q`, the filters `entity`, `label`,
/// `source`, `from`, `to`, the exclusions `not` (entity), `notLabel`, `notSource` (each may repeat), `sort`
/// (`relevance` or `date`) and `page`.
struct SearchParameters: Sendable, Equatable {
    var q: String?
    var entity: String?
    var label: String?
    var source: String?
    var from: String?
    var to: String?
    var not: [String] = []
    var notLabel: [String] = []
    var notSource: [String] = []
    var sort: SearchQuery.Sort = .relevance
    var page: Int
    /// Hits per page (the API's `pageSize`, 1–100; the web page shows 10).
    var pageSize: Int

    /// Every parameter a search URL may carry (the page's own `lang` and `script` included); others are refused.
    static let names: Set<String> = [
        "q", "entity", "label", "source", "from", "to", "not", "notLabel", "notSource", "sort", "page", "pageSize", "lang", "script",
    ]

    init(_ request: Request, configuration: ServerConfiguration, extra: Set<String> = []) throws {
        let reader = QueryReader(request, maxTextCharacters: configuration.maxSearchCharacters)
        try reader.rejectUnknown(Self.names.union(extra))
        q = try reader.text("q")
        entity = try reader.text("entity")
        label = try reader.label("label")
        source = try reader.text("source")
        from = try reader.date("from")
        to = try reader.date("to")
        not = try reader.texts("not")
        notLabel = try reader.texts("notLabel")
        for value in notLabel where !FilterValues.isLabel(value) {
            throw LocalizedHTTPError(
                .badRequest, "parameter 'notLabel' must be an entity label such as PERSON or GPE, not '\(value.prefix(40))'",
                key: "error.label", ["name": "notLabel", "value": String(value.prefix(40))]
            )
        }
        notSource = try reader.texts("notSource")
        sort = SearchQuery.Sort(rawValue: try reader.choice("sort", SearchQuery.Sort.allCases.map(\.rawValue), default: "relevance")) ?? .relevance
        page = try reader.integer("page", in: 1...APIController.maxPage, default: 1)
        pageSize = try reader.integer("pageSize", in: 1...100, default: APIController.pageSize)
        if let from, let to, Self.start(of: from) > Self.end(of: to) {
            throw LocalizedHTTPError(
                .badRequest, "parameter 'from' (\(from)) is after 'to' (\(to))", key: "error.range", ["from": from, "to": to]
            )
        }
    }

    /// `2025-10` → `2025-10-01`; a full date as it is (for comparing a range's ends).
    private static func start(of value: String) -> String { value.count == 7 ? value + "-01" : value }
    /// `2025-10` → `2025-10-31` (every day of the month is inside); a full date as it is.
    private static func end(of value: String) -> String { value.count == 7 ? value + "-31" : value }

    func query(pageSize: Int) -> SearchQuery {
        SearchQuery(
            q ?? "", entity: entity, label: label, from: from, to: to, source: source, limit: pageSize, offset: (page - 1) * pageSize,
            excludeEntities: not, excludeLabels: notLabel, excludeSources: notSource, sort: sort
        )
    }

    /// True when any filter or exclusion narrows the search.
    var isFiltered: Bool {
        entity != nil || label != nil || source != nil || from != nil || to != nil || !not.isEmpty || !notLabel.isEmpty || !notSource.isEmpty
    }

    /// The parameters as query pairs, for building links that change some of them.
    var pairs: [(String, String)] {
        var pairs: [(String, String?)] = [("q", q), ("entity", entity), ("label", label), ("source", source), ("from", from), ("to", to)]
        pairs += not.map { ("not", $0) } + notLabel.map { ("notLabel", $0) } + notSource.map { ("notSource", $0) }
        pairs += [("sort", sort == .relevance ? nil : sort.rawValue), ("page", page > 1 ? String(page) : nil)]
        return pairs.compactMap { name, value in value.map { (name, $0) } }
    }

    /// A link to `path` (the search page by default) with some parameters replaced (page goes back to 1 unless given).
    func link(_ changes: [String: String?], path: String = "/") -> String {
        var copy = self
        copy.page = 1
        for (name, value) in changes {
            switch name {
            case "q": copy.q = value
            case "entity": copy.entity = value
            case "label": copy.label = value
            case "source": copy.source = value
            case "from": copy.from = value
            case "to": copy.to = value
            case "sort": copy.sort = value.flatMap(SearchQuery.Sort.init(rawValue:)) ?? .relevance
            case "page": copy.page = value.flatMap(Int.init) ?? 1
            default: break
            }
        }
        return URLBuilder.path(path, copy.pairs)
    }

    /// A link with one more value excluded (`not`, `notLabel` or `notSource`), or one exclusion taken back.
    func link(excluding name: String, _ value: String, remove: Bool = false) -> String {
        var copy = self
        copy.page = 1
        func edit(_ list: inout [String]) {
            list.removeAll { $0 == value }
            if !remove { list.append(value) }
        }
        switch name {
        case "not": edit(&copy.not); if copy.entity == value { copy.entity = nil }
        case "notLabel": edit(&copy.notLabel); if copy.label == value { copy.label = nil }
        case "notSource": edit(&copy.notSource); if copy.source == value { copy.source = nil }
        default: break
        }
        return URLBuilder.path("/", copy.pairs)
    }

    /// This search at another path (an export: `/api/search.csv`), without the page.
    func exportLink(_ path: String) -> String {
        var copy = self
        copy.page = 1
        return URLBuilder.path(path, copy.pairs)
    }
}
