import Analysis
import Testing
import TextModel

@Suite struct TimeExtractorTests {
    func times(_ text: String, published: String? = nil) -> [TimeExpression] {
        var document = Seeds.document(text, published: published)
        TimeExtractor().annotate(&document)
        return document.times
    }

    func values(_ text: String, published: String? = nil) -> [String] { times(text, published: published).map(\.value) }

    @Test func seed002Schedule() {
        let found = times(Seeds.text(2))
        let pairs = found.map { ($0.text, $0.value) }
        #expect(pairs.contains { $0 == ("5-6 қарашада", "XXXX-11-05/XXXX-11-06") })
        #expect(pairs.contains { $0 == ("5 қараша күні сағат 11.00-де", "XXXX-11-05T11:00") })
        #expect(pairs.contains { $0 == ("сағат 15.00-де", "XXXX-11-05T15:00") })
        #expect(pairs.contains { $0 == ("сағат 18.00-де", "XXXX-11-05T18:00") })
        #expect(pairs.contains { $0 == ("6 қараша күні сағат 15.00-де", "XXXX-11-06T15:00") })
        #expect(pairs.contains { $0 == ("5 және 6 қараша күндері", "XXXX-11-05/XXXX-11-06") })
        // "Бүгінгі күні" means "nowadays"; without a document date "биыл" is not resolved and not invented.
        #expect(pairs.contains { $0 == ("бүгінгі күні", "PRESENT_REF") })
        #expect(!found.contains { $0.text.hasPrefix("биыл") })
        let document = Seeds.document(Seeds.text(2))
        for time in found { #expect(document.slice(time.start, time.end) == time.text) }
    }

    @Test func yearsHalvesAndQuarters() {
        #expect(times(Seeds.text(4)).contains { $0.text == "2016 жылғы қазан айында" && $0.value == "2016-10" })
        #expect(times(Seeds.text(3)).contains { $0.text == "2025 жылдың алғашқы жартыжылдығында" && $0.value == "2025-H1" })
        #expect(times(Seeds.text(3)).contains { $0.text == "4 қазанда" && $0.value == "XXXX-10-04" })
        #expect(times(Seeds.text(3)).contains { $0.text == "5 қазан күні" && $0.value == "XXXX-10-05" })
        let quarter = "биылғы жылдың бірінші тоқсанында"
        #expect(times(Seeds.text(1)).contains { $0.text == quarter && $0.value == "XXXX-Q1" })
        #expect(times(Seeds.text(1), published: "2025-04-20").contains { $0.text == quarter && $0.value == "2025-Q1" })
        #expect(values("2023 жылдың екінші жартысында қалада 5 жаңа мектеп салынған.") == ["2023-H2"])
        #expect(values("Биылғы жылдың бірінші жартысында табыс өсті.", published: "2025-08-01") == ["2025-H1"])
        #expect(values("2016 жылы Парижде көрме өтті.") == ["2016"])
        // A range of months in one hyphenated word; backwards or unknown months are no range.
        #expect(values("Қаңтар-қараша айларында өндіріс өсті.", published: "2025-12-10") == ["2025-01/2025-11"])
        #expect(values("Наурыз-мамырда жөндеу жүреді.") == ["XXXX-03/XXXX-05"])
        #expect(values("Қараша-қаңтар айларында.").isEmpty)
        // A bare year after a month in a byline, and the abbreviation "ж.".
        #expect(values("15 қыркүйек 2025, 10:20") == ["2025-09-15"])
        #expect(values("Құжат 12 наурыз 2024 ж. қабылданды.") == ["2024-03-12"])
        // A number after an inflected month is not its year.
        #expect(values("15 қыркүйекте 2025 адам келді.") == ["XXXX-09-15"])
        #expect(values("2016 жылғы 5 қарашада кездесті.") == ["2016-11-05"])
    }

    @Test func everyMonthInEveryCase() {
        let stems = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"]
        for (offset, stem) in stems.enumerated() {
            let month = offset + 1
            let expected = "XXXX-" + (month < 10 ? "0\(month)" : "\(month)") + "-12"
            for ending in ["", "да", "нан", "ға", "дың", "ы"] {
                let form = ending.isEmpty ? stem : stem + ending
                #expect(values("Шара 12 \(form) өтеді.") == [expected], "\(form)")
            }
        }
        #expect(values("Шара 12 наурыздан бастап өтеді.") == ["XXXX-03-12"])
    }

    @Test func relativeWordsNeedTheDocumentDate() {
        #expect(values("Кеше әкім кездесті.", published: "2025-03-01") == ["2025-02-28"])
        #expect(values("Бүгін көрме ашылады.", published: "2024-12-31") == ["2024-12-31"])
        #expect(values("Ертең көрме ашылады.", published: "2024-12-31") == ["2025-01-01"])
        #expect(values("Өткен жылы 100 турист келді.", published: "2025-06-01") == ["2024"])
        #expect(values("Келесі жылы жалғасады.", published: "2025-06-01") == ["2026"])
        #expect(values("Биыл жалғасады.", published: "2025-06-01") == ["2025"])
        #expect(values("Кеше әкім кездесті.").isEmpty)
        #expect(values("Биыл жалғасады.").isEmpty)
        #expect(values("5 қараша күні өтеді.", published: "2016-11-01") == ["2016-11-05"])
    }

    @Test func decadesSeasonsAndTheFuture() {
        #expect(times(Seeds.text(2)).contains { $0.text == "90 жылдардың басында" && $0.value == "199X" })
        #expect(values("1990 жылдары өсті.") == ["199X"])
        #expect(values("Фестиваль күзде өтеді.") == ["XXXX-FA"])
        #expect(values("Фестиваль күзде өтеді.", published: "2016-06-01") == ["2016-FA"])
        #expect(values("Алдағы уақытта өтеді.") == ["FUTURE_REF"])
        #expect(values("Алдағы жоспарлар.").isEmpty)
        #expect(values("Ол 95 жылдары келді.").isEmpty)
    }

    @Test func clockTimesInheritTheSentenceDate() {
        #expect(values("5 қараша күні сағат 11.00-де көрме, ал сағат 18:30-да концерт өтеді.") == ["XXXX-11-05T11:00", "XXXX-11-05T18:30"])
        #expect(values("Сағат 18.00-де концерт өтеді.") == ["XXXX-XX-XXT18:00"])
    }

    @Test func absurdDatesAndNonsenseYieldNothing() {
        #expect(values("32 қараша күні концерт өтеді.").isEmpty)
        #expect(values("30 ақпанда өтеді.").isEmpty)
        #expect(values("Концерт сағат 25.00-де басталады.").isEmpty)
        #expect(values("Концерт сағат 12.75-де басталады.").isEmpty)
        #expect(values("6-5 қарашада өтеді.").isEmpty)
        #expect(values("Қазан қаласында көрме өтті.").isEmpty)
        #expect(values("The meeting took place on 5 November 2016.").isEmpty)
        #expect(values("Мерейтойлық 1000 жылдығын атап өтті.").isEmpty)
        #expect(values("99999999999999999999999 қараша").isEmpty)
        #expect(values("").isEmpty)
    }
}

@Suite struct PageDatelineTests {
    func dated(_ text: String) -> Document {
        var document = Seeds.document(text)
        TimeExtractor().annotate(&document)
        return document
    }

