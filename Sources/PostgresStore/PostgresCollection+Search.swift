import Foundation
public import SearchStore
import TextModel

extension PostgresCollection {
    /// Searches the collection with the SQLite store's rules (``NewsDatabase/search(_:)``): the same parser with the same
    /// name expansion (``CollectionNames``), the same query terms (lemma and surface form, ``IndexTerm/queryForms(prefix:)``),
    /// the same filters, near-duplicates folded under their original, the newest ``NewsDatabase/Configuration/rankingTier``
    /// matches ranked first with the same BM25 (title ×5), snippets from the stored text.
    ///
    /// Plan, pinned (``matchStatement(_:cap:newest:)``, checked by a test that reads `EXPLAIN`): the matches are read once,
    /// from the GIN index, into a `MATERIALIZED` CTE, and one statement returns their (capped) count and the ids of the
    /// newest of them; ranking reads, for those ids only, the positions of the query's own lexemes (`unnest(terms)`),
    /// scored here in Swift. PostgreSQL's `ts_rank` is not used: it ranks every match (60 ms p50 at 30k articles in the
    /// issue's measurement) and by another formula than the SQLite store's.
    public func search(_ query: SearchQuery) throws -> SearchResults {
        let limit = min(max(query.limit, 1), 200)
        let offset = max(query.offset, 0)
        let exactTotalLimit = configuration.exactTotalLimit
        let rankingTier = configuration.rankingTier

        return try session { db in
            try db.transaction {
                let plan = try searchPlan(query, in: db)
                let parsed = plan.parsed
                guard !plan.findsNothing else {
                    return SearchResults(query: query, expression: nil, total: 0, hits: [], facets: nil, warnings: parsed.warnings)
                }
                let filter = plan.filter
                let values = plan.values
                let total: Int
                let totalIsExact: Bool
                var ranked: [(id: Int64, score: Double)] = []
                var sample: [Int64]?
                if plan.tsquery == nil {
                    // No words: the newest documents that pass the filters, by date.
                    let cap = exactTotalLimit > 0 ? " LIMIT \(exactTotalLimit + 1)" : ""
                    let counted = try db.count("SELECT count(*) FROM (SELECT 1 FROM document d \(plan.documentFilter.whereClause(from: 1))\(cap)) s", values)
                    totalIsExact = exactTotalLimit <= 0 || counted <= exactTotalLimit
                    total = totalIsExact ? counted : exactTotalLimit
                    ranked = try db.rows("""
                        SELECT d.id FROM document d \(plan.documentFilter.whereClause(from: 1))
                        ORDER BY d.published COLLATE "C" DESC NULLS LAST, d.id DESC LIMIT \(limit) OFFSET \(offset)
                        """, values).map { (try $0.int64("id"), 0) }
                } else {
                    // One read of the matches: their count (capped) and the newest ids, enough for the ranking tier and
                    // the facets' sample.
                    let newestLimit = max(rankingTier, NewsDatabase.facetSampleSize)
                    let matches = try db.row(Self.matchStatement(plan, cap: exactTotalLimit > 0 ? exactTotalLimit + 1 : nil, newest: newestLimit), values)
                    let counted = try matches?.int("total") ?? 0
                    let newest = try matches?.int64s("newest") ?? []
                    totalIsExact = exactTotalLimit <= 0 || counted <= exactTotalLimit
                    total = totalIsExact ? counted : exactTotalLimit
                    sample = Array(newest.prefix(NewsDatabase.facetSampleSize))
                    // The ids of every match older than `threshold` (or all), read with the same pinned shape.
                    func olderMatches(than threshold: Int64?) throws -> [Int64] {
                        var older = filter
                        if let threshold { older.add("d.id < ?", .int(threshold)) }
                        return try db.rows("WITH \(Self.matchesCTE(plan)) SELECT d.id FROM m d \(older.whereClause(from: 2))", values + (threshold.map { [.int($0)] } ?? []))
                            .map { try $0.int64("id") }
                    }
                    func rankedByScore(_ ids: [Int64]) throws -> [(id: Int64, score: Double)] {
                        let scores = try scores(of: ids, parsed: parsed, in: db)
                        return ids.map { ($0, scores[$0] ?? 0) }.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
                    }
                    if query.sort == .date {
                        let ids = try db.rows("""
                            WITH \(Self.matchesCTE(plan)) SELECT d.id FROM m d \(filter.whereClause(from: 2))
                            ORDER BY d.published COLLATE "C" DESC NULLS LAST, d.id DESC LIMIT \(limit) OFFSET \(offset)
                            """, values).map { try $0.int64("id") }
                        let scores = try scores(of: ids, parsed: parsed, in: db)
                        ranked = ids.map { ($0, scores[$0] ?? 0) }
                    } else if rankingTier > 0 && (!totalIsExact || total > rankingTier) && newest.count >= rankingTier {
                        // Tiered as in SQLite: the newest `rankingTier` matches ranked first, then the older ones.
                        let threshold = newest[rankingTier - 1]
                        if offset < rankingTier {
                            ranked = Array(try rankedByScore(Array(newest.prefix(rankingTier))).dropFirst(offset).prefix(min(limit, rankingTier - offset)))
                        }
                        if ranked.count < limit {
                            ranked += try rankedByScore(try olderMatches(than: threshold)).dropFirst(max(0, offset - rankingTier)).prefix(limit - ranked.count)
                        }
                    } else {
                        // Every match ranked: the newest ids are all of them unless they were cut.
                        let all = newest.count < newestLimit ? newest : try olderMatches(than: nil)
                        ranked = Array(try rankedByScore(all).dropFirst(offset).prefix(limit))
                    }
                }
                let ids = ranked.map(\.id)
                let rows = Dictionary(try db.rows("""
                    SELECT id, title, url, source, published, text, duplicate_of, similarity FROM document WHERE id = ANY($1)
                    """, [.ints(ids)]).map { (try $0.int64("id"), $0) }, uniquingKeysWith: { first, _ in first })
                let duplicates = try duplicateLinks(of: ids, in: db)
                let snippetBuilder = query.snippets ? SnippetBuilder(words: parsed.positiveWords, prefixes: parsed.positivePrefixes) : nil
                var hits: [SearchHit] = []
                for (id, score) in ranked {
                    guard let row = rows[id] else { continue }
                    let title = try row.string("title")
                    let text = try row.requiredString("text")
                    var original: DuplicateLink?
                    if let originalID = try row.optionalInt64("duplicate_of") {
                        let info = try db.row("SELECT title, source FROM document WHERE id = $1", [.int(originalID)])
                        original = DuplicateLink(id: originalID, title: try info?.string("title"), source: try info?.string("source"),
                                                 similarity: try row.double("similarity") ?? 0)
                    }
                    hits.append(SearchHit(
                        id: id, title: title, headline: Headline.of(title: title, text: text), url: try row.string("url"), source: try row.string("source"),
                        published: try row.string("published"), score: score, snippet: snippetBuilder?.snippet(of: text),
                        titleHighlights: title.map { snippetBuilder?.matches(in: $0) ?? [] } ?? [], duplicateOf: original, duplicates: duplicates[id] ?? []
                    ))
                }
                var facets: SearchFacets?
                if query.facets {
                    let ids = try sample ?? db.rows(
                        "SELECT d.id FROM document d \(plan.documentFilter.whereClause(from: 1)) ORDER BY d.id DESC LIMIT \(NewsDatabase.facetSampleSize)", values
                    ).map { try $0.int64("id") }
                    facets = try self.facets(of: ids, in: db)
                }
                return SearchResults(
                    query: query, expression: parsed.expression, total: total, totalIsExact: totalIsExact, hits: hits, facets: facets, warnings: parsed.warnings
                )
            }
        }
    }

