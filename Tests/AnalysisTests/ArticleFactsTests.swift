import Analysis
import Testing
import TextModel

/// Facts of whole short articles (a headline above the lead, quotes further down), in texts written for these tests
/// (not from the gold sets). Entities are tagged by hand, as the NER stage would, except where the test says so.
@Suite struct ArticleFactsTests {
    /// The fact stages with the stages they read before them (language for paragraphs, morphology for cases).
    func analysed(_ text: String, tags: [(String, String)], published: String? = nil) -> Document {
        var document = Seeds.document(text, published: published)
        LanguageIdentifier().annotate(&document)
        MorphologyAnnotator().annotate(&document)
        Seeds.tag(&document, tags)
        for stage: any Annotator in [EntityResolver(), TimeExtractor(), AmountExtractor(), QuoteExtractor(), MeetingExtractor(), EventExtractor()] {
            stage.annotate(&document)
        }
        return document
    }

    @Test func lowGermanQuotesAndSpeechWithDeidi() {
        let document = Seeds.facts("„Экспорт 12 пайызға өсті“, – деп мәлімдеді Сауда министрі Арман Шаққалиев. «Баға тұрақты», – дейді сарапшылар.",
                                   tags: [("Арман Шаққалиев", "PERSON")])
        #expect(document.quotes.map(\.text) == ["Экспорт 12 пайызға өсті", "Баға тұрақты"])
        #expect(document.quotes.map(\.speaker) == ["Арман Шаққалиев", nil])
    }

    @Test func aNameInGuillemetsInsideTheSpeakerPhrase() {
        let document = Seeds.facts("«Команда жақсы ойнады», – деді «Ордабасының» бас бапкері Ерлан Нұрланов.", tags: [("Ерлан Нұрланов", "PERSON")])
        #expect(document.quotes.first?.speaker == "Ерлан Нұрланов")
    }

    @Test func aColonSpeakerNobodyNamesIsNotThePreviousSpeaker() {
        let text = "«Жол уақытында ашылады», – деп атап өтті әкім Нұрлан Сейітов. Тұрғындардың бірі: «Біз риза емеспіз», – деді."
        let document = Seeds.facts(text, tags: [("Нұрлан Сейітов", "PERSON")])
        #expect(document.quotes.first { $0.text.hasPrefix("Біз риза") }.map { $0.speaker == nil } == true)
        #expect(document.quotes.first { $0.text.hasPrefix("Жол") }?.speaker == "Нұрлан Сейітов")
    }

    @Test func roleSubjectsRoleSynonymsAndRoleOnlySpans() {
        let text = "Абай облысының әкімі Берік Уәли ауылдарды аралады. Әкім тұрғындарға уәде берді: «Жол биыл салынады». "
            + "«Су құбыры да тартылады», – деп сендірді өңір басшысы. Министр орынбасарының айтуынша, қаржы бөлінді."
        // The tagger may take "Министр орынбасарының" for a name: it is a role nobody in this text holds.
        let document = Seeds.facts(text, tags: [("Берік Уәли", "PERSON"), ("Министр орынбасарының", "PERSON")])
        #expect(document.quotes.first { $0.text.hasPrefix("Жол биыл") }?.speaker == "Берік Уәли")
        #expect(document.quotes.first { $0.text.hasPrefix("Су құбыры") }?.speaker == "Берік Уәли")
        let ministry = document.quotes.first { $0.text.hasPrefix("қаржы") }
        #expect(ministry != nil && ministry?.speaker == nil)
    }

    @Test func rolesWithCompoundsAndConjunctions() {
        let text = "Бүгін Мәдениет және спорт министрі Асқар Бейсенов пен облыстық энергетика басқармасының басшысы Нұрлан Әбенов келді. "
            + "Кездесуге Павлодар облысының әкімі Асайын Байханов қатысты."
        let document = analysed(text, tags: [("Асқар Бейсенов", "PERSON"), ("Нұрлан Әбенов", "PERSON"), ("Асайын Байханов", "PERSON")])
        func roles(_ name: String) -> [String] { document.entities.first { $0.canonical == name }?.roles ?? [] }
        #expect(roles("Асқар Бейсенов") == ["Мәдениет және спорт министрі"])
        #expect(roles("Нұрлан Әбенов") == ["облыстық энергетика басқармасының басшысы"])
        #expect(roles("Асайын Байханов") == ["Павлодар облысының әкімі"])
        // A locative word is where the person is, not part of the role; a function word opening the sentence neither.
        let more = analysed("Тіпті партия жетекшісі Азат Перуашев келісті. Сессияда Мәжілісте палата спикері Ерлан Қошанов сөйледі.",
                            tags: [("Азат Перуашев", "PERSON"), ("Ерлан Қошанов", "PERSON")])
        #expect(more.entities.first { $0.canonical == "Азат Перуашев" }?.roles == ["партия жетекшісі"])
        #expect(more.entities.first { $0.canonical == "Ерлан Қошанов" }?.roles == ["палата спикері"])
    }

    @Test func theHeadlineAndTheLeadNameOneEventAtTheVenue() {
        let text = "Астанада кітап фестивалі өтеді\n20 мамыр күні сағат 11.00-де Астанадағы Ұлттық академиялық кітапханада «Кітап әлемі» фестивалі ашылады. "
            + "Фестивальге 40 баспа қатысады."
        let document = analysed(text, tags: [("Астанада", "GPE"), ("Астанадағы", "GPE")], published: "2025-05-10")
        #expect(document.events.count == 1)
        #expect(document.events.first?.title == "«Кітап әлемі» фестивалі")
        #expect(document.events.first?.when == "2025-05-20T11:00")
        #expect(document.events.first?.where == "Ұлттық академиялық кітапхана")
    }

