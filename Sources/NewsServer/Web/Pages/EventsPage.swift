/// The events calendar (`/events`).
struct EventsPage {
    var navEvents = true
    var from: String
    var to: String
    var icsHref: String
    var months: [EventCalendarView.Month]
    var hasMonths: Bool
    var undated: [EventCalendarView.Item]
    var hasUndated: Bool
}
