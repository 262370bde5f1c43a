/// Word endings that hint at Kazakh or Russian in Cyrillic text, from `Resources/language-endings.tsv`.
public enum LanguageEndings {
    /// Kazakh suffixes (lower case).
    public static let kazakh: [String] = load("kk")
    /// Extra endings of Latin-script Kazakh (2021 alphabet), used with the transliterated ``kazakh`` list.
    public static let kazakhLatin: [String] = load("kk-latn")
    /// Russian inflections that Kazakh words do not end in (lower case).
    public static let russian: [String] = load("ru")

    static func load(_ language: String) -> [String] {
        DataFile.requiredRows("language-endings.tsv").compactMap { row in
            row.count >= 2 && row[0] == language && !row[1].isEmpty ? row[1] : nil
        }
    }
}
