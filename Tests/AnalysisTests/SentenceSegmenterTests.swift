import Analysis
import Foundation
import Testing
import TextModel

@Suite struct SentenceSegmenterTests {
    func sentences(_ text: String) -> [String] {
        var document = Document(id: "t", text: text)
        Tokenizer().annotate(&document)
        SentenceSegmenter().annotate(&document)
        return document.sentences.map { document.slice($0.start, $0.end) }
    }

    /// Sentence texts with no-break spaces shown as spaces (the seeds use both).
    func sentences(of document: Document) -> [String] {
        document.sentences.map { document.slice($0.start, $0.end).replacingOccurrences(of: "\u{00A0}", with: " ") }
    }

    @Test func sentencesCoverEveryTokenOnce() throws {
        for seed in ["000", "001", "002", "003", "004"] {
            let document = try Seeds.analysed(seed)
            var next = 0
            for sentence in document.sentences {
                #expect(sentence.tokenRange.lowerBound == next)
                #expect(!sentence.tokenRange.isEmpty)
                #expect(sentence.start == document.tokens[sentence.tokenRange.lowerBound].start)
                #expect(sentence.end == document.tokens[sentence.tokenRange.upperBound - 1].end)
                next = sentence.tokenRange.upperBound
            }
            #expect(next == document.tokens.count)
        }
    }

    @Test func seed000InitialsAndQuotes() throws {
        let result = sentences(of: try Seeds.analysed("000"))
        #expect(result.count == 26)
        #expect(result.contains("Тарихи сәтке Алматы қаласының басшысы Б.Байбек қатысты."))
        #expect(result[0] == "Парижде ЮНЕСКО штаб пәтерінде Алматы қаласының 1000 жылдығын кеңінен атап өтті.")
        #expect(result.contains { $0.hasPrefix("Оңтүстік шаһар басшысы ҚР Тұңғыш Президенті Н.Ә. Назарбаев «Қазақстан -2030»") })
        // The last sentence of a quotation carries the closing mark and the reporting clause.
        #expect(result.contains("Мен баршаңызды біздің қаламызға келіп, оның сұлулығына тәті болуға шақырамын »,- деді Б.Байбек."))
        #expect(result.contains("Сондықтан, бүгінгі көңіл-күй өте жақсы."))
        // A missing space after the full stop still ends the sentence.
        #expect(result.contains { $0.hasPrefix("Киіз үйдің ішінде проекциялық экран") })
    }

    @Test func seed001TitleLineAndParagraphs() throws {
        let result = sentences(of: try Seeds.analysed("001"))
        #expect(result.count == 16)
        #expect(result[0] == "Алматыда  Францияның «Цифрлы күз» фестивалі  өтеді")
        #expect(result[1].hasPrefix("Алматы қаласының  әкімі Бауыржан Байбек"))
        #expect(result.contains("Алматы мен Франция арасындағы тауар айналымы биылғы жылдың бірінші тоқсанында 13%-ға өсіп, оң динамика қалыптасты."))
        #expect(result.contains("Таулардың тым жақын орналасуы - Алматының туристік тартымдылығының таптырмас артықшылығы."))
    }

    @Test func seed002QuoteEndingAndAbbreviations() throws {
        let result = sentences(of: try Seeds.analysed("002"))
        #expect(result.count == 25)
        #expect(result.contains("Алматы өзінің даму барысында орасан табыстарға жетті."))
        #expect(result.contains { $0.hasPrefix("Егер сонау 90 жылдардың басында") && $0.hasSuffix("құрайды», - деп атап өтті Алматы әкімінің орынбасары Арман Қырықбаев.") })
        #expect(result.contains("Мүгедектерге әлеуметтік қолдау көрсету үшін 1,8 млрд. теңге жұмсалды, бұл өткен жылмен салыстырғанда 40%-ға көп."))
        #expect(result.contains { $0.contains("Астана қаласының Қ. Қуанышбаев атындағы") })
        #expect(result.last == "Мәдени шаралардың барлығына кіру тегін.")
    }

