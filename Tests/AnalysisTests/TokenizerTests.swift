import Analysis
import Foundation
import KazakhData
import Testing
import TextModel

@Suite struct TokenizerTests {
    func tokens(_ text: String) -> [Token] {
        var document = Document(id: "t", text: text)
        Tokenizer().annotate(&document)
        return document.tokens
    }

    func forms(_ text: String) -> [String] { tokens(text).map(\.text) }

    /// Every token's offsets slice back to its text, tokens are ordered and do not overlap.
    func expectConsistent(_ document: Document, sourceLocation: SourceLocation = #_sourceLocation) {
        var previousEnd = 0
        for token in document.tokens {
            #expect(document.slice(token.start, token.end) == token.text, sourceLocation: sourceLocation)
            #expect(token.start >= previousEnd && token.end > token.start, sourceLocation: sourceLocation)
            previousEnd = token.end
        }
    }

    @Test func offsetsPointIntoTheOriginalText() {
        let text = "Алматы қаласының әкімі Бауыржан Байбек Пьер Кабаремен кездесті."
        #expect(forms(text) == ["Алматы", "қаласының", "әкімі", "Бауыржан", "Байбек", "Пьер", "Кабаремен", "кездесті", "."])
        var document = Document(id: "t", text: text)
        Tokenizer().annotate(&document)
        expectConsistent(document)
        #expect(document.tokens.map(\.spaceAfter).suffix(2) == [false, false])
    }

    @Test(arguments: ["000", "001", "002", "003", "004"])
    func seedOffsetsSliceBackToTokenText(seed: String) throws {
        let document = try Seeds.analysed(seed)
        #expect(document.tokens.count > 250)
        expectConsistent(document)
        for token in document.tokens where token.spaceAfter {
            #expect(document.scalars[token.end].properties.isWhitespace)
        }
    }

    @Test func initialsAreTokensWithTheirDot() {
        #expect(forms("басшысы Б.Байбек қатысты.") == ["басшысы", "Б.", "Байбек", "қатысты", "."])
        #expect(forms("Президенті Н.Ә. Назарбаев") == ["Президенті", "Н.", "Ә.", "Назарбаев"])
        #expect(forms("- деді И. Тасмағамбетов.") == ["-", "деді", "И.", "Тасмағамбетов", "."])
        #expect(tokens("Н.Ә. Назарбаев").prefix(2).map(\.kind) == [.initial, .initial])
        #expect(forms("1939 ж. Қ. Жұмалиев") == ["1939", "ж.", "Қ.", "Жұмалиев"])
        #expect(forms("барысында А.Қырықбаев оңтүстік") == ["барысында", "А.", "Қырықбаев", "оңтүстік"])
        #expect(forms("Н.Ә.Назарбаев") == ["Н.", "Ә.", "Назарбаев"])
        #expect(forms("5 км. жол, 300 тг. ақы") == ["5", "км.", "жол", ",", "300", "тг.", "ақы"])
    }

    @Test func abbreviationsKeepTheirDot() {
        #expect(forms("Қазір 1 млрд. АҚШ долларына дейінгі") == ["Қазір", "1", "млрд.", "АҚШ", "долларына", "дейінгі"])
        #expect(forms("2,2 трлн. теңгеге артты.") == ["2,2", "трлн.", "теңгеге", "артты", "."])
        #expect(forms("алма, өрік т.б. жемістер") == ["алма", ",", "өрік", "т.б.", "жемістер"])
        #expect(forms("кітап, дәптер т.с.с. заттар") == ["кітап", ",", "дәптер", "т.с.с.", "заттар"])
        #expect(forms("б.з.б. V ғ. сақтар") == ["б.з.б.", "V", "ғ.", "сақтар"])
        #expect(forms("2015-2016 жж. аралығында") == ["2015", "-", "2016", "жж.", "аралығында"])
        #expect(tokens("1,8 млрд. теңге")[1].kind == .abbreviation)
        // An unlisted word keeps its full stop apart.
        #expect(forms("ашылды.") == ["ашылды", "."])
    }

