import Foundation
import NewsSources
import Testing
@testable import SearchStore

/// Issue 17, item 9: every word and every exact phrase present in a stored document is found by a query for it.
@Suite struct PresentWordsTests {
    static func article(_ id: String, _ text: String, title: String? = nil) -> SourceDocument {
        SourceDocument(externalID: id, title: title, text: text, source: "Test", published: "2025-11-20", origin: "present#\(id)")
    }

    /// Short news texts written for this test, with the cases that used to miss: common words read as names in context
    /// ("Банктің" at a sentence start, "Соты"), in-context lemmas the query analysis does not give ("жауғаннан"), outlet
    /// domains, numbers with separators, times and dates, a Latin initial.
    static let articles = [
        article("snow", """
            Қалада қоқыс алғашқы қар жауғаннан кейін жиналмай қалды. Тұрғындар әкімдікке шағымданды, деп хабарлайды Zakon.kz.
            Коммуналдық қызмет 18:30-ға дейін 2,5 мың тонна қоқыс шығаратынын айтты.
            """),
        article("bank", """
            Банктің басқарма төрағасы 15.09.2024 жылы жаңа несие бағдарламасын таныстырды. Банктің клиенттері қуанышты.
            Соты ісін қарауды келесі аптаға қалдырды. Аудандық соты шешім шығарды.
            """),
        article("court", """
            Жоғарғы Соты бұл іс бойынша үкім шығарды. BAQ.KZ тілшісі сот отырысына қатысты.
            Kúni keshe Almatyda úlken jıyn ótti, dep habarlaıdy Kazinform.kz.
            Жиынға шетелдік сарапшы U. Weber де қатысты.
            """),
        article("rain", """
            Кеше жаңбыр жауды. Жаңбыр жауғаннан соң жол тайғақ болды. Жүргізушілер абай болыңыздар, деді полиция өкілі.
            Ақтөбе облысының әкімі Асқар Шахаров ауылдарды аралады. Ол фермерлермен кездесті.
            """),
    ]

    @Test func everyWordAndPhraseOfTheCollectionIsFound() throws {
        let db = try NewsDatabase.inMemory()
        try db.ingest(Self.articles + Seeds.documents())
        // Every word and every phrase of the written texts, and a sample of the seeds'.
        let report = try db.checkPresentWords(documents: 100, wordsPerDocument: 120, phrasesPerDocument: 80)
        #expect(report.documents == Self.articles.count + 5)
        #expect(report.words > 600)
        #expect(report.phrases > 300)
        #expect(report.missedWords.isEmpty, "words not found: \(report.missedWords)")
        #expect(report.missedPhrases.isEmpty, "phrases not found: \(report.missedPhrases)")
    }

    @Test func inContextLemmaAndNameReadingsDoNotHideTheWord() throws {
        let db = try NewsDatabase.inMemory()
        let ids = try db.ingest(Self.articles).added
        func found(_ query: String) throws -> Set<Int64> {
            Set(try db.search(SearchQuery(query, includeDuplicates: true, limit: 50)).hits.map(\.id))
        }
        // The phrase copied from the article matches it, though its in-context lemma of "жауғаннан" is not the query's
        #expect(try found("\"қоқыс алғашқы қар жауғаннан\"") == [ids[0]])
        #expect(try found("жауғаннан") == [ids[0], ids[3]])
        // Words read as names or adjectives in context are found by the plain word
        #expect(try found("банктің").contains(ids[1]))
        #expect(try found("соты").isSuperset(of: [ids[1], ids[2]]))
        // Outlet domains, numbers with separators, times and dates
        #expect(try found("Zakon.kz") == [ids[0]])
        #expect(try found("BAQ.KZ") == [ids[2]])
        #expect(try found("2,5") == [ids[0]])
        #expect(try found("15.09.2024") == [ids[1]])
        // A Latin initial, typed with or without its dot
        #expect(try found("U.") == [ids[2]])
        #expect(try found("\"U. Weber\"") == [ids[2]])
        // A word absent from every document still finds nothing
        #expect(try found("жауынгер").isEmpty)
    }

    @Test func theLexerKeepsSeparatorsInsideWords() {
        let parser = QueryParser()
        #expect(parser.parse("Zakon.kz").positiveWords.contains("zakon.kz"))
        #expect(parser.parse("2,5 тонна").expression?.contains("\"2,5\"") == true)
        #expect(parser.parse("18:30").expression?.contains("\"18:30\"") == true)
        // A comma between words still separates them, and a trailing dot is not part of the word
        #expect(parser.parse("Алматы,Астана").expression?.contains(" AND ") == true)
        #expect(parser.parse("Алматы.").positiveWords.first == "Алматы")
    }
}
