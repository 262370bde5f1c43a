/// Latin/Cyrillic look-alike letter pairs, loaded from `Resources/homoglyphs.tsv`.
public enum Homoglyphs {
    /// One look-alike pair; the normaliser uses it in both directions.
    public struct Pair: Sendable, Equatable {
        /// The Latin letter (`K`).
        public let latin: Unicode.Scalar
        /// Its Cyrillic look-alike (`К`).
        public let cyrillic: Unicode.Scalar
    }

    /// Every pair in the table, in file order.
    public static let pairs: [Pair] = DataFile.requiredRows("homoglyphs.tsv").compactMap { row in
        guard row.count >= 2, let latin = row[0].unicodeScalars.first, let cyrillic = row[1].unicodeScalars.first,
              row[0].unicodeScalars.count == 1, row[1].unicodeScalars.count == 1
        else { return nil }
        return Pair(latin: latin, cyrillic: cyrillic)
    }
}
