import Foundation

/// Everything known about one entity (`GET /api/entities/{id}`, the entity page), gathered from the documents that mention it.
///
/// Mentions, co-occurring entities and the monthly timeline come from the collection's tables; roles, quotes by the
/// entity and meetings it took part in are read from the analysis layers of the documents whose mentions are shown.
public struct EntityProfile: Codable, Sendable, Equatable {
    public var entity: EntitySummary
    public var mentions: [EntityMention]
    public var related: [RelatedEntity]
    public var timeline: [FacetCount]
    /// Roles attached to the entity's mentions ("Алматы қаласының әкімі"), most frequent first.
    public var roles: [String]
    /// Quotes whose speaker is this entity.
    public var quotes: [EntityQuote]
    /// Meetings with this entity among the participants.
    public var meetings: [EntityMeeting]

    public struct EntityQuote: Codable, Sendable, Equatable {
        public var documentID: Int64
        public var title: String?
        public var text: String
        public var start: Int
        public var end: Int
    }

    public struct EntityMeeting: Codable, Sendable, Equatable {
        public var documentID: Int64
        public var title: String?
        public var participants: [String]
        public var when: String?
        public var `where`: String?
        public var start: Int
        public var end: Int
    }

    /// Speaker and participant strings may be the canonical name or a longer form containing it.
    static func sameName(_ value: String, _ canonical: String) -> Bool {
        value == canonical || value.localizedCaseInsensitiveContains(canonical)
    }
}
