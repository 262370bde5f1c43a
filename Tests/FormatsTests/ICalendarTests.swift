import Formats
import Foundation
import Testing
import TextModel

@Suite struct ICalendarTests {
    static let stamp = Date(timeIntervalSince1970: 1_478_131_200)  // 2016-11-03T00:00:00Z

    func document(_ events: [Event], published: String? = nil) -> Document {
        var document = Document(id: "002", text: "Мысалы, 5 қараша күні сағат 11.00-де көрме ашылады.", metadata: DocumentMetadata(published: published))
        document.events = events
        return document
    }

    @Test func writesTimedAllDayAndRangeEvents() {
        let events = [
            Event(title: "«Алматы» атты көрме", when: "XXXX-11-05T11:00", where: "ҚР Ұлттық мұражайы", participants: [], start: 0, end: 51),
            Event(title: "Концерт", when: "2016-11-06", where: nil, participants: ["Оркестр", "Әншілер"], start: 8, end: 20),
            Event(title: "Спектакль", when: "XXXX-12-31/XXXX-01-01", where: nil, participants: [], start: 8, end: 20),
        ]
        let (entries, skipped) = ICalendar.entries(from: document(events, published: "2016-11-03"))
        #expect(skipped.isEmpty)
        #expect(entries.map(\.start) == [
            .dateTime(year: 2016, month: 11, day: 5, hour: 11, minute: 0), .date(year: 2016, month: 11, day: 6), .date(year: 2016, month: 12, day: 31),
        ])
        #expect(entries[1].end == .date(year: 2016, month: 11, day: 7))
        let text = ICalendar.write(entries, stamp: Self.stamp)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        // The time of day is Kazakhstan's wall-clock time, with the zone the file defines (UTC+6 in 2016).
        #expect(text.contains("\r\nDTSTART;TZID=Asia/Almaty:20161105T110000\r\n"))
        #expect(text.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Almaty\r\n"))
        #expect(text.contains("DTSTART:20240301T000000\r\nTZOFFSETFROM:+0600\r\nTZOFFSETTO:+0500\r\n"))
        #expect(text.contains("\r\nDTSTART;VALUE=DATE:20161106\r\nDTEND;VALUE=DATE:20161107\r\n"))
        // An impossible range (unknown year across New Year) keeps its first day only.
        #expect(entries[2].end == .date(year: 2017, month: 1, day: 1))
        #expect(text.contains("\r\nDTSTAMP:20161103T000000Z\r\n"))
        #expect(text.contains("\r\nUID:002-1@tilshi\r\n"))
        #expect(text.contains("\r\nLOCATION:ҚР Ұлттық мұражайы\r\n"))
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count == 4)
        // No bare LF: every line ends in CRLF.
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func carriesTheArticleURLAndCanWriteFloatingTimes() throws {
        let events = [Event(title: "Көрме", when: "2016-11-05T11:00", where: nil, participants: [], start: 0, end: 5)]
        var document = document(events, published: "2016-11-03")
        document.metadata.url = "https://example.kz/kk/news/korme?id=7&lang=kk"
        let entries = ICalendar.entries(from: document).entries
        let entry = try #require(entries.first)
        #expect(entry.url == document.metadata.url)
        let zoned = ICalendar.write(entries, stamp: Self.stamp)
        #expect(zoned.replacingOccurrences(of: "\r\n ", with: "").contains("\r\nURL:https://example.kz/kk/news/korme?id=7&lang=kk\r\n"))
        let floating = ICalendar.write(entries, stamp: Self.stamp, timeZone: nil)
        #expect(floating.contains("\r\nDTSTART:20161105T110000\r\n"))
        #expect(!floating.contains("VTIMEZONE"))
        // Whole days need no zone: no VTIMEZONE is written for them.
        let allDay = ICalendar.Entry(uid: "d@tilshi", summary: "Мереке", start: .date(year: 2025, month: 12, day: 16))
        #expect(!ICalendar.write([allDay], stamp: Self.stamp).contains("VTIMEZONE"))
    }

    @Test func unknownYearWithoutDocumentDateIsSkippedWithANote() {
        let events = [
            Event(title: "Көрме", when: "XXXX-11-05T11:00", where: nil, participants: [], start: 0, end: 5),
            Event(title: "Кездесу", when: nil, where: nil, participants: [], start: 0, end: 5),
            Event(title: "Жиын", when: "XXXX-XX-XXT18:00", where: nil, participants: [], start: 0, end: 5),
            Event(title: "Ай", when: "2016-10", where: nil, participants: [], start: 0, end: 5),
        ]
        let (entries, skipped) = ICalendar.entries(from: document(events))
        #expect(entries.isEmpty)
        #expect(skipped.count == 4)
        #expect(skipped[0].contains("no year"))
        #expect(ICalendar.entries(from: document(events), defaultYear: 2016).entries.count == 1)
    }

    @Test func escapesAndFoldsAt75Octets() {
        let long = String(repeating: "Тәуелсіздіктің алтын бесігі, ", count: 6)
        let entry = ICalendar.Entry(uid: "x@tilshi", summary: "a;b,c\\d\ne", description: long, start: .date(year: 2016, month: 11, day: 5))
        let text = ICalendar.write([entry], stamp: Self.stamp)
        #expect(text.contains("SUMMARY:a\\;b\\,c\\\\d\\ne\r\n"))
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        // Unfolding (CRLF + space removed) gives back the escaped text, with no UTF-8 sequence split.
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("DESCRIPTION:" + long.replacingOccurrences(of: ",", with: "\\,") + "\r\n"))
    }
}