    @Test func acronymsWithCaseSuffixesAreOneToken() {
        #expect(forms("ЮНЕСКО-ның Бас директоры") == ["ЮНЕСКО-ның", "Бас", "директоры"])
        #expect(forms("ОКҚ-де өткен брифинг") == ["ОКҚ-де", "өткен", "брифинг"])
        #expect(forms("АҚШ-пен және ІЖӨ-нің") == ["АҚШ-пен", "және", "ІЖӨ-нің"])
        #expect(tokens("ҚР Президенті").map(\.kind) == [.abbreviation, .word])
        #expect(tokens("ЮНЕСКО-ның")[0].kind == .abbreviation)
    }

    @Test func numbersWithSuffixesDecimalsTimesAndDates() {
        #expect(forms("55-ші конкурсы, 35-те, 60-тан астам") == ["55-ші", "конкурсы", ",", "35-те", ",", "60-тан", "астам"])
        #expect(forms("13%-ға өсіп") == ["13%-ға", "өсіп"])
        #expect(forms("40% көп") == ["40%", "көп"])
        #expect(forms("5 %-ке дейін") == ["5", "%-ке", "дейін"])
        #expect(forms("5-еуі де, 1-ақ рет, 100-дей адам, 2-ншіден") == ["5-еуі", "де", ",", "1-ақ", "рет", ",", "100-дей", "адам", ",", "2-ншіден"])
        #expect(forms("сағат 11.00-де басталады") == ["сағат", "11.00-де", "басталады"])
        #expect(forms("1,8 млрд. және 2,2 трлн.") == ["1,8", "млрд.", "және", "2,2", "трлн."])
        #expect(forms("05.11.2016 ж.") == ["05.11.2016", "ж."])
        #expect(tokens("11.00-де")[0].kind == .number)
        #expect(forms("сағат 18:30-да, есеп 2:1.") == ["сағат", "18:30-да", ",", "есеп", "2:1", "."])
        #expect(forms("Оқи отырыңыз: Қазақстан") == ["Оқи", "отырыңыз", ":", "Қазақстан"])
        #expect(forms("тарихи- мәдени мұра") == ["тарихи", "-", "мәдени", "мұра"])
    }

    @Test func numberRangesAndNumbersBeforeWordsAreSplitAsInKTB() {
        // kk_ktb-dev: "2008-2009 жылдардағы" is 2008 | - | 2009; "1-кезеңінің" is 1 | - | кезеңінің.
        #expect(forms("2008-2009 жылдардағы") == ["2008", "-", "2009", "жылдардағы"])
        #expect(forms("5-6 қарашада") == ["5", "-", "6", "қарашада"])
        #expect(forms("15-жылдығының") == ["15", "-", "жылдығының"])
        #expect(forms("1-кезеңінің") == ["1", "-", "кезеңінің"])
        #expect(forms("17-үйде") == ["17", "-", "үйде"])
        // Stacked endings still join: ordinal + possessive + case, plural + genitive.
        #expect(forms("2-ншісіне, 10-дардың, 2020-сыншы, 5%-тік") == ["2-ншісіне", ",", "10-дардың", ",", "2020-сыншы", ",", "5%-тік"])
    }

    @Test func numberWithStraySpaceBeforeItsEndingIsOneToken() {
        let result = tokens("егер 90- шы жылдардың ортасында")
        #expect(result.map(\.text) == ["егер", "90- шы", "жылдардың", "ортасында"])
        #expect(result[1].norm == "90-шы")
        #expect(result[1].kind == .number)
        // Not an ending: the dash stays apart.
        #expect(forms("2017 - 2018") == ["2017", "-", "2018"])
        #expect(forms("90- жылдар") == ["90", "-", "жылдар"])
    }

