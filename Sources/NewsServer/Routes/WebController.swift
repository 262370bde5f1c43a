import Foundation
import Hummingbird
import SearchStore
import TextModel

/// The web page: search, document view, entity pages and the events calendar, rendered on the server.
struct WebController: Sendable {
    let database: NewsDatabase
    let configuration: ServerConfiguration
    let pages: PageRenderer
    let stats: StatsCache
    /// Where the pages' reads, snippets and rendering run (off the cooperative pool, bounded; 503 when full).
    let work: WorkLimiter

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/", use: search)
        router.get("documents/{id}", use: document)
        router.get("entities", use: entities)
        router.get("entities/{id}", use: entity)
        router.get("events", use: events)
    }

    /// Runs a page's reads, snippet alignment and template rendering through ``work``, so the cooperative pool only awaits.
    private func render(_ body: @escaping @Sendable (NewsDatabase) throws -> Response) async throws -> Response {
        let database = database
        return try await work.run { try body(database) }
    }

    // MARK: Search

    @Sendable func search(_ request: Request, context: BasicRequestContext) async throws -> Response {
        try await render { try renderSearch(request, context: context, database: $0) }
    }

    private func renderSearch(_ request: Request, context: BasicRequestContext, database: NewsDatabase) throws -> Response {
        let presenter = pages.presenter(for: request)
        let parameters = try SearchParameters(request, configuration: configuration)
        let results = try database.search(parameters.query(pageSize: APIController.pageSize))
        let hasQuery = parameters.q != nil || parameters.isFiltered
        let annotations = try database.annotations(of: results.hits.map(\.id))
        let hits = results.hits.map { hit(from: $0, annotations: annotations[$0.id], presenter: presenter) }
        let stats = try stats.current()
        let labels = stats.labels.prefix(8).map { facet in
            SearchPage.LabelFacet(
                label: facet.value, name: presenter.labelName(facet.value), count: facet.count, on: parameters.label == facet.value,
                href: parameters.link(["label": parameters.label == facet.value ? nil : facet.value, "entity": nil])
            )
        }
        let facetEntities = (results.facets?.entities ?? []).filter { Self.isName($0.label ?? "") }.prefix(12).map { facet in
            SearchPage.Facet(
                name: presenter.text(facet.value), count: facet.count, on: parameters.entity == facet.value,
                href: parameters.link(["entity": parameters.entity == facet.value ? nil : facet.value, "label": facet.label])
            )
        }
        let months = (results.facets?.months ?? []).suffix(12).reversed().map { facet in
            let on = parameters.from == facet.value && parameters.to == facet.value
            return SearchPage.Facet(
                name: facet.value, count: facet.count, on: on, href: parameters.link(["from": on ? nil : facet.value, "to": on ? nil : facet.value])
            )
        }
        let page = SearchPage(
            hasQuery: hasQuery,
            autofocus: !hasQuery,
            query: SearchForm(q: parameters.q ?? "", entity: parameters.entity.template, label: parameters.label.template),
            total: results.total,
            totalIsExact: results.totalIsExact,
            // The count stopped at the limit: "10 000-нан астам нәтиже" / "more than 10,000 results".
            totalOverLimit: presenter.t("resultsOverLimit").replacingOccurrences(
                of: "{total}", with: SearchResults.grouped(results.total, separator: presenter.preferences.language == .kk ? "\u{A0}" : ",")
            ),
            page: parameters.page,
            warnings: results.warnings,
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
            facetLabels: labels,
            hasFacetLabels: !labels.isEmpty,
            facetEntities: facetEntities,
            hasFacetEntities: !facetEntities.isEmpty,
            facetMonths: months,
            hasFacetMonths: !months.isEmpty,
            hasFacets: !labels.isEmpty || !facetEntities.isEmpty || !months.isEmpty || parameters.isFiltered
        )
        let title = parameters.q.map { presenter.text($0) } ?? presenter.t("navSearch")
        return presenter.page("search", title: title, page)
    }

    /// One search hit: title with matches, snippet with matches and entity marks, entity chips, folded duplicates.
    private func hit(from hit: SearchHit, annotations stored: DocumentAnnotations?, presenter: Presenter) -> SearchPage.Hit {
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
            published: presenter.text(hit.published).template,
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

    private func renderDocument(_ request: Request, context: BasicRequestContext, database: NewsDatabase) throws -> Response {
        let presenter = pages.presenter(for: request)
        let id = try APIController.identifier(context)
        guard let stored = try database.document(id: id) else { throw HTTPError(.notFound, message: "no document with id \(id)") }
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
        let times = analysis.times.map { DocumentPage.TimeItem(text: presenter.text($0.text), value: $0.value) }
        let amounts = analysis.amounts.map { DocumentPage.AmountItem(text: presenter.text($0.text), value: Self.format($0.value), unit: $0.unit.template) }
        let quotes = analysis.quotes.map {
            DocumentPage.QuoteItem(text: presenter.text($0.text), speaker: presenter.text($0.speaker) ?? presenter.t("unknownSpeaker"))
        }
        let meetings = analysis.meetings.map {
            DocumentPage.MeetingItem(
                participants: $0.participants.map(presenter.text).joined(separator: ", "),
                when: $0.when.template, where: presenter.text($0.where).template, topic: presenter.text($0.topic).template
            )
        }
        let events = analysis.events.map {
            DocumentPage.EventItem(title: presenter.text($0.title), when: $0.when.template, where: presenter.text($0.where).template)
        }
        let title = presenter.text(Headline.of(title: stored.title, text: stored.text) ?? "#\(stored.id)")
        let page = DocumentPage(
            title: title,
            published: stored.published.template,
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

    private func renderEntities(_ request: Request, context: BasicRequestContext, database: NewsDatabase) throws -> Response {
        let presenter = pages.presenter(for: request)
        let reader = QueryReader(request, maxTextCharacters: configuration.maxSearchCharacters)
        let label = try reader.label("label")
        let q = try reader.text("q")
        let entities = try database.entities(label: label, query: q, limit: 300)
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

    private func renderEntity(_ request: Request, context: BasicRequestContext, database: NewsDatabase) throws -> Response {
        let presenter = pages.presenter(for: request)
        let id = try APIController.identifier(context)
        guard let profile = try database.entityProfile(id: id) else { throw HTTPError(.notFound, message: "no entity with id \(id)") }
        let markup = TextMarkup(display: presenter.text, labelName: presenter.labelName)
        let summary = profile.entity
        let peak = max(1, profile.timeline.map(\.count).max() ?? 1)
        let mentions = profile.mentions.map { mention in
            let scalars = Array(mention.context.text.unicodeScalars)
            return EntityPage.Mention(
                href: "/documents/\(mention.documentID)",
                title: presenter.text(mention.title ?? "#\(mention.documentID)"),
                published: mention.published ?? "",
                segments: markup.segments(scalars, base: 0, from: 0, to: scalars.count, marks: [], hits: mention.context.highlights.map { $0.start..<$0.end })
            )
        }
        let name = presenter.text(summary.canonical)
        let page = EntityPage(
            name: name,
            label: Self.cssLabel(summary.label),
            labelName: presenter.labelName(summary.label),
            documentCount: summary.documentCount,
            mentionCount: summary.mentionCount,
            searchHref: URLBuilder.path("/", [("entity", summary.canonical), ("label", summary.label)]),
            roles: profile.roles.map(presenter.text), hasRoles: !profile.roles.isEmpty,
            timeline: profile.timeline.map {
                EntityPage.TimelineBar(month: $0.value, count: $0.count, bucket: Int((Double($0.count) / Double(peak) * 10).rounded()))
            },
            hasTimeline: !profile.timeline.isEmpty,
            mentions: mentions,
            quotes: profile.quotes.map { EntityPage.Quote(text: presenter.text($0.text), href: "/documents/\($0.documentID)", title: presenter.text($0.title ?? "")) },
            hasQuotes: !profile.quotes.isEmpty,
            related: profile.related.filter { Self.isName($0.entity.label) }.map {
                EntityPage.Related(href: "/entities/\($0.entity.id)", name: presenter.text($0.entity.canonical), label: Self.cssLabel($0.entity.label), count: $0.sharedDocuments)
            },
            hasRelated: profile.related.contains { Self.isName($0.entity.label) },
            meetings: profile.meetings.map {
                EntityPage.Meeting(
                    participants: $0.participants.map(presenter.text).joined(separator: ", "), when: $0.when.template,
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

    private func renderEvents(_ request: Request, context: BasicRequestContext, database: NewsDatabase) throws -> Response {
        let presenter = pages.presenter(for: request)
        let reader = QueryReader(request, maxTextCharacters: configuration.maxSearchCharacters)
        let from = try reader.date("from")
        let to = try reader.date("to")
        let events = try database.events(from: from, to: to, limit: 500)
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

    // MARK: Helpers

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
