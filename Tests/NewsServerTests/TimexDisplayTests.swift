import Testing

@testable import NewsServer

/// Time values the fact extractor gives (seed 002: "5 қараша күні сағат 11.00-де", "5-6 қарашада"; seed 003: "күзде";
/// issue 5: "2016 жылғы қазан айында", "2025 жылдың алғашқы жартыжылдығында") as a reader sees them.
@Suite struct TimexDisplayTests {
    let kazakh = TimexDisplay(
        monthNames: ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"],
        seasonNames: ["SP": "көктем", "SU": "жаз", "FA": "күз", "WI": "қыс"], quarterWord: "тоқсан", halfYearWord: "жартыжылдық")

    @Test func datesTimesAndRanges() {
        #expect(kazakh("XXXX-11-05T11:00") == "5 қараша 11:00")
        #expect(kazakh("2016-11-05") == "5 қараша 2016")
        #expect(kazakh("XXXX-11-05/XXXX-11-06") == "5 қараша – 6 қараша")
    }

    @Test func monthsSeasonsQuartersAndHalves() {
        #expect(kazakh("2016-10") == "қазан 2016")
        #expect(kazakh("XXXX-FA") == "күз")
        #expect(kazakh("2025-SU") == "жаз 2025")
        #expect(kazakh("2025-H1") == "2025, 1-жартыжылдық")
        #expect(kazakh("XXXX-Q1") == "1-тоқсан")
        #expect(kazakh("2025") == "2025")
    }

    @Test func unknownValuesAreShownAsTheyAre() {
        #expect(kazakh("PRESENT_REF") == "PRESENT_REF")
        #expect(kazakh("2025-13-01") == "2025-13-01")
        #expect(kazakh("2025-W54") == "2025-W54")
        #expect(kazakh("2025-Wxx") == "2025-Wxx")
    }

    /// ISO weeks the extractor gives for "2025 жылдың 37-аптасында" and "37-аптада" (no year named).
    @Test func weeksAreWrittenAsOrdinals() {
        #expect(kazakh("2025-W37") == "2025, 37-апта")
        #expect(kazakh("2025-W05") == "2025, 5-апта")
        #expect(kazakh("XXXX-W12") == "12-апта")
        #expect(kazakh("2025-W37/2025-W39") == "2025, 37-апта – 2025, 39-апта")
    }

    @Test func partialDatesSortByMonthAndDayThenTheRest() {
        let values: [String?] = [nil, "XXXX-FA", "XXXX-11-05T18:00", "XXXX-10-04", "XXXX-11-05T11:00"]
        let sorted = values.sorted { TimexDisplay.partialOrder($0) < TimexDisplay.partialOrder($1) }
        #expect(sorted == ["XXXX-10-04", "XXXX-11-05T11:00", "XXXX-11-05T18:00", "XXXX-FA", nil])
    }
}
