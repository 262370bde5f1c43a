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

/// The endings built on the possessive, the letter classes and the small word sets, each from one table, give the
/// lists the analysis code used to type inline.
@Suite struct DerivedListTests {
    @Test func possessiveFormsComeFromTheSuffixTable() {
        #expect(CaseEndings.possessives.map(\.ending) == ["ы", "і", "сы", "сі"])
        let cases: Set<CaseEndings.GrammaticalCase> = [.genitive, .dative, .accusative, .locative]
        #expect(Set(CaseEndings.possessedForms(of: cases, afterVowel: false)) == ["ының", "інің", "ында", "інде", "ына", "іне", "ын", "ін"])
        #expect(Set(CaseEndings.possessedForms(of: cases, afterVowel: true))
            == ["сының", "сінің", "сында", "сінде", "сына", "сіне", "сын", "сін"])
        #expect(CaseEndings.possessedForms(of: [.genitive], afterVowel: true) == ["сының", "сінің"])
        #expect(CaseEndings.possessedForms(of: [.accusative], afterVowel: false) == ["ын", "ін"])
        #expect(CaseEndings.endingsAfterPersonalPossessive(of: [.dative]) == ["а", "е"])
        #expect(CaseEndings.endingsAfterPersonalPossessive(of: CaseEndings.allCases) == ["а", "е"])
        #expect(CaseEndings.endingsAfterConsonant(of: [.accusative]) == ["ды", "ді", "ты", "ті"])
    }

    @Test func derivationAndSuffixRowsByName() {
        #expect(MorphologyTables.derivationForms(of: ["NOUN_LYK", "ADJ_GY"]) == ["лық", "лік", "дық", "дік", "тық", "тік", "ғы", "гі", "қы", "кі"])
        #expect(MorphologyTables.suffixForms(of: ["PARTPAST", "PARTIMP"]) == ["ған", "ген", "қан", "кен", "атын", "етін", "йтын", "йтін"])
    }

    @Test func lettersHaveOneClassAndHarmony() {
        #expect(Set(Letters.letters(with: [.back])) == ["а", "о", "ұ", "ы"])
        #expect(Set(Letters.letters(with: [.front])) == ["ә", "е", "ө", "ү", "і", "э"])
        #expect(Set(Letters.letters(with: Set(Letters.Harmony.allCases)))
            == ["а", "о", "ұ", "ы", "ә", "е", "ө", "ү", "і", "э", "и", "у", "ю", "я", "ё"])
        #expect(Set(Letters.table.filter { $0.soundClass == .vowel }.map(\.scalar))
            == ["а", "ә", "е", "о", "ө", "ұ", "ү", "ы", "і", "э", "ю", "я", "ё"])
        #expect(Set(Letters.table.filter { $0.soundClass == .voiceless }.map(\.scalar))
            == ["п", "т", "к", "қ", "с", "ш", "ф", "х", "һ", "ц", "ч", "щ", "б", "в", "г", "ғ", "д"])
        #expect(Letters.table.compactMap { $0.voiced.map { [$0, $0] } }.count == 3)
        #expect(Letters.harmony(ofSuffix: "нде") == .front && Letters.harmony(ofSuffix: "н") == nil)
    }

    @Test func wordSets() {
        #expect(FactLexicon.conjunctions([.and, .andNouns]) == ["және", "мен", "бен", "пен"])
        #expect(FactLexicon.conjunctions([.andNouns]) == ["мен", "бен", "пен"])
        #expect(FactLexicon.conjunctions(Set(FactLexicon.ConjunctionKind.allCases)) == ["және", "мен", "бен", "пен", "не", "немесе"])
        #expect(Set(FactLexicon.eventWords.filter { $0.kind == "connective" }.map { $0.words.joined(separator: " ") })
            == ["сондай-ақ", "және", "ал", "мен", "мысалы", "сонымен", "қатар", "бұдан", "өзге"])
        #expect(FactLexicon.placeNouns == ["қала", "облыс", "аудан", "ауыл", "елді"])
        #expect(FactLexicon.speechReportWords == ["деп", "деді", "айтты", "сөзінде", "атап"])
        #expect(FactLexicon.yearLookalikes == ["жылдық", "жылдығ", "жылдар", "жылжы", "жылу", "жылқы", "жылт", "жылым"])
    }
}
