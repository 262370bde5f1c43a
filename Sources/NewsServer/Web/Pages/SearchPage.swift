/// The search page (`/`): the form, facets, one page of hits and the pager.
struct SearchPage {
    var navSearch = true
    var hasQuery: Bool
    var autofocus: Bool
    var query: SearchForm
    var total: Int
    var totalIsExact: Bool
    /// "more than 10,000 results", shown when the count stopped at its limit.
    var totalOverLimit: String
    var page: Int
    var warnings: [String]
    var activeFilters: TemplateOptional<ActiveFilters>
    var hits: [Hit]
    var hasHits: Bool
    var previousHref: TemplateOptional<String>
    var nextHref: TemplateOptional<String>
    /// Collection counts, shown before anything is searched.
    var stats: TemplateOptional<Stats>
    var facetLabels: [LabelFacet]
    var hasFacetLabels: Bool
    var facetEntities: [Facet]
    var hasFacetEntities: Bool
    var facetMonths: [Facet]
    var hasFacetMonths: Bool
    var hasFacets: Bool

    struct ActiveFilters {
        var clearHref: String
    }

    struct Stats {
        var documents: Int
        var entities: Int
        var events: Int
    }

    struct LabelFacet {
        var label: String
        var name: String
        var count: Int
        var on: Bool
        var href: String
    }

    struct Facet {
        var name: String
        var count: Int
        var on: Bool
        var href: String
    }

    /// One hit: title with matches, snippet with matches and entity marks, entity chips, folded duplicates.
    struct Hit {
        var id: Int64
        var href: String
        var published: TemplateOptional<String>
        var source: TemplateOptional<String>
        var hasDuplicates: Bool
        var duplicateCount: Int
        var duplicates: [TitledLink]
        var title: Title
        var segments: [TextMarkup.Segment]
        var entities: [Chip]
        var hasEntities: Bool

        struct Title {
            var parts: [TextMarkup.Part]
        }
    }

    /// An entity chip linking to its page.
    struct Chip {
        var href: String
        var name: String
        var label: String
    }
}
