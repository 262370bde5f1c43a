@testable import Analysis
import KazakhData
import Testing
import TextModel

/// Issue 17, class 6: page chrome kept in plain text gives no facts. Page text written for these tests.
@Suite struct PageChromeFilterTests {
    @Test func countersTickersTagsAndRelatedHeadlinesGiveNoFacts() {
        let text = """
            Көкшетауда жаңа мектеп ашылды
            1 850 рет көрсетілді
            USD 515.20 ▲ | EUR 601.10 ▼
            Қалада 600 орындық мектеп пайдалануға берілді. Құрылысқа 4 млрд теңге жұмсалды.
            Тегтер: Көкшетау, мектеп
            Ұқсас жаңалықтар
            Павлодарда 300 орындық балабақша салынды
            Семейде 12 көпқабатты үй тапсырылды
            """
        var document = Seeds.facts(text, tags: [("Көкшетау", "GPE"), ("Павлодарда", "GPE"), ("Семейде", "GPE")])
        PageChromeFilter().annotate(&document)
        let body = text.unicodeScalars.firstRange(of: "Қалада 600".unicodeScalars)!
        let bodyStart = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: body.lowerBound)
        let bodyEnd = bodyStart + "Қалада 600 орындық мектеп пайдалануға берілді. Құрылысқа 4 млрд теңге жұмсалды.".unicodeScalars.count
        #expect(document.amounts.contains { $0.text.hasPrefix("4 млрд") })
        #expect(document.amounts.allSatisfy { (bodyStart..<bodyEnd).contains($0.start) })
        #expect(document.entities.isEmpty)
    }

    /// The byte comparison of simple lines gives exactly what the `String` methods give (graphemes under canonical
    /// equivalence), on lines made to tell them apart: a marker followed by a combining mark or a variation selector
    /// (one grapheme with it, so no marker), a decomposed letter, a space that is not ASCII, Kelvin's K, CR LF.
    @Test func simpleLinesAreComparedByBytesExactlyAsByGraphemes() {
        let lines = [
            "1 850 рет көрсетілді", "Тегтер: Көкшетау, мектеп", "Жарнама", "жарнама беру", "Фото: «Ақорда» баспасөз қызметі",
            "Оқи отырыңыз: Семейде жаңа көпір ашылды", "Барлық құқықтар қорғалған — 2025", "USD 515.20 ▲", "👁 1 204",
            "👁\u{FE0F} 1 204", "2 400 рет көрсетілді\u{0301}", "240 рет оқылды…", "Бөлісу ", "\u{00A0}Бөлісу", "Бөлісу\u{00A0}",
            "Те\u{0301}гтер: ауа райы", "ТЕГТЕР: ауа райы", "Теги: Алматы", "\u{212A}азақстан", "Қаралды:\r\n 45",
            "Мектеп ашылды", "Шымкентте 3 ёлка қойылды", "Шымкентте 3 е\u{0308}лка қойылды", "Просмотров: 12", "рет көрсетілд",
        ]
        for text in lines {
            let lower = text.lowercased()
            let expected = Boilerplate.isBoilerplate(text) || Boilerplate.markers.contains { lower.contains($0) }
            #expect(PageChromeFilter.isChrome(text: text, lower: lower) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(PageChromeFilter.isChrome(text: "1 850 рет көрсетілді", lower: "1 850 рет көрсетілді"))
        #expect(!PageChromeFilter.isChrome(text: "Мектеп ашылды", lower: "мектеп ашылды"))
        #expect(PageChromeFilter.SimpleText.holds("тегтер: «ақорда» — 2025…"))
        #expect(!PageChromeFilter.SimpleText.holds("е\u{0308}лка"))
    }

    @Test func runningTextWithACounterWordIsKept() {
        let text = "Бейнежазба әлеуметтік желіде бір тәулікте 2 миллион рет көрсетілді, деп жазады тілшіміз. Оны Астанадағы мектеп оқушылары түсірген, олардың жобасына әкімдік 500 мың теңге грант берген."
        var document = Seeds.facts(text, tags: [("Астанадағы", "GPE")])
        let before = document.amounts.count
        PageChromeFilter().annotate(&document)
        #expect(before > 0)
        #expect(document.amounts.count == before)
        #expect(document.entities.count == 1)
    }

    /// Issue 17: a byline names the article's author, who is not a person of the text: the name goes to
    /// `metadata.authors` and is no entity.
    @Test func aBylineIsTheAuthorNotANameOfTheText() {
        let text = """
            Павлодарда жаңа көпір ашылды
            Автор: Айгүл Сапарова
            Ертіс өзені арқылы салынған көпірді облыс әкімі Асаин Байханов ашты. Құрылысқа 12 млрд теңге жұмсалды.
            Фото: облыс әкімдігінің баспасөз қызметі
            """
        var document = Seeds.facts(text, tags: [("Айгүл Сапарова", "PERSON"), ("Асаин Байханов", "PERSON"), ("Ертіс", "LOCATION")])
        PageChromeFilter().annotate(&document)
        #expect(document.metadata.authors == ["Айгүл Сапарова"])
        #expect(Set(document.entities.map(\.canonical)) == ["Ертіс", "Асаин Байханов"])
        // A label with no tagged name: the words after it, up to a comma
        var untagged = Seeds.facts("Көпір ашылды\nМәтін: Ерлан Омаров, фото: Дана Әли\nКөпір 2 жылда салынды.")
        PageChromeFilter().annotate(&untagged)
        #expect(untagged.metadata.authors == ["Ерлан Омаров"])
    }

    @Test func aNameAloneOnAFootLineIsTheAuthor() {
        let body = """
            Шымкентте жаңа саябақ ашылды
            Саябақты қала әкімі Ғабит Сыздықбеков ашты.
            Саябаққа 5 мың ағаш отырғызылды.
            Жұмыс келесі жылы жалғасады.
            """
        var signed = Seeds.facts(body + "\nДәурен Қасымов, «Оңтүстік Қазақстан»",
                                 tags: [("Ғабит Сыздықбеков", "PERSON"), ("Дәурен Қасымов", "PERSON"), ("Шымкентте", "GPE")])
        PageChromeFilter().annotate(&signed)
        #expect(signed.metadata.authors == ["Дәурен Қасымов"])
        #expect(!signed.entities.contains { $0.canonical == "Дәурен Қасымов" })
        // A foot line that goes on as a sentence is text, and its person stays
        var sentence = Seeds.facts(body + "\nДәурен Қасымов саябаққа алғыс айтты.",
                                   tags: [("Ғабит Сыздықбеков", "PERSON"), ("Дәурен Қасымов", "PERSON"), ("Шымкентте", "GPE")])
        PageChromeFilter().annotate(&sentence)
        #expect(sentence.metadata.authors == nil)
        #expect(sentence.entities.contains { $0.canonical == "Дәурен Қасымов" })
    }
}
