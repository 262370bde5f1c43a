import Testing
@testable import NewsSources

@Suite struct PlainTextReaderTests {
    @Test func firstShortLineIsTheTitle() {
        let text = "Алматы ресми түрде World Craft City мәртебесіне ие болды\n\nЖаңалықтармен бөлісіңіз\n\n5 қазан күні Алматы қаласына мәртебе берілді."
        let result = PlainTextReader().read(text, input: "a.txt")
        let document = try! #require(result.documents.first)
        #expect(document.title == "Алматы ресми түрде World Craft City мәртебесіне ие болды")
        #expect(document.text == "5 қазан күні Алматы қаласына мәртебе берілді.")
    }

    @Test func sentenceFirstLineIsNotATitle() {
        let text = "Парижде ЮНЕСКО штаб пәтерінде Алматы қаласының 1000 жылдығын атап өтті.\nБұл туралы әкімдік хабарлады."
        let document = try! #require(PlainTextReader().read(text, input: "a.txt").documents.first)
        #expect(document.title == nil)
        #expect(document.text.hasPrefix("Парижде"))
    }
}

@Suite struct PlainTextReaderHeadlineTests {
    @Test func questionOrExclamationHeadlineIsTheTitle() throws {
        let text = "Жаңа жылдан бастап жол жүру ақысы неге қымбаттайды?\nҚала әкімдігі автобус билетінің бағасын 150 теңгеге көтеруді ұсынды."
        let document = try #require(PlainTextReader().read(text, input: "q.txt").documents.first)
        #expect(document.title == "Жаңа жылдан бастап жол жүру ақысы неге қымбаттайды?")
        #expect(document.text.hasPrefix("Қала әкімдігі"))
        let exclaimed = "Құрама финалға шықты!\nҰлттық құрама жартылай финалда 2:1 есебімен жеңді."
        #expect(try #require(PlainTextReader().read(exclaimed, input: "e.txt").documents.first).title == "Құрама финалға шықты!")
    }

    @Test func twoSentenceFirstLineWithQuestionIsNotATitle() throws {
        let text = "Биыл жауын көп болды. Егін қалай болады?\nФермерлер күзді күтіп отыр."
        let document = try #require(PlainTextReader().read(text, input: "q.txt").documents.first)
        #expect(document.title == nil)
    }
}