    /// A query parsed (names expanded from the collection) and turned into SQL: its words (a `tsquery`, bound as `$1`),
    /// whether near-duplicates are left out, and its other filters as conditions over `d`, a row of the matches (or, for a
    /// query without words, of `document`), bound from `$2` (from `$1` without words).
    struct SearchPlan {
        var parsed: ParsedQuery
        /// The `tsquery` text, nil for a query without words.
        var tsquery: String?
        var includeDuplicates: Bool
        /// Filters other than the words and the near-duplicates.
        var filter: PostgresFilter
        /// Whether the filters or the order read `source` and `published` (the matches then carry them).
        var readsColumns: Bool
        /// Whether the query had words but none searchable: no match, whatever the filters.
        var findsNothing: Bool

        /// Every bound value in order: the `tsquery` (when there is one), then the filters'.
        var values: [SQLValue] { (tsquery.map { [.text($0)] } ?? []) + documentFilter.values }

        /// For a query without words: the near-duplicate condition and the filters, over `document d`.
        var documentFilter: PostgresFilter {
            guard tsquery == nil else { return filter }
            var all = PostgresFilter()
            if !includeDuplicates { all.add("d.duplicate_of IS NULL") }
            all.append(filter)
            return all
        }
    }

    /// Parses `query` as the SQLite store does (capitalised words also match the collection's names they stand for,
    /// ``CollectionNames/expansions(of:in:)``), compiles it to a `tsquery` and its filters to SQL, and pins the plan
    /// shape for the rest of the transaction (``pinPlan(in:)``).
    func searchPlan(_ query: SearchQuery, in db: SQLSession) throws -> SearchPlan {
        try Self.pinPlan(in: db)
        let tables = PostgresNameTables(db: db)
        let parsed = QueryParser().parse(query.text, names: { word in
            NewsDatabase.expandsNames ? (try? CollectionNames.expansions(of: word, in: tables)) ?? [] : []
        })
        let hasWords = query.text.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        var filter = PostgresFilter()
        let tsquery = parsed.expression.map { expression in
            TSQueryCompiler.compile(expression, phrases: parsed.phrases) { [analyser] text, prefix in analyser.queryTerms(of: text, prefix: prefix) }
        }
        if let source = query.source, !source.isEmpty { filter.add("d.source = ?", .text(source)) }
        if let from = query.from, !from.isEmpty { filter.add("d.published COLLATE \"C\" >= ?", .text(from)) }
        if let to = query.to, !to.isEmpty { filter.add("substr(d.published, 1, ?::integer) COLLATE \"C\" <= ?", .int(to.count), .text(to)) }
        let entityKey = query.entity.flatMap { $0.isEmpty ? nil : $0.lowercased() }
        let label = query.label.flatMap { $0.isEmpty ? nil : $0.uppercased() }
        if entityKey != nil || label != nil {
            var inner = "EXISTS (SELECT 1 FROM document_entity de JOIN entity e ON e.id = de.entity_id WHERE de.document_id = d.id"
            var values: [SQLValue] = []
            if let entityKey { inner += " AND e.key = ?"; values.append(.text(entityKey)) }
            if let label { inner += " AND e.label = ?"; values.append(.text(label)) }
            filter.add(inner + ")", values)
        }
        for excluded in query.excludeEntities where !excluded.isEmpty {
            filter.add("NOT EXISTS (SELECT 1 FROM document_entity de JOIN entity e ON e.id = de.entity_id WHERE de.document_id = d.id AND e.key = ?)",
                       .text(excluded.lowercased()))
        }
        for excluded in query.excludeLabels where !excluded.isEmpty {
            filter.add("NOT EXISTS (SELECT 1 FROM document_entity de JOIN entity e ON e.id = de.entity_id WHERE de.document_id = d.id AND e.label = ?)",
                       .text(excluded.uppercased()))
        }
        for excluded in query.excludeSources where !excluded.isEmpty {
            filter.add("(d.source IS NULL OR d.source <> ?)", .text(excluded))
        }
        let readsColumns = query.source?.isEmpty == false || query.from?.isEmpty == false || query.to?.isEmpty == false
            || query.excludeSources.contains { !$0.isEmpty } || query.sort == .date
        return SearchPlan(
            parsed: parsed, tsquery: tsquery, includeDuplicates: query.includeDuplicates, filter: filter, readsColumns: readsColumns,
            findsNothing: hasWords && parsed.expression == nil
        )
    }

