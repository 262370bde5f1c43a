import Foundation
import Testing
import TextModel

@Suite struct DocumentPrettyJSONTests {
    static func encoderPretty<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A document with every layer, strings holding JSON's own punctuation, and empty arrays and objects.
    static func document(id: String) -> Document {
        let text = "Алматыда {1,8} млрд. [теңге] \"бөлінді\": \\ / \t\n«Біз келдік», - деді Б.Байбек."
        var document = Document(id: id, text: text, metadata: DocumentMetadata(title: "Тақырып: {жоқ}", published: "2025-10-05"))
        document.language = .kk
        document.paragraphs = [Paragraph(start: 0, end: 20, language: .kk)]
        document.tokens = [
            Token(text: "Алматыда", start: 0, end: 8, kind: .word, lemma: "Алматы", upos: .PROPN, feats: "Case=Loc"),
            Token(text: "{1,8}", norm: "1.8", start: 9, end: 14, spaceAfter: false, kind: .number),
        ]
        document.sentences = [Sentence(start: 0, end: 14, tokenRange: 0..<2)]
        document.entities = [Entity(text: "Б.Байбек", label: "PERSON", canonical: "Бауыржан Байбек", start: 60, end: 68, tokenRange: 5..<8, roles: ["әкімі", "«Нұр Отан», төрағасы"])]
        document.amounts = [Amount(text: "1,8 млрд. теңге", value: 1_800_000_000, unit: "KZT", modifier: nil, start: 9, end: 24)]
        document.quotes = [Quote(text: "Біз келдік", speaker: nil, start: 40, end: 50)]
        document.events = [Event(title: "көрме", when: nil, where: "Абай алаңы", participants: [], start: 0, end: 5)]
        return document
    }

    @Test func sameBytesAsJSONEncoderForOneDocument() throws {
        let document = Self.document(id: "id/1")
        #expect(document.prettyJSON() == (try Self.encoderPretty(document)))
        let empty = Document(id: "", text: "")
        #expect(empty.prettyJSON() == (try Self.encoderPretty(empty)))
    }

    @Test func elementsOneLevelDeepMakeTheEncodersArray() throws {
        let documents = [Self.document(id: "a"), Document(id: "b", text: "Сәлем."), Self.document(id: "c")]
        let written = "[\n  " + documents.map { $0.prettyJSON(level: 1) }.joined(separator: ",\n  ") + "\n]"
        #expect(written == (try Self.encoderPretty(documents)))
    }

    @Test func reindentsNestedEmptyContainersAndEscapes() throws {
        #expect(PrettyJSON.reindent(#"{"a":[],"b":{},"c":[1,{"d":"x\"}{,:"}]}"#)
            == "{\n  \"a\" : [\n\n  ],\n  \"b\" : {\n\n  },\n  \"c\" : [\n    1,\n    {\n      \"d\" : \"x\\\"}{,:\"\n    }\n  ]\n}")
    }
}
