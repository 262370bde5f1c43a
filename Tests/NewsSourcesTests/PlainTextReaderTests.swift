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
