import KazakhData
import Testing

@Suite struct TokenizerExceptionsTests {
    @Test func bundledTablesLoad() {
        let tables = TokenizerExceptions.shared
        #expect(tables.abbreviation("Млрд.")?.expansion == "миллиард")
        #expect(tables.abbreviation("млрд.")?.mayEndSentence == false)
        #expect(tables.abbreviation("т.б.")?.mayEndSentence == true)
        #expect(tables.abbreviation("алма.") == nil)
        #expect(tables.multiDotAbbreviations.contains(Array("б.з.б.".unicodeScalars)))
        #expect(!tables.multiDotAbbreviations.contains(Array("ж.".unicodeScalars)))
        #expect(tables.topLevelDomains.isSuperset(of: ["kz", "tv", "com"]))
        #expect(tables.numberSuffixes.isSuperset(of: ["ші", "ға", "тан", "шы", "еуі"]))
        #expect(Set(tables.participleEndings) == ["ған", "ген", "қан", "кен"])
        #expect(tables.analyticAuxiliaries.isSuperset(of: ["емес", "жоқ", "екен", "емеспін"]))
    }

    @Test func longestMultiDotAbbreviationsComeFirst() {
        let lengths = TokenizerExceptions.shared.multiDotAbbreviations.map(\.count)
        #expect(lengths == lengths.sorted(by: >))
    }

    @Test func everyTableNamesItsSource() throws {
        for name in ["abbreviations.tsv", "top-level-domains.txt", "number-suffixes.txt", "analytic-verb-forms.tsv"] {
            let text = try DataFile.text(name)
            #expect(text.hasPrefix("#"), "\(name) has no header")
            #expect(text.contains("Source"), "\(name) names no source")
        }
    }

    @Test func smallHandMadeTables() {
        let tables = TokenizerExceptions(
            abbreviationRows: [["Проф.", "профессор", "mid"], ["т.б.", "тағы басқа", "final"]],
            domainRows: [["KZ"]], suffixRows: [["ші"]], analyticRows: [["participle", "ған"], ["auxiliary", "жоқ"], ["bad"]])
        #expect(tables.abbreviation("проф.")?.expansion == "профессор")
        #expect(tables.topLevelDomains == ["kz"])
        #expect(tables.participleEndings == ["ған"])
        #expect(tables.analyticAuxiliaries == ["жоқ"])
    }
}