    // MARK: The pinned plan

    /// The CTE `m` of a query's matches: the documents whose terms match the `tsquery` (`$1`), near-duplicates left
    /// out unless asked for, with the columns the other filters and the date order read. Nothing else is inside: its only
    /// usable index is the GIN index of the terms (the index of `duplicate_of` is partial, `IS NOT NULL`), so PostgreSQL
    /// cannot start from another index and test each row's `tsvector`. The other filters apply to its rows (`m d`).
    static func matchesCTE(_ plan: SearchPlan) -> String {
        let columns = plan.readsColumns ? "id, source, published" : "id"
        let duplicates = plan.includeDuplicates ? "" : " AND duplicate_of IS NULL"
        return "m AS MATERIALIZED (SELECT \(columns) FROM document WHERE terms @@ $1::tsquery\(duplicates))"
    }

    /// The statement that reads the matches: their number (at most `cap`) and the ids of the newest `newest`.
    ///
    /// Its shape is fixed: the matches in a `MATERIALIZED` CTE (``matchesCTE(_:)``: computed once, from the GIN index,
    /// whatever the query's form), filtered, then the count and the newest ids both read from them. Without the fence
    /// PostgreSQL may walk the primary key backwards and test `terms @@ tsquery` row by row until it has the newest 1,000
    /// matches: fast for a common word, a scan of the whole table for a rare one (the issue measured p99 moving from 286
    /// to 600 ms when the form of the statement alone changed the plan).
    static func matchStatement(_ plan: SearchPlan, cap: Int?, newest: Int) -> String {
        let capped = cap.map { " LIMIT \($0)" } ?? ""
        return """
            WITH \(matchesCTE(plan)), f AS MATERIALIZED (SELECT d.id FROM m d \(plan.filter.whereClause(from: 2)))
            SELECT (SELECT count(*) FROM (SELECT 1 FROM f\(capped)) c) AS total, ARRAY(SELECT id FROM f ORDER BY id DESC LIMIT \(newest)) AS newest
            """
    }

