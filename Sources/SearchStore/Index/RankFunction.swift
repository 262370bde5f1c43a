import Foundation
import GRDB
import GRDBSQLite

/// `tilshi_rank(document_fts, titleWeight, textWeight, documents…)`: FTS5's BM25 with the number of
/// documents holding each phrase passed in by the caller, registered on every connection.
///
/// FTS5's own `bm25()` starts every statement by counting the documents of each phrase: a walk through every
/// match of every phrase, so a word found in 88,000 of 100,000 articles cost a full pass even when only its
/// newest 1,000 matches are ranked. The caller knows those frequencies already (``NewsDatabase`` reads them
/// from the index's vocabulary), so this function scores only the rows it is called on. The score is the
/// same formula as FTS5's bm25 (k1 = 1.2, b = 0.75, column weights, length normalised over all columns),
/// positive (higher is better). A phrase whose count is missing or negative weighs 1.
enum RankFunction {
    static let name = "tilshi_rank"
    static let k1 = 1.2
    static let b = 0.75

    /// Registers the function on `db` (called by ``NewsDatabase/makeConfiguration(_:)``).
    static func register(_ db: Database) {
        let api = FTS5.api(db)
        _ = api.pointee.xCreateFunction?(UnsafeMutablePointer(mutating: api), name, nil, function, nil)
    }

    /// The BM25 inverse document frequency FTS5 uses: never below a tiny positive value, so a word in every
    /// document still counts a little.
    static func idf(documents: Int, rows: Int) -> Double {
        let value = log((Double(rows) - Double(documents) + 0.5) / (Double(documents) + 0.5))
        return value <= 0 ? 1e-6 : value
    }

    private static let function: fts5_extension_function = { api, fts, context, count, values in
        guard let api = api?.pointee, let fts, let context else { return }
        func argument(_ index: Int) -> Double? {
            guard Int(count) > index, let values, let value = values[index] else { return nil }
            return sqlite3_value_double(value)
        }
        let columns = Int(api.xColumnCount?(fts) ?? 0)
        let phrases = Int(api.xPhraseCount?(fts) ?? 0)
        guard columns > 0, phrases > 0 else {
            sqlite3_result_double(context, 0)
            return
        }
        // Term frequency of each phrase in this row, weighted by column.
        var frequencies = [Double](repeating: 0, count: phrases)
        var instances: Int32 = 0
        guard api.xInstCount?(fts, &instances) == SQLITE_OK else {
            sqlite3_result_error(context, "tilshi_rank: unreadable row", -1)
            return
        }
        for index in 0..<instances {
            var phrase: Int32 = 0
            var column: Int32 = 0
            var offset: Int32 = 0
            guard api.xInst?(fts, index, &phrase, &column, &offset) == SQLITE_OK else { continue }
            guard Int(phrase) < phrases, Int(column) < columns else { continue }
            frequencies[Int(phrase)] += argument(Int(column)) ?? 1
        }
        // Document length against the average (the totals are cached by FTS5 for the statement).
        var rows: Int64 = 0
        var totalTokens: Int64 = 0
        var length: Int32 = 0
        _ = api.xRowCount?(fts, &rows)
        _ = api.xColumnTotalSize?(fts, -1, &totalTokens)
        _ = api.xColumnSize?(fts, -1, &length)
        let average = rows > 0 && totalTokens > 0 ? Double(totalTokens) / Double(rows) : 1
        let normalisation = RankFunction.k1 * (1 - RankFunction.b + RankFunction.b * Double(length) / average)
        var score = 0.0
        for phrase in 0..<phrases where frequencies[phrase] > 0 {
            let frequency = frequencies[phrase]
            let weight = argument(columns + phrase).flatMap { $0 >= 0 ? RankFunction.idf(documents: Int($0), rows: Int(rows)) : nil } ?? 1
            score += weight * frequency * (RankFunction.k1 + 1) / (frequency + normalisation)
        }
        sqlite3_result_double(context, score)
    }
}
