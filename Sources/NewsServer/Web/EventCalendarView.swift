import Foundation
import SearchStore

/// Groups events by month for the calendar page: a Monday-first month grid plus the same events as a dated list.
struct EventCalendarView {
    let months: [[String: Any]]

    /// The calendar day of an event: its own date when the time expression has one, else its document's publication date.
    static func day(of event: StoredEvent) -> (month: String, day: Int?)? {
        for candidate in [event.time, event.published].compactMap({ $0 }) {
            let scalars = Array(candidate.utf8)
            func digits(_ range: Range<Int>) -> Int? {
                guard range.upperBound <= scalars.count, scalars[range].allSatisfy({ (48...57).contains($0) }) else { return nil }
                return Int(String(decoding: scalars[range], as: UTF8.self))
            }
            guard let year = digits(0..<4), scalars.count >= 7, scalars[4] == UInt8(ascii: "-"), let month = digits(5..<7),
                  (1...12).contains(month) else { continue }
            let key = String(format: "%04d-%02d", year, month)
            if scalars.count >= 10, scalars[7] == UInt8(ascii: "-"), let day = digits(8..<10), (1...31).contains(day) {
                return (key, day)
            }
            return (key, nil)
        }
        return nil
    }

    init(events: [StoredEvent], presenter: Presenter) {
        var byMonth: [String: [(day: Int?, event: StoredEvent)]] = [:]
        for event in events {
            guard let when = Self.day(of: event) else { continue }
            byMonth[when.month, default: []].append((when.day, event))
        }
        let weekdays = presenter.preferences.language == .en
            ? ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
            : ["Дс", "Сс", "Ср", "Бс", "Жм", "Сб", "Жс"].map(presenter.text)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        months = byMonth.keys.sorted().map { key in
            let entries = byMonth[key]!.sorted { ($0.day ?? 0) < ($1.day ?? 0) }
            let parts = key.split(separator: "-").compactMap { Int($0) }
            let first = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: 1))!
            let dayCount = calendar.range(of: .day, in: .month, for: first)?.count ?? 30
            let leading = (calendar.component(.weekday, from: first) + 5) % 7
            func item(_ entry: (day: Int?, event: StoredEvent)) -> [String: Any] {
                let event = entry.event
                let title = event.title ?? event.participants.joined(separator: ", ")
                return [
                    "href": "/documents/\(event.documentID)",
                    "title": presenter.text(title.isEmpty ? (event.documentTitle ?? event.kind) : title),
                    "date": entry.day.map { String(format: "%@-%02d", key, $0) } ?? key,
                    "place": presenter.text(event.place).template,
                    "participants": event.participants.isEmpty ? false : event.participants.map(presenter.text).joined(separator: ", "),
                    "documentTitle": presenter.text(event.documentTitle ?? ""),
                ]
            }
            var days: [[String: Any]] = Array(repeating: ["blank": true], count: leading)
            for day in 1...dayCount {
                days.append(["blank": false, "day": day, "items": entries.filter { $0.day == day }.map(item)])
            }
            while days.count % 7 != 0 { days.append(["blank": true]) }
            return [
                "key": key,
                "name": presenter.text(Self.monthName(parts[1], year: parts[0], english: presenter.preferences.language == .en)),
                "weekdays": weekdays,
                "days": days,
                "items": entries.map(item),
            ]
        }
    }

    static func monthName(_ month: Int, year: Int, english: Bool) -> String {
        let kk = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"]
        let en = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\((english ? en : kk)[month - 1]) \(year)"
    }
}
