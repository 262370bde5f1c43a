import Foundation
import SearchStore
import TextModel

/// `GET /api/entities/{id}`: everything known about one entity, gathered from the documents that mention it.
///
/// The store gives mentions, co-occurring entities and the monthly timeline; roles, quotes by the entity
/// and meetings it took part in are read from the analysis layers of the documents that mention it.
struct EntityProfile: Codable, Sendable {
    var entity: EntitySummary
    var mentions: [EntityMention]
    var related: [RelatedEntity]
    var timeline: [FacetCount]
    /// Roles attached to the entity's mentions ("Алматы қаласының әкімі"), most frequent first.
    var roles: [String]
    /// Quotes whose speaker is this entity.
    var quotes: [EntityQuote]
    /// Meetings with this entity among the participants.
    var meetings: [EntityMeeting]

    struct EntityQuote: Codable, Sendable, Equatable {
        var documentID: Int64
        var title: String?
        var text: String
        var start: Int
        var end: Int
    }

    struct EntityMeeting: Codable, Sendable, Equatable {
        var documentID: Int64
        var title: String?
        var participants: [String]
        var when: String?
        var `where`: String?
        var start: Int
        var end: Int
    }

    /// Builds the profile of entity `id`, or nil when there is none; reads at most `documentLimit` documents.
    static func load(id: Int64, from database: NewsDatabase, documentLimit: Int = 30) throws -> EntityProfile? {
        guard let detail = try database.entity(id: id) else { return nil }
        var profile = EntityProfile(
            entity: detail.entity, mentions: detail.mentions, related: detail.related, timeline: detail.timeline,
            roles: [], quotes: [], meetings: []
        )
        var roleCounts: [String: Int] = [:]
        var seen = Set<Int64>()
        let name = detail.entity.canonical
        for mention in detail.mentions where seen.insert(mention.documentID).inserted && seen.count <= documentLimit {
            guard let document = try database.document(id: mention.documentID) else { continue }
            let analysis = document.analysis
            for entity in analysis.entities where entity.canonical == name && entity.label == detail.entity.label {
                for role in entity.roles { roleCounts[role, default: 0] += 1 }
            }
            for quote in analysis.quotes where quote.speaker.map({ Self.sameName($0, name) }) == true {
                profile.quotes.append(EntityQuote(documentID: document.id, title: document.title, text: quote.text, start: quote.start, end: quote.end))
            }
            for meeting in analysis.meetings where meeting.participants.contains(where: { Self.sameName($0, name) }) {
                profile.meetings.append(EntityMeeting(
                    documentID: document.id, title: document.title, participants: meeting.participants,
                    when: meeting.when, where: meeting.where, start: meeting.start, end: meeting.end
                ))
            }
        }
        profile.roles = roleCounts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
        return profile
    }

    /// Speaker and participant strings may be the canonical name or a longer form containing it.
    static func sameName(_ value: String, _ canonical: String) -> Bool {
        value == canonical || value.localizedCaseInsensitiveContains(canonical)
    }
}