    @Test func hyphenatedWordsAreOneToken() {
        #expect(forms("«Франция-Қазақстан» тобы") == ["«", "Франция-Қазақстан", "»", "тобы"])
        #expect(forms("Сондай-ақ іс-шара өтті") == ["Сондай-ақ", "іс-шара", "өтті"])
        #expect(forms("Бизнестің Жол картасы-2020 Бағдарламасы") == ["Бизнестің", "Жол", "картасы-2020", "Бағдарламасы"])
    }

    @Test func quotesAndDashesAreSeparateTokens() {
        #expect(forms("«Сазген сазы» ансамблі") == ["«", "Сазген", "сазы", "»", "ансамблі"])
        #expect(forms("қуаныштымыз\",- деді") == ["қуаныштымыз", "\"", ",", "-", "деді"])
        #expect(forms("кездесті, - деп хабарлады") == ["кездесті", ",", "-", "деп", "хабарлады"])
        #expect(forms("болуы – маңызды") == ["болуы", "–", "маңызды"])
        #expect(forms("«Қазақстан -2030» стратегиясында") == ["«", "Қазақстан", "-", "2030", "»", "стратегиясында"])
    }

    @Test func ellipsisIsOneTokenOtherMarksAreNot() {
        #expect(forms("Дауа жоқ...") == ["Дауа", "жоқ", "..."])
        #expect(forms("Не дейсің?!") == ["Не", "дейсің", "?", "!"])
        #expect(forms("Солай ма?..") == ["Солай", "ма", "?", ".", "."])
        #expect(forms("Қасқыр…") == ["Қасқыр", "…"])
    }

    @Test func analyticVerbFormsAreOneTokenAsInKTB() {
        #expect(forms("қайшылықтар болған емес.") == ["қайшылықтар", "болған емес", "."])
        #expect(forms("ұстазынан», деген екен.") == ["ұстазынан", "»", ",", "деген екен", "."])
        #expect(forms("Мен оны көрген емеспін") == ["Мен", "оны", "көрген емеспін"])
        // "-ған еді" stays two tokens (KTB: "тірелген еді").
        #expect(forms("тірелген еді") == ["тірелген", "еді"])
        #expect(forms("жаман емес") == ["жаман", "емес"])
    }

