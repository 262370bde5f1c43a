import Analysis
import Testing
import TextModel

/// Issue 17, class 5 and 7: times of listings, weekdays written with their date, parts of the day and "…-ға дейін"
/// spans; the place of a listing's events; a name the tagger cut before its head noun. Texts written for these tests.
@Suite struct ListingTimesTests {
    func times(_ text: String, published: String = "2025-03-10") -> [String] {
        Seeds.facts(text, published: published).times.map { "\($0.text) = \($0.value)" }
    }

    @Test func aListingsDateHeaderAndClockLinesAreTimes() {
        let text = """
            Жастар театры апталық афишасын жариялады.
            Бейсенбі, 13 наурыз
            10:30 – «Қаңбақ шал». Кіші зал.
            18.00 – «Қарагөз» драмасы. Үлкен зал.
            14 наурыз, жұма, 12:00 – «Алдар Көсе» ертегісі.
            """
        let found = times(text)
        #expect(found.contains("Бейсенбі, 13 наурыз = 2025-03-13"), "\(found)")
        #expect(found.contains("10:30 = 2025-03-13T10:30"), "\(found)")
        #expect(found.contains("18.00 = 2025-03-13T18:00"), "\(found)")
        #expect(found.contains("14 наурыз, жұма, 12:00 = 2025-03-14T12:00"), "\(found)")
    }

    @Test func aClockInRunningTextIsNoListing() {
        // A clock at a line start with no dash, and a dash line with no date above it
        let found = times("Жиналыс өтті.\n15:00 болғанда бәрі тарасты.\n16:30 – үзіліс.", published: "2025-03-10")
        #expect(!found.contains { $0.hasPrefix("15:00") || $0.hasPrefix("16:30") }, "\(found)")
    }

