import Analysis
import Testing
import TextModel

@Suite struct QuoteExtractorTests {
    static let tags: [Int: [(String, String)]] = [
        0: [("Б.Байбек", "PERSON"), ("Бауыржан Байбек", "PERSON"), ("Геташев Енгида", "PERSON"), ("ЮНЕСКО", "ORGANISATION")],
        1: [("Бауыржан Байбек", "PERSON"), ("Пьер  Кабаремен", "PERSON"), ("Пьер Кабаре", "PERSON")],
        2: [("Арман Қырықбаев", "PERSON"), ("А.Қырықбаев", "PERSON"), ("Алмас Мәдиев", "PERSON")],
        3: [("Ғалия Тоқсейітова", "PERSON"), ("Джуд ван дер Мервенің", "PERSON"), ("Джуд ван дер Мерве", "PERSON")],
        4: [("Иманғали Тасмағамбетов", "PERSON"), ("Ирина Боковамен", "PERSON"), ("И. Тасмағамбетовтің", "PERSON"), ("И. Тасмағамбетов", "PERSON")],
    ]

    func quotes(_ seed: Int, tagged: Bool = true) -> [Quote] {
        quotes(Seeds.text(seed), tags: tagged ? Self.tags[seed] ?? [] : [])
    }

    func quotes(_ text: String, tags: [(String, String)] = []) -> [Quote] {
        var document = Seeds.document(text)
        Seeds.tag(&document, tags)
        EntityResolver().annotate(&document)
        QuoteExtractor().annotate(&document)
        return document.quotes
    }

    @Test func seed000SpeakersIncludingTheFollowUpQuote() {
        let found = quotes(0)
        #expect(found.count == 3)
        #expect(found.first { $0.text.hasPrefix("Біз Алматы қаласының мың жылдығын") }?.speaker == "Бауыржан Байбек")
        #expect(found.first { $0.text.hasPrefix("Қазір Алматы") }?.speaker == "Бауыржан Байбек")
        // "- деп аяқтады." has no subject: the previous sentence reports Геташев Енгида speaking.
        #expect(found.first { $0.text.hasPrefix("Алматының 1000 жылдығын атап өту") }?.speaker == "Геташев Енгида")
        // Names in «» are not speech.
        #expect(!found.contains { $0.text == "Сазген сазы" || $0.text.hasPrefix("Қазақстан -2030") })
    }

    @Test func seed001RoleAsSpeaker() {
        let found = quotes(1)
        #expect(found.count == 1)
        #expect(found[0].speaker == "Пьер Кабаре")
        #expect(found[0].text.hasPrefix("Бұл менің Алматыға алғаш келуім"))
        // Without entities the role cannot be tied to anyone: null, not a guess.
        #expect(quotes(1, tagged: false).map(\.speaker) == [nil])
    }

    @Test func seed002PressServiceAndDeputyMayor() {
        let found = quotes(2)
        #expect(found.first { $0.text.hasPrefix("Орталық коммуникациялар қызметінде") }?.speaker == "Алматы қаласы әкімдігінің баспасөз қызметі")
        #expect(found.first { $0.text.hasPrefix("Өзінің ғылым, білім") }?.speaker == "Арман Қырықбаев")
        #expect(found.allSatisfy { $0.speaker != "Алмас Мәдиев" })
    }

    @Test func seed003And004() {
        let craft = quotes(3)
        #expect(craft.first { $0.text.hasPrefix("Алматының World Craft City мәртебесіне ие болуы") }?.speaker == "Ғалия Тоқсейітова")
        #expect(craft.first { $0.text.hasPrefix("Алматыға World Craft City мәртебесін беру") }?.speaker == "Джуд ван дер Мерве")
        #expect(craft.first { $0.text.hasPrefix("World Craft City мәртебесі Алматыға") }?.speaker == "Джуд ван дер Мерве")
        // "…, деп хабарлайды Almaty.tv.": the site is the speaker even with no entity tagged there.
        #expect(craft.first { $0.text.hasPrefix("Бұл шешім") }?.speaker == "Almaty.tv")
        let unesco = quotes(4)
        #expect(unesco.filter { $0.speaker == "Иманғали Тасмағамбетов" }.count == 3)
        #expect(unesco.first { $0.text.hasPrefix("ҚР Премьер-Министрінің орынбасары") }?.speaker == "ҚР Премьер-министрінің баспасөз қызметі")
        let document = Seeds.document(Seeds.text(4))
        for quote in unesco { #expect(document.slice(quote.start, quote.end) == quote.text) }
    }

    @Test func colonAndSubjectFrames() {
        let tags = [("Бауыржан Байбек", "PERSON")]
        #expect(quotes("Бауыржан Байбек: «Қала дамып келеді».", tags: tags).map(\.speaker) == ["Бауыржан Байбек"])
        #expect(quotes("Бауыржан Байбек «Қала дамып келеді» деді.", tags: tags).map(\.speaker) == ["Бауыржан Байбек"])
    }

    @Test func dashIntroducedSpeech() {
        let tags = [("Бауыржан Байбек", "PERSON")]
        let found = quotes("Әкім сөз сөйледі.\n– Қала дамып келеді, – деді Бауыржан Байбек.", tags: tags)
        #expect(found.map(\.text) == ["Қала дамып келеді"])
        #expect(found.map(\.speaker) == ["Бауыржан Байбек"])
        // A dash-opened paragraph of several sentences is one speech.
        let paragraph = quotes("Әкім сөз сөйледі.\n– Қала дамып келеді. Биыл 5 мектеп салынады, – деді Бауыржан Байбек.", tags: tags)
        #expect(paragraph.map(\.text) == ["Қала дамып келеді. Биыл 5 мектеп салынады"])
        #expect(paragraph.map(\.speaker) == ["Бауыржан Байбек"])
        // Without the paragraph's dash only the closing sentence is the speech.
        #expect(quotes("Әкім сөз сөйледі.\nҚала дамып келеді. Биыл 5 мектеп салынады, – деді Бауыржан Байбек.", tags: tags).map(\.text)
            == ["Биыл 5 мектеп салынады"])
        // No speaker after the verb and nobody in the previous sentence: null, not a guess.
        #expect(quotes("– Қала дамып келеді, – деп мәлімдеді.").map(\.speaker) == [nil])
    }

