import Analysis
import Testing
import TextModel

/// Relative dates, weekdays, bare months and the other forms added for issue 5, in sentences written for these tests
/// (not the gold items). A weekday needs the morphology layer: its date follows the tense of the sentence's verb.
@Suite struct FactRelativeFormsTests {
    /// Times of `text` after morphology, as "text = TIMEX3 value".
    private func times(_ text: String, published: String?) -> [String] {
        var document = Seeds.document(text, published: published)
        MorphologyAnnotator().annotate(&document)
        TimeExtractor().annotate(&document)
        return document.times.map { "\($0.text) = \($0.value)" }
    }

    @Test func weekdaysFollowTheTenseOfTheVerb() {
        // 2025-11-07 is a Friday: a past Tuesday is 4 November, a coming Tuesday 11 November.
        #expect(times("Сейсенбіде әкім тұрғындармен кездесті.", published: "2025-11-07") == ["Сейсенбіде = 2025-11-04"])
        #expect(times("Сейсенбіде әкім тұрғындармен кездеседі.", published: "2025-11-07") == ["Сейсенбіде = 2025-11-11"])
        #expect(times("Өткен жұмада жаңа мектеп ашылды.", published: "2025-11-05") == ["Өткен жұмада = 2025-10-31"])
        #expect(times("Келесі бейсенбіде сағат 14:00-де жиын өтеді.", published: "2025-11-05")
            == ["Келесі бейсенбіде сағат 14:00-де = 2025-11-13T14:00"])
        // No document date, or the document's own weekday: no date rather than a guess.
        #expect(times("Сейсенбіде әкім тұрғындармен кездесті.", published: nil).isEmpty)
        #expect(times("Жұмада комиссия шешім қабылдады.", published: "2025-11-07").isEmpty)
        // "Жұма" is also a given name.
        #expect(times("Жұма Сейітов жиынға қатысты.", published: "2025-11-07").isEmpty)
    }

    @Test func weeksAndMonthsCountedFromTheDocumentDate() {
        #expect(times("Өткен аптада облыста 3 көпір жөнделді.", published: "2025-01-01") == ["Өткен аптада = 2024-W52"])
        #expect(times("Келесі айда жаңа тарифтер енгізіледі.", published: "2025-12-10") == ["Келесі айда = 2026-01"])
        #expect(times("Ертең сағат 9-да жиналыс басталады.", published: "2025-02-28") == ["Ертең сағат 9-да = 2025-03-01T09:00"])
        #expect(times("Ағымдағы жылдың 2 сәуірінде заң күшіне енеді.", published: "2025-01-15") == ["Ағымдағы жылдың 2 сәуірінде = 2025-04-02"])
        #expect(times("Өткен аптада жиын болды.", published: nil).isEmpty)
    }

    @Test func monthsNamedAlone() {
        #expect(Seeds.times("Жөндеу жұмыстары шілдеде басталып, қазанда аяқталады.") == ["шілдеде = XXXX-07", "қазанда = XXXX-10"])
        #expect(Seeds.times("Жаңа ереже наурыздан бастап қолданылады.", published: "2026-01-20") == ["наурыздан = 2026-03"])
        #expect(Seeds.times("Наурыздың 8-інде мерекелік концерт өтеді.", published: "2026-01-20") == ["Наурыздың 8-інде = 2026-03-08"])
        // A season, a name in «», and an impossible day are not months.
        #expect(Seeds.times("Команда жаңа маусымда үш жеңіске жетті.").isEmpty)
        #expect(Seeds.times("«Барыс» биылғы маусымда жиырма командадан басым түсті.", published: "2025-03-01") == ["биылғы = 2025"])
        #expect(Seeds.times("Жалақы былтыр тамыз айынан бастап өсті.", published: "2025-03-01") == ["былтыр тамыз айынан = 2024-08"])
        #expect(Seeds.times("Наурыздың 22-нен бастап жол жабылады.", published: "2025-03-01") == ["Наурыздың 22-нен = 2025-03-22"])
        #expect(Seeds.times("Театрда «Наурыз тойы» қойылымы өтті.").isEmpty)
        #expect(Seeds.facts("Жиын 31 қарашада өтеді.").times.isEmpty)
        #expect(Seeds.facts("Есеп ақпанның 30-ында тапсырылады.").times.isEmpty)
        #expect(Seeds.facts("Есеп ақпанның 30-ында тапсырылады.").amounts.isEmpty)
    }

    @Test func halfAndSeveralWordCurrencies() {
        func amounts(_ text: String) -> [String] {
            Seeds.facts(text).amounts.map { "\($0.text) = \($0.value) \($0.unit ?? "-")" }
        }
        #expect(amounts("Қорға жарты миллиард теңге бөлінді.") == ["жарты миллиард теңге = 500000000.0 KZT"])
        #expect(amounts("Экспорт 12 млрд АҚШ долларынан асты.") == ["12 млрд АҚШ долларынан = 12000000000.0 USD"])
        #expect(amounts("Жұмыс жарты сағатқа созылды.").isEmpty)
    }

    @Test func genitivePronounBeforeASpeechMarker() {
        let one = Seeds.facts("Әкім Нұрлан Ахметов тұрғындармен кездесті. Оның айтуынша, көктемде жаңа саябақ ашылады.",
                              tags: [("Нұрлан Ахметов", "PERSON")]).quotes
        #expect(one.map(\.speaker) == ["Нұрлан Ахметов"])
        let two = Seeds.facts("Нұрлан Ахметов пен Ерлан Сәкенов жиынға қатысты. Оның айтуынша, жол жөнделеді.",
                              tags: [("Нұрлан Ахметов", "PERSON"), ("Ерлан Сәкенов", "PERSON")]).quotes
        #expect(two.count == 1)
        #expect(two.allSatisfy { $0.speaker == nil })
    }

    @Test func telephoneTalksAreAMeeting() {
        let found = Seeds.facts("Премьер-министр Олжас Бектенов Қырғызстан Министрлер кабинетінің төрағасы Адылбек Касымалиевпен телефон арқылы сөйлесті.",
                                tags: [("Олжас Бектенов", "PERSON"), ("Адылбек Касымалиевпен", "PERSON")]).meetings
        #expect(found.map(\.participants) == [["Олжас Бектенов", "Адылбек Касымалиев"]])
    }

    /// "өткен" ("held") is an event verb: "Астанада өткен … чемпионатында" reports an event held, with the day of its
    /// sentence; without an event noun it reports nothing.
    @Test func anEventHeldIsAnEvent() {
        let held = Seeds.facts("Кеше Астанада өткен бокстан әлем чемпионатында құрама үш медаль алды.", published: "2025-10-02").events
        #expect(held.count == 1)
        #expect(held.first?.title.contains("чемпионат") == true)
        #expect(held.first?.when == "2025-10-01")
        #expect(Seeds.facts("Өткен жылы облыста 12 мектеп салынды.", published: "2025-10-02").events.isEmpty)
    }
}
