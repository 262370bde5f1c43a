import Analysis
import Foundation
import Testing
import TextModel

@Suite struct MeetingExtractorTests {
    func meetings(_ text: String, tags: [(String, String)], published: String? = nil) -> [Meeting] {
        var document = Seeds.document(text, published: published)
        Seeds.tag(&document, tags)
        EntityResolver().annotate(&document)
        TimeExtractor().annotate(&document)
        MeetingExtractor().annotate(&document)
        return document.meetings
    }

    @Test func seed001MayorMeetsDeputyAndTheSidesDiscuss() {
        let found = meetings(Seeds.text(1), tags: [("Бауыржан Байбек", "PERSON"), ("Пьер  Кабаремен", "PERSON"), ("Пьер Кабаре", "PERSON")])
        #expect(found.count == 1)
        #expect(found.first?.participants == ["Бауыржан Байбек", "Пьер Кабаре"])
        #expect(found.first?.topic?.hasPrefix("мәдени-гуманитарлық байланыстарды") == true)
        #expect(found.first?.when == nil)
    }

    @Test func seed004DeputyPrimeMinisterMeetsBokovaInParis() {
        let found = meetings(Seeds.text(4), tags: [
            ("Иманғали Тасмағамбетов", "PERSON"), ("Ирина Боковамен", "PERSON"), ("Париж", "GPE"), ("ЮНЕСКО-ның", "ORGANISATION"),
        ])
        #expect(found.count == 1)
        #expect(found.first?.participants == ["Иманғали Тасмағамбетов", "Ирина Бокова"])
        #expect(found.first?.where == "Париж")
        #expect(found.first?.topic?.hasPrefix("Қазақстан мен ЮНЕСКО арасындағы") == true)
    }

    @Test func receptionWithDateAndPlace() {
        // Weak endings (-ді, -да) are stripped because the nominatives occur in the document.
        let text = "Пьер Кабаре Астана қаласына келді. Кеше Астанада Бауыржан Байбек Пьер Кабареді қабылдады."
        let found = meetings(text, tags: [("Бауыржан Байбек", "PERSON"), ("Пьер Кабареді", "PERSON"), ("Астанада", "GPE")], published: "2016-11-04")
        let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: text.range(of: "Кеше")!.lowerBound.samePosition(in: text.unicodeScalars)!)
        #expect(found == [Meeting(participants: ["Бауыржан Байбек", "Пьер Кабаре"], when: "2016-11-03", where: "Астана", start: start, end: text.unicodeScalars.count - 1)])
    }

    @Test func roleSubjectAfterAConnective() {
        // "Премьер-министр" after "Сондай-ақ" is the one prime minister the document names.
        let text = "Форумды Қазақстан Республикасының Премьер-министрі Олжас Бектенов ашты. "
            + "Сондай-ақ Премьер-министр Германия экономика министрі Роберт Хабекпен кездесті."
        let tags = [("Қазақстан Республикасының Премьер-министрі", "POSITION"), ("Олжас Бектенов", "PERSON"),
                    ("Германия экономика министрі", "POSITION"), ("Роберт Хабекпен", "PERSON")]
        #expect(meetings(text, tags: tags).first?.participants == ["Олжас Бектенов", "Роберт Хабек"])
        // A lower-case role after a time word: "облыс әкімі" is the one regional governor of the document.
        let governor = "Қарағанды облысының әкімі Ермаған Бозымбаев зауыт ашты. "
            + "Өткен аптада облыс әкімі Цзянсу провинциясының губернаторы Сюй Куньлинмен келіссөздер жүргізді."
        let governorTags = [("Қарағанды облысының әкімі", "POSITION"), ("Ермаған Бозымбаев", "PERSON"), ("Өткен аптада", "DATE"),
                            ("Цзянсу провинциясының губернаторы", "POSITION"), ("Сюй Куньлинмен", "PERSON")]
        #expect(meetings(governor, tags: governorTags).first?.participants == ["Ермаған Бозымбаев", "Сюй Куньлин"])
        // Without a named prime minister the role stays unresolved and there is no meeting.
        let unnamed = "Сондай-ақ Премьер-министр Германия экономика министрі Роберт Хабекпен кездесті."
        #expect(meetings(unnamed, tags: [("Германия экономика министрі", "POSITION"), ("Роберт Хабекпен", "PERSON")]).isEmpty)
    }

    @Test func aPersonMeetsAGroup() {
        let text = "Шымкент қаласының әкімі Ғабит Сыздықбеков кеше облыстық мәслихат депутаттарымен кездесті."
        let found = meetings(text, tags: [("Шымкент қаласының әкімі", "POSITION"), ("Ғабит Сыздықбеков", "PERSON"), ("кеше", "DATE")])
        #expect(found.first?.participants == ["Ғабит Сыздықбеков", "облыстық мәслихат депутаттары"])
        // The group stops at a time word and is met only by a named person.
        let students = meetings("Министр Асқар Жұмағалиев бүгін студенттермен кездесті.", tags: [("Асқар Жұмағалиев", "PERSON"), ("бүгін", "DATE")])
        #expect(students.first?.participants == ["Асқар Жұмағалиев", "студенттер"])
        #expect(meetings("Жастар белгілі ақындармен кездесті.", tags: []).isEmpty)
    }

    @Test func aRoleSubjectAfterAFramingPhraseAndPastOrConverbForms() {
        let framed = meetings(
            "Шымкент қаласының әкімі Ғабит Сыздықбеков форумды ашты. Форум аясында әкім Түркияның министрі Мехмет Нури Эрсоймен кездесті.",
            tags: [("Шымкент қаласының әкімі", "POSITION"), ("Ғабит Сыздықбеков", "PERSON"), ("Түркияның", "GPE"), ("Мехмет Нури Эрсоймен", "PERSON")])
        #expect(framed.first?.participants == ["Ғабит Сыздықбеков", "Мехмет Нури Эрсой"])
        let received = meetings("Бұған дейін, 28 қаңтарда, Қасым-Жомарт Тоқаев Антониу Коштаны қабылдаған болатын.",
                                tags: [("28 қаңтарда", "DATE"), ("Қасым-Жомарт Тоқаев", "PERSON"), ("Антониу Коштаны", "PERSON")])
        #expect(received.first?.participants == ["Қасым-Жомарт Тоқаев", "Антониу Кошта"])
        #expect(received.first?.when == "XXXX-01-28")
        let held = meetings("Сапар барысында Олжас Бектенов Токио губернаторы Юрико Койкемен кездесу өткізді.",
                            tags: [("Олжас Бектенов", "PERSON"), ("Юрико Койкемен", "PERSON")])
        #expect(held.first?.participants == ["Олжас Бектенов", "Юрико Койке"])
        // "кездескен қиындықтар" (difficulties met) names no second side.
        #expect(meetings("Олжас Бектенов кездескен қиындықтар туралы айтты.", tags: [("Олжас Бектенов", "PERSON")]).isEmpty)
    }

    @Test func noMeetingWithoutTwoParticipants() {
        // seed 002: "жастар белгілі ақындармен кездеседі" is an event, not a meeting of named people.
        #expect(meetings(Seeds.text(2), tags: [("Арман Қырықбаев", "PERSON")]).isEmpty)
        #expect(meetings(Seeds.text(1), tags: []).isEmpty)
        #expect(meetings("Тараптар мәселелерді талқылады.", tags: []).isEmpty)
    }
}