    @Test func aNewsSiteAfterTheReportingVerbIsTheSpeaker() {
        #expect(quotes("Қалада жаңа саябақ ашылды, деп хабарлайды Almaty.tv.").map(\.speaker) == ["Almaty.tv"])
        // A word that is no site name stays no speaker.
        #expect(quotes("Қалада жаңа саябақ ашылды, деп хабарлайды Almaty.").map(\.speaker) == [nil])
    }

    @Test func accordingToASurnameTheTaggerMissed() {
        let text = "Иманғали Тасмағамбетов Парижде болды. И. Тасмағамбетовтің айтуынша, тараптар жұмыс жүргізді."
        #expect(quotes(text, tags: [("Иманғали Тасмағамбетов", "PERSON")]).map(\.speaker) == ["Иманғали Тасмағамбетов"])
        #expect(quotes(text, tags: [("Иманғали Тасмағамбетов", "PERSON")]).map(\.text) == ["тараптар жұмыс жүргізді"])
        // Two people share the surname: no quote rather than a guessed speaker.
        let shared = "Иманғали Тасмағамбетов мен Асқар Тасмағамбетов келді. Тасмағамбетовтің айтуынша, жұмыс жүргізілді."
        #expect(quotes(shared, tags: [("Иманғали Тасмағамбетов", "PERSON"), ("Асқар Тасмағамбетов", "PERSON")]).isEmpty)
    }

    @Test func unbalancedAndUnframedQuotesAreNotReported() {
        #expect(quotes("«Қала дамып келеді, - деді әкім.").isEmpty)
        #expect(quotes("Қала дамып келеді», - деді әкім.").isEmpty)
        #expect(quotes("\"Қала дамып келеді").isEmpty)
        #expect(quotes("«Сазген сазы» ансамблі келді.").isEmpty)
        #expect(quotes("«»«»«»»»»\"\"\" - деді").allSatisfy { $0.speaker == nil })
        #expect(quotes("No Kazakh text \"at all\" here.").isEmpty)
        #expect(quotes("").isEmpty)
    }

    @Test func aQuotationInsideAQuotationIsPartOfTheOuterOne() {
        let found = quotes("«Біз «Дала кітабы» жобасын жалғастырамыз», – деді Бауыржан Байбек.", tags: [("Бауыржан Байбек", "PERSON")])
        #expect(found.map(\.text) == ["Біз «Дала кітабы» жобасын жалғастырамыз"])
        #expect(found.first?.speaker == "Бауыржан Байбек")
    }

    @Test func aPageOfEmptyGuillemetsFramesNothingAndTheQuotationAfterItIsKept() {
        // Thousands of «» in one sentence (a hostile input once took 1.9 GB and minutes here).
        let text = String(repeating: "«»", count: 3000) + " «Кітап – біздің байлығымыз», – деді Бауыржан Байбек."
        let found = quotes(text, tags: [("Бауыржан Байбек", "PERSON")])
        #expect(found.map(\.text) == ["Кітап – біздің байлығымыз"])
        #expect(found.first?.speaker == "Бауыржан Байбек")
    }

    @Test func theSubjectOfAQuotationIsSoughtOnlyNearIt() {
        // "X «…» деді": X at most `speakerLookback` tokens before the quotation; further back it is nobody's speech.
        let filler = String(repeating: "және ", count: 250)
        let far = quotes("Бауыржан Байбек \(filler)«Қала дамып келеді» деді.", tags: [("Бауыржан Байбек", "PERSON")])
        #expect(far.count == 1)
        #expect(far.first?.speaker == nil)
        let close = "Бауыржан Байбек бүгін «Қала дамып келеді» деді."
        #expect(quotes(close, tags: [("Бауыржан Байбек", "PERSON")]).first?.speaker == "Бауыржан Байбек")
    }
}
