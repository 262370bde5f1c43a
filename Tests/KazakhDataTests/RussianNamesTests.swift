import KazakhData
import Testing

/// The one Russian case-ending helper (the Russian name finder and the collection's query expansion both read it) and
/// the letter folds of `russian-letter-folds.tsv`.
@Suite struct RussianNamesTests {
    @Test func caseFormsGiveTheirNominativeAmongTheCandidates() {
        #expect(RussianNames.nominatives(of: "Досаеву").first == "Досаеву")
        #expect(RussianNames.nominatives(of: "Досаеву").contains("Досаев"))
        #expect(RussianNames.nominatives(of: "Токаева").contains("Токаев"))
        #expect(RussianNames.nominatives(of: "Москве").contains("Москва"))
        #expect(RussianNames.nominatives(of: "России").contains("Россия"))
        #expect(RussianNames.nominatives(of: "Национального").contains("Национальный"))
        // Three letters must stay before an ending: a short word is only itself.
        #expect(RussianNames.nominatives(of: "Ане") == ["Ане"])
        #expect(RussianNames.nominative(of: "Досаеву", by: (ending: "у", replacement: "")) == "Досаев")
        #expect(RussianNames.nominative(of: "Досаев", by: (ending: "у", replacement: "")) == nil)
    }

    @Test func kazakhLettersFoldToTheirRussianLookAlikes() {
        #expect(RussianNames.folded("Тоқаев") == RussianNames.folded("Токаев"))
        #expect(RussianNames.folded("ҚАРАҒАНДЫ") == "караганды")
        #expect(RussianNames.folded("Өскемен Ёлка") == "оскемен елка")
        #expect(RussianNames.hasKazakhOnlyLetter("Тоқаев") && RussianNames.hasKazakhOnlyLetter("ӨСКЕМЕН"))
        #expect(!RussianNames.hasKazakhOnlyLetter("Токаева") && !RussianNames.hasKazakhOnlyLetter("Ёлкин"))
    }
}