    /// Pins the plan of the search's statements for the rest of the transaction: matches come from the GIN index
    /// (a bitmap scan) rather than a sequential scan. The bitmap scan reads the lexemes from the index and leaves the
    /// stored `tsvector`s unread for a query without phrases (no recheck), where a sequential scan decompresses every
    /// document's; and the plan no longer hangs on the planner's estimate of how common a word is.
    static func pinPlan(in db: SQLSession) throws {
        try db.execute("SET LOCAL enable_seqscan = off")
    }

    /// The plan PostgreSQL chooses for the statement that reads the matches of `query` (`EXPLAIN`, text format), with
    /// the search's own statement, parameters and settings: what the plan test checks.
    package func explainMatches(_ query: SearchQuery) throws -> String {
        try session { db in
            try db.transaction {
                let plan = try searchPlan(query, in: db)
                let cap = configuration.exactTotalLimit > 0 ? configuration.exactTotalLimit + 1 : nil
                let statement = Self.matchStatement(plan, cap: cap, newest: max(configuration.rankingTier, NewsDatabase.facetSampleSize))
                return try db.rows("EXPLAIN " + statement, plan.values).map { try $0.requiredString("QUERY PLAN") }.joined(separator: "\n")
            }
        }
    }

    // MARK: Ranking

