import Analysis
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

    @Test func runningTextWithACounterWordIsKept() {
        let text = "Бейнежазба әлеуметтік желіде бір тәулікте 2 миллион рет көрсетілді, деп жазады тілшіміз. Оны Астанадағы мектеп оқушылары түсірген, олардың жобасына әкімдік 500 мың теңге грант берген."
        var document = Seeds.facts(text, tags: [("Астанадағы", "GPE")])
        let before = document.amounts.count
        PageChromeFilter().annotate(&document)
        #expect(before > 0)
        #expect(document.amounts.count == before)
        #expect(document.entities.count == 1)
    }
}