    @Test func seed003ShortLinesAreSentences() throws {
        let result = sentences(of: try Seeds.analysed("003"))
        #expect(result.count == 24)
        #expect(result[0] == "Алматы ресми түрде World Craft City мәртебесіне ие болды")
        #expect(result[1] == "Қала әкімдігінің баспасөз қызметі")
        #expect(result[2] == "Қала әкімдігінің баспасөз қызметі")
        #expect(result.contains("Жаңалықтармен бөлісіңіз"))
        #expect(result.contains { $0.hasSuffix("деп хабарлайды Almaty.tv.") })
        #expect(result.last == "Новости партнеров")
    }

    @Test func seed004ReportingClauseAndSpacedInitial() throws {
        let result = sentences(of: try Seeds.analysed("004"))
        #expect(result.count == 15)
        #expect(result[0] == "ҚР Премьер-Министрінің орынбасары Иманғали Тасмағамбетов Париж қаласында іс-сапармен болып, ЮНЕСКО-ның Бас директоры Ирина Боковамен кездесті, - деп хабарлады ҚР Премьер-министрінің баспасөз қызметі.")
        #expect(result.contains { $0.hasPrefix("И. Тасмағамбетовтің айтуынша, Президент сапарынан кейін") })
        #expect(result.contains { $0.hasSuffix("жүргізуге қолдау көрсетеді», - деді И. Тасмағамбетов.") })
    }

    @Test func abbreviationsDoNotEndSentencesUnlessTheyMay() {
        #expect(sentences("Қазір 1 млрд. АҚШ долларына дейінгі қаражаты бар қор құрылып жатыр.").count == 1)
        #expect(sentences("1939 ж. Қ. Жұмалиев Махамбет өлеңдерінің жинағын шығарды.").count == 1)
        #expect(sentences("Базарда алма, өрік т.б. жемістер бар. Бағасы арзан.").count == 2)
        #expect(sentences("Базарда алма, өрік т.б. Бағасы арзан.") == ["Базарда алма, өрік т.б.", "Бағасы арзан."])
    }

    @Test func terminalMarksNeedAPlausibleNextSentence() {
        #expect(sentences("Сен бұл жолдан аман-есен қайтарсың, еліңе аман барарсың... — деді.").count == 1)
        #expect(sentences("Дауа жоқ... — Құдай оңдап елдің көзі бір ашылды...") == ["Дауа жоқ...", "— Құдай оңдап елдің көзі бір ашылды..."])
        #expect(sentences("«Не істейміз?» деп сұрады ол.").count == 1)
        #expect(sentences("Не дейсің?! Бұл мүмкін емес.") == ["Не дейсің?!", "Бұл мүмкін емес."])
        #expect(sentences("Ол келді. 2016 жылы қала өсті.") == ["Ол келді.", "2016 жылы қала өсті."])
        #expect(sentences("«Бәрі дайын.» Ол кетті.") == ["«Бәрі дайын.»", "Ол кетті."])
        #expect(sentences("\"Бәрі дайын.\" Ол кетті.") == ["\"Бәрі дайын.\"", "Ол кетті."])
        #expect(sentences("Керемет!!! Бәрі келді (шамамен 100 адам). Ертең кездесеміз.")
            == ["Керемет!!!", "Бәрі келді (шамамен 100 адам).", "Ертең кездесеміз."])
    }

    @Test func lineBreaks() {
        #expect(sentences("Тақырып\nМәтін басталды.") == ["Тақырып", "Мәтін басталды."])
        #expect(sentences("Бірінші абзац\n\nекінші абзац") == ["Бірінші абзац", "екінші абзац"])
        #expect(sentences("Тақырып\r\nМәтін басталды.\r\n\r\nекінші абзац") == ["Тақырып", "Мәтін басталды.", "екінші абзац"])
        // A hard-wrapped line that continues in lower case stays in its sentence.
        #expect(sentences("Алматы қаласының\nәкімі кездесті.") == ["Алматы қаласының\nәкімі кездесті."])
        #expect(sentences("Кездесуге әкім,\nБауыржан Байбек қатысты.") == ["Кездесуге әкім,\nБауыржан Байбек қатысты."])
    }

    @Test func emptyDocumentHasNoSentences() {
        #expect(sentences("").isEmpty)
        #expect(sentences("  \n ").isEmpty)
    }
}