    @Test func takingPartIsNoEventOfItsOwn() {
        // "қатысады" joins an event named elsewhere; alone it names none.
        #expect(analysed("Жарысқа 30 спортшы қатысады.", tags: []).events.isEmpty)
        #expect(analysed("Бұл рәсімге 200 адам қатысты.", tags: []).events.isEmpty)
        // "қатысты" inside a clause is the postposition "regarding".
        #expect(analysed("«ҚазАгроға» қатысты шаралар қабылданды.", tags: []).events.isEmpty)
        let document = analysed("Бүгін Таразда «Жас талант» байқауы өтті. Байқауға 45 өнерпаз қатысты.", tags: [("Таразда", "GPE")], published: "2025-11-27")
        #expect(document.events.map(\.title) == ["«Жас талант» байқауы"])
        // A described event is reported by the participation verb alone.
        let ceremony = analysed("Әкім жаңа көпірдің ашылу салтанатына қатысты.", tags: [])
        #expect(ceremony.events.count == 1)
    }

    @Test func aHeadlineAndALeadWithTheSameNameAreOneEvent() {
        let text = "Алматыда «Шебер қолдар» қолөнер көрмесі ашылды\nБүгін Алматыдағы Орталық көрме залында «Шебер қолдар» атты қолөнер көрмесі ашылды."
        let document = analysed(text, tags: [("Алматыда", "GPE"), ("Алматыдағы", "GPE")], published: "2025-03-06")
        #expect(document.events.count == 1)
        #expect(document.events.first?.when == "2025-03-06")
    }

    @Test func eventsOfOneNounWithDifferentDatesStayApart() {
        let text = "1 маусым күні Алматыда жастар концерті өтеді. 3 маусым күні Шымкентте жастар концерті өтеді."
        let document = analysed(text, tags: [("Алматыда", "GPE"), ("Шымкентте", "GPE")], published: "2025-05-10")
        #expect(document.events.map(\.when) == ["2025-06-01", "2025-06-03"])
    }

    @Test func aPlaceBeforeHeldIsTheEventsPlace() {
        let document = analysed("Будапештте өткен шахматтан Гран-при турнирінде қазақстандық спортшы жеңіске жетті.", tags: [])
        #expect(document.events.first?.where == "Будапешт")
    }

    @Test func theHeadlinesMeetingGivesWayToTheLeads() {
        let text = "Сенат төрағасы Беларусь делегациясын қабылдады\nСенат төрағасы Мәулен Әшімбаев Беларусь Республикасы Ұлттық "
            + "жиналысы Республика кеңесінің төрағасы Наталья Кочановамен кездесті."
        let document = analysed(text, tags: [("Беларусь", "GPE"), ("Мәулен Әшімбаев", "PERSON"), ("Наталья Кочановамен", "PERSON")])
        #expect(document.meetings.map(\.participants) == [["Мәулен Әшімбаев", "Наталья Кочанова"]])
    }

    @Test func anObjectRunIntoTheSubjectsNameIsAPersonOfItsOwn() {
        // The tagger's span "Бақыт Жахаев Ерланды": the subject's name, then the object in the accusative, who is the
        // one Ерлан the article names in full.
        let text = "Бас жүлдені Ерлан Бекмырзаев алды. Облыс әкімінің орынбасары Бақыт Жахаев Ерланды сертификатпен марапаттады."
        let document = analysed(text, tags: [("Ерлан Бекмырзаев", "PERSON"), ("Бақыт Жахаев Ерланды", "PERSON")])
        #expect(document.entities.filter { $0.label == "PERSON" }.map(\.canonical) == ["Ерлан Бекмырзаев", "Бақыт Жахаев", "Ерлан Бекмырзаев"])
        #expect(document.entities.first { $0.canonical == "Бақыт Жахаев" }?.roles == ["Облыс әкімінің орынбасары"])
    }

    @Test func aGivenNameAloneIsTheOnePersonWithIt() {
        let one = Seeds.facts("Айгүл Нұрланқызы көрмеге 150 бұйым әкелді. Журналистер Айгүлмен сұхбаттасты.",
                              tags: [("Айгүл Нұрланқызы", "PERSON"), ("Айгүлмен", "PERSON")])
        #expect(one.entities.map(\.canonical) == ["Айгүл Нұрланқызы", "Айгүл Нұрланқызы"])
        // Two people with that given name: it stays as written, in the nominative.
        let two = Seeds.facts("Айгүл Нұрланқызы мен Айгүл Сейітова келді. Журналистер Айгүлмен сұхбаттасты.",
                              tags: [("Айгүл Нұрланқызы", "PERSON"), ("Айгүл Сейітова", "PERSON"), ("Айгүлмен", "PERSON")])
        #expect(two.entities.last?.canonical == "Айгүл")
    }

    @Test func aLatinNameLosesItsKazakhCaseEnding() {
        #expect(Nominative.word("University-де") == "University")
        #expect(Nominative.word("Astana-ға") == "Astana")
        #expect(Nominative.word("Al-Farabi") == "Al-Farabi")
    }
}
