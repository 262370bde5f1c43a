import Foundation

/// Everything known about one entity (`GET /api/entities/{id}`, the entity page), gathered from the documents that mention it.
///
/// Mentions, co-occurring entities and the monthly timeline come from the collection's tables; roles, quotes by the
/// entity and meetings it took part in are read from the analysis layers of the documents whose mentions are shown.
public struct EntityProfile: Codable, Sendable, Equatable {
    /// The entity with its collection-wide counts.
    public var entity: EntitySummary
    /// Mentions, newest documents first, each with its context snippet.
    public var mentions: [EntityMention]
    /// Entities that occur in the same documents, most shared documents first.
    public var related: [RelatedEntity]
    /// Documents mentioning the entity per month (`yyyy-MM`), oldest first.
    public var timeline: [FacetCount]
    /// Roles attached to the entity's mentions ("Алматы қаласының әкімі"), most frequent first.
    public var roles: [String]
    /// Quotes whose speaker is this entity.
    public var quotes: [EntityQuote]
    /// Meetings with this entity among the participants.
    public var meetings: [EntityMeeting]
    /// One page of the articles naming the entity, newest first, each with its mention count and first snippets
    /// (``NewsDatabase/entityArticles(id:limit:offset:snippetsPerArticle:)``); nil until a page is filled in.
    public var articles: [EntityArticle]? = nil
    /// The page of ``articles`` (from 1).
    public var page: Int? = nil
    /// Articles per page.
    public var pageSize: Int? = nil
    /// How many articles name the entity in all.
    public var total: Int? = nil
    /// Each role with its count and the first and last dates it was seen, most recent first
    /// (``NewsDatabase/entityRoleHistory(id:documentLimit:)``).
    public var roleHistory: [EntityRoleSpan]? = nil

    /// Fills in one page of ``articles`` (with ``page``, ``pageSize``, ``total``).
    public mutating func setArticles(_ articles: EntityArticlePage, page: Int, pageSize: Int) {
        self.articles = articles.articles
        self.page = page
        self.pageSize = pageSize
        self.total = articles.total
    }

    /// A quote spoken by the entity, from one of the documents shown.
    public struct EntityQuote: Codable, Sendable, Equatable {
        /// Id of the stored document the quote is in.
        public var documentID: Int64
        /// Title of that document, when it has one.
        public var title: String?
        /// The quoted words as written.
        public var text: String
        /// Start offset in Unicode scalars of the document's text.
        public var start: Int
        /// End offset (exclusive) in Unicode scalars of the document's text.
        public var end: Int
    }

    /// A meeting the entity took part in, from one of the documents shown.
    public struct EntityMeeting: Codable, Sendable, Equatable {
        /// Id of the stored document the meeting is reported in.
        public var documentID: Int64
        /// Title of that document, when it has one.
        public var title: String?
        /// Canonical names of the participants, the subject first.
        public var participants: [String]
        /// TIMEX3 value of the meeting's time, when the text gives it.
        public var when: String?
        /// Canonical name of the place, when the text gives it.
        public var `where`: String?
        /// Start offset in Unicode scalars of the document's text.
        public var start: Int
        /// End offset (exclusive) in Unicode scalars of the document's text.
        public var end: Int
    }

    /// Speaker and participant strings may be the canonical name or a longer form containing it.
    static func sameName(_ value: String, _ canonical: String) -> Bool {
        value == canonical || value.localizedCaseInsensitiveContains(canonical)
    }
}
