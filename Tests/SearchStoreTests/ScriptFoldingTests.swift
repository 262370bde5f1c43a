import NewsSources
import Testing
@testable import SearchStore

@Suite struct ScriptFoldingTests {
    @Test func foldsKazakhLatinAndKeepsEnglish() {
        #expect(ScriptFolding.cyrillic("Almatyda") == "алматыда")
        #expect(ScriptFolding.cyrillic("Aлматы") == "алматы")  // Latin A: homoglyph repair
        #expect(ScriptFolding.cyrillic("Алматы") == nil)
        #expect(ScriptFolding.cyrillic("Council") == "council")
        #expect(ScriptFolding.cyrillic("almaty.tv") == "almaty.tv")
        #expect(ScriptFolding.queryVariants("Kazakstan").contains("қазақстан"))
    }

    @Test func latin2017And2018QueriesFindCyrillicDocuments() throws {
        let db = try NewsDatabase.inMemory()
        try db.ingest([
            SourceDocument(text: "Қазақстандағы ғылым жаңа деңгейге көтерілді.", origin: "kk"),
            SourceDocument(text: "Делегация Астанаға барды.", origin: "other"),
        ])
        for query in ["Qazaqstandaǵy ǵylym", "Qazaqstandag'y g'ylym", "Qazaqstandağy ğylym"] {
            #expect(try db.search(SearchQuery(query)).total == 1, "\(query)")
        }
    }

    @Test func cyrillicQueriesFindLatinAndArabicDocumentsAndBack() throws {
        let db = try NewsDatabase.inMemory()
        try db.ingest([
            SourceDocument(text: "Mañğystau oblysynda jaña mektep salyndy.", origin: "latin"),
            SourceDocument(text: "\u{674}ۇلكەن كٸتاپحانا اشىلدى, قوستاناي قالاسىندا.", origin: "arabic"),
            SourceDocument(text: "Қостанай қаласында жаңа саябақ ашылды.", origin: "cyrillic"),
        ])
        #expect(try db.search(SearchQuery("Маңғыстау")).total == 1)
        #expect(try db.search(SearchQuery("мектеп")).total == 1)
        #expect(try db.search(SearchQuery("Қостанай")).total == 2)
        #expect(try db.search(SearchQuery("Qostanai")).total == 2)
        #expect(try db.search(SearchQuery("ашылды")).total == 2)
    }
}
