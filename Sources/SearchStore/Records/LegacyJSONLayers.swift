import Foundation
import TextModel

/// The JSON form `document.layers` had in schema version 1, read only to migrate a database to
/// ``LayerBlob`` (see ``NewsDatabase/migrateToCompactLayers(_:)``).
struct LegacyJSONLayers: Decodable {
    var language: Language
    var entities: [StoredEntity]
    var times: [StoredTime]
    var amounts: [StoredAmount]
    var quotes: [StoredQuote]
    var meetings: [Meeting]
    var events: [Event]

    struct StoredEntity: Decodable {
        var label: String
        var canonical: String
        var start: Int
        var end: Int
        var tokenStart: Int
        var tokenEnd: Int
        var roles: [String]?
    }

    struct StoredTime: Decodable {
        var value: String
        var start: Int
        var end: Int
    }

    struct StoredAmount: Decodable {
        var value: Double
        var unit: String?
        var modifier: String?
        var start: Int
        var end: Int
    }

    struct StoredQuote: Decodable {
        var speaker: String?
        var start: Int
        var end: Int
    }

    enum CodingKeys: String, CodingKey { case language, entities, times, amounts, quotes, meetings, events }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        language = try container.decodeIfPresent(Language.self, forKey: .language) ?? .other
        entities = try container.decodeIfPresent([StoredEntity].self, forKey: .entities) ?? []
        times = try container.decodeIfPresent([StoredTime].self, forKey: .times) ?? []
        amounts = try container.decodeIfPresent([StoredAmount].self, forKey: .amounts) ?? []
        quotes = try container.decodeIfPresent([StoredQuote].self, forKey: .quotes) ?? []
        meetings = try container.decodeIfPresent([Meeting].self, forKey: .meetings) ?? []
        events = try container.decodeIfPresent([Event].self, forKey: .events) ?? []
    }

    /// Puts the layers back on `document` (whose text gives the spans their texts).
    func apply(to document: inout Document) {
        document.language = language
        document.entities = entities.map {
            Entity(text: document.slice($0.start, $0.end), label: EntityLabel($0.label), canonical: $0.canonical, start: $0.start, end: $0.end,
                   tokenRange: $0.tokenStart..<max($0.tokenStart, $0.tokenEnd), roles: $0.roles ?? [])
        }
        document.times = times.map { TimeExpression(text: document.slice($0.start, $0.end), value: $0.value, start: $0.start, end: $0.end) }
        document.amounts = amounts.map {
            Amount(text: document.slice($0.start, $0.end), value: $0.value, unit: $0.unit, modifier: $0.modifier, start: $0.start, end: $0.end)
        }
        document.quotes = quotes.map { Quote(text: document.slice($0.start, $0.end), speaker: $0.speaker, start: $0.start, end: $0.end) }
        document.meetings = meetings
        document.events = events
    }
}
