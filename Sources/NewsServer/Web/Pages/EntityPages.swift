/// The entity list (`/entities`).
struct EntitiesPage {
    var navEntities = true
    var q: String
    var label: TemplateOptional<String>
    var labels: [LabelLink]
    var entities: [Row]

    /// A label filter ("all" first).
    struct LabelLink {
        var href: String
        var name: String
        var on: Bool
    }

    struct Row {
        var href: String
        var name: String
        var label: String
        var labelName: String
        var documentCount: Int
    }
}

/// One entity (`/entities/{id}`): its profile.
struct EntityPage {
    var navEntities = true
    var query = SearchForm(q: "")
    var name: String
    var label: String
    var labelName: String
    var documentCount: Int
    var mentionCount: Int
    var searchHref: String
    /// Roles over time, the most recently seen first.
    var roles: [Role]
    var hasRoles: Bool
    /// Mentions per month, every month from the first to the last.
    var timeline: TemplateOptional<BarChart>
    /// One row per article, newest first, one page of them.
    var articles: [Article]
    var articleTotal: Int
    var page: Int
    var pageCount: Int
    var previousHref: TemplateOptional<String>
    var nextHref: TemplateOptional<String>
    var quotes: [Quote]
    var hasQuotes: Bool
    var related: [Related]
    var hasRelated: Bool
    var meetings: [Meeting]
    var hasMeetings: Bool


    struct Role {
        var name: String
        var count: Int
        /// First and last publication dates it was seen, when any article giving it is dated.
        var dates: TemplateOptional<String>
    }

    struct Article {
        var href: String
        var title: String
        var published: TemplateOptional<String>
        var source: TemplateOptional<String>
        var mentionCount: Int
        var snippets: [ArticleSnippet]
        /// Mentions in the article that no snippet shows.
        var more: TemplateOptional<Int>
    }

    struct ArticleSnippet {
        var segments: [TextMarkup.Segment]
    }

    struct Quote {
        var text: String
        var href: String
        var title: String
    }

    struct Related {
        var href: String
        var name: String
        var label: String
        var count: Int
        /// The search for the articles that mention both entities.
        var searchHref: String
    }

    struct Meeting {
        var participants: String
        var when: TemplateOptional<String>
        var `where`: TemplateOptional<String>
        var href: String
    }
}
