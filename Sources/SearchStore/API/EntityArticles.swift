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
