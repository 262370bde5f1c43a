/// Possessive endings stripped from names for their search index key, loaded from
/// `Resources/search-stem-endings.tsv` (the case endings come from ``NameCaseSuffixes``).
public enum SearchStemEndings {
    /// Every ending, lower case, as Unicode scalars, longest first (so the longest match wins).
    public static let possessive: [[Unicode.Scalar]] = DataFile.requiredRows("search-stem-endings.tsv")
        .compactMap { $0.first.flatMap { $0.isEmpty ? nil : Array($0.unicodeScalars) } }
        .sorted { $0.count > $1.count }
}
