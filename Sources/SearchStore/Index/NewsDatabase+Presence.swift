import Foundation
import GRDB
import Pipeline
import TextModel

/// What ``NewsDatabase/checkPresentWords(documents:wordsPerDocument:phrasesPerDocument:seed:)`` found: how many words
/// and exact phrases copied from stored documents were searched, and those whose document the search did not match.
public struct PresenceReport: Sendable {
    /// One word or phrase that a search for it did not match in the document it was copied from.
    public struct Miss: Sendable, Equatable, CustomStringConvertible {
        /// The stored document the text was copied from.
        public var documentID: Int64
        /// The query text: the word as written, or the phrase in double quotes.
        public var query: String
        /// The query and its document, for a report line.
        public var description: String { "\(query) (document \(documentID))" }
    }

    /// Documents the words and phrases were sampled from.
    public var documents = 0
    /// Words searched.
    public var words = 0
    /// Exact phrases (three or four words) searched.
    public var phrases = 0
    /// Words whose document was not matched.
    public var missedWords: [Miss] = []
    /// Phrases whose document was not matched.
    public var missedPhrases: [Miss] = []

    /// Share of the words found, in percent (100 when none were searched).
    public var wordsFoundPercent: Double { words == 0 ? 100 : 100 * Double(words - missedWords.count) / Double(words) }
    /// Share of the phrases found, in percent (100 when none were searched).
    public var phrasesFoundPercent: Double { phrases == 0 ? 100 : 100 * Double(phrases - missedPhrases.count) / Double(phrases) }
}

extension NewsDatabase {
    /// Copies words and exact phrases of three or four words out of stored documents, as a reader would paste them into
    /// the search box, and checks that the query for each matches the document it came from (through ``QueryParser`` and
    /// the index, restricted to that document: near-duplicate folding and ranking do not hide a match).
    ///
    /// Issue 17 asks that every word and phrase present in a document be found; this is its measure. `documents` are
    /// spread evenly over the stored ids (all of them when there are fewer); from each, `wordsPerDocument` words and
    /// `phrasesPerDocument` phrases are drawn with `seed` (every one when nil). A phrase is a run of words and numbers
    /// separated only by spaces (no punctuation: what a reader would select inside one clause). Tokens that span a space
    /// (the tokenizer reads "90- шы" as one word) are left out: no query can type them as one word.
    public func checkPresentWords(documents: Int, wordsPerDocument: Int?, phrasesPerDocument: Int?, seed: UInt64 = 17) throws -> PresenceReport {
        let ids = try writer.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM document ORDER BY id") }
        let step = max(1, ids.count / max(documents, 1))
        let sampled = stride(from: 0, to: ids.count, by: step).prefix(max(documents, 0)).map { ids[$0] }
        var random = seed &+ 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            // SplitMix64: a fixed sequence for a given seed, so a run can be repeated.
            random = random &+ 0x9E37_79B9_7F4A_7C15
            var z = random
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        func draw<T>(_ items: [T], _ count: Int?) -> [T] {
            guard let count, count < items.count else { return items }
            var pool = items
            var chosen: [T] = []
            for _ in 0..<count { chosen.append(pool.remove(at: next(pool.count))) }
            return chosen
        }
        let parser = QueryParser()
        var report = PresenceReport()
        for id in sampled {
            let stored = try writer.read { db in try DatabaseValue.fetchOne(db, sql: "SELECT text FROM document WHERE id = ?", arguments: [id]) }
            guard let stored else { continue }
            let text = try StoredText.text(stored, documentID: id)
            let scalars = Array(text.unicodeScalars)
            let tokens = termAnalyzer.tokenPipeline.analyze(id: "", text: text).tokens
            func slice(_ start: Int, _ end: Int) -> String {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[start..<end])
                return String(view)
            }
            func isWord(_ token: Token) -> Bool {
                switch token.kind {
                case .punctuation, .symbol: false
                // A token spanning a space ("90- шы", read as one word by the tokenizer) cannot be typed as one word.
                default: token.end - token.start <= IndexTermAnalyzer.maximumWordLength
                    && !scalars[token.start..<token.end].contains(where: \.properties.isWhitespace)
                }
            }
            func isPhraseWord(_ token: Token) -> Bool {
                (token.kind == .word || token.kind == .number) && isWord(token)
            }
            let words = tokens.filter(isWord).map { slice($0.start, $0.end) }
            var phrases: [String] = []
            for start in tokens.indices where isPhraseWord(tokens[start]) {
                for length in 3...4 where start + length <= tokens.count {
                    let run = tokens[start..<(start + length)]
                    guard run.allSatisfy(isPhraseWord),
                          zip(run.dropLast(), run.dropFirst()).allSatisfy({ pair in
                              pair.0.end < pair.1.start && scalars[pair.0.end..<pair.1.start].allSatisfy { $0 == " " }
                          })
                    else { continue }
                    phrases.append("\"" + slice(run.first!.start, run.last!.end) + "\"")
                }
            }
            report.documents += 1
            for (queries, isPhrase) in [(draw(words, wordsPerDocument), false), (draw(phrases, phrasesPerDocument), true)] {
                for query in queries {
                    if isPhrase { report.phrases += 1 } else { report.words += 1 }
                    let expression = parser.parse(query).expression
                    let found = try expression.map { expression in
                        try writer.read { db in
                            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM document_fts WHERE document_fts MATCH ? AND rowid = ?)",
                                              arguments: [expression, id]) ?? false
                        }
                    } ?? false
                    if !found {
                        let miss = PresenceReport.Miss(documentID: id, query: query)
                        if isPhrase { report.missedPhrases.append(miss) } else { report.missedWords.append(miss) }
                    }
                }
            }
        }
        return report
    }
}
