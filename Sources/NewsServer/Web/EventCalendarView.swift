import Foundation
import SearchStore
import TextModel

/// Groups events by month for the calendar page: a Monday-first month grid plus the same events as a dated list.
struct EventCalendarView {
    let months: [Month]
    /// Events whose day is unknown (no date of their own and no article date), listed after the calendar.
    let undated: [Item]

    /// A month: its grid (Monday first, blank days around) and its events as a dated list.
    struct Month {
        var key: String
        var name: String
        var weekdays: [String]
        var days: [Day]
        var items: [Item]
    }

    /// A cell of the grid.
    struct Day {
        var blank: Bool
        var day: Int
        var items: [Item]

        static var blank: Day { Day(blank: true, day: 0, items: []) }
    }

    /// An event as listed.
    struct Item {
        var href: String
        var title: String
        var date: String
        var place: TemplateOptional<String>
        var participants: TemplateOptional<String>
        var documentTitle: String
    }

    /// The calendar day of an event: its own date when the time expression has one, else its document's publication date.
    /// A date whose year is unknown (`XXXX-11-05`) takes the year of the article's publication, as the `.ics` does.
    static func day(of event: StoredEvent) -> (month: String, day: Int?)? {
        let publishedYear = event.published.flatMap { Int($0.prefix(4)) }
        for candidate in [event.time, event.published].compactMap({ $0 }) {
            guard let point = Timex(candidate).start?.point, let year = point.yearIsUnknown ? publishedYear : point.year,
                  let month = point.month
            else { continue }
            let key = String(format: "%04d-%02d", year, month)
            if case .day(_, let day) = point.period { return (key, day) }
            return (key, nil)
        }
        return nil
    }

    init(events: [StoredEvent], presenter: Presenter) {
        let monthNames = (1...12).map { presenter.t("month.\($0)") }
        let display = TimexDisplay(presenter: presenter)
        var byMonth: [String: [(day: Int?, event: StoredEvent)]] = [:]
        var undated: [(order: String, item: Item)] = []
        for event in events {
            guard let when = Self.day(of: event) else {
                undated.append((TimexDisplay.partialOrder(event.time), Self.item(event, date: event.time.map(display.callAsFunction) ?? "—", presenter: presenter)))
                continue
            }
            byMonth[when.month, default: []].append((when.day, event))
        }
        // Stable: events of one article keep the article's order within the same partial date.
        self.undated = undated.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }.map(\.element.item)
        let weekdays = presenter.t("weekdays").split(separator: " ").map(String.init)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        months = byMonth.keys.sorted().map { key in
            let entries = byMonth[key]!.sorted { ($0.day ?? 0) < ($1.day ?? 0) }
            let parts = key.split(separator: "-").compactMap { Int($0) }
            let first = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: 1))!
            let dayCount = calendar.range(of: .day, in: .month, for: first)?.count ?? 30
            let leading = (calendar.component(.weekday, from: first) + 5) % 7
            func item(_ entry: (day: Int?, event: StoredEvent)) -> Item {
                Self.item(entry.event, date: display(entry.day.map { String(format: "%@-%02d", key, $0) } ?? key), presenter: presenter)
            }
            var days = Array(repeating: Day.blank, count: leading)
            for day in 1...dayCount {
                days.append(Day(blank: false, day: day, items: entries.filter { $0.day == day }.map(item)))
            }
            while days.count % 7 != 0 { days.append(.blank) }
            return Month(
                key: key, name: Self.capitalized(monthNames[parts[1] - 1]) + " \(parts[0])", weekdays: weekdays, days: days,
                items: entries.map(item)
            )
        }
    }

    static func item(_ event: StoredEvent, date: String, presenter: Presenter) -> Item {
        Item(
            href: "/documents/\(event.documentID)",
            title: title(of: event, presenter: presenter),
            date: date,
            place: presenter.text(event.place).template,
            participants: TemplateOptional(event.participants.isEmpty ? nil : event.participants.map(presenter.text).joined(separator: ", ")),
            documentTitle: presenter.text(event.documentTitle ?? "")
        )
    }

    /// What a calendar entry is called: the event's own title; a meeting without one is "Meeting: A, B".
    static func title(of event: StoredEvent, presenter: Presenter) -> String {
        if let title = event.title, !title.isEmpty { return presenter.text(title) }
        let participants = event.participants.map(presenter.text).joined(separator: ", ")
        if event.kind == "meeting" {
            return participants.isEmpty ? presenter.t("meetingTitle") : presenter.t("meetingTitle") + ": " + participants
        }
        return participants.isEmpty ? presenter.text(event.documentTitle ?? event.kind) : participants
    }

    static func capitalized(_ name: String) -> String { name.prefix(1).uppercased() + name.dropFirst() }
}
