/// The search page (`/`): the form, the attention chart, facets, one page of hits, the pager and the exports.
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
    /// Pages of results in all (at least 1).
    var pageCount: Int
    var warnings: [String]
    var activeFilters: TemplateOptional<ActiveFilters>
    var hits: [Hit]
    var hasHits: Bool
    var previousHref: TemplateOptional<String>
    var nextHref: TemplateOptional<String>
    /// Collection counts, shown before anything is searched.
    var stats: TemplateOptional<Stats>
    /// Attention over time: matches per day, week, month or year.
    var chart: TemplateOptional<BarChart>
    var sorts: [SortLink]
    var hasSorts: Bool
    var facetLabels: [LabelFacet]
    var hasFacetLabels: Bool
    var facetEntities: [Facet]
    var hasFacetEntities: Bool
    var facetSources: [Facet]
    var hasFacetSources: Bool
    var facetMonths: [Facet]
    var hasFacetMonths: Bool
    /// Values left out of the results, each with a link that takes the exclusion back.
    var exclusions: [Exclusion]
    var hasExclusions: Bool
    var hasFacets: Bool
    var exports: [ExportLink]
    var hasExports: Bool

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
        var excludeHref: String
    }

    struct Facet {
        var name: String
        var count: Int
        var on: Bool
        var href: String
        /// The "−" link that leaves this value out; nil for facets without exclusion (months).
        var excludeHref: TemplateOptional<String>
    }

    struct Exclusion {
        var name: String
        var href: String
    }

    struct SortLink {
        var name: String
        var href: String
        var on: Bool
    }

    struct ExportLink {
        var name: String
        var href: String
        var format: String
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
