import Analysis
import Testing
import TextModel

/// Facts in news-style Kazakh sentences written for these tests (not taken from the seeds), to check that the
/// extractors generalise beyond the five articles they were built on.
@Suite struct FactGeneralizationTests {
    @Test func timesInOtherSentences() {
        #expect(Seeds.times("Халықаралық форум 2024 жылғы 15 наурызда Астанада өтті.") == ["2024 жылғы 15 наурызда = 2024-03-15"])
        // "дейін" after a date in the dative is part of the span (issue 17's real-news gold)
        #expect(Seeds.times("Көрме 20 желтоқсанға дейін жалғасады.") == ["20 желтоқсанға дейін = XXXX-12-20"])
        #expect(Seeds.times("Жиналыс 3 ақпан күні сағат 10.30-да басталады.") == ["3 ақпан күні сағат 10.30-да = XXXX-02-03T10:30"])
        #expect(Seeds.times("Жаңа көпір 2026 жылы пайдалануға беріледі.") == ["2026 жылы = 2026"])
        #expect(Seeds.times("Фестиваль 2026 жылдың 3 шілдесінде өтеді.") == ["2026 жылдың 3 шілдесінде = 2026-07-03"])
        #expect(Seeds.times("Шара 5 қарашасы күні өтті.").first?.hasSuffix("= XXXX-11-05") == true)
        #expect(Seeds.times("Биыл облыста 12 мектеп салынады.", published: "2025-02-10") == ["Биыл = 2025"])
        #expect(Seeds.times("Өткен жылдың үшінші тоқсанында өнім 8 пайызға өсті.", published: "2025-02-10") == ["Өткен жылдың үшінші тоқсанында = 2024-Q3"])
    }

    @Test func impossibleDatesAreNotInvented() {
        #expect(Seeds.facts("Концерт 30 ақпанда өтеді.").times.isEmpty)
        #expect(Seeds.facts("Жиын 0 мамырда басталады.").times.isEmpty)
        #expect(Seeds.facts("Сағат 24.75-те хабарласыңыз.").times.allSatisfy { !$0.value.contains("T24") && !$0.value.contains(":75") })
    }

    @Test func amountsInOtherSentences() {
        func has(_ text: String, _ surface: String, _ value: Double, _ unit: String?, _ modifier: String? = nil) -> Bool {
            Seeds.facts(text).amounts.contains { $0.text == surface && $0.value == value && $0.unit == unit && $0.modifier == modifier }
        }
        #expect(has("Жобаны іске асыруға 2,5 млрд теңге бөлінді.", "2,5 млрд теңге", 2_500_000_000, "KZT"))
        #expect(has("Былтыр өңірге 450 мыңнан астам турист келді.", "450 мыңнан астам турист", 450_000, "турист", "more_than"))
        #expect(has("Экспорт көлемі 12%-ға өсті.", "12%-ға", 12, "percent"))
        #expect(has("Өнім өндіру 3 есе артты.", "3 есе", 3, "times"))
        #expect(has("Зауыт құрылысына 40 млн доллар инвестиция салынды.", "40 млн доллар", 40_000_000, "USD"))
        #expect(has("Шараға үш мыңға жуық адам қатысты.", "үш мыңға жуық адам", 3000, "адам", "about"))
        // Opening hours are clock times, not quantities.
        #expect(Seeds.facts("Мұражай 10.00-ден 18.00-ге дейін жұмыс істейді.").amounts.isEmpty)
        // A comma decimal with an ending stays a quantity.
        #expect(Seeds.facts("Бағасы 2,50-ге дейін өсті.").amounts.map(\.value) == [2.5])
    }

    @Test func quotesInOtherSentences() {
        let people = [("Марат Әлиев", "PERSON")]
        let said = Seeds.facts("«Біз биыл жаңа мектептер саламыз», - деді облыс әкімі Марат Әлиев.", tags: people).quotes
        #expect(said.map(\.text) == ["Біз биыл жаңа мектептер саламыз"])
        #expect(said.first?.speaker == "Марат Әлиев")
        let according = Seeds.facts("Марат Әлиевтің айтуынша, жол жөндеу жұмыстары күзге дейін аяқталады.",
                                 tags: [("Марат Әлиевтің", "PERSON")]).quotes
        #expect(according.map(\.speaker) == ["Марат Әлиев"])
        // Nobody is named: the speaker stays unknown rather than guessed.
        let anonymous = Seeds.facts("«Жұмыс жалғасады», - деді ол.", tags: people).quotes
        #expect(anonymous.allSatisfy { $0.speaker == nil })
    }

    @Test func meetingsInOtherSentences() {
        let found = Seeds.facts(
            "Ақтөбе облысының әкімі Асқар Шәкіров 12 қыркүйекте Жапония елшісі Такаси Судзукимен кездесті. Тараптар инвестициялық жобаларды талқылады.",
            tags: [("Асқар Шәкіров", "PERSON"), ("Такаси Судзукимен", "PERSON")]
        ).meetings
        #expect(found.count == 1)
        #expect(found.first?.participants == ["Асқар Шәкіров", "Такаси Судзуки"])
        #expect(found.first?.when == "XXXX-09-12")
    }
}