    /// BM25 scores of `ids` for the query, as the SQLite store's `tilshi_rank` computes them: for each phrase (in the
    /// expression's order) its instances in the title (×5) and the text (×1), its inverse document frequency from the
    /// number of documents holding its rarest word, the document's length against the collection's average.
    func scores(of ids: [Int64], parsed: ParsedQuery, in db: SQLSession) throws -> [Int64: Double] {
        guard !ids.isEmpty, !parsed.phrases.isEmpty else { return [:] }
        let phraseTerms = parsed.phrases.map { analyser.queryTerms(of: $0.text, prefix: $0.prefix) }
        var exact: Set<String> = []
        var prefixes: Set<String> = []
        for (phrase, terms) in zip(parsed.phrases, phraseTerms) {
            for (index, forms) in terms.enumerated() {
                if phrase.prefix && index == terms.count - 1 { prefixes.formUnion(forms) } else { exact.formUnion(forms) }
            }
        }
        guard let totals = try db.row("SELECT documents, positions FROM collection_totals") else { return [:] }
        let rows = Int(try totals.int64("documents"))
        let positions = try totals.int64("positions")
        let average = rows > 0 && positions > 0 ? Double(positions) / Double(rows) : 1
        // The weight of each phrase: -1 (weight 1) for a prefix, else the document count of its rarest word.
        var weights: [Double] = []
        for phrase in parsed.phrases {
            guard let terms = analyser.rankingTerms(of: phrase) else {
                weights.append(1)
                continue
            }
            var fewest = Int.max
            for term in terms { fewest = min(fewest, try documentCount(of: term, in: db)) }
            weights.append(NewsDatabase.rankIDF(documents: fewest, rows: rows))
        }
        var lengths: [Int64: Int] = [:]
        for row in try db.rows("SELECT id, length FROM document WHERE id = ANY($1)", [.ints(ids)]) {
            lengths[try row.int64("id")] = try row.int("length")
        }
        // The positions of the query's lexemes in each document: (position, in the title). The server cuts the exact
        // lexemes out of each stored vector (`setweight` marks them B, `ts_filter` keeps only B; the title's, weighted A,
        // are read the same way from the A-only vector), so one short row per document comes back. `unnest` of the whole
        // vector made a row per lexeme of every ranked document (≈ 500 × 1,000 for a common word): most of a query's time.
        var found: [Int64: [String: [(position: Int, title: Bool)]]] = [:]
        if !exact.isEmpty {
            for row in try db.rows("""
                SELECT id, ts_filter(setweight(terms, 'B', $2), '{b}')::text AS every,
                       ts_filter(setweight(ts_filter(terms, '{a}'), 'B', $2), '{b}')::text AS title
                FROM document WHERE id = ANY($1)
                """, [.ints(ids), .texts(Array(exact))]) {
                let id = try row.int64("id")
                let title = Self.vectorPositions(try row.requiredString("title"))
                for (lexeme, positions) in Self.vectorPositions(try row.requiredString("every")) {
                    let inTitle = Set(title[lexeme] ?? [])
                    found[id, default: [:]][lexeme, default: []] += positions.map { ($0, inTitle.contains($0)) }
                }
            }
        }
        if !prefixes.isEmpty {
            // Lexemes by prefix: `setweight` takes whole lexemes only, so these are read row by row (rare: a query `word*`).
            for row in try db.rows("""
                SELECT d.id, u.lexeme, u.positions, u.weights FROM document d CROSS JOIN LATERAL unnest(d.terms) u
                WHERE d.id = ANY($1) AND u.lexeme ^@ ANY($2)
                """, [.ints(ids), .texts(Array(prefixes))]) {
                let id = try row.int64("id")
                let lexeme = try row.requiredString("lexeme")
                let places = try row.smallints("positions")
                let marks = try row.strings("weights")
                found[id, default: [:]][lexeme, default: []] += zip(places, marks).map { (Int($0), $1 == "A") }
            }
        }
        let k1 = NewsDatabase.rankK1
        let b = NewsDatabase.rankB
        var scores: [Int64: Double] = [:]
        for id in ids {
            let lexemes = found[id] ?? [:]
            let normalisation = k1 * (1 - b + b * Double(lengths[id] ?? 0) / average)
            var score = 0.0
            for (index, phrase) in parsed.phrases.enumerated() {
                let terms = phraseTerms[index]
                guard !terms.isEmpty else { continue }
                // The places where the phrase's word `position` is, under any of its forms (FTS5 counts an instance
                // wherever each word matches one of its synonyms).
                func places(_ position: Int) -> [Int: Bool] {
                    var result: [Int: Bool] = [:]
                    for term in terms[position] {
                        if phrase.prefix && position == terms.count - 1 {
                            for (lexeme, list) in lexemes where lexeme.utf8.starts(with: term.utf8) {
                                for entry in list { result[entry.position] = entry.title }
                            }
                        } else {
                            for entry in lexemes[term] ?? [] { result[entry.position] = entry.title }
                        }
                    }
                    return result
                }
                let columns = (0..<terms.count).map(places)
                var frequency = 0.0
                for (start, title) in columns[0] where (1..<terms.count).allSatisfy({ columns[$0][start + $0] != nil }) {
                    frequency += title ? 5.0 : 1.0
                }
                if frequency > 0 {
                    score += weights[index] * frequency * (k1 + 1) / (frequency + normalisation)
                }
            }
            scores[id] = score
        }
        return scores
    }

