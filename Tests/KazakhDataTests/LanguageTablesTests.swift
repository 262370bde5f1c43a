import KazakhData
import Testing

/// One table per fact: number words, ordinal endings and case endings, each read from one data file.
@Suite struct NumberWordTests {
    @Test func cardinalsHaveTheirValuesAndKinds() {
        #expect(NumberWords.all["жиырма"]?.value == 20)
        #expect(NumberWords.all["жиырма"]?.kind == .ten)
        #expect(NumberWords.all["бес"]?.value == 5)
        #expect(NumberWords.all["бес"]?.takesSuffixes == true)
        #expect(NumberWords.all["он"]?.takesSuffixes == false)
        #expect(NumberWords.all["мың"]?.kind == .scale)
        #expect(NumberWords.all["млрд"]?.value == 1_000_000_000)
        #expect(NumberWords.all["жарым"]?.kind == .half)
    }

    @Test func eachReaderSeesItsPartOfTheOneTable() {
        // The entity tagger's feature: every word but the decimal point бүтін.
        #expect(NumberWords.values["ширек"] == 0.25)
        #expect(NumberWords.values["бүтін"] == nil)
        #expect(NumberWords.values["елу"] == 50)
        // Amounts and dates: every word but the fraction ширек.
        #expect(NumberWords.cardinals["ширек"] == nil)
        #expect(NumberWords.cardinals["бүтін"]?.kind == .point)
        #expect(NumberWords.values.count == NumberWords.all.count - 1)
        #expect(NumberWords.cardinals.count == NumberWords.all.count - 1)
    }
}

@Suite struct OrdinalEndingTests {
    @Test func ordinalWordsSplitIntoANumberAndAnEnding() {
        func ordinal(_ word: String) -> Double? {
            for ending in OrdinalEndings.afterWord where word.hasSuffix(ending) {
                if let value = NumberWords.all[String(word.dropLast(ending.count))]?.value { return value }
            }
            return nil
        }
        #expect(ordinal("бесінші") == 5)
        #expect(ordinal("жетінші") == 7)
        #expect(ordinal("оныншы") == 10)
        #expect(ordinal("жиырмасыншы") == 20)
        #expect(ordinal("бесеу") == nil)
    }

    @Test func endingsByWhatTheyFollow() {
        #expect(NumberWords.ordinalEndings == ["ыншы", "інші", "ншы", "нші"])
        #expect(OrdinalEndings.endings(after: [.digits]) == ["шы", "ші"])
        #expect(OrdinalEndings.afterWord.first?.count == 5)
        #expect(!OrdinalEndings.afterWord.contains("ші"))
        #expect(OrdinalEndings.afterDigits.contains("ші") && OrdinalEndings.afterDigits.contains("інші"))
    }
}

@Suite struct CaseEndingTests {
    @Test func endingsKnowTheirCase() {
        #expect(CaseEndings.longestEnding(of: "алматыға")?.suffix == "ға")
        #expect(CaseEndings.longestEnding(of: "алматыға")?.grammaticalCase == .dative)
        #expect(CaseEndings.longestEnding(of: "алматының")?.grammaticalCase == .genitive)
        #expect(CaseEndings.longestEnding(of: "астанадағы")?.grammaticalCase == .locativeAttributive)
        #expect(CaseEndings.longestEnding(of: "боковамен")?.grammaticalCase == .instrumental)
        #expect(CaseEndings.grammaticalCase(of: "нан") == .ablative)
        #expect(CaseEndings.grammaticalCase(of: "лар") == .plural)
    }

    @Test func casesAsSets() {
        #expect(CaseEndings.endings(of: [.genitive]) == ["ның", "нің", "дың", "дің", "тың", "тің"])
        #expect(CaseEndings.endings(of: [.ablative]) == ["нан", "нен", "дан", "ден", "тан", "тен"])
        #expect(CaseEndings.endings(of: [.dative]) == ["ға", "ге", "қа", "ке"])
        #expect(CaseEndings.endings(of: [.dative], afterPossessive: true) == ["ға", "ге", "қа", "ке", "на", "не"])
        #expect(CaseEndings.oblique.count == 29)
        #expect(!CaseEndings.oblique.contains("нда") && !CaseEndings.oblique.contains("дағы"))
    }

    @Test func factStagesAndNameRulesReadTheSameTable() {
        // The fact stages strip the cases, not the plural or the possessive-only н/на/не.
        #expect(CaseEndings.strippable.count == 37)
        #expect(!CaseEndings.strippableSuffixes.contains("лар") && !CaseEndings.strippableSuffixes.contains("на"))
        #expect(CaseEndings.strippable.first { $0.suffix == "ны" }?.strongOnPersonsAfterVowel == true)
        #expect(CaseEndings.strippable.first { $0.suffix == "да" }?.strong == false)
        let lengths = CaseEndings.strippable.map(\.suffix.count)
        #expect(lengths == lengths.sorted(by: >))
        // Names also lose the plural; "-стан" is protected.
        #expect(NameCaseSuffixes.rules.count == 46)
        #expect(NameCaseSuffixes.rules.contains { String(String.UnicodeScalarView($0.suffix)) == "лар" })
        #expect(NameCaseSuffixes.protectedEndings == [Array("стан".unicodeScalars)])
    }
}
