// The JSON form of a document is what `tilshi analyze --format json` prints and what storage keeps.
// Offsets are Unicode-scalar offsets into `text` (see ``Document``).

extension Document: Codable {
    enum CodingKeys: String, CodingKey {
        case id, language, text, metadata, paragraphs, sentences, tokens, entities, times, amounts, quotes, meetings, events
    }

    /// Writes every layer under its own key, offsets in Unicode scalars of ``text``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(language, forKey: .language)
        try container.encode(text, forKey: .text)
        try container.encode(metadata, forKey: .metadata)
        try container.encode(paragraphs, forKey: .paragraphs)
        try container.encode(sentences, forKey: .sentences)
        try container.encode(tokens, forKey: .tokens)
        try container.encode(entities, forKey: .entities)
        try container.encode(times, forKey: .times)
        try container.encode(amounts, forKey: .amounts)
        try container.encode(quotes, forKey: .quotes)
        try container.encode(meetings, forKey: .meetings)
        try container.encode(events, forKey: .events)
    }

    /// Decodes a document with its stored layers; the normalised view is the identity until re-normalised.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            text: try container.decode(String.self, forKey: .text),
            metadata: try container.decodeIfPresent(DocumentMetadata.self, forKey: .metadata) ?? DocumentMetadata()
        )
        language = try container.decodeIfPresent(Language.self, forKey: .language) ?? .other
        paragraphs = try container.decodeIfPresent([Paragraph].self, forKey: .paragraphs) ?? []
        sentences = try container.decodeIfPresent([Sentence].self, forKey: .sentences) ?? []
        tokens = try container.decodeIfPresent([Token].self, forKey: .tokens) ?? []
        entities = try container.decodeIfPresent([Entity].self, forKey: .entities) ?? []
        times = try container.decodeIfPresent([TimeExpression].self, forKey: .times) ?? []
        amounts = try container.decodeIfPresent([Amount].self, forKey: .amounts) ?? []
        quotes = try container.decodeIfPresent([Quote].self, forKey: .quotes) ?? []
        meetings = try container.decodeIfPresent([Meeting].self, forKey: .meetings) ?? []
        events = try container.decodeIfPresent([Event].self, forKey: .events) ?? []
    }
}

extension Token: Codable {
    enum CodingKeys: String, CodingKey {
        case text, norm, start, end, spaceAfter, kind, lemma, upos, feats
    }

    /// Writes the token, omitting `norm` when it equals `text`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        if norm != text { try container.encode(norm, forKey: .norm) }
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(spaceAfter, forKey: .spaceAfter)
        try container.encode(kind, forKey: .kind)
        try container.encode(lemma, forKey: .lemma)
        try container.encode(upos, forKey: .upos)
        try container.encode(feats, forKey: .feats)
    }

    /// Decodes a token; a missing `norm` is taken to be `text`, a missing `kind` `.word`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = try container.decode(String.self, forKey: .text)
        self.init(
            text: text,
            norm: try container.decodeIfPresent(String.self, forKey: .norm),
            start: try container.decode(Int.self, forKey: .start),
            end: try container.decode(Int.self, forKey: .end),
            spaceAfter: try container.decodeIfPresent(Bool.self, forKey: .spaceAfter) ?? true,
            kind: try container.decodeIfPresent(TokenKind.self, forKey: .kind) ?? .word,
            lemma: try container.decodeIfPresent(String.self, forKey: .lemma),
            upos: try container.decodeIfPresent(UPOS.self, forKey: .upos),
            feats: try container.decodeIfPresent(String.self, forKey: .feats)
        )
    }
}

extension Sentence: Codable {
    enum CodingKeys: String, CodingKey { case start, end, tokenStart, tokenEnd }

    /// Writes the span and its token range as `tokenStart`/`tokenEnd`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(tokenRange.lowerBound, forKey: .tokenStart)
        try container.encode(tokenRange.upperBound, forKey: .tokenEnd)
    }

    /// Decodes a sentence, rejecting a `tokenEnd` below `tokenStart`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let lower = try container.decode(Int.self, forKey: .tokenStart)
        let upper = try container.decode(Int.self, forKey: .tokenEnd)
        guard lower <= upper else {
            throw DecodingError.dataCorruptedError(forKey: .tokenEnd, in: container, debugDescription: "tokenEnd < tokenStart")
        }
        self.init(
            start: try container.decode(Int.self, forKey: .start),
            end: try container.decode(Int.self, forKey: .end),
            tokenRange: lower..<upper
        )
    }
}

extension Entity: Codable {
    enum CodingKeys: String, CodingKey { case text, label, canonical, start, end, tokenStart, tokenEnd, roles }

    /// Writes the mention with its token range as `tokenStart`/`tokenEnd`, and `roles` only when there are some.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(label, forKey: .label)
        try container.encode(canonical, forKey: .canonical)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(tokenRange.lowerBound, forKey: .tokenStart)
        try container.encode(tokenRange.upperBound, forKey: .tokenEnd)
        if !roles.isEmpty { try container.encode(roles, forKey: .roles) }
    }

    /// Decodes a mention; missing token bounds give an empty range, missing roles none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let lower = try container.decodeIfPresent(Int.self, forKey: .tokenStart) ?? 0
        let upper = try container.decodeIfPresent(Int.self, forKey: .tokenEnd) ?? lower
        self.init(
            text: try container.decode(String.self, forKey: .text),
            label: try container.decode(EntityLabel.self, forKey: .label),
            canonical: try container.decode(String.self, forKey: .canonical),
            start: try container.decode(Int.self, forKey: .start),
            end: try container.decode(Int.self, forKey: .end),
            tokenRange: lower..<max(lower, upper),
            roles: try container.decodeIfPresent([String].self, forKey: .roles) ?? []
        )
    }
}

