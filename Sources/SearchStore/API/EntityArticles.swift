package import TextModel

/// One article that mentions an entity, with its mentions of it in context (the entity page's rows).
public struct EntityArticle: Sendable, Codable, Equatable {
    /// Id of the stored document.
    public var documentID: Int64
    /// Title of the document, when it has one.
    public var title: String?
    /// Publication date of the document, when known.
    public var published: String?
    /// Source (outlet) of the document, when known.
    public var source: String?
    /// How many times the document mentions the entity.
    public var mentionCount: Int
    /// The first mentions in context, in text order; mentions close together share one snippet with several highlights.
    public var snippets: [Snippet]
}

/// A page of the articles mentioning an entity, newest first.
public struct EntityArticlePage: Sendable, Codable, Equatable {
    /// The articles of this page.
    public var articles: [EntityArticle]
    /// How many articles mention the entity in all.
    public var total: Int
}

/// A role the text attaches to an entity ("Алматы қаласының әкімі"), with when it was seen.
public struct EntityRoleSpan: Sendable, Codable, Equatable {
    /// The role as written.
    public var role: String
    /// How many mentions carry it.
    public var count: Int
    /// Publication date (`yyyy-MM-dd`) of the earliest dated article that gives it; nil when none is dated.
    public var first: String?
    /// Publication date (`yyyy-MM-dd`) of the latest dated article that gives it; nil when none is dated.
    public var last: String?
}

/// The dated roles of one entity gathered over the documents that name it: the one rule both backends'
/// `entityRoleHistory` follow.
package struct RoleHistory {
    let label: String
    let key: String
    private var spans: [String: EntityRoleSpan] = [:]

    /// A history of the entity of class `label` and lookup key `key`.
    package init(label: String, key: String) {
        self.label = label
        self.key = key
    }

    /// Counts the roles the entity's mentions in `document` carry, dated by the article's `published` day.
    package mutating func add(_ document: Document, published: String?) {
        let date = published.map { String($0.prefix(10)) }
        for mention in document.entities where mention.label.rawValue == label && NewsDatabase.entityKey(of: mention).key == key {
            for role in mention.roles {
                var span = spans[role] ?? EntityRoleSpan(role: role, count: 0, first: nil, last: nil)
                span.count += 1
                if let date {
                    span.first = min(span.first ?? date, date)
                    span.last = max(span.last ?? date, date)
                }
                spans[role] = span
            }
        }
    }

    /// The roles, the one seen most recently first, then the most frequent, then by name.
    package var roles: [EntityRoleSpan] {
        spans.values.sorted { ($0.last ?? "", $0.count, $1.role) > ($1.last ?? "", $1.count, $0.role) }
    }
}