    @Test func aWeekdayAfterItsDateAndAPartOfTheDayArePartOfTheTime() {
        #expect(times("Айт намазы 30 наурыз, жексенбі күні оқылады.") == ["30 наурыз, жексенбі күні = 2025-03-30"])
        #expect(times("Жер сілкінісі бүгін таңғы сағат 06:15-те тіркелді.") == ["бүгін таңғы сағат 06:15-те = 2025-03-10T06:15"])
        #expect(times("Өрт 2025 жылдың 9 қаңтарында түнгі сағат 01:40-та басталды.")
            == ["2025 жылдың 9 қаңтарында түнгі сағат 01:40-та = 2025-01-09T01:40"])
    }

    @Test func aClockWithoutADateTakesTheParagraphsLastDate() {
        #expect(times("Намаз 30 наурыз күні сағат 07:30-да оқылады. Алматыда намаз сағат 07:45-те басталады.")
            == ["30 наурыз күні сағат 07:30-да = 2025-03-30T07:30", "сағат 07:45-те = 2025-03-30T07:45"])
        // A new paragraph does not inherit it
        #expect(times("Намаз 30 наурыз күні оқылады.\nЖиналыс сағат 10:00-де басталады.")
            == ["30 наурыз күні = 2025-03-30", "сағат 10:00-де = XXXX-XX-XXT10:00"])
    }

    /// Issue 17, class 5: a page that dates itself at its foot.
    @Test func aLabelledDateOnTheLastLinesIsThePagesDate() {
        let body = (1...8).map { "Қалада \($0)-ші жаңа аялдама салынды." }.joined(separator: "\n")
        let dated = Seeds.facts("Хабарландыру\nТыңдау 12 наурыз күні өтеді.\n" + body + "\nЖарияланған күні: 27.02.2025\nҚаралды: 418")
        #expect(dated.metadata.published == "2025-02-27")
        #expect(dated.times.map(\.value).contains("2025-03-12"), "\(dated.times.map(\.value))")
        // Without a label, a last line holding a date is body text
        let unlabelled = Seeds.facts("Хабарландыру\nТыңдау 12 наурыз күні өтеді.\n" + body + "\nКөрме 27.02.2025 жабылады")
        #expect(unlabelled.metadata.published == nil)
    }

    @Test func aDateBeforeDeyinTakesThePostposition() {
        #expect(times("Құжаттар 1 қарашаға дейін қабылданады.") == ["1 қарашаға дейін = 2025-11-01"])
        #expect(times("Ұсыныстар 10 наурыз сағат 18.00-ге дейін қабылданады.") == ["10 наурыз сағат 18.00-ге дейін = 2025-03-10T18:00"])
        // A range keeps its one span
        #expect(times("Көрме 5 маусымнан 20 маусымға дейін жалғасады.") == ["5 маусымнан 20 маусымға дейін = 2025-06-05/2025-06-20"])
    }

    @Test func aListingsEventsTakeTheVenueNamedBeforeIt() {
        let text = """
            Абай атындағы опера және балет театры наурыз айының афишасын ұсынды.
            Бейсенбі, 13 наурыз
            19:00 – «Қыз Жібек» операсы. Үлкен зал.
            Жұма, 14 наурыз
            18:30 – «Аққу көлі» балеті. Кіші зал.
            """
        var document = Seeds.document(text, published: "2025-03-10")
        Seeds.tag(&document, [("Абай атындағы опера және балет театры", "FACILITY"), ("Үлкен зал", "FACILITY"), ("Кіші зал", "FACILITY")])
        for stage: any Annotator in [EntityResolver(), TimeExtractor(), EventExtractor()] { stage.annotate(&document) }
        let listed = document.events.filter { $0.when?.contains("T") == true }
        #expect(listed.map(\.title) == ["Қыз Жібек", "Аққу көлі"])
        #expect(listed.map(\.where) == ["Абай атындағы опера және балет театры", "Абай атындағы опера және балет театры"])
    }

    /// Issue 17, class 6: a tagger's span over the page head's outlet, separators and date is no name.
    @Test func aPageHeadsOutletAndDateGiveNoName() {
        let text = "Өзенде су деңгейі көтерілді\nАқ Жайық | 07.04.2025 | 09:15\nАқтөбе облысында су деңгейі көтерілді."
        var document = Seeds.document(text)
        Seeds.tag(&document, [("Жайық | 07.04.2025", "PRODUCT"), ("| 09:15", "PRODUCT"), ("Ақтөбе", "GPE")])
        for stage: any Annotator in [EntityResolver(), TimeExtractor(), SourceExtractor()] { stage.annotate(&document) }
        #expect(document.entities.map { "\($0.label) \($0.canonical)" } == ["GPE Ақтөбе облысы"])
        #expect(document.metadata.source == "Ақ Жайық")
    }

    @Test func aNameCutBeforeItsHeadNounTakesIt() {
        func named(_ text: String, _ tags: [(String, String)]) -> [String] {
            Seeds.facts(text, tags: tags).entities.map { "\($0.label) \($0.canonical)" }
        }
        // "Жоғарғы" + "сотқа": an adjective cannot end a name, so the plain noun after it is the name's head
        #expect(named("Талапкер Жоғарғы сотқа шағым түсірді.", [("Жоғарғы", "ORGANISATION")]) == ["ORGANISATION Жоғарғы сот"])
        // A name that ends in a noun does not take a following "сот…" word
        #expect(named("«Қазақтелеком» сотқа жүгінді.", [("«Қазақтелеком»", "ORGANISATION")]) == ["ORGANISATION Қазақтелеком"])
        // A listing's clock and dash are no part of the name; the venue's possessive head closes it
        #expect(named("18:30 – Құрманғазы атындағы ұлт-аспаптар оркестрінің концерті.", [("18:30 – Құрманғазы атындағы ұлт-аспаптар", "FACILITY")])
            == ["ORGANISATION Құрманғазы атындағы ұлт-аспаптар оркестрі"])
    }

    /// Issue 17, class 5: a weekday said in reported speech takes the tense of the speech's own verb, not of the
    /// reporting verb ("деді") that closes the sentence. The document date 2025-03-10 is a Monday.
    @Test func aWeekdayInsideReportedSpeechTakesTheSpeechsTense() {
        // A weekday's date follows the tense of its verb: the morphology layer gives it.
        func times(_ text: String) -> [String] {
            var document = Seeds.document(text, published: "2025-03-10")
            MorphologyAnnotator().annotate(&document)
            TimeExtractor().annotate(&document)
            return document.times.map { "\($0.text) = \($0.value)" }
        }
        #expect(times("«Әкім сенбіде тұрғындармен кездеседі», – деді хатшы.") == ["сенбіде = 2025-03-15"])
        #expect(times("– Әкім сенбіде тұрғындармен кездеседі, – деді хатшы.") == ["сенбіде = 2025-03-15"])
        // The speech's own past verb: the Saturday before
        #expect(times("«Әкім сенбіде тұрғындармен кездесті», – деді хатшы.") == ["сенбіде = 2025-03-08"])
        // Outside speech the sentence's verb still decides, and a «name» after the weekday is no quotation
        #expect(times("Әкім сенбіде тұрғындармен кездесті.") == ["сенбіде = 2025-03-08"])
        #expect(times("Әкім сенбіде «Береке Агро» шаруашылығында тұрғындармен кездесті.") == ["сенбіде = 2025-03-08"])
        // A quotation of two sentences: the second closes it, and its modal "керек" is about what is to come
        #expect(times("«Әкім жұма күні тұрғындармен кездесті. Сейсенбіге дейін жол жабық болуы керек», – деді хатшы.")
            == ["жұма күні = 2025-03-07", "Сейсенбіге дейін = 2025-03-11"])
    }

    /// Issue 17, class 5: a part of a year or month before "дейін" names that year or month ("жыл соңына дейін" is the
    /// document's year); TIMEX3 keeps the year or month as the value (the part would be its `mod`).
    @Test func thePartOfAYearOrMonthNamesIt() {
        #expect(times("Құрылыс жыл соңына дейін аяқталады.") == ["жыл соңына дейін = 2025"])
        #expect(times("Жол маусымның соңына дейін жабық тұрады.") == ["маусымның соңына дейін = 2025-06"])
        #expect(times("Бағдарлама 2026 жылдың соңына дейін созылады.") == ["2026 жылдың соңына дейін = 2026"])
        #expect(times("Өткен жылдың соңында баға өсті.") == ["Өткен жылдың соңында = 2024"])
        // жыл with no part of it is no time: a duration
        #expect(times("Құрылыс бір жыл бойы жүрді.").isEmpty)
    }
}
