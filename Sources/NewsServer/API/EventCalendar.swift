import Formats
import Foundation
import SearchStore

/// `GET /api/events.ics`: stored events and meetings as iCalendar entries, written by ``ICalendar``.
///
/// An event's own TIMEX3 value gives its day (a year written `XXXX` is taken from the article's date);
/// an event with no day of its own is placed on its article's publication day.
enum EventCalendar {
    static func ics(_ events: [StoredEvent], now: Date = Date()) -> String {
        ICalendar.write(events.compactMap(entry), stamp: now)
    }

    static func entry(_ event: StoredEvent) -> ICalendar.Entry? {
        guard let start = start(of: event) else { return nil }
        let summary = event.title ?? (event.kind == "meeting" ? "Кездесу: " + event.participants.joined(separator: ", ") : event.documentTitle ?? event.kind)
        var description: [String] = []
        if !event.participants.isEmpty { description.append(event.participants.joined(separator: ", ")) }
        if let title = event.documentTitle { description.append(title) }
        return ICalendar.Entry(
            uid: "\(event.documentID)-\(event.start)-\(event.end)@tilshi", summary: summary, location: event.place,
            description: description.joined(separator: "\n"), start: start
        )
    }

    /// The start of `event`: its own date (and time of day) when known, else its article's publication day.
    static func start(of event: StoredEvent) -> ICalendar.Moment? {
        let publishedYear = event.published.flatMap { Int($0.prefix(4)) }
        for candidate in [event.time, event.published].compactMap({ $0 }) {
            let halves = candidate.split(separator: "/").first?.split(separator: "T", maxSplits: 1) ?? []
            guard let date = halves.first?.split(separator: "-"), date.count == 3,
                  let year = date[0] == "XXXX" ? publishedYear : Int(date[0]),
                  let month = Int(date[1]), let day = Int(date[2].prefix(2)), (1...12).contains(month), (1...31).contains(day)
            else { continue }
            if halves.count == 2, candidate == event.time {
                let clock = halves[1].split(separator: ":")
                if clock.count >= 2, let hour = Int(clock[0]), let minute = Int(clock[1].prefix(2)), hour < 24, minute < 60 {
                    return .dateTime(year: year, month: month, day: day, hour: hour, minute: minute)
                }
            }
            return .date(year: year, month: month, day: day)
        }
        return nil
    }
}
