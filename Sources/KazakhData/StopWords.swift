/// Stop-word lists for language identification, from `Resources/stopwords-{kk,ru,en,latin-other}.txt`.
public enum StopWords {
    /// Kazakh function words (Cyrillic, lower case).
    public static let kazakh: Set<String> = load("stopwords-kk.txt")
    /// Russian function words (lower case).
    public static let russian: Set<String> = load("stopwords-ru.txt")
    /// English function words (lower case).
    public static let english: Set<String> = load("stopwords-en.txt")
    /// Turkish and Uzbek function words (Latin script, lower case): votes against Latin-script Kazakh.
    public static let otherLatin: Set<String> = load("stopwords-latin-other.txt")

    static func load(_ name: String) -> Set<String> {
        Set(DataFile.requiredRows(name).compactMap { $0.first?.lowercased() }.filter { !$0.isEmpty })
    }
}
