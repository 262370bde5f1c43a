import Testing
import TextModel

@Suite struct TimexTests {
    @Test func dayWithTimeOfDay() throws {
        let point = try #require(Timex("2016-11-05T11:00").start?.point)
        #expect(point.year == 2016)
        #expect(!point.yearIsUnknown)
        #expect(point.period == .day(month: 11, day: 5))
        #expect(point.clockText == "11:00")
        #expect(point.clock == Timex.Clock(hour: 11, minute: 0))
        #expect(Timex("2016-11-05T11:00").hasClock)
    }

    @Test func unknownYear() throws {
        let point = try #require(Timex("XXXX-11-05").start?.point)
        #expect(point.year == nil)
        #expect(point.yearIsUnknown)
        #expect(point.period == .day(month: 11, day: 5))
        #expect(!Timex("XXXX-11-05").hasClock)
    }

    @Test func periods() {
        #expect(Timex("2016").start?.point?.period == .year)
        #expect(Timex("2016-10").start?.point?.period == .month(10))
        #expect(Timex("2025-FA").start?.point?.period == .season("FA"))
        #expect(Timex("XXXX-Q1").start?.point?.period == .quarter(1))
        #expect(Timex("2025-H1").start?.point?.period == .half(1))
        #expect(Timex("2025-W37").start?.point?.period == .week(37))
    }

    @Test func rangesKeepBothParts() {
        let range = Timex("XXXX-08-01T09:00/XXXX-08-01T18:00")
        #expect(range.parts.count == 2)
        #expect(range.parts.map { $0.point?.clock?.hour } == [9, 18])
        #expect(range.hasClock)
    }

    @Test func otherValuesAreKeptAsWritten() {
        #expect(Timex("PRESENT_REF").parts == [.other("PRESENT_REF")])
        #expect(Timex("201X").start?.point?.period == .year)
        #expect(Timex("201X").start?.point?.year == nil)
        #expect(Timex("19").parts == [.other("19")])
        #expect(Timex("2016-13").parts == [.other("2016-13")])
        #expect(!Timex("PRESENT_REF").hasClock)
        #expect(Timex("XXXX-11-05T25:00").start?.point?.clock == nil)
        #expect(Timex("").parts.isEmpty)
    }
}