    @Test func webAddressesEmailsHandlesAndEmoji() {
        #expect(forms("деп хабарлайды Almaty.tv.") == ["деп", "хабарлайды", "Almaty.tv", "."])
        #expect(tokens("Almaty.tv")[0].kind == .url)
        #expect(forms("Толығырақ: https://almaty.gov.kz/page/1?x=2, және www.inform.kz.")
            == ["Толығырақ", ":", "https://almaty.gov.kz/page/1?x=2", ",", "және", "www.inform.kz", "."])
        let mail = tokens("Хат: press@akorda.kz арқылы")
        #expect(mail.map(\.text) == ["Хат", ":", "press@akorda.kz", "арқылы"])
        #expect(mail[2].kind == .email)
        #expect(forms("#Алматы1000 @akorda_press") == ["#Алматы1000", "@akorda_press"])
        let emoji = tokens("Құттықтаймыз 🎉👍🏽 🇰🇿!")
        #expect(emoji.map(\.text) == ["Құттықтаймыз", "🎉", "👍🏽", "🇰🇿", "!"])
        #expect(emoji[1].kind == .symbol)
        // Cyrillic words run together at a full stop are not an address.
        #expect(forms("орнатылды.Киіз үйдің") == ["орнатылды", ".", "Киіз", "үйдің"])
    }

    @Test func readsTheNormalisedViewAndKeepsOriginalSurface() {
        // A normaliser that maps the Latin "i" homoglyph to Kazakh "і" and drops a soft hyphen.
        let text = "Алматы қаласiның әкi\u{00AD}мі"
        var document = Document(id: "t", text: text)
        var normalized = NormalizedText(originalCount: document.scalars.count, reservingCapacity: document.scalars.count)
        for (offset, scalar) in document.scalars.enumerated() where scalar != "\u{00AD}" {
            normalized.append(scalar == "i" ? "і" : scalar, from: offset, to: offset + 1)
        }
        document.normalized = normalized
        Tokenizer().annotate(&document)
        #expect(document.tokens.map(\.text) == ["Алматы", "қаласiның", "әкi\u{00AD}мі"])
        #expect(document.tokens[2].norm == "әкімі")
        #expect(document.tokens[1].norm == "қаласіның")
        #expect(document.tokens[2].start == 17 && document.tokens[2].end == 23)
    }

    @Test func invisibleMarksInsideWordsDoNotSplitThem() {
        // Without a normaliser (identity view) a soft hyphen stays inside its word.
        #expect(forms("әкі\u{00AD}мі кездесті") == ["әкі\u{00AD}мі", "кездесті"])
        #expect(forms("сөз\u{200C}дер") == ["сөз\u{200C}дер"])
    }

    @Test func longRunsWithoutSpacesAreScannedInOnePass() {
        // Every token start in a run used to look for an address to the end of the run.
        let run = String(repeating: "a.b", count: 40_000)
        let result = tokens(run)
        #expect(result.count == 80_001)  // a . ba . ba … b
        #expect(result.first?.text == "a" && result.last?.text == "b")
    }

    @Test func worksOnTheNormalizersView() {
        // Latin "i" inside a Cyrillic word, typographic quotes and dashes, a soft hyphen, a no-break space.
        let text = "Алматы қаласiның әкi\u{00AD}мі Б.Байбек “Сазген сазы” іс–шарасына келді,\u{00A0}— деді."
        var document = Document(id: "t", text: text)
        Normalizer().annotate(&document)
        Tokenizer().annotate(&document)
        expectConsistent(document)
        #expect(document.tokens.map(\.text) == [
            "Алматы", "қаласiның", "әкi\u{00AD}мі", "Б.", "Байбек", "“", "Сазген", "сазы", "”", "іс–шарасына", "келді", ",", "—", "деді", ".",
        ])
        #expect(document.tokens.map(\.norm) == [
            "Алматы", "қаласіның", "әкімі", "Б.", "Байбек",
            "\"", "Сазген", "сазы", "\"", "іс-шарасына", "келді", ",", "-", "деді", ".",
        ])
        SentenceSegmenter().annotate(&document)
        #expect(document.sentences.count == 1)
    }

    @Test func emptyAndSpaceOnlyTextHaveNoTokens() {
        #expect(tokens("").isEmpty)
        #expect(tokens(" \n\t ").isEmpty)
    }

    @Test func ktbDevSentencesTokeniseAsGold() {
        // Sentences and gold surface tokens from UD_Kazakh-KTB kk_ktb-dev.conllu (CC BY-SA 4.0).
        let gold: [(String, [String])] = [
            ("Еуровидение 2010 ән конкурсы Еуровидениенің 55-ші конкурсы болады.",
             ["Еуровидение", "2010", "ән", "конкурсы", "Еуровидениенің", "55-ші", "конкурсы", "болады", "."]),
            ("Макроэкономикалық көрсеткіштер жаман емес, - деді Г. Марченко.",
             ["Макроэкономикалық", "көрсеткіштер", "жаман", "емес", ",", "-", "деді", "Г.", "Марченко", "."]),
            ("Сен бұл жолдан аман-есен қайтарсың, еліңе аман барарсың... — деді.",
             ["Сен", "бұл", "жолдан", "аман-есен", "қайтарсың", ",", "еліңе", "аман", "барарсың", "...", "—", "деді", "."]),
        ]
        for (text, expected) in gold {
            #expect(forms(text) == expected)
        }
    }
}
