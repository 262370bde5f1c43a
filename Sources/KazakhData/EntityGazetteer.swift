/// Well-known names with their KazNERD class, loaded from `Resources/ner-gazetteer.tsv`.
public enum EntityGazetteer {
    /// One gazetteer entry: the lower-cased words of the name and its class.
    public struct Entry: Sendable, Equatable {
        public let words: [String]
        public let label: String
    }

    /// Every entry of the bundled list.
    public static let entries: [Entry] = DataFile.requiredRows("ner-gazetteer.tsv").compactMap { row in
        guard row.count >= 2 else { return nil }
        let words = row[0].lowercased().split(separator: " ").map(String.init)
        return words.isEmpty ? nil : Entry(words: words, label: row[1])
    }
}
