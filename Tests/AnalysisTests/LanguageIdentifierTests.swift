import Analysis
import Foundation
import Testing
import TextModel

@Suite struct LanguageIdentifierTests {
    func analysed(_ text: String) -> Document {
        var document = Document(id: "l", text: text)
        Normalizer().annotate(&document)
        LanguageIdentifier().annotate(&document)
        return document
    }

    @Test func seedParagraphsAreKazakhExceptTheRussianFooterOfSeed003() throws {
        let texts = try Seeds.texts()
        #expect(texts.count == 5)
        for (number, text) in texts.enumerated() {
            let document = analysed(text)
            #expect(document.language == .kk)
            #expect(!document.paragraphs.isEmpty)
            for paragraph in document.paragraphs {
                let content = document.slice(paragraph.start, paragraph.end)
                let expected: Language = content == "Новости партнеров" ? .ru : .kk
                #expect(paragraph.language == expected, "seed \(number): \(content.prefix(60))")
            }
        }
        let seed003 = analysed(texts[3])
        #expect(seed003.paragraphs.last.map { seed003.slice($0.start, $0.end) } == "Новости партнеров")
        #expect(seed003.paragraphs.last?.language == .ru)
    }

    @Test func everyLineIsAParagraphWithTrimmedOriginalOffsets() {
        let text = " Алматыда  Францияның «Цифрлы күз» фестивалі  өтеді\n Алматы қаласының  әкімі\n\n \nНовости партнеров"
        let document = analysed(text)
        #expect(document.paragraphs.map { document.slice($0.start, $0.end) } == [
            "Алматыда  Францияның «Цифрлы күз» фестивалі  өтеді", "Алматы қаласының  әкімі", "Новости партнеров",
        ])
        #expect(document.paragraphs.map(\.language) == [.kk, .kk, .ru])
        #expect(document.paragraphs[0].start == 1)
    }

    @Test func paragraphsWithoutSignalFollowTheDocument() {
        let document = analysed("Алматы қаласының әкімі кездесті.\nАлматы\nALA CRAFT 2025\n2025")
        #expect(document.paragraphs.map(\.language) == [.kk, .kk, .other, .other])
        #expect(document.language == .kk)
        // On its own, a Cyrillic text with no signal is taken as Kazakh, a Latin one as other.
        #expect(LanguageIdentifier().identify("Алматы") == .kk)
        #expect(LanguageIdentifier().identify("ALA CRAFT 2025") == .other)
        #expect(LanguageIdentifier().identify("12.11.2025") == .other)
    }

    @Test func ktbAndKazNERDSentencesAreKazakh() {
        // From UD Kazakh KTB (dev) and KazNERD (valid), CC BY-SA 4.0 / CC BY 4.0.
        let sentences = [
            "Қазақстан осы өңірдегі бейбітшілікті қолдайды.",
            "Дмитрий Медведевтің Астанаға сапары 22 мамырға жоспарланып отыр.",
            "Біздің елде сізге ерекше құрметпен қарайды.",
            "Еуровидение 2010 ән конкурсы Еуровидениенің 55-ші конкурсы болады.",
            "Қой, қазақ бұлармен не ғып соғыса алсын?",
            "Олардың арасында « Әміре » , « Анаға апарар жол » мен « Томирис » картиналары бар .",
            "Кім білсін , болашақта Нобель сыйлығын алулары да ғажап емес .",
            "Біреуі балконнан музыка аспаптарын шығарып , әдемі әуен төксе , енді бірі терезеден домбырамен « Алтынай » әнін құйқылжыта шырқады .",
        ]
        for sentence in sentences { #expect(LanguageIdentifier().identify(sentence) == .kk, "\(sentence)") }
    }

    @Test func russianAndEnglishSentences() {
        let identifier = LanguageIdentifier()
        #expect(identifier.identify("Аким Алматы встретился с депутатом Национального собрания Франции.") == .ru)
        #expect(identifier.identify("По данным пресс-службы, в мероприятии приняли участие более ста мастеров.") == .ru)
        #expect(identifier.identify("Подписывайтесь на наш канал") == .ru)
        #expect(identifier.identify("The decision was made by the World Crafts Council.") == .en)
        #expect(identifier.identify("Almaty officially became a World Craft City.") == .en)
    }

    @Test func latinScriptKazakhIsKazakh() {
        let identifier = LanguageIdentifier()
        #expect(identifier.identify("Almaty qalasynyñ äkımı Bauyrjan Baibek Per Kabaremen kezdestı.") == .kk)
        #expect(identifier.identify(Transliterator.toLatin("Қазақстан осы өңірдегі бейбітшілікті қолдайды.")) == .kk)
        #expect(identifier.identify("Bız üşın būl öte mañyzdy.") == .kk)
    }
}
