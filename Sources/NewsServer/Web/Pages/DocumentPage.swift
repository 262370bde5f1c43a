/// A document (`/documents/{id}`): the text with entity marks, and its extracted facts.
struct DocumentPage {
    var query = SearchForm(q: "")
    var title: String
    var published: TemplateOptional<String>
    var source: TemplateOptional<String>
    var url: TemplateOptional<String>
    var legend: [LegendItem]
    var hasLegend: Bool
    var paragraphs: [TextMarkup.Paragraph]
    var entityList: [EntityItem]
    var entityCount: Int
    var times: [TimeItem]
    var hasTimes: Bool
    var timeCount: Int
    var amounts: [AmountItem]
    var hasAmounts: Bool
    var amountCount: Int
    var quotes: [QuoteItem]
    var hasQuotes: Bool
    var quoteCount: Int
    var meetings: [MeetingItem]
    var hasMeetings: Bool
    var meetingCount: Int
    var events: [EventItem]
    var hasEvents: Bool
    var eventCount: Int
    var duplicates: [TitledLink]
    var hasDuplicates: Bool

    /// A label of the legend, with its number of marks (a button that hides or shows them).
    struct LegendItem {
        var label: String
        var short: String
        var name: String
        var count: Int
    }

    struct EntityItem {
        var href: String
        var name: String
        var label: String
        var labelName: String
        var roles: [String]
    }

    /// A time expression as found and its value in words ("2025 жылғы күз" rather than `2025-FA`).
    struct TimeItem {
        var text: String
        var value: String
    }

    /// An amount as found and as a person reads it ("1,8 млрд теңге", "13 %").
    struct AmountItem {
        var text: String
        var value: String
    }

    struct QuoteItem {
        var text: String
        var speaker: String
    }

    struct MeetingItem {
        var participants: String
        var when: TemplateOptional<String>
        var `where`: TemplateOptional<String>
        var topic: TemplateOptional<String>
    }

    struct EventItem {
        var title: String
        var when: TemplateOptional<String>
        var `where`: TemplateOptional<String>
    }
}
