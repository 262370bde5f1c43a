import Formats
public import Foundation
import TextModel

extension NewsDatabase {
    /// The events and meetings between `from` and `to` (as ``events(from:to:limit:)`` selects them) as an iCalendar
    /// file (`GET /api/events.ics`), stamped `now`.
    public func eventCalendar(from: String? = nil, to: String? = nil, now: Date = Date()) throws -> String {
        EventCalendar.ics(try events(from: from, to: to), now: now)
    }
}

/// Stored events and meetings as iCalendar entries, written by ``ICalendar``.
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
            description: description.joined(separator: "\n"), start: start, url: event.documentURL
        )
    }

    /// The start of `event`: its own date (and time of day) when known, else its article's publication day.
    static func start(of event: StoredEvent) -> ICalendar.Moment? {
        let publishedYear = event.published.flatMap { Int($0.prefix(4)) }
        for candidate in [event.time, event.published].compactMap({ $0 }) {
            guard let point = Timex(candidate).start?.point, case .day(let month, let day) = point.period,
                  let year = point.yearIsUnknown ? publishedYear : point.year
            else { continue }
            if candidate == event.time, let clock = point.clock {
                return .dateTime(year: year, month: month, day: day, hour: clock.hour, minute: clock.minute)
            }
            return .date(year: year, month: month, day: day)
        }
        return nil
    }
}