    /// A web page's date line becomes the document date, with its clock time, and anchors relative times.
    @Test func webDatelinesGiveTheDocumentDate() {
        #expect(dated("Жаңа мектеп ашылды\nЖарияланды 14.10.2025, 11:20\nБүгін қалада жаңа мектеп ашылды.").metadata.published == "2025-10-14T11:20")
        #expect(dated("Жаңа мектеп ашылды\nDala Times | 2 маусым 2025, 03:05\nМектеп ашылды.").metadata.published == "2025-06-02T03:05")
        #expect(dated("Жаңа мектеп ашылды\n18 Қыркүйек, 2025\nМектеп ашылды.").metadata.published == "2025-09-18")
        #expect(dated("Жаңа мектеп ашылды\n2025 жылдың 3 наурызында, 10:00\nМектеп ашылды.").metadata.published == "2025-03-03T10:00")
        let document = dated("Жаңа мектеп ашылды\n14.10.2025\nБүгін қалада жаңа мектеп ашылды.")
        #expect(document.times.contains { $0.text == "Бүгін" && $0.value == "2025-10-14" })
    }

    /// A body sentence that holds a date is not a date line; a date the input carries is kept.
    @Test func bodySentencesAndGivenDatesStay() {
        #expect(dated("Жаңа мектеп\nМектеп 5 қараша 2025 жылы салтанатты түрде ашылады деп күтілуде.\nМәтін.").metadata.published == nil)
        var document = Seeds.document("Мектеп ашылды\n14.10.2025\nМәтін.", published: "2025-10-01")
        TimeExtractor().annotate(&document)
        #expect(document.metadata.published == "2025-10-01")
    }

    /// "15.09.2024-те" in running text is a date.
    @Test func numericDatesInText() {
        #expect(dated("Жиын 15.09.2024-те өтті.").times.map(\.value) == ["2024-09-15"])
        #expect(dated("Жиын 31.02.2024 өтті.").times.isEmpty)
    }
}
