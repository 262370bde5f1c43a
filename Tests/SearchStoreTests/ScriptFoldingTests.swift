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
}
