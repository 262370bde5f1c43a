/// Kazakh number words, loaded from `Resources/number-words.tsv`.
public enum NumberWords {
    /// Lower-case cardinal stem → value ("елу" → 50).
    public static let values: [String: Double] = {
        var table: [String: Double] = [:]
        for row in DataFile.requiredRows("number-words.tsv") where row.count >= 2 {
            if let value = Double(row[1]) { table[row[0]] = value }
        }
        return table
    }()

    /// Endings that turn a cardinal into an ordinal ("бесінші", "жетінші", "2015-інші").
    public static let ordinalEndings = ["ыншы", "інші", "ншы", "нші"]
}
