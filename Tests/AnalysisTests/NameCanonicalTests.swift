import Analysis
import Testing
import TextModel

/// Issue 17, class 4 and 8: canonical names of places, organisations and products. Sentences written for these tests;
/// entities tagged by hand as the NER stage would.
@Suite struct NameCanonicalTests {
    func canonical(_ text: String, _ tags: [(String, String)]) -> [String] {
        Seeds.facts(text, tags: tags).entities.map { "\($0.label.rawValue) \($0.canonical)" }
    }

    @Test func aGazetteerNameEndingLikeACaseIsKept() {
        #expect(canonical("Делегация Өскемен арқылы Алтайға аттанды.", [("Өскемен", "GPE")]) == ["GPE Өскемен"])
    }

    @Test func aLoanStemInSoftSignLosesItsCaseEnding() {
        #expect(canonical("Келіссөз Кремльде өтті, ал матч Брюссельде ойналады.", [("Кремльде", "FACILITY"), ("Брюссельде", "GPE")])
            == ["FACILITY Кремль", "GPE Брюссель"])
    }

    @Test func regionsAndDistrictsKeepTheirHeadNounCitiesDoNot() {
        let found = canonical("Жаңақорған ауданында және Ақтөбе облысының шекарасында жол салынады, ал Орал қаласында көпір жөнделеді.",
                              [("Жаңақорған", "GPE"), ("Ақтөбе", "GPE"), ("Орал", "GPE")])
        #expect(found == ["GPE Жаңақорған ауданы", "GPE Ақтөбе облысы", "GPE Орал"])
    }

    @Test func aLowerCaseHeadNounLosesItsCaseEnding() {
        let found = canonical("Өтінім Еуразиялық даму одаққа және Ұлттық геология институтына жолданды.",
                              [("Еуразиялық даму одаққа", "ORGANISATION"), ("Ұлттық геология институтына", "ORGANISATION")])
        #expect(found == ["ORGANISATION Еуразиялық даму одақ", "ORGANISATION Ұлттық геология институты"])
    }

    /// Issue 17, class 8: "ТЖМ", "ШҚО" are the names the document writes out, not entities of their own.
    @Test func anAcronymTakesTheNameItsLettersBegin() {
        let found = canonical("Төтенше жағдайлар министрлігі ескерту жасады. ТЖМ-ның мәліметінше, Шығыс Қазақстан облысында жол жабылды. ШҚО аумағында бес көпір жөнделеді.",
                              [("Төтенше жағдайлар министрлігі", "ORGANISATION"), ("ТЖМ-ның", "ORGANISATION"), ("Шығыс Қазақстан", "GPE"), ("ШҚО", "ORGANISATION")])
        #expect(found == ["ORGANISATION Төтенше жағдайлар министрлігі", "ORGANISATION Төтенше жағдайлар министрлігі",
                          "GPE Шығыс Қазақстан облысы", "GPE Шығыс Қазақстан облысы"])
        // Conjunctions may be left out of the letters; an acronym no name of the document begins stays as written
        #expect(canonical("Ғылым және жоғары білім министрлігі хабарлады. ҒЖБМ мен ЮНЕСКО келісті.",
                          [("Ғылым және жоғары білім министрлігі", "ORGANISATION"), ("ҒЖБМ", "ORGANISATION"), ("ЮНЕСКО", "ORGANISATION")])
            == ["ORGANISATION Ғылым және жоғары білім министрлігі", "ORGANISATION Ғылым және жоғары білім министрлігі", "ORGANISATION ЮНЕСКО"])
    }

    /// Issue 17, class 3 and 8: the office of a place named inside a role phrase, lower-case words and all, is an
    /// organisation; the place inside it gives no name of its own, and an office named by an adjective is none.
    @Test func theOfficeOfAPlaceInsideARolePhraseIsAnOrganisation() {
        func names(_ text: String, _ tags: [(String, String)]) -> [String] {
            Seeds.facts(text, tags: tags).entities.filter { $0.label != .position }.map { "\($0.label.rawValue) \($0.canonical)" }
        }
        #expect(names("Шымкент қаласы білім басқармасының басшысы Динара Оспанова мектепті аралады.",
                      [("Шымкент қаласы білім басқармасының басшысы", "POSITION"), ("Динара Оспанова", "PERSON")])
            == ["ORGANISATION Шымкент қаласы білім басқармасы", "PERSON Динара Оспанова"])
        #expect(names("Алматы қаласының мәдениет басқармасының басшысы Әсем Бекова сөз сөйледі.",
                      [("Алматы қаласының мәдениет басқармасының басшысы", "POSITION"), ("Әсем Бекова", "PERSON")])
            == ["ORGANISATION Алматы қаласының мәдениет басқармасы", "PERSON Әсем Бекова"])
        #expect(names("Облыстық полиция департаментінің бастығы Ерлан Ахметов мәлімдеді.",
                      [("Облыстық полиция департаментінің бастығы", "POSITION"), ("Ерлан Ахметов", "PERSON")])
            == ["PERSON Ерлан Ахметов"])
        // The place of a role with no office in it is still named
        #expect(names("Шымкент қаласының әкімі Ғабит Сыздықбеков мектепті аралады.",
                      [("Шымкент қаласының әкімі", "POSITION"), ("Ғабит Сыздықбеков", "PERSON")])
            == ["GPE Шымкент", "PERSON Ғабит Сыздықбеков"])
    }

    @Test func aMakerAndModelIsAProductTheCompanyIsNot() {
        let found = canonical("Зауыт Chevrolet Onix пен Toyota Motor компаниясының жаңа үлгісін шығарады.",
                              [("Chevrolet Onix", "ORGANISATION"), ("Toyota Motor", "ORGANISATION")])
        #expect(found == ["PRODUCT Chevrolet Onix", "ORGANISATION Toyota Motor"])
    }
}

/// Issue 17, class 8: organisation boundaries when the tagger stops before the head noun.
@Suite struct OrganisationHeadTests {
    func names(_ text: String, _ tags: [(String, String)]) -> [String] {
        Seeds.facts(text, tags: tags).entities.map { "\($0.label.rawValue) \($0.canonical)" }
    }

    @Test func aNameRunsToItsPossessiveHeadNoun() {
        #expect(names("Есеп Ұлттық статистика бюросының сайтында жарияланды.", [("Ұлттық статистика", "ORGANISATION")])
            == ["ORGANISATION Ұлттық статистика бюросы"])
        #expect(names("Іс Сарыарқа аудандық сотында қаралды.", [("Сарыарқа", "GPE")]) == ["ORGANISATION Сарыарқа аудандық соты"])
        #expect(names("Науқас Павлодар облыстық көпбейінді ауруханасына жеткізілді.", [("Павлодар облыстық", "ORGANISATION")])
            == ["FACILITY Павлодар облыстық көпбейінді ауруханасы"])
    }

    @Test func aRoleOrAPlaceBeforeACommonNounIsNotExtended() {
        #expect(names("ҚТЖ басқарма төрағасы жаңа пойызды таныстырды.", [("ҚТЖ", "ORGANISATION")]) == ["ORGANISATION ҚТЖ"])
        #expect(names("Қазақстан үкіметі жаңа бағдарламаны бекітті.", [("Қазақстан", "GPE")]) == ["GPE Қазақстан"])
    }
}