    /// The lexemes and positions of a `tsvector`'s text output (`'word':1A,5 'it''s':3`): quotes and backslashes inside
    /// a lexeme come doubled; a position may carry a weight letter, dropped here.
    static func vectorPositions(_ text: String) -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "'") else { index += 1; continue }
            index += 1
            var lexeme: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\\") {
                    if index + 1 < bytes.count, bytes[index + 1] == byte {
                        lexeme.append(byte)
                        index += 2
                        continue
                    }
                    if byte == UInt8(ascii: "'") { index += 1; break }
                }
                lexeme.append(byte)
                index += 1
            }
            var positions: [Int] = []
            if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
                index += 1
                var number = 0
                var digits = false
                while index < bytes.count, bytes[index] != UInt8(ascii: " ") {
                    let byte = bytes[index]
                    if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                        number = number * 10 + Int(byte - UInt8(ascii: "0"))
                        digits = true
                    } else if byte == UInt8(ascii: ",") {
                        if digits { positions.append(number) }
                        number = 0
                        digits = false
                    }
                    index += 1
                }
                if digits { positions.append(number) }
            }
            result[String(decoding: lexeme, as: UTF8.self), default: []] += positions
        }
        return result
    }

    /// The number of documents whose index holds `term` (all documents, near-duplicates too, as FTS5's vocabulary counts).
    func documentCount(of term: String, in db: SQLSession) throws -> Int {
        try db.count("SELECT count(*) FROM document WHERE terms @@ $1::tsquery", [.text(Self.quotedLexeme(term))])
    }

    // MARK: Helpers of the results

    /// Near-duplicates of each of `ids`, most similar first.
    func duplicateLinks(of ids: [Int64], in db: SQLSession) throws -> [Int64: [DuplicateLink]] {
        guard !ids.isEmpty else { return [:] }
        var links: [Int64: [DuplicateLink]] = [:]
        for row in try db.rows("""
            SELECT id, title, source, similarity, duplicate_of FROM document WHERE duplicate_of = ANY($1) ORDER BY similarity DESC NULLS LAST, id
            """, [.ints(ids)]) {
            links[try row.int64("duplicate_of"), default: []].append(DuplicateLink(
                id: try row.int64("id"), title: try row.string("title"), source: try row.string("source"), similarity: try row.double("similarity") ?? 0
            ))
        }
        return links
    }

    /// Top entities (names, not values), sources, months, labels and days among the documents `ids`.
    func facets(of ids: [Int64], in db: SQLSession) throws -> SearchFacets {
        guard !ids.isEmpty else { return SearchFacets(entities: [], sources: [], months: [], labels: [], days: []) }
        let list: SQLValue = .ints(ids)
        let entities = try db.rows("""
            SELECT e.canonical, e.label, count(*) AS count FROM document_entity de JOIN entity e ON e.id = de.entity_id
            WHERE de.document_id = ANY($1) AND NOT (e.label = ANY($2))
            GROUP BY de.entity_id, e.canonical, e.label ORDER BY count DESC, e.canonical COLLATE "C", de.entity_id LIMIT 10
            """, [list, .texts(NewsDatabase.storeValueLabels)]).map {
            FacetCount(value: try $0.requiredString("canonical"), label: try $0.string("label"), count: try $0.int("count"))
        }
        let sources = try db.rows("""
            SELECT source, count(*) AS count FROM document WHERE id = ANY($1) AND source IS NOT NULL
            GROUP BY source ORDER BY count DESC, source COLLATE "C" LIMIT 10
            """, [list]).map { FacetCount(value: try $0.requiredString("source"), count: try $0.int("count")) }
        let months = try db.rows("""
            SELECT month, count(*) AS count FROM document WHERE id = ANY($1) AND month IS NOT NULL GROUP BY month ORDER BY month COLLATE "C" DESC
            """, [list]).map { FacetCount(value: try $0.requiredString("month"), count: try $0.int("count")) }
        let labels = try db.rows("""
            SELECT e.label, count(DISTINCT de.document_id) AS count FROM document_entity de JOIN entity e ON e.id = de.entity_id
            WHERE de.document_id = ANY($1) GROUP BY e.label ORDER BY count DESC, e.label COLLATE "C"
            """, [list]).map { FacetCount(value: try $0.requiredString("label"), count: try $0.int("count")) }
        let days = try db.rows("""
            SELECT substr(published, 1, 10) AS day, count(*) AS count FROM document WHERE id = ANY($1) AND length(published) >= 10
            GROUP BY substr(published, 1, 10) ORDER BY substr(published, 1, 10) COLLATE "C"
            """, [list]).map { FacetCount(value: try $0.requiredString("day"), count: try $0.int("count")) }
        return SearchFacets(entities: entities, sources: sources, months: months, labels: labels, days: days)
    }
}

