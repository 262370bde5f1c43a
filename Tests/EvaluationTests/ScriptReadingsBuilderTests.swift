import Analysis
import Evaluation
import Testing

@Suite struct ScriptReadingsBuilderTests {
    /// Sentences written for this test: a person and a town inside sentences, common words, one word the Arabic
    /// rules misread ("шекара": к makes the rules read its а as ә).
    static let sentences: [[String]] = [
        ["Бүгін", "Ерболат", "Досаев", "Алматыда", "шекара", "туралы", "айтты", "."],
        ["Кеше", "Ерболат", "Досаев", "шекара", "бекетін", "аралады", "."],
        ["Ерболат", "бүгін", "келді", "."],
        ["Алматыда", "білім", "форумы", "өтті", "."],
        ["Жиында", "білім", "туралы", "айтылды", "."],
    ]

    static func rows() -> [String: [String]] {
        Dictionary(ScriptReadingsBuilder.build(sentences: sentences).map { ($0.form, $0.scripts) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func properNounsKeepTheirCapitalForTheArabicScript() {
        let rows = Self.rows()
        // Capitalised inside sentences → written capitalised, read from the table in Arabic script (no capitals there).
        #expect(rows["Ерболат"]?.contains("arab") == true)
        #expect(rows["Досаев"]?.contains("arab") == true)
        #expect(rows["Алматыда"]?.contains("arab") == true)
        // A sentence's first word is not evidence of a proper noun.
        #expect(rows["Бүгін"] == nil)
        #expect(rows["бүгін"] == ["digraph"])
    }

    @Test func onlyWordsTheRulesMisreadGetARow() {
        let rows = Self.rows()
        #expect(Transliterator.arabicRuleReading(Transliterator.toArabic("шекара")) != "шекара")
        #expect(rows["шекара"]?.contains("arab") == true)
        // "білім": the hamza convention reads it back exactly, so no Arabic row; its digraph spelling "bilim" loses
        // the і marks, so the digraph reading needs the table.
        #expect(Transliterator.arabicRuleReading(Transliterator.toArabic("білім")) == "білім")
        #expect(rows["білім"] == ["digraph"])
        // "туралы" is read back by both rule sets.
        #expect(rows["туралы"] == nil)
    }

    @Test func theTableIsDeterministicAndNamesItsCommand() {
        let first = ScriptReadingsBuilder.build(sentences: Self.sentences)
        let second = ScriptReadingsBuilder.build(sentences: Self.sentences)
        #expect(first.map(\.form) == second.map(\.form))
        let text = ScriptReadingsBuilder.table(first, sources: ["test sentences"], command: "tilshi train readings")
        #expect(text.contains("Generated, do not edit: tilshi train readings"))
        #expect(text.contains("\nЕрболат\t3\tarab"))
    }
}
