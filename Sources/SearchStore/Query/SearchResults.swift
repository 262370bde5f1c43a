/// One page of search results with the total count and the facets of the result set (its newest 1,000 matches).
public struct SearchResults: Sendable, Codable, Equatable {
    /// The query as run.
    public var query: SearchQuery
    /// The FTS5 expression the query was compiled to (quoted terms only), for debugging; nil when no text.
    public var expression: String?
    /// Number of matching documents (after collapsing near-duplicates unless asked not to), counted up to
    /// ``NewsDatabase/exactTotalLimit``: when ``totalIsExact`` is false there are more than this many.
    public var total: Int
    /// False when the count stopped at ``NewsDatabase/exactTotalLimit`` ("more than 10,000 results").
    public var totalIsExact: Bool
    /// This page's hits, best first.
    public var hits: [SearchHit]
    /// Facets of the result set, or nil when the query did not ask for them.
    public var facets: SearchFacets?
    /// Notes about the query: ignored operators, a query cut to its first terms, an only-negative query.
    public var warnings: [String]

    /// Creates a page of results.
    public init(
        query: SearchQuery, expression: String?, total: Int, totalIsExact: Bool = true, hits: [SearchHit], facets: SearchFacets?,
        warnings: [String]
    ) {
        self.query = query
        self.expression = expression
        self.total = total
        self.totalIsExact = totalIsExact
        self.hits = hits
        self.facets = facets
        self.warnings = warnings
    }

    /// The number of results in words: "25 results", "1 result", "more than 10,000 results".
    public var totalDescription: String {
        guard totalIsExact else { return "more than \(Self.grouped(total)) results" }
        return "\(Self.grouped(total)) result\(total == 1 ? "" : "s")"
    }

    /// `10000` → "10,000" (digits grouped by three; locale-independent, so output is stable; Kazakh uses a space).
    public static func grouped(_ value: Int, separator: Character = ",") -> String {
        let digits = Array(String(value.magnitude))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(separator) }
            text.append(digit)
        }
        return (value < 0 ? "-" : "") + text
    }

    enum CodingKeys: String, CodingKey {
        case query, expression, total, totalIsExact, hits, facets, warnings
    }

    /// Decodes results written before ``totalIsExact`` existed as exact.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            query: try container.decode(SearchQuery.self, forKey: .query),
            expression: try container.decodeIfPresent(String.self, forKey: .expression),
            total: try container.decode(Int.self, forKey: .total),
            totalIsExact: try container.decodeIfPresent(Bool.self, forKey: .totalIsExact) ?? true,
            hits: try container.decode([SearchHit].self, forKey: .hits),
            facets: try container.decodeIfPresent(SearchFacets.self, forKey: .facets),
            warnings: try container.decode([String].self, forKey: .warnings)
        )
    }
}

/// One matching document.
public struct SearchHit: Sendable, Codable, Equatable, Identifiable {
    /// The stored document's id.
    public var id: Int64
    /// The document's title, when it has one.
    public var title: String?
    /// The title, or for an untitled document its opening sentence (see ``Headline``); nil only for a blank document.
    public var headline: String?
    /// The address the article was published at.
    public var url: String?
    /// The outlet or feed it came from.
    public var source: String?
    /// Publication date as ISO 8601, when known.
    public var published: String?
    /// BM25 relevance (higher is better; title matches weigh more); 0 when listing without text.
    public var score: Double
    /// A window of the original text with the matched words marked; nil when snippets were not asked for.
    public var snippet: Snippet?
    /// Title with the matched words marked.
    public var titleHighlights: [TextRange]
    /// The document this one nearly repeats (only when near-duplicates are shown as hits).
    public var duplicateOf: DuplicateLink?
    /// Near-duplicates folded under this hit.
    public var duplicates: [DuplicateLink]

    /// Creates a hit; `headline` defaults to `title`.
    public init(
        id: Int64, title: String?, headline: String? = nil, url: String?, source: String?, published: String?, score: Double,
        snippet: Snippet?, titleHighlights: [TextRange], duplicateOf: DuplicateLink?, duplicates: [DuplicateLink]
    ) {
        self.id = id
        self.title = title
        self.headline = headline ?? title
        self.url = url
        self.source = source
        self.published = published
        self.score = score
        self.snippet = snippet
        self.titleHighlights = titleHighlights
        self.duplicateOf = duplicateOf
        self.duplicates = duplicates
    }
}

