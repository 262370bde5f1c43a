package import NewsSources

/// Short articles written for the collection-names tests of both backends (SQLite's `CollectionNamesTests`,
/// PostgreSQL's `CollectionNamesParityTests`): one city in two spellings (a dateline in capitals), a banker and the
/// President, an unrelated article, and a mayor named in full in one article and by his bare surname in another. Each has its own date so ingest order and dates can be told apart.
package enum NameTestArticles {
    package static func article(_ id: String, _ text: String) -> SourceDocument {
        SourceDocument(externalID: id, title: nil, text: text, source: "Test", published: "2025-10-0\(id.count)", origin: "names#\(id)")
    }

    package static let capitals = article("caps", "АСТАНА. Бүгін АСТАНА қаласында жаңа мектеп ашылды. Мектепке мыңнан астам оқушы барады.")
    package static let titled = article("title", "Астана қаласында халықаралық көрме өтті. Көрмеге Астана тұрғындары көп келді.")
    package static let titledAgain = article("again", "Кеше Астана әуежайында жаңа терминал жұмысын бастады.")
    package static let banker = article("bank", "Ұлттық Банк төрағасы Ерболат Досаев базалық мөлшерлемені өзгертпеді. Досаевтың айтуынша, инфляция баяулап келеді.")
    package static let president = article("president", "Президент Қасым-Жомарт Тоқаев Үкімет отырысын өткізді. Тоқаев министрлерге тапсырма берді.")
    package static let other = article("other", "Шымкентте жаңа саябақ ашылды. Саябаққа мыңдаған ағаш отырғызылды.")
    /// A mayor named in full, and another article naming him by his bare surname, which has no surname ending.
    package static let mayor = article("mayor", "Алматы қаласының әкімі Бауыржан Байбек жаңа саябақты аралады. Байбек тұрғындармен сөйлесті.")
    package static let loneSurname = article("lone", "Кеше Байбек метро бекетін ашты. Жаңа бекетке мыңдаған адам келді.")
}
