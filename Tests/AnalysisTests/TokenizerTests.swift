import Analysis
import Testing
import TextModel

@Suite struct TokenizerTests {
    func tokens(_ text: String) -> [Token] {
        var document = Document(id: "t", text: text)
        Tokenizer().annotate(&document)
        return document.tokens
    }

    @Test func offsetsPointIntoTheOriginalText() {
        let text = "Алматы қаласының әкімі Бауыржан Байбек Пьер Кабаремен кездесті."
        let document = Document(id: "t", text: text)
        for token in tokens(text) {
            #expect(document.slice(token.start, token.end) == token.text)
        }
        #expect(tokens(text).map(\.text) == ["Алматы", "қаласының", "әкімі", "Бауыржан", "Байбек", "Пьер", "Кабаремен", "кездесті", "."])
    }

    @Test func acronymWithCaseSuffixStaysOneToken() {
        #expect(tokens("ЮНЕСКО-ның Бас директоры").map(\.text) == ["ЮНЕСКО-ның", "Бас", "директоры"])
    }
}
