import Analysis
import Testing
import TextModel

/// Issue 17, class 7: what's-on listings give one event per line. Listings written for these tests.
@Suite struct EventListingTests {
    @Test func aDateHeaderAndClockLinesGiveOneEventEach() {
        let text = """
            Қуыршақ театрының апталық афишасы
            Театр келесі аптадағы қойылымдарын жариялады.
            Бейсенбі, 13 наурыз
            10:30 – «Қаңбақ шал». Кіші зал.
            18.00 – Мұхтар Әуезовтің «Қарагөз» драмасы. Үлкен зал.
            14 наурыз, жұма, 12:00 – Балаларға арналған «Алдар Көсе» ертегісі.
            """
        // Only the listing lines carry a clock time (the lead may give an event of its own).
        let events = Seeds.facts(text, published: "2025-03-10").events.filter { $0.when?.contains("T") == true }
        #expect(events.map(\.title) == ["Қаңбақ шал", "Қарагөз", "Алдар Көсе"])
        #expect(events.map(\.when) == ["2025-03-13T10:30", "2025-03-13T18:00", "2025-03-14T12:00"])
    }

    @Test func aClockWithoutADashOrDateIsNoListing() {
        // A clock and a dash inside running text, with a date earlier on the line.
        let text = "12 наурызда жиналыс 15:00-де басталып, кешке дейін созылды. 16:30 – үзіліс болды деп хабарлады ұйымдастырушылар."
        let events = Seeds.facts(text, published: "2025-03-10").events
        #expect(!events.contains { $0.when?.hasSuffix("16:30") == true })
    }
}
