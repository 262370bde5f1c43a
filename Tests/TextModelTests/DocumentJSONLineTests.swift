import Foundation
import Testing
import TextModel

@Suite struct DocumentJSONLineTests {
    static func encoderLine(_ document: Document) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    @Test func sameBytesAsJSONEncoderForEveryLayer() throws {
        let text = "Алматыда 1,8 млрд. теңге \"бөлінді\"\\ / \t\n\u{1}«Біз келдік», - деді Б.Байбек."
        var document = Document(id: "id/1", text: text, metadata: DocumentMetadata(title: "Тақырып", url: "https://kaz.kz/a", published: "2025-10-05"))
        document.language = .kk
        document.paragraphs = [Paragraph(start: 0, end: 20, language: .kk), Paragraph(start: 21, end: 40, language: .other)]
        document.tokens = [
            Token(text: "Алматыда", start: 0, end: 8, kind: .word, lemma: "Алматы", upos: .PROPN, feats: "Case=Loc"),
            Token(text: "1,8", norm: "1.8", start: 9, end: 12, spaceAfter: false, kind: .number),
        ]
        document.sentences = [Sentence(start: 0, end: 12, tokenRange: 0..<2)]
        document.entities = [
            Entity(text: "Алматыда", label: "GPE", canonical: "Алматы", start: 0, end: 8, tokenRange: 0..<1),
            Entity(text: "Б.Байбек", label: "PERSON", canonical: "Бауыржан Байбек", start: 60, end: 68, tokenRange: 5..<8, roles: ["әкімі", "«Нұр Отан» төрағасы"]),
        ]
        document.times = [TimeExpression(text: "5 қараша", value: "XXXX-11-05", start: 1, end: 3)]
        document.amounts = [
            Amount(text: "1,8 млрд. теңге", value: 1_800_000_000, unit: "KZT", modifier: nil, start: 9, end: 24),
            Amount(text: "0,5", value: 0.5, unit: nil, modifier: "more_than", start: 1, end: 2),
            Amount(text: "13%", value: 13.25, unit: "percent", modifier: "about", start: 3, end: 4),
        ]
        document.quotes = [Quote(text: "Біз келдік", speaker: "Бауыржан Байбек", start: 40, end: 50), Quote(text: "x", speaker: nil, start: 1, end: 2)]
        document.meetings = [Meeting(participants: ["A", "B"], when: "XXXX-11-05", where: nil, start: 0, end: 5, topic: "мәдени байланыс")]
        document.events = [Event(title: "көрме", when: nil, where: "Абай алаңы", participants: [], start: 0, end: 5)]
        #expect(document.jsonLine() == (try Self.encoderLine(document)))
    }

    @Test func emptyDocument() throws {
        let document = Document(id: "", text: "")
        #expect(document.jsonLine() == (try Self.encoderLine(document)))
    }
}
