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
    var roles: [String]
    var hasRoles: Bool
    /// Mentions per month, every month from the first to the last.
    var timeline: TemplateOptional<BarChart>
    var mentions: [Mention]
    var quotes: [Quote]
    var hasQuotes: Bool
    var related: [Related]
    var hasRelated: Bool
    var meetings: [Meeting]
    var hasMeetings: Bool


    struct Mention {
        var href: String
        var title: String
        var published: String
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