/// A link between a document and its near-duplicate, with the estimated Jaccard similarity of their lemma shingles.
public struct DuplicateLink: Sendable, Codable, Equatable {
    /// The linked document's id.
    public var id: Int64
    /// The linked document's title, when it has one.
    public var title: String?
    /// The linked document's source.
    public var source: String?
    /// Estimated Jaccard similarity of the two documents' lemma shingles, 0...1.
    public var similarity: Double

    /// Creates a link.
    public init(id: Int64, title: String?, source: String?, similarity: Double) {
        self.id = id
        self.title = title
        self.source = source
        self.similarity = similarity
    }
}

/// A range of Unicode scalars, end exclusive.
public struct TextRange: Sendable, Codable, Equatable, Hashable {
    /// Start offset in Unicode scalars.
    public var start: Int
    /// End offset (exclusive) in Unicode scalars.
    public var end: Int

    /// Creates the range `start..<end`.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}

/// A piece of the original document text with the words that matched the query.
public struct Snippet: Sendable, Codable, Equatable {
    /// The original text of the window (with "…" where it was cut).
    public var text: String
    /// Matched words, as scalar ranges of ``text``.
    public var highlights: [TextRange]
    /// Where the window starts in the document text (scalar offset).
    public var documentStart: Int

    /// Creates a snippet; `highlights` are scalar ranges of `text`.
    public init(text: String, highlights: [TextRange], documentStart: Int) {
        self.text = text
        self.highlights = highlights
        self.documentStart = documentStart
    }

    /// The text with every highlight wrapped in `open`/`close` (e.g. `<mark>`/`</mark>` after escaping, or ANSI bold).
    public func marked(open: String, close: String) -> String {
        TextRange.mark(text, highlights, open: open, close: close)
    }
}

extension TextRange {
    /// `text` with each range wrapped in `open`/`close`; ranges are sorted and must not overlap.
    public static func mark(_ text: String, _ ranges: [TextRange], open: String, close: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var position = 0
        for range in ranges.sorted(by: { $0.start < $1.start }) where range.start >= position && range.start <= range.end && range.end <= scalars.count {
            output.append(contentsOf: scalars[position..<range.start])
            output.append(contentsOf: open.unicodeScalars)
            output.append(contentsOf: scalars[range.start..<range.end])
            output.append(contentsOf: close.unicodeScalars)
            position = range.end
        }
        output.append(contentsOf: scalars[position...])
        return String(output)
    }
}

/// Counts over the result set (its newest ``NewsDatabase/facetSampleSize`` matches), for narrowing a search.
public struct SearchFacets: Sendable, Codable, Equatable {
    /// Named entities (values such as numbers and dates are left out), most documents first.
    public var entities: [FacetCount]
    /// Sources, most documents first.
    public var sources: [FacetCount]
    /// Publication months (`yyyy-MM`), newest first, every month of the result set (the attention chart draws them all).
    public var months: [FacetCount]
    /// Entity labels (`PERSON`, `GPE`, …): how many matching documents mention an entity of each, most first.
    public var labels: [FacetCount]
    /// Publication days (`yyyy-MM-dd`), oldest first: the attention-over-time chart's data.
    public var days: [FacetCount]

    /// Creates facets from their counts.
    public init(entities: [FacetCount], sources: [FacetCount], months: [FacetCount], labels: [FacetCount] = [], days: [FacetCount] = []) {
        self.entities = entities
        self.sources = sources
        self.months = months
        self.labels = labels
        self.days = days
    }

    enum CodingKeys: String, CodingKey {
        case entities, sources, months, labels, days
    }

    /// Decodes facets written before ``labels`` and ``days`` existed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            entities: try container.decode([FacetCount].self, forKey: .entities),
            sources: try container.decode([FacetCount].self, forKey: .sources),
            months: try container.decode([FacetCount].self, forKey: .months),
            labels: try container.decodeIfPresent([FacetCount].self, forKey: .labels) ?? [],
            days: try container.decodeIfPresent([FacetCount].self, forKey: .days) ?? []
        )
    }
}

/// One facet value and the number of matching documents that have it.
public struct FacetCount: Sendable, Codable, Equatable {
    /// The facet value: a canonical entity name, a source, or a month (`yyyy-MM`).
    public var value: String
    /// Entity label for entity facets (`PERSON`, `GPE`, …); nil otherwise.
    public var label: String?
    /// Number of matching documents with this value.
    public var count: Int

    /// Creates a count; `label` only for entity facets.
    public init(value: String, label: String? = nil, count: Int) {
        self.value = value
        self.label = label
        self.count = count
    }
}
