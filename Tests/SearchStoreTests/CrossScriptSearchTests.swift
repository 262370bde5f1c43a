import NewsSources
import Testing
@testable import SearchStore

/// Issue 16, item 5: a query in one script finds documents written in every other (the 2021, 2018 and 2017 Latin
/// alphabets, a digraph scheme, Arabic script), and the snippet highlights the match in the document's own script.
@Suite struct CrossScriptSearchTests {
    static func article(_ id: String, _ text: String) -> SourceDocument {
        SourceDocument(externalID: id, title: nil, text: text, source: "Test", published: "2025-09-01", origin: "scripts#\(id)")
    }

    /// One piece of news written for this test in each script and scheme (the same words, so each query has a known
    /// answer), the match placed after a long first sentence so that the snippet window has to find it.
    static let lead = "Oblys ákimdigi bıyl da kóptegen jobalar júzege asatynyn habarlady, bul jobalardyń bári halyq úshin mańyzdy. "
    static let articles = [
        article("cyrl", "Маңғыстау облысында жаңа аурухана ашылды. Мектеп пен аурухана бір көшеде орналасқан."),
        article("2021", "Mañğystau oblysynda jaña auruhana aşyldy. Auruhana qalanyñ ortasynda ornalasqan."),
        article("2018", lead + "Mańǵystaý oblysynda jańa aýrýhana ashyldy. Aýrýhana qalanyń ortasynda ornalasqan."),
        article("2017", "Man'g'ystay' oblysynda jan'a ay'ry'hana as'yldy. Ay'ry'hana qalanyn' ortasynda ornalasqan."),
        article("digraph", "Shymkent qalasynda jana mektep ashyldy. Mektep qalanyng shetinde ornalasqan."),
        article("arab", "قوستاناي قالاسىندا جاڭا مەكتەپ اشىلدى. مەكتەپ قالانىڭ ورتاسىندا ورنالاسقان."),
        article("other", "Қостанай облысында егін жинау аяқталды."),
    ]

    @Test func aQueryInOneScriptFindsDocumentsInEveryOther() throws {
        let db = try NewsDatabase.inMemory()
        let ids = try db.ingest(Self.articles).added
        #expect(ids.count == Self.articles.count)
        let id = Dictionary(uniqueKeysWithValues: zip(Self.articles.map { $0.externalID! }, ids))
        func found(_ query: String) throws -> Set<String> {
            let hits = Set(try db.search(SearchQuery(query, includeDuplicates: true, limit: 50)).hits.map(\.id))
            return Set(id.filter { hits.contains($0.value) }.keys)
        }
        // Cyrillic → every Latin scheme
        #expect(try found("Маңғыстау") == ["cyrl", "2021", "2018", "2017"])
        #expect(try found("аурухана") == ["cyrl", "2021", "2018", "2017"])
        // Each Latin scheme → Cyrillic and the other schemes
        for query in ["Mañğystau", "Mańǵystaý", "Man'g'ystay'"] {
            #expect(try found(query) == ["cyrl", "2021", "2018", "2017"], "\(query)")
        }
        // The digraph scheme's words, and Arabic script both ways
        #expect(try found("Шымкент") == ["digraph"])
        #expect(try found("мектеп") == ["cyrl", "digraph", "arab"])
        #expect(try found("مەكتەپ") == ["cyrl", "digraph", "arab"])
        #expect(try found("Қостанай") == ["arab", "other"])
        #expect(try found("قوستاناي") == ["arab", "other"])
        #expect(try found("ашылды").isSuperset(of: ["cyrl", "2021", "2018", "2017", "digraph", "arab"]))
    }

    @Test func snippetsHighlightTheMatchInTheDocumentsOwnScript() throws {
        let db = try NewsDatabase.inMemory()
        let ids = try db.ingest(Self.articles).added
        let id = Dictionary(uniqueKeysWithValues: zip(Self.articles.map { $0.externalID! }, ids))
        func highlighted(_ query: String, in source: String) throws -> [String] {
            let hits = try db.search(SearchQuery(query, includeDuplicates: true, limit: 50)).hits
            let hit = try #require(hits.first { $0.id == id[source] }, "\(query) did not find \(source)")
            let snippet = try #require(hit.snippet)
            let scalars = Array(snippet.text.unicodeScalars)
            return snippet.highlights.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
        }
        // A Cyrillic query marks the Latin and Arabic spellings themselves, even past the first window of the text
        #expect(try highlighted("аурухана", in: "2018") == ["aýrýhana", "Aýrýhana"])
        #expect(try highlighted("аурухана", in: "2017") == ["ay'ry'hana", "Ay'ry'hana"])
        #expect(try highlighted("мектеп", in: "arab") == ["مەكتەپ", "مەكتەپ"])
        // And a Latin query marks the Cyrillic word
        #expect(try highlighted("Mañğystau", in: "cyrl") == ["Маңғыстау"])
    }
}