/// The conditions of a `WHERE` clause over `document d`, each with its bound values; `?` in a condition stands for the
/// next value and becomes `$n` when the clause is written.
struct PostgresFilter {
    private var conditions: [(sql: String, count: Int)] = []
    private(set) var values: [SQLValue] = []

    mutating func add(_ sql: String, _ values: SQLValue...) {
        add(sql, values)
    }

    mutating func add(_ sql: String, _ values: [SQLValue]) {
        precondition(sql.filter { $0 == "?" }.count == values.count, "one value per placeholder")
        conditions.append((sql, values.count))
        self.values += values
    }

    /// Adds the conditions of `other` after these.
    mutating func append(_ other: PostgresFilter) {
        conditions += other.conditions
        values += other.values
    }

    /// `WHERE a AND b` with placeholders numbered from `first`, or nothing.
    func whereClause(from first: Int) -> String {
        guard !conditions.isEmpty else { return "" }
        var number = first
        var parts: [String] = []
        for condition in conditions {
            var sql = ""
            for character in condition.sql {
                if character == "?" {
                    sql += "$\(number)"
                    number += 1
                } else {
                    sql.append(character)
                }
            }
            parts.append(sql)
        }
        return "WHERE " + parts.joined(separator: " AND ")
    }
}

/// Turns the query parser's FTS5 expression into a `tsquery` text.
///
/// The expression is the parser's own output (``ParsedQuery/expression``): quoted phrases, `*`, `AND`, `OR`, `NOT` and
/// parentheses, nothing typed by the user outside quotes. Each phrase becomes the terms the SQLite index would match
/// (``NewsDatabase/queryTerms(of:prefix:)``: at each place the word's lemma or its surface form), each a quoted lexeme (``PostgresCollection/quotedLexeme(_:)``) joined by
/// `<->`; the text is then bound as a parameter and cast to `tsquery`. So no user text is ever read as SQL or as
/// `tsquery` operators.
enum TSQueryCompiler {
    /// A lexeme no document holds: what a phrase without a searchable word matches (nothing, as in FTS5).
    static let nothing = "'\u{1}'"

