import Analysis
import Testing
import TextModel

@Suite struct EventExtractorTests {
    func events(_ text: String, tags: [(String, String)] = [], published: String? = nil) -> [Event] {
        var document = Seeds.document(text, published: published)
        // The morphology stage runs before the fact stages in the pipeline; titles stop at a locative it marks.
        MorphologyAnnotator().annotate(&document)
        Seeds.tag(&document, tags)
        EntityResolver().annotate(&document)
        TimeExtractor().annotate(&document)
        EventExtractor().annotate(&document)
        return document.events
    }

    @Test func seed002TheFifthOfNovemberSchedule() {
        let found = events(Seeds.text(2))
        let exhibition = found.first { $0.title == "«Алматы- Тәуелсіздіктің алтын бесігі» атты мультимедиялық көрме" }
        #expect(exhibition?.when == "XXXX-11-05T11:00")
        #expect(exhibition?.where == "Қазақстан Республикасының Ұлттық мұражайы")
        let poets = found.first { $0.title == "жастар белгілі ақындармен кездеседі" }
        #expect(poets?.when == "XXXX-11-05T15:00")
        #expect(poets?.where == "ҚР Ұлттық кітапханасы")
        let gala = found.first { $0.title.hasSuffix("атты гала- концерт") }
        #expect(gala?.when == "XXXX-11-05T18:00")
        #expect(gala?.where == nil)
        #expect(gala?.participants == ["Алматының эстрада-симфониялық оркестрі", "қазақстандық эстрада жұлдыздары"])
        let concert = found.first { $0.title == "«Мәңгілік мұрат» атты дәстүрлі музыкалық концерт" }
        #expect(concert?.when == "XXXX-11-06T15:00")
        #expect(concert?.where == "Бейбітшілік пен келісім сарайы")
        #expect(found.first { $0.title == "«Алтын Адам» эпикалық спектаклінің қойылымы" }?.when == "XXXX-11-05/XXXX-11-06")
        let document = Seeds.document(Seeds.text(2))
        for event in found { #expect(!document.slice(event.start, event.end).isEmpty) }
    }

    @Test func seed003FestivalOnAbaiSquare() {
        let found = events(Seeds.text(3))
        let festival = found.first { $0.title == "ALA CRAFT 2025 халықаралық фестивалі" }
        #expect(festival?.when == "XXXX-10-04")
        #expect(festival?.where == "Республика сарайының алдындағы Абай алаңы")
        #expect(found.first { $0.title.hasSuffix("салтанатты рәсімі") }?.when == "XXXX-10-05")
        // With the document date the year is known.
        #expect(events(Seeds.text(3), published: "2025-10-06").first { $0.title.hasPrefix("ALA CRAFT") }?.when == "2025-10-04")
    }

    @Test func repeatedTitleIsOneEventAndPlaceEntitiesCount() {
        let found = events(Seeds.text(1), tags: [("Алматыда", "GPE")])
        #expect(found.filter { $0.title.hasPrefix("«Цифрлы күз»") }.count == 1)
        #expect(found.first { $0.title == "«Цифрлы күз» фестивалі" }?.where == "Алматы")
    }

    @Test func venueWithABareLocativeKeepsItsWholeStem() {
        let found = events("Жастар фестивалі 20 маусым күні сағат 18.00-де Орталық стадионда басталады.")
        #expect(found.first?.where == "Орталық стадион")
        #expect(found.first?.when == "XXXX-06-20T18:00")
    }

    @Test func quotationMarksOutsideANameAreDropped() {
        // The « opens the mayor's quotation, not the festival's name.
        let quoted = events("«Жастар фестивалі 20 маусым күні Орталық стадионда басталады», – деді әкім.")
        #expect(quoted.first?.title == "Жастар фестивалі")
        // A venue name wholly in «» is the name without them; a «title» inside a phrase keeps them.
        let session = events("Қорытынды пленарлық отырыс 14 наурыз күні сағат 10:00-де «Тәуелсіздік сарайында» өтеді.")
        #expect(session.first?.title == "Қорытынды пленарлық отырыс")
        #expect(session.first?.where == "Тәуелсіздік сарайы")
        #expect(session.first?.when == "XXXX-03-14T10:00")
        // A place in the locative before the event noun is its setting, not part of its title.
        let forum = events("Бүгін елордада «Astana International Forum» халықаралық форумы басталды.")
        #expect(forum.first?.title == "«Astana International Forum» халықаралық форумы")
        // Sport: a final and a race.
        let race = events("Халықаралық жарыс 5 мамырда Орталық стадионда басталады.")
        #expect(race.first?.title == "Халықаралық жарыс")
        #expect(race.first?.where == "Орталық стадион")
        #expect(race.first?.when == "XXXX-05-05")
        let opera = events("21 маусымда Абай атындағы драма театрында «Қыз Жібек» операсы қойылады.")
        #expect(opera.first?.title == "«Қыз Жібек» операсы")
        #expect(opera.first?.where == "Абай атындағы драма театры")
    }

    @Test func eventNounsInAVenueNameOrAtAPlaceAreNoEvents() {
        // "опера", "балет" name the theatre here; the festival is the event.
        let festival = events("Қазақ ұлттық опера және балет театрында 10-12 мамыр аралығында «Наурыз шуағы» халықаралық фестивалі өтеді.")
        #expect(festival.map(\.title) == ["«Наурыз шуағы» халықаралық фестивалі"])
        // Something happens at the exhibition: no second event.
        #expect(events("Көрмеде 300-ден астам экспонат қойылады.").isEmpty)
        // A participle says the championship itself was held.
        let championship = events("Алматыда өткен бокстан Азия чемпионатында спортшылар 7 алтын медаль жеңіп алды.")
        #expect(championship.first?.title.hasSuffix("чемпионаты") == true)
    }

    @Test func theHeadlinesShortTitleIsTheLeadsEvent() {
        // The headline names the forum briefly, the lead in full: one event, with the lead's date and title.
        let found = events("""
            Шымкентте халықаралық туризм форумы өтті

            Шымкент, 12 наурыз 2025 жыл. Бүгін Шымкент қаласында «Silk Way Tourism 2025» халықаралық туризм форумы өз жұмысын бастады.
            """)
        let forums = found.filter { $0.title.hasSuffix("туризм форумы") }
        #expect(forums.count == 1)
        #expect(forums.first?.title == "«Silk Way Tourism 2025» халықаралық туризм форумы")
        #expect(forums.first?.when == "2025-03-12")
        // Different dates keep two exhibitions apart.
        let two = events("5 қарашада Ұлттық мұражайда кітап көрмесі ашылды. 10 қарашада Орталық кітапханада халықаралық кітап көрмесі ашылады.")
        #expect(two.count == 2)
    }

    @Test func titlesVenuesAndNegations() {
        // A title never reaches back over a postposition that closes the clause before it.
        let meetings = events("Министрдің кешегі тапсырмасынан соң оқу орындарын оңтайландыру бойынша бірнеше семинар өтті.")
        #expect(meetings.map(\.title) == ["оқу орындарын оңтайландыру бойынша бірнеше семинар"])
        // An event noun in the locative gets its nominative title.
        let championship = events("Өткен жылы Ташкентте өткен чемпионатта боксшылар 4 алтын медальге ие болды.")
        #expect(championship.first?.title == "чемпионат")
        // A quoted name opens the venue phrase; the city before it is not part of it.
        let fair = events("Бүгін Алматыдағы «Атакент» көрме орталығында кітап көрмесі ашылды. 13 наурызда «Арена» спорт кешенінде турнир басталады.")
        #expect(fair.first?.title == "кітап көрмесі")
        #expect(fair.first?.where == "«Атакент» көрме орталығы")
        #expect(fair.last?.where == "«Арена» спорт кешені")
        // "No meeting was held": a denied event noun is no event.
        #expect(events("Құжатқа қол қойылды, бірақ ешқандай семинар болған жоқ.").isEmpty)
        #expect(events("Омбы облысында Қазақтардың алғашқы конгресі өтті.").first?.title == "Қазақтардың алғашқы конгресі")
    }

    @Test func noEventWithoutAnEventVerbOrNoun() {
        #expect(events("Тарихи сәтке Алматы қаласының басшысы қатысты.").isEmpty)
        #expect(events("Абай кеңінен атап өтті.").isEmpty)
        #expect(events("Шаралар өтеді.").isEmpty)
        #expect(events("The concert starts at 6 pm.").isEmpty)
        #expect(events("").isEmpty)
    }
}
