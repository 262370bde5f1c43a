import Foundation
import Hummingbird
import SearchStore
import TextModel

/// The web page: search, document view, entity pages and the events calendar, rendered on the server.
struct WebController: Sendable {
    let database: any CollectionStore
    let configuration: ServerConfiguration
    let pages: PageRenderer
    let stats: StatsCache
    /// The OpenAPI document, rendered as the readable `/api` page.
    let openAPI: Data
    /// Where the pages' reads, snippets and rendering run (off the cooperative pool, bounded; 503 when full).
    let work: WorkLimiter

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/", use: search)
        router.get("api", use: apiPage)
        router.get("documents/{id}", use: document)
        router.get("entities", use: entities)
        router.get("entities/{id}", use: entity)
        router.get("events", use: events)
    }

    /// Runs a page's reads, snippet alignment and template rendering through ``work``, so the cooperative pool only awaits.
    private func render(_ body: @escaping @Sendable (any CollectionStore) throws -> Response) async throws -> Response {
        let database = database
        return try await work.run { try body(database) }
    }

    // MARK: Search

    @Sendable func search(_ request: Request, context: BasicRequestContext) async throws -> Response {
        try await render { try renderSearch(request, context: context, database: $0) }
    }

    private func renderSearch(_ request: Request, context: BasicRequestContext, database: any CollectionStore) throws -> Response {
        let presenter = pages.presenter(for: request)
        let parameters = try SearchParameters(request, configuration: configuration)
        let results = try database.search(parameters.query(pageSize: APIController.pageSize))
        let hasQuery = parameters.q != nil || parameters.isFiltered
        let annotations = try database.annotations(of: results.hits.map(\.id))
        let dates = TimexDisplay(presenter: presenter)
        let hits = results.hits.map { hit(from: $0, annotations: annotations[$0.id], presenter: presenter, dates: dates) }
        let stats = try self.stats.current()
        let facets = results.facets ?? SearchFacets(entities: [], sources: [], months: [])
        // Label facets count the documents of the result set (never the whole collection); names only.
        let labels = facets.labels.filter { Self.isName($0.value) }.prefix(8).map { facet in
            SearchPage.LabelFacet(
                label: Self.cssLabel(facet.value), name: presenter.labelName(facet.value), count: facet.count, on: parameters.label == facet.value,
                href: parameters.link(["label": parameters.label == facet.value ? nil : facet.value, "entity": nil]),
                excludeHref: parameters.link(excluding: "notLabel", facet.value)
            )
        }
        let facetEntities = facets.entities.filter { Self.isName($0.label ?? "") }.prefix(12).map { facet in
            SearchPage.Facet(
                name: presenter.text(facet.value), count: facet.count, on: parameters.entity == facet.value,
                href: parameters.link(["entity": parameters.entity == facet.value ? nil : facet.value, "label": facet.label]),
                excludeHref: .init(parameters.link(excluding: "not", facet.value))
            )
        }
        let sources = facets.sources.prefix(10).map { facet in
            SearchPage.Facet(
                name: presenter.text(facet.value), count: facet.count, on: parameters.source == facet.value,
                href: parameters.link(["source": parameters.source == facet.value ? nil : facet.value]),
                excludeHref: .init(parameters.link(excluding: "notSource", facet.value))
            )
        }
        let months = facets.months.prefix(12).map { facet in
            let on = parameters.from == facet.value && parameters.to == facet.value
            return SearchPage.Facet(
                name: dates(facet.value), count: facet.count, on: on,
                href: parameters.link(["from": on ? nil : facet.value, "to": on ? nil : facet.value]), excludeHref: nil
            )
        }
        let exclusions = parameters.not.map { SearchPage.Exclusion(name: presenter.text($0), href: parameters.link(excluding: "not", $0, remove: true)) }
            + parameters.notLabel.map { SearchPage.Exclusion(name: presenter.labelName($0), href: parameters.link(excluding: "notLabel", $0, remove: true)) }
            + parameters.notSource.map { SearchPage.Exclusion(name: presenter.text($0), href: parameters.link(excluding: "notSource", $0, remove: true)) }
        var chart: BarChart?
        if hasQuery, let periods = BarChart.periods(days: facets.days, months: facets.months) {
            chart = BarChart(
                periods: periods.periods, granularity: periods.granularity, display: dates.callAsFunction, unit: presenter.t("chart.\(periods.granularity.rawValue)"),
                href: { parameters.link(["from": $0.from, "to": $0.to]) }
            )
        }
        let pageCount = max(1, min(APIController.maxPage, (results.total + APIController.pageSize - 1) / APIController.pageSize))
        let canSortByRelevance = parameters.q != nil
        let sorts = canSortByRelevance ? SearchQuery.Sort.allCases.map { sort in
            SearchPage.SortLink(name: presenter.t("sort.\(sort.rawValue)"), href: parameters.link(["sort": sort.rawValue]), on: parameters.sort == sort)
        } : []
        let exports = hasQuery ? [
            SearchPage.ExportLink(name: presenter.t("export.csv"), href: parameters.exportLink("/api/search.csv"), format: "csv"),
            SearchPage.ExportLink(name: presenter.t("export.jsonl"), href: parameters.exportLink("/api/search.jsonl"), format: "jsonl"),
            SearchPage.ExportLink(name: presenter.t("export.entities"), href: parameters.exportLink("/api/search/entities.csv"), format: "entities"),
            SearchPage.ExportLink(name: presenter.t("export.ics"), href: parameters.exportLink("/api/search/events.ics"), format: "ics"),
        ] : []
        var hidden: [HiddenField] = []
        if let source = parameters.source { hidden.append(HiddenField(name: "source", value: source)) }
        hidden += parameters.not.map { HiddenField(name: "not", value: $0) } + parameters.notLabel.map { HiddenField(name: "notLabel", value: $0) }
            + parameters.notSource.map { HiddenField(name: "notSource", value: $0) }
        if parameters.sort != .relevance { hidden.append(HiddenField(name: "sort", value: parameters.sort.rawValue)) }
        let page = SearchPage(
            hasQuery: hasQuery,
            autofocus: !hasQuery,
            query: SearchForm(
                q: parameters.q ?? "", entity: parameters.entity.template, label: parameters.label.template,
                from: parameters.from ?? "", to: parameters.to ?? "", hidden: hidden
            ),
            total: results.total,
            totalIsExact: results.totalIsExact,
            // The count stopped at the limit: "10 000-нан астам нәтиже" / "more than 10,000 results".
            totalOverLimit: presenter.t("resultsOverLimit").replacingOccurrences(
                of: "{total}", with: SearchResults.grouped(results.total, separator: presenter.preferences.language == .kk ? "\u{A0}" : ",")
            ),
            page: parameters.page,
            pageCount: pageCount,
            warnings: results.warnings.map { QueryWarningText.localized($0) { presenter.t($0) } },
            activeFilters: TemplateOptional(
                parameters.isFiltered ? SearchPage.ActiveFilters(clearHref: URLBuilder.path("/", parameters.q.map { [("q", $0)] } ?? [])) : nil
            ),
            hits: hits,
            hasHits: !hits.isEmpty,
            previousHref: TemplateOptional(parameters.page > 1 ? parameters.link(["page": parameters.page > 2 ? String(parameters.page - 1) : nil]) : nil),
            nextHref: TemplateOptional(
                parameters.page * APIController.pageSize < results.total && parameters.page < APIController.maxPage
                    ? parameters.link(["page": String(parameters.page + 1)]) : nil
            ),
            stats: TemplateOptional(hasQuery ? nil : SearchPage.Stats(documents: stats.documents, entities: stats.entities, events: stats.events)),
            chart: chart.template,
            sorts: sorts,
            hasSorts: !sorts.isEmpty,
            facetLabels: labels,
            hasFacetLabels: !labels.isEmpty,
            facetEntities: facetEntities,
            hasFacetEntities: !facetEntities.isEmpty,
            facetSources: sources,
            hasFacetSources: !sources.isEmpty,
            facetMonths: months,
            hasFacetMonths: !months.isEmpty,
            exclusions: exclusions,
            hasExclusions: !exclusions.isEmpty,
            hasFacets: !labels.isEmpty || !facetEntities.isEmpty || !sources.isEmpty || !months.isEmpty || parameters.isFiltered,
            exports: exports,
            hasExports: !exports.isEmpty
        )
        let title = parameters.q.map { presenter.text($0) } ?? presenter.t("navSearch")
        return presenter.page("search", title: title, page)
    }

    /// One search hit: title with matches, snippet with matches and entity marks, entity chips, folded duplicates.
    private func hit(from hit: SearchHit, annotations stored: DocumentAnnotations?, presenter: Presenter, dates: TimexDisplay) -> SearchPage.Hit {
        let ids = stored.map { Self.entityIDs($0.entities) } ?? [:]
        let markup = TextMarkup(display: presenter.text, labelName: presenter.labelName)
        let title = Array((hit.title ?? hit.headline ?? "#\(hit.id)").unicodeScalars)
        let titleHits = hit.titleHighlights.map { $0.start..<$0.end }
        var segments: [TextMarkup.Segment] = []
        if let snippet = hit.snippet {
            let scalars = Array(snippet.text.unicodeScalars)
            // The snippet's whitespace is collapsed, so entity offsets are moved onto it through an alignment.
            let marks = stored.map { stored in
                SnippetAlignment(snippet: scalars, document: stored.analysis.scalars, documentStart: snippet.documentStart)
                    .localMarks(stored.analysis.entities.map { Self.mark($0, ids: ids) })
            } ?? []
            segments = markup.segments(scalars, base: 0, from: 0, to: scalars.count, marks: marks, hits: snippet.highlights.map { $0.start..<$0.end })
        }
        let chips = (stored?.entities ?? []).filter { Self.isName($0.label) }.prefix(6).map {
            SearchPage.Chip(href: "/entities/\($0.id)", name: presenter.text($0.canonical), label: Self.cssLabel($0.label))
        }
        return SearchPage.Hit(
            id: hit.id,
            href: "/documents/\(hit.id)",
            published: hit.published.map { dates(String($0.prefix(10))) }.template,
            source: presenter.text(hit.source).template,
            hasDuplicates: !hit.duplicates.isEmpty,
            duplicateCount: hit.duplicates.count,
            duplicates: hit.duplicates.map { TitledLink(href: "/documents/\($0.id)", title: presenter.text($0.title ?? "#\($0.id)")) },
            title: .init(parts: markup.segments(title, base: 0, from: 0, to: title.count, marks: [], hits: titleHits).first?.parts ?? []),
            segments: segments,
            entities: Array(chips),
            hasEntities: !chips.isEmpty
        )
    }

    // MARK: Document

    @Sendable func document(_ request: Request, context: BasicRequestContext) async throws -> Response {
        try await render { try renderDocument(request, context: context, database: $0) }
    }

    private func renderDocument(_ request: Request, context: BasicRequestContext, database: any CollectionStore) throws -> Response {
        let presenter = pages.presenter(for: request)
        try QueryReader(request, maxTextCharacters: 8).rejectUnknown(Self.pageParameters)
        let id = try APIController.identifier(context)
        guard let stored = try database.document(id: id, withTokens: false) else {
            throw LocalizedHTTPError(.notFound, "no document with id \(id)", key: "error.noDocument", ["id": String(id)])
        }
        let analysis = stored.analysis
        let ids = Self.entityIDs(stored.entities)
        let markup = TextMarkup(display: presenter.text, labelName: presenter.labelName)
        let marks = analysis.entities.map { Self.mark($0, ids: ids) }
        var labelCounts: [String: Int] = [:]
        for entity in analysis.entities { labelCounts[Self.cssLabel(entity.label.rawValue), default: 0] += 1 }
        let legend = labelCounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
            DocumentPage.LegendItem(label: $0.key, short: TextMarkup.shortLabel($0.key), name: presenter.labelName($0.key), count: $0.value)
        }
        var roles: [String: [String]] = [:]
        for entity in analysis.entities where !entity.roles.isEmpty {
            roles[entity.canonical, default: []].append(contentsOf: entity.roles.filter { !(roles[entity.canonical] ?? []).contains($0) })
        }
        let entityList = stored.entities.map {
            DocumentPage.EntityItem(
                href: "/entities/\($0.id)", name: presenter.text($0.canonical), label: Self.cssLabel($0.label),
                labelName: presenter.labelName($0.label), roles: (roles[$0.canonical] ?? []).map(presenter.text)
            )
        }
        let dates = TimexDisplay(presenter: presenter)
        let amountText = AmountDisplay(presenter: presenter)
        let times = analysis.times.map { DocumentPage.TimeItem(text: presenter.text($0.text), value: dates($0.value)) }
        let amounts = analysis.amounts.map { DocumentPage.AmountItem(text: presenter.text($0.text), value: amountText($0.value, unit: $0.unit)) }
        let quotes = analysis.quotes.map {
            DocumentPage.QuoteItem(text: presenter.text($0.text), speaker: presenter.text($0.speaker) ?? presenter.t("unknownSpeaker"))
        }
        let meetings = analysis.meetings.map {
            DocumentPage.MeetingItem(
                participants: $0.participants.map(presenter.text).joined(separator: ", "),
                when: $0.when.map(dates.callAsFunction).template, where: presenter.text($0.where).template, topic: presenter.text($0.topic).template
            )
        }
        let events = analysis.events.map {
            DocumentPage.EventItem(title: presenter.text($0.title), when: $0.when.map(dates.callAsFunction).template, where: presenter.text($0.where).template)
        }
        let title = presenter.text(Headline.of(title: stored.title, text: stored.text) ?? "#\(stored.id)")
        let page = DocumentPage(
            title: title,
            published: stored.published.map { dates(String($0.prefix(10))) }.template,
            source: presenter.text(stored.source).template,
            url: Self.safeURL(stored.url).template,
            legend: legend, hasLegend: !legend.isEmpty,
            paragraphs: markup.paragraphs(analysis.scalars, marks: marks),
            entityList: entityList, entityCount: entityList.count,
            times: times, hasTimes: !times.isEmpty, timeCount: times.count,
            amounts: amounts, hasAmounts: !amounts.isEmpty, amountCount: amounts.count,
            quotes: quotes, hasQuotes: !quotes.isEmpty, quoteCount: quotes.count,
            meetings: meetings, hasMeetings: !meetings.isEmpty, meetingCount: meetings.count,
            events: events, hasEvents: !events.isEmpty, eventCount: events.count,
            duplicates: (stored.duplicates + (stored.duplicateOf.map { [$0] } ?? [])).map {
                TitledLink(href: "/documents/\($0.id)", title: presenter.text($0.title ?? "#\($0.id)"))
            },
            hasDuplicates: !stored.duplicates.isEmpty || stored.duplicateOf != nil
        )
        return presenter.page("document", title: title, page)
    }

    // MARK: Entities

    @Sendable func entities(_ request: Request, context: BasicRequestContext) async throws -> Response {
        try await render { try renderEntities(request, context: context, database: $0) }
    }

    private func renderEntities(_ request: Request, context: BasicRequestContext, database: any CollectionStore) throws -> Response {
        let presenter = pages.presenter(for: request)
        let reader = QueryReader(request, maxTextCharacters: configuration.maxSearchCharacters)
        try reader.rejectUnknown(Set(["label", "q"]).union(Self.pageParameters))
        let label = try reader.label("label")
        let q = try reader.text("q")
        let entities = try database.entities(label: label, query: q, limit: 300, offset: 0)
        let stats = try stats.current()
        var labels = [EntitiesPage.LabelLink(href: URLBuilder.path("/entities", q.map { [("q", $0)] } ?? []), name: presenter.t("allLabels"), on: label == nil)]
        labels += stats.labels.map { facet in
            EntitiesPage.LabelLink(
                href: URLBuilder.path("/entities", [("label", facet.value)] + (q.map { [("q", $0)] } ?? [])),
                name: presenter.labelName(facet.value), on: label == facet.value
            )
        }
        let page = EntitiesPage(
            q: q ?? "",
            label: label.template,
            labels: labels,
            entities: entities.map {
                EntitiesPage.Row(
                    href: "/entities/\($0.id)", name: presenter.text($0.canonical), label: Self.cssLabel($0.label),
                    labelName: presenter.labelName($0.label), documentCount: $0.documentCount
                )
            }
        )
        return presenter.page("entities", title: presenter.t("navEntities"), page)
    }

    @Sendable func entity(_ request: Request, context: BasicRequestContext) async throws -> Response {
        try await render { try renderEntity(request, context: context, database: $0) }
    }

    private func renderEntity(_ request: Request, context: BasicRequestContext, database: any CollectionStore) throws -> Response {
        let presenter = pages.presenter(for: request)
        let reader = QueryReader(request, maxTextCharacters: 8)
        try reader.rejectUnknown(Self.pageParameters.union(["page", "pageSize"]))
        let paging = try Paging(reader, defaultSize: APIController.entityArticlesPerPage)
        let id = try APIController.identifier(context)
        // Page links keep a chosen page size.
        func pageHref(_ number: Int) -> String {
            URLBuilder.path("/entities/\(id)", (number > 1 ? [("page", String(number))] : [])
                + (paging.size != APIController.entityArticlesPerPage ? [("pageSize", String(paging.size))] : []))
        }
        guard let profile = try APIController.entityProfile(id: id, paging: paging, in: database) else {
            throw LocalizedHTTPError(.notFound, "no entity with id \(id)", key: "error.noEntity", ["id": String(id)])
        }
        let dates = TimexDisplay(presenter: presenter)
        let markup = TextMarkup(display: presenter.text, labelName: presenter.labelName)
        let summary = profile.entity
        let name = presenter.text(summary.canonical)
        let page = EntityPage(
            name: name,
            label: Self.cssLabel(summary.label),
            labelName: presenter.labelName(summary.label),
            documentCount: summary.documentCount,
            mentionCount: summary.mentionCount,
            searchHref: URLBuilder.path("/", [("entity", summary.canonical), ("label", summary.label)]),
            roles: (profile.roleHistory ?? []).map { span in
                EntityPage.Role(
                    name: presenter.text(span.role), count: span.count,
                    dates: Self.dateSpan(first: span.first, last: span.last, dates: dates).template
                )
            },
            hasRoles: !(profile.roleHistory ?? []).isEmpty,
            timeline: Self.monthChart(profile.timeline, presenter: presenter, dates: dates) { period in
                URLBuilder.path("/", [("entity", summary.canonical), ("label", summary.label), ("from", period.from), ("to", period.to)])
            }.template,
            articles: (profile.articles ?? []).map { article in
                EntityPage.Article(
                    href: "/documents/\(article.documentID)",
                    title: presenter.text(article.title ?? "#\(article.documentID)"),
                    published: article.published.map { dates(String($0.prefix(10))) }.template,
                    source: article.source.map(presenter.text).template,
                    mentionCount: article.mentionCount,
                    snippets: article.snippets.map { snippet in
                        let scalars = Array(snippet.text.unicodeScalars)
                        return EntityPage.ArticleSnippet(segments: markup.segments(
                            scalars, base: 0, from: 0, to: scalars.count, marks: [], hits: snippet.highlights.map { $0.start..<$0.end }
                        ))
                    },
                    more: TemplateOptional(Optional(article.mentionCount - article.snippets.reduce(0) { $0 + $1.highlights.count }).flatMap { $0 > 0 ? $0 : nil })
                )
            },
            articleTotal: profile.total ?? 0,
            page: paging.page,
            pageCount: max(1, min(APIController.maxPage, ((profile.total ?? 0) + paging.size - 1) / paging.size)),
            previousHref: TemplateOptional(paging.page > 1 ? pageHref(paging.page - 1) : nil),
            nextHref: TemplateOptional(
                paging.page * paging.size < (profile.total ?? 0) && paging.page < APIController.maxPage ? pageHref(paging.page + 1) : nil
            ),
            quotes: profile.quotes.map { EntityPage.Quote(text: presenter.text($0.text), href: "/documents/\($0.documentID)", title: presenter.text($0.title ?? "")) },
            hasQuotes: !profile.quotes.isEmpty,
            related: profile.related.filter { Self.isName($0.entity.label) }.map {
                EntityPage.Related(
                    href: "/entities/\($0.entity.id)", name: presenter.text($0.entity.canonical), label: Self.cssLabel($0.entity.label),
                    count: $0.sharedDocuments,
                    // The articles that mention both: this entity as a filter, the other one's name as a phrase.
                    searchHref: URLBuilder.path("/", [("q", "\"\($0.entity.canonical)\""), ("entity", summary.canonical), ("label", summary.label)])
                )
            },
            hasRelated: profile.related.contains { Self.isName($0.entity.label) },
            meetings: profile.meetings.map {
                EntityPage.Meeting(
                    participants: $0.participants.map(presenter.text).joined(separator: ", "), when: $0.when.map(dates.callAsFunction).template,
                    where: presenter.text($0.where).template, href: "/documents/\($0.documentID)"
                )
            },
            hasMeetings: !profile.meetings.isEmpty
        )
        return presenter.page("entity", title: name, page)
    }

    // MARK: Events

    @Sendable func events(_ request: Request, context: BasicRequestContext) async throws -> Response {
        try await render { try renderEvents(request, context: context, database: $0) }
    }

    private func renderEvents(_ request: Request, context: BasicRequestContext, database: any CollectionStore) throws -> Response {
        let presenter = pages.presenter(for: request)
        let reader = QueryReader(request, maxTextCharacters: configuration.maxSearchCharacters)
        try reader.rejectUnknown(Set(["from", "to"]).union(Self.pageParameters))
        let from = try reader.date("from")
        let to = try reader.date("to")
        let events = try database.events(from: from, to: to, limit: 500, offset: 0)
        let calendar = EventCalendarView(events: events, presenter: presenter)
        let page = EventsPage(
            from: from ?? "",
            to: to ?? "",
            icsHref: URLBuilder.path("/api/events.ics", [("from", from ?? ""), ("to", to ?? "")]),
            months: calendar.months,
            hasMonths: !calendar.months.isEmpty,
            undated: calendar.undated,
            hasUndated: !calendar.undated.isEmpty
        )
        return presenter.page("events", title: presenter.t("navEvents"), page)
    }

    // MARK: API

    /// `/api`: the OpenAPI document as a page people can read, every operation with its parameters and answers.
    @Sendable func apiPage(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let presenter = pages.presenter(for: request)
        try QueryReader(request, maxTextCharacters: 8).rejectUnknown(Self.pageParameters)
        let document = (try JSONSerialization.jsonObject(with: openAPI) as? [String: Any]) ?? [:]
        let info = document["info"] as? [String: Any] ?? [:]
        let paths = document["paths"] as? [String: Any] ?? [:]
        var operations: [APIPage.Operation] = []
        for path in paths.keys.sorted() {
            let methods = paths[path] as? [String: Any] ?? [:]
            for method in ["get", "post"] {
                guard let operation = methods[method] as? [String: Any] else { continue }
                let parameters = (operation["parameters"] as? [[String: Any]] ?? []).map { parameter in
                    let schema = parameter["schema"] as? [String: Any] ?? [:]
                    var type = (schema["type"] as? String) ?? ""
                    if let values = schema["enum"] as? [String] { type = values.joined(separator: " | ") }
                    if let minimum = schema["minimum"] as? Int, let maximum = schema["maximum"] as? Int { type += " \(minimum)–\(maximum)" }
                    return APIPage.Parameter(
                        name: parameter["name"] as? String ?? "", location: parameter["in"] as? String ?? "", type: type,
                        description: parameter["description"] as? String ?? ""
                    )
                }
                let responses = (operation["responses"] as? [String: Any] ?? [:]).keys.sorted().map { code in
                    APIPage.Answer(code: code, description: ((operation["responses"] as? [String: Any])?[code] as? [String: Any])?["description"] as? String ?? "")
                }
                operations.append(APIPage.Operation(
                    id: operation["operationId"] as? String ?? path, method: method.uppercased(), path: path,
                    summary: operation["summary"] as? String ?? "", parameters: parameters, hasParameters: !parameters.isEmpty,
                    answers: responses, tryHref: TemplateOptional(method == "get" && !path.contains("{") ? path : nil)
                ))
            }
        }
        let page = APIPage(
            title: info["title"] as? String ?? "API", version: info["version"] as? String ?? "",
            description: info["description"] as? String ?? "", operations: operations
        )
        return presenter.page("api", title: presenter.t("navAPI"), page)
    }

    // MARK: Helpers

    /// Parameters every page accepts: the interface language and script.
    static let pageParameters: Set<String> = ["lang", "script"]

    /// "3 наурыз 2025 – 12 қазан 2025" (one date when both are the same day); nil when neither is known.
    static func dateSpan(first: String?, last: String?, dates: TimexDisplay) -> String? {
        switch (first, last) {
        case let (first?, last?) where first != last: dates(first) + " – " + dates(last)
        case let (date?, _), let (nil, date?): dates(date)
        case (nil, nil): nil
        }
    }

    /// Mentions per month as a chart with every month from the first to the last (empty ones too).
    static func monthChart(_ timeline: [FacetCount], presenter: Presenter, dates: TimexDisplay, href: (BarChart.Period) -> String) -> BarChart? {
        let months = timeline.filter { $0.value.count == 7 }
        guard let first = months.map(\.value).min(), let last = months.map(\.value).max() else { return nil }
        return BarChart(
            periods: BarChart.monthPeriods(months, from: first, to: last), granularity: .month, display: dates.callAsFunction,
            unit: presenter.t("chart.month"), href: href
        )
    }

    /// Collection-wide entity ids by label and canonical name, for linking marks to entity pages.
    static func entityIDs(_ entities: [EntitySummary]) -> [String: Int64] {
        Dictionary(entities.map { ("\($0.label)\u{1F}\($0.canonical)", $0.id) }, uniquingKeysWith: { first, _ in first })
    }

    static func mark(_ entity: Entity, ids: [String: Int64]) -> TextMarkup.Mark {
        let key = "\(entity.label)\u{1F}\(entity.canonical)"
        let id = ids[key]
        return TextMarkup.Mark(start: entity.start, end: entity.end, label: entity.label.rawValue, href: id.map { "/entities/\($0)" }, key: id.map(String.init) ?? entity.canonical)
    }

    /// Labels of names (people, places, organisations, works…), as opposed to numbers, dates and amounts,
    /// which make poor chips and facets.
    static func isName(_ label: String) -> Bool {
        EntityLabel(label).isName
    }

    static func cssLabel(_ label: String) -> String {
        let cleaned = String(label.unicodeScalars.filter { ("A"..."Z").contains($0) || $0 == "_" }.map(Character.init))
        return cleaned.isEmpty ? "other" : cleaned
    }

    /// Only http(s) links are shown as links; anything else (e.g. `javascript:`) is dropped.
    static func safeURL(_ url: String?) -> String? {
        guard let url, let scheme = URLComponents(string: url)?.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return nil }
        return url
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.4g", value)
    }
}