    static func compile(_ expression: String, phrases: [ParsedQuery.Phrase], terms: (String, Bool) -> [[String]]) -> String {
        var tokens = tokenize(expression)
        var index = 0
        func peek() -> Token? { index < tokens.count ? tokens[index] : nil }
        func phrase(_ text: String, prefix: Bool) -> String {
            let words = terms(text, prefix)
            guard !words.isEmpty else { return nothing }
            // Each word matches any of its forms at its place: `('lemma' | 'surface') <-> …`, as FTS5's synonyms do.
            let parts = words.enumerated().map { offset, forms in
                let alternatives = forms.map { PostgresCollection.quotedLexeme($0) + (prefix && offset == words.count - 1 ? ":*" : "") }
                return alternatives.count == 1 ? alternatives[0] : "(" + alternatives.joined(separator: " | ") + ")"
            }
            return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " <-> ") + ")"
        }
        func primary() -> String {
            guard let token = peek() else { return nothing }
            index += 1
            switch token {
            case .phrase(let text, let prefix): return phrase(text, prefix: prefix)
            case .open:
                let inner = or()
                if case .close = peek() { index += 1 }
                return "(" + inner + ")"
            default: return nothing
            }
        }
        func not() -> String {
            var left = primary()
            while case .not = peek() {
                index += 1
                left = "(" + left + " & !" + primary() + ")"
            }
            return left
        }
        func and() -> String {
            var parts = [not()]
            while let token = peek() {
                if case .and = token {
                    index += 1
                    parts.append(not())
                } else if case .phrase = token {
                    parts.append(not())
                } else if case .open = token {
                    parts.append(not())
                } else {
                    break
                }
            }
            return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " & ") + ")"
        }
        func or() -> String {
            var parts = [and()]
            while case .or = peek() {
                index += 1
                parts.append(and())
            }
            return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " | ") + ")"
        }
        let result = or()
        tokens.removeAll()
        return result
    }

    enum Token {
        case phrase(String, prefix: Bool)
        case and, or, not, open, close
    }

    /// The tokens of an FTS5 expression written by the query parser.
    static func tokenize(_ expression: String) -> [Token] {
        var tokens: [Token] = []
        let scalars = Array(expression.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case " ": index += 1
            case "(": tokens.append(.open); index += 1
            case ")": tokens.append(.close); index += 1
            case "*":
                if case .phrase(let text, _) = tokens.last { tokens[tokens.count - 1] = .phrase(text, prefix: true) }
                index += 1
            case "\"":
                var text = String.UnicodeScalarView()
                index += 1
                while index < scalars.count {
                    if scalars[index] == "\"" {
                        if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                            text.append("\"")
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    text.append(scalars[index])
                    index += 1
                }
                tokens.append(.phrase(String(text), prefix: false))
            default:
                var word = ""
                while index < scalars.count, scalars[index] != " ", scalars[index] != "(", scalars[index] != ")", scalars[index] != "\"" {
                    word.unicodeScalars.append(scalars[index])
                    index += 1
                }
                switch word {
                case "AND": tokens.append(.and)
                case "OR": tokens.append(.or)
                case "NOT": tokens.append(.not)
                default: break
                }
            }
        }
        return tokens
    }
}
