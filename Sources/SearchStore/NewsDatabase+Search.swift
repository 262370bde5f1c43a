import GRDB
import TextModel

extension NewsDatabase {
    /// Largest number of matches that facets are computed over: the newest this many (facets describe the
    /// result set, and beyond this many matches they describe its most recent part, which is what a reader
    /// narrowing a news search wants; the cost no longer grows with the collection).
    public static let facetSampleSize = 1_000

    /// Whether capitalised query words also match the collection's names they stand for (``nameExpansions(of:)``); off
    /// only to measure what the expansion costs (`tilshi bench search`). Set before searching, never during.
    nonisolated(unsafe) public static var expandsNames = true

    /// Whether searches reuse the total and facets of the same query from the last few seconds (``SearchSummaryCache``);
    /// off only to measure a search's full cost (`tilshi bench search` repeats its queries). Set before searching.
    nonisolated(unsafe) public static var cachesSearchSummaries = true


    /// Searches the collection: parses the query with ``QueryParser``, ranks with BM25 (title
    /// weighted ×5), filters, folds near-duplicates under their original, and adds snippets and facets.
    ///
    /// Never throws for anything a user can type; problems with the query come back in
    /// ``SearchResults/warnings``.
    public func search(_ query: SearchQuery) throws -> SearchResults {
        // Capitalised words also match the collection's names they stand for in another form (Russian case forms,
        // Latin spellings of aliases).
        let parsed = QueryParser().parse(query.text, names: { Self.expandsNames ? (try? nameExpansions(of: $0)) ?? [] : [] })
        let limit = min(max(query.limit, 1), 200)
        let offset = max(query.offset, 0)
        let hasWords = query.text.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        if hasWords && parsed.expression == nil {
            return SearchResults(query: query, expression: nil, total: 0, hits: [], facets: nil, warnings: parsed.warnings)
        }

        var filters = SQLFilter()
        if let source = query.source, !source.isEmpty { filters.equal(.documentSource, source) }
        if let from = query.from, !from.isEmpty { filters.atLeast(.documentPublished, from) }
        if let to = query.to, !to.isEmpty { filters.prefixAtMost(.documentPublished, to) }
        let entityKey = query.entity.flatMap { $0.isEmpty ? nil : $0.lowercased() }
        let label = query.label.flatMap { $0.isEmpty ? nil : $0.uppercased() }
        if entityKey != nil || label != nil {
            var named = SQLFilter()
            named.equalColumns(.mentionDocumentID, .documentID)
            if let entityKey { named.equal(.entityKey, entityKey) }
            if let label { named.equal(.entityLabel, label) }
            filters.exists(from: "document_entity de JOIN entity e ON e.id = de.entityID", where: named)
        }
        for excluded in query.excludeEntities where !excluded.isEmpty {
            var named = SQLFilter()
            named.equalColumns(.mentionDocumentID, .documentID)
            named.equal(.entityKey, excluded.lowercased())
            filters.notExists(from: "document_entity de JOIN entity e ON e.id = de.entityID", where: named)
        }
        for excluded in query.excludeLabels where !excluded.isEmpty {
            var named = SQLFilter()
            named.equalColumns(.mentionDocumentID, .documentID)
            named.equal(.entityLabel, excluded.uppercased())
            filters.notExists(from: "document_entity de JOIN entity e ON e.id = de.entityID", where: named)
        }
        for excluded in query.excludeSources where !excluded.isEmpty { filters.notEqual(.documentSource, excluded) }
        let byDate = query.sort == .date

        let from: String
        var allArguments: [any DatabaseValueConvertible] = []
        let idColumn: String
        let scoreColumn: String
        let order: String
        if let expression = parsed.expression {
            // Near-duplicates are few: excluding their ids avoids reading every matching article's row.
            let collapse = query.includeDuplicates ? "" : " AND document_fts.rowid NOT IN (SELECT id FROM document WHERE duplicateOf IS NOT NULL)"
            from = (filters.isEmpty && !byDate
                ? "FROM document_fts WHERE document_fts MATCH ?"
                : "FROM document_fts JOIN document d ON d.id = document_fts.rowid WHERE document_fts MATCH ?")
                + collapse + filters.andClause
            allArguments = [expression] + filters.arguments
            idColumn = "document_fts.rowid"
            // BM25 with the title weighted ×5, each phrase's document count passed in (see RankFunction).
            let rank = "\(RankFunction.name)(document_fts, 5.0, 1.0\(Array(repeating: ", ?", count: parsed.phrases.count).joined()))"
            scoreColumn = rank
            order = byDate ? "ORDER BY d.published DESC, d.id DESC" : "ORDER BY score DESC, document_fts.rowid"
        } else {
            var all = SQLFilter()
            if !query.includeDuplicates { all.isNull(.documentDuplicateOf) }
            all.append(filters)
            from = "FROM document d" + (all.isEmpty ? "" : " " + all.whereClause)
            allArguments = all.arguments
            idColumn = "d.id"
            scoreColumn = "0.0"
            order = "ORDER BY d.published DESC, d.id DESC"
        }

        return try writer.read { db in
            let phraseDocuments = try parsed.expression == nil ? [] : documentCounts(of: parsed.phrases, in: db)
            // The total and the facets are the same for every page: cached for a few seconds, keyed by the query's SQL
            // and arguments and the newest document (an ingest changes it).
            let newest = try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM document")) ?? 0
            let summaryKey = ([from, String(newest), String(query.facets), String(query.includeDuplicates)]
                + allArguments.map { "\($0.databaseValue)" }).joined(separator: "\u{1F}")
            let cached = Self.cachesSearchSummaries ? searchSummaries.summary(for: summaryKey) : nil
            // Counting stops after exactTotalLimit matches: a common word's count would otherwise cost a pass over
            // tens of thousands of entries, for a number nobody pages through. When one phrase of an OR alone is
            // in more documents than that (less the near-duplicates left out), there is nothing to count.
            var counted: Int
            if let cached {
                counted = cached.counted
            } else if exactTotalLimit > 0, parsed.isAlternatives, filters.isEmpty,
               let most = phraseDocuments.compactMap({ $0 }).max(), most > exactTotalLimit,
               most - (query.includeDuplicates ? 0 : try nearDuplicateCount(in: db)) > exactTotalLimit {
                counted = exactTotalLimit + 1
            } else {
                let cap = exactTotalLimit > 0 ? " LIMIT \(exactTotalLimit + 1)" : ""
                counted = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT 1 \(from)\(cap))", arguments: StatementArguments(allArguments)) ?? 0
            }
            let totalIsExact = exactTotalLimit <= 0 || counted <= exactTotalLimit
            let total = totalIsExact ? counted : exactTotalLimit
            // Rank first with ids and scores only (the sorter never carries article texts), then load the page.
            let rankArguments: [any DatabaseValueConvertible] = phraseDocuments.map { $0 ?? -1 }
            let ranked = try rankedPage(
                columns: "\(idColumn) AS id, \(scoreColumn) AS score", from: from, order: order, idColumn: idColumn,
                tiered: parsed.expression != nil && !byDate && rankingTier > 0 && (!totalIsExact || total > rankingTier),
                rankArguments: rankArguments, arguments: allArguments, limit: limit, offset: offset, in: db
            )
            let ids: [Int64] = ranked.map { $0["id"] }
            let scores = Dictionary(ranked.map { ($0["id"] as Int64, $0["score"] as Double) }, uniquingKeysWith: { first, _ in first })
            let rowsByID = Dictionary(try Row.fetchAll(db, sql: """
                SELECT id, title, url, source, published, text, duplicateOf, similarity FROM document
                WHERE id IN (\(Array(repeating: "?", count: ids.count).joined(separator: ",")))
                """, arguments: StatementArguments(ids)).map { ($0["id"] as Int64, $0) }, uniquingKeysWith: { first, _ in first })
            let rows = ids.compactMap { rowsByID[$0] }

            let duplicates = try duplicateLinks(of: ids, in: db)
            let originals = try originalLinks(of: rows, in: db)
            let snippetBuilder = query.snippets ? SnippetBuilder(words: parsed.positiveWords, prefixes: parsed.positivePrefixes) : nil
            let hits = try rows.map { row -> SearchHit in
                let id: Int64 = row["id"]
                let title: String? = row["title"]
                let text = try StoredText.text(row["text"], documentID: id)
                return SearchHit(
                    id: id, title: title, headline: Headline.of(title: title, text: text), url: row["url"], source: row["source"], published: row["published"],
                    score: scores[id] ?? 0, snippet: snippetBuilder?.snippet(of: text),
                    titleHighlights: title.map { snippetBuilder?.matches(in: $0) ?? [] } ?? [],
                    duplicateOf: originals[id], duplicates: duplicates[id] ?? []
                )
            }
            var facets: SearchFacets?
            if let cached {
                facets = cached.facets
            } else {
                if query.facets {
                    let sample = try Int64.fetchAll(db, sql: "SELECT \(idColumn) \(from) ORDER BY \(idColumn) DESC LIMIT \(Self.facetSampleSize)",
                                                    arguments: StatementArguments(allArguments))
                    facets = try self.facets(of: sample, in: db)
                }
                searchSummaries.store(.init(counted: counted, facets: facets), for: summaryKey)
            }
            return SearchResults(
                query: query, expression: parsed.expression, total: total, totalIsExact: totalIsExact, hits: hits, facets: facets,
                warnings: parsed.warnings
            )
        }
    }

    /// One page of `(id, score)` rows. Tiered: the newest ``rankingTier`` matches ranked first, then the others,
    /// each tier in `order` (see ``rankingTier``); the page may straddle the two.
    /// `rankArguments` are the score column's, bound before the others.
    private func rankedPage(
        columns: String, from: String, order: String, idColumn: String, tiered: Bool, rankArguments: [any DatabaseValueConvertible],
        arguments: [any DatabaseValueConvertible], limit: Int, offset: Int, in db: Database
    ) throws -> [Row] {
        let select = "SELECT \(columns) \(from)"
        let ranking = rankArguments + arguments
        guard tiered, let threshold = try Int64.fetchOne(
            db, sql: "SELECT \(idColumn) \(from) ORDER BY \(idColumn) DESC LIMIT 1 OFFSET \(rankingTier - 1)", arguments: StatementArguments(arguments)
        ) else {
            return try Row.fetchAll(db, sql: "\(select) \(order) LIMIT ? OFFSET ?", arguments: StatementArguments(ranking + [limit, offset]))
        }
        var rows: [Row] = []
        if offset < rankingTier {
            rows = try Row.fetchAll(db, sql: "\(select) AND \(idColumn) >= ? \(order) LIMIT ? OFFSET ?",
                                    arguments: StatementArguments(ranking + [threshold, min(limit, rankingTier - offset), offset]))
        }
        if rows.count < limit {
            rows += try Row.fetchAll(db, sql: "\(select) AND \(idColumn) < ? \(order) LIMIT ? OFFSET ?",
                                     arguments: StatementArguments(ranking + [threshold, limit - rows.count, max(0, offset - rankingTier)]))
        }
        return rows
    }

    /// The number of documents holding each phrase (nil for a prefix, whose terms are not known in advance):
    /// for a phrase of several words, the number for its rarest word (an upper bound).
    func documentCounts(of phrases: [ParsedQuery.Phrase], in db: Database) throws -> [Int?] {
        try phrases.map { phrase in
            guard !phrase.prefix else { return nil }
            // The terms the tokenizer emits for the phrase in a query: a name key as is, otherwise the lemmas.
            let terms = phrase.text.unicodeScalars.first == NameStem.marker ? [phrase.text] : QueryTermCache.shared.value(for: phrase.text) { termAnalyzer.terms(of: phrase.text) }.map(\.lemma)
            guard !terms.isEmpty else { return nil }
            var fewest = Int.max
            for term in terms {
                let documents = try Int.fetchOne(
                    db.cachedStatement(sql: "SELECT doc FROM document_fts_vocabulary WHERE term = ?"), arguments: [term]
                ) ?? 0
                fewest = min(fewest, documents)
            }
            return fewest
        }
    }

    /// Number of documents stored as near-duplicates of another (left out of searches by default).
    private func nearDuplicateCount(in db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM document WHERE duplicateOf IS NOT NULL")) ?? 0
    }

    /// Near-duplicates of each of `ids`, most similar first.
    func duplicateLinks(of ids: [Int64], in db: Database) throws -> [Int64: [DuplicateLink]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, title, source, similarity, duplicateOf FROM document
            WHERE duplicateOf IN (\(Array(repeating: "?", count: ids.count).joined(separator: ",")))
            ORDER BY similarity DESC, id
            """, arguments: StatementArguments(ids))
        var links: [Int64: [DuplicateLink]] = [:]
        for row in rows {
            links[row["duplicateOf"], default: []].append(
                DuplicateLink(id: row["id"], title: row["title"], source: row["source"], similarity: row["similarity"] ?? 0)
            )
        }
        return links
    }

    /// For rows that are near-duplicates, the link to their original.
    private func originalLinks(of rows: [Row], in db: Database) throws -> [Int64: DuplicateLink] {
        var links: [Int64: DuplicateLink] = [:]
        for row in rows {
            guard let original: Int64 = row["duplicateOf"] else { continue }
            let info = try Row.fetchOne(db, sql: "SELECT title, source FROM document WHERE id = ?", arguments: [original])
            links[row["id"]] = DuplicateLink(
                id: original, title: info?["title"], source: info?["source"], similarity: row["similarity"] ?? 0
            )
        }
        return links
    }

    /// KazNERD classes that are values rather than names ("бір", "25 жылдығы"): left out of entity facets.
    static let valueLabels = (EntityLabel.values + [.contact]).map(\.rawValue)

    /// Top entities (names, not values), sources and months among the documents `ids` (passed as one JSON array).
    private func facets(of ids: [Int64], in db: Database) throws -> SearchFacets {
        guard !ids.isEmpty else { return SearchFacets(entities: [], sources: [], months: [], labels: [], days: []) }
        let list: StatementArguments = ["[" + ids.map(String.init).joined(separator: ",") + "]"]
        let entities = try Row.fetchAll(db, sql: """
            SELECT e.canonical, e.label, COUNT(*) AS count
            FROM document_entity de JOIN entity e ON e.id = de.entityID
            WHERE de.documentID IN (SELECT value FROM json_each(?))
              AND e.label NOT IN (\(Self.valueLabels.map { "'\($0)'" }.joined(separator: ",")))
            GROUP BY de.entityID ORDER BY count DESC, e.canonical LIMIT 10
            """, arguments: list).map { FacetCount(value: $0["canonical"], label: $0["label"], count: $0["count"]) }
        let sources = try Row.fetchAll(db, sql: """
            SELECT source, COUNT(*) AS count FROM document WHERE id IN (SELECT value FROM json_each(?)) AND source IS NOT NULL
            GROUP BY source ORDER BY count DESC, source LIMIT 10
            """, arguments: list).map { FacetCount(value: $0["source"], count: $0["count"]) }
        let months = try Row.fetchAll(db, sql: """
            SELECT month, COUNT(*) AS count FROM document WHERE id IN (SELECT value FROM json_each(?)) AND month IS NOT NULL
            GROUP BY month ORDER BY month DESC
            """, arguments: list).map { FacetCount(value: $0["month"], count: $0["count"]) }
        let labels = try Row.fetchAll(db, sql: """
            SELECT e.label, COUNT(DISTINCT de.documentID) AS count
            FROM document_entity de JOIN entity e ON e.id = de.entityID
            WHERE de.documentID IN (SELECT value FROM json_each(?))
            GROUP BY e.label ORDER BY count DESC, e.label
            """, arguments: list).map { FacetCount(value: $0["label"], count: $0["count"]) }
        // Days only from full dates (a month-only date has no day to count on).
        let days = try Row.fetchAll(db, sql: """
            SELECT substr(published, 1, 10) AS day, COUNT(*) AS count FROM document
            WHERE id IN (SELECT value FROM json_each(?)) AND length(published) >= 10
            GROUP BY day ORDER BY day
            """, arguments: list).map { FacetCount(value: $0["day"], count: $0["count"]) }
        return SearchFacets(entities: entities, sources: sources, months: months, labels: labels, days: days)
    }
}
