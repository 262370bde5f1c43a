/// Well-known names with their KazNERD class, loaded from `Resources/ner-gazetteer.tsv`.
public enum EntityGazetteer {
    /// One gazetteer entry: the lower-cased words of the name and its class.
    public struct Entry: Sendable, Equatable {
        /// The name's words, lower-cased (`["нұр", "сұлтан"]`).
        public let words: [String]
        /// The name's KazNERD class (`GPE`, `PERSON`, …).
        public let label: String
        /// The name as the list writes it ("Астана", "Kazinform", "ЮНЕСКО"): its normal capitalisation.
        public let name: String
    }

    /// Every entry of the bundled list.
    public static let entries: [Entry] = DataFile.requiredRows("ner-gazetteer.tsv").compactMap { row in
        guard row.count >= 2 else { return nil }
        let words = row[0].lowercased().split(separator: " ").map(String.init)
        return words.isEmpty ? nil : Entry(words: words, label: row[1], name: row[0])
    }

    /// Entries by their lower-cased name (words joined by one space); the first entry wins.
    public static let byName: [String: Entry] = Dictionary(
        entries.map { ($0.words.joined(separator: " "), $0) }, uniquingKeysWith: { first, _ in first })
}

/// Head nouns that end multi-word names of organisations, facilities, events, laws and projects
/// ("… университеті", "… даңғылы", "… форумы"), loaded from `Resources/entity-heads.tsv`.
public enum EntityHeadNouns {
    /// (stem, class) pairs, longest stem first, so the first stem a word starts with is its longest match.
    public static let stems: [(stem: String, label: String)] = DataFile.requiredRows("entity-heads.tsv")
        .compactMap { $0.count >= 2 ? ($0[0].lowercased(), $0[1]) : nil }
        .sorted { ($1.stem.count, $0.stem, $0.label) < ($0.stem.count, $1.stem, $1.label) }

    /// The class of the longest listed stem that the lower-cased `word` starts with, or nil.
    public static func label(of word: String) -> String? {
        stems.first { word.hasPrefix($0.stem) }?.label
    }
}
