import Foundation

/// Interface strings in Kazakh (the default) and English, loaded from `Resources/strings.tsv`.
struct Localization: Sendable {
    /// Interface languages of the web page.
    enum Language: String, Sendable, CaseIterable {
        case kk, en
    }

    private let table: [Language: [String: String]]

    init(tsv: String) {
        var table: [Language: [String: String]] = [.kk: [:], .en: [:]]
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3 else { continue }
            table[.kk]![fields[0]] = fields[1]
            table[.en]![fields[0]] = fields[2]
        }
        self.table = table
    }

    /// All strings of one language, as a dictionary for templates (`{{t.navSearch}}`).
    func strings(_ language: Language) -> [String: String] { table[language] ?? [:] }

    /// One string; falls back to Kazakh, then to the key, so a missing translation never breaks a page.
    func string(_ key: String, _ language: Language) -> String {
        table[language]?[key] ?? table[.kk]?[key] ?? key
    }

    /// Every key, for the test that checks both languages are complete.
    func keys(_ language: Language) -> Set<String> { Set(table[language].map { Array($0.keys) } ?? []) }
}
