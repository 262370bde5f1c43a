import Hummingbird
import SearchStore

/// The parameters of a search (`q`, `entity`, `label`, `from`, `to`, `page`), shared by the API and the web page.
struct SearchParameters: Sendable, Equatable {
    var q: String?
    var entity: String?
    var label: String?
    var from: String?
    var to: String?
    var page: Int

    init(_ request: Request, configuration: ServerConfiguration) throws {
        let reader = QueryReader(request, maxTextCharacters: configuration.maxSearchCharacters)
        q = try reader.text("q")
        entity = try reader.text("entity")
        label = try reader.label("label")
        from = try reader.date("from")
        to = try reader.date("to")
        page = try reader.integer("page", in: 1...APIController.maxPage, default: 1)
    }

    func query(pageSize: Int) -> SearchQuery {
        SearchQuery(q ?? "", entity: entity, label: label, from: from, to: to, limit: pageSize, offset: (page - 1) * pageSize)
    }

    /// True when any filter narrows the search.
    var isFiltered: Bool { entity != nil || label != nil || from != nil || to != nil }

    /// The parameters as query pairs, for building links that change one of them.
    var pairs: [(String, String)] {
        [("q", q), ("entity", entity), ("label", label), ("from", from), ("to", to), ("page", page > 1 ? String(page) : nil)]
            .compactMap { name, value in value.map { (name, $0) } }
    }

    /// A link to the search page with some parameters replaced (page goes back to 1 unless given).
    func link(_ changes: [String: String?]) -> String {
        var values = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        values["page"] = nil
        for (name, value) in changes { values[name] = value ?? nil }
        let order = ["q", "entity", "label", "from", "to", "page"]
        return URLBuilder.path("/", order.compactMap { name in values[name].map { (name, $0) } })
    }
}
