public import Foundation
public import TextModel

/// An RFC 5545 iCalendar writer for extracted events: `VCALENDAR` with one `VEVENT` per event
/// (UID, DTSTAMP, DTSTART — `VALUE=DATE` when there is no time of day — DTEND for date ranges, SUMMARY,
/// LOCATION, DESCRIPTION), text escaped, lines folded at 75 octets, CRLF line ends.
///
/// Times without a zone are written as floating local times (RFC 5545 §3.3.5, form #1): the news gives the local
/// wall-clock time and the calendar application places it in the reader's zone.
public enum ICalendar {
    /// When an event starts (or ends).
    public enum Moment: Sendable, Equatable {
        case date(year: Int, month: Int, day: Int)
        case dateTime(year: Int, month: Int, day: Int, hour: Int, minute: Int)
    }

    /// One calendar entry.
    public struct Entry: Sendable, Equatable {
        /// Unique id of the entry (UID), stable across exports so calendars update rather than duplicate.
        public var uid: String
        /// The entry's title (SUMMARY).
        public var summary: String
        /// Where it takes place (LOCATION), or nil.
        public var location: String?
        /// Longer text (DESCRIPTION), or nil.
        public var description: String?
        /// When it starts (DTSTART): a whole day or a floating local time.
        public var start: Moment
        /// Exclusive end (a whole-day range ends the day after its last day), or nil.
        public var end: Moment?

        /// Creates an entry; `end` is exclusive.
        public init(uid: String, summary: String, location: String? = nil, description: String? = nil, start: Moment, end: Moment? = nil) {
            self.uid = uid
            self.summary = summary
            self.location = location
            self.description = description
            self.start = start
            self.end = end
        }
    }

    /// Product identifier written in `PRODID`.
    public static let productID = "-//Tilshi//Kazakh news events//KK"

    /// The iCalendar text of `entries`, stamped with `stamp` (UTC).
    public static func write(_ entries: [Entry], stamp: Date = Date()) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:\(productID)", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        let stampText = utcStamp(stamp)
        for entry in entries {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:\(escape(entry.uid))")
            lines.append("DTSTAMP:\(stampText)")
            lines.append(property("DTSTART", entry.start))
            if let end = entry.end { lines.append(property("DTEND", end)) }
            lines.append("SUMMARY:\(escape(entry.summary))")
            if let location = entry.location, !location.isEmpty { lines.append("LOCATION:\(escape(location))") }
            if let description = entry.description, !description.isEmpty { lines.append("DESCRIPTION:\(escape(description))") }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Calendar entries for a document's events, and a note for each event left out (no date, or no year
    /// and neither a document date nor `defaultYear`).
    public static func entries(from document: Document, defaultYear: Int? = nil) -> (entries: [Entry], skipped: [String]) {
        let documentYear = document.metadata.published.flatMap { Int($0.prefix(4)) }
        let year = documentYear ?? defaultYear
        var entries: [Entry] = []
        var skipped: [String] = []
        for (index, event) in document.events.enumerated() {
            guard let when = event.when else {
                skipped.append("\(document.id): event '\(event.title)' has no date")
                continue
            }
            let timex = Timex(when)
            guard let (start, end) = moments(timex, year: year) else {
                let reason = timex.start?.point?.yearIsUnknown == true && year == nil ? "has no year (\(when)); give the document date" : "has no calendar day (\(when))"
                skipped.append("\(document.id): event '\(event.title)' \(reason)")
                continue
            }
            var description = document.slice(event.start, event.end)
            if !event.participants.isEmpty { description += "\n" + event.participants.joined(separator: ", ") }
            entries.append(Entry(
                uid: "\(document.id)-\(index + 1)@tilshi", summary: event.title, location: event.where,
                description: description, start: start, end: end
            ))
        }
        return (entries, skipped)
    }

    /// Start and exclusive end of a TIMEX3 value: `2016-11-05`, `XXXX-11-05T11:00`, `XXXX-11-05/XXXX-11-06`.
    static func moments(_ value: String, year: Int?) -> (Moment, Moment?)? {
        moments(Timex(value), year: year)
    }

    /// Start and exclusive end of `timex`; a year written `XXXX` is `year`.
    public static func moments(_ timex: Timex, year: Int?) -> (Moment, Moment?)? {
        guard let first = timex.start, let start = moment(first, year: year) else { return nil }
        if timex.parts.count == 2 {
            guard let last = moment(timex.parts[1], year: year), case .date(let y, let m, let d) = last,
                  case .date(let startYear, let startMonth, let startDay) = start
            else { return nil }
            // A range that would end before it starts (a year boundary with an unknown year) keeps only its first day.
            guard (y, m, d) >= (startYear, startMonth, startDay) else { return (start, nextDay(startYear, startMonth, startDay)) }
            return (start, nextDay(y, m, d))
        }
        if case .date(let y, let m, let d) = start { return (start, nextDay(y, m, d)) }
        return (start, nil)
    }

    /// A day, with its time of day when it has one; nil for anything coarser, or a time of day that is not `hh:mm`.
    private static func moment(_ part: Timex.Part, year: Int?) -> Moment? {
        guard let point = part.point, case .day(let month, let day) = point.period,
              let resolvedYear = point.yearIsUnknown ? year : point.year
        else { return nil }
        if point.clockText != nil {
            guard let clock = point.clock else { return nil }
            return .dateTime(year: resolvedYear, month: month, day: day, hour: clock.hour, minute: clock.minute)
        }
        return .date(year: resolvedYear, month: month, day: day)
    }

    private static func nextDay(_ year: Int, _ month: Int, _ day: Int) -> Moment {
        var components = DateComponents(year: year, month: month, day: day)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        components.day = day + 1
        guard let date = calendar.date(from: components) else { return .date(year: year, month: month, day: day) }
        let next = calendar.dateComponents([.year, .month, .day], from: date)
        return .date(year: next.year!, month: next.month!, day: next.day!)
    }

    private static func property(_ name: String, _ moment: Moment) -> String {
        switch moment {
        case .date(let year, let month, let day):
            return "\(name);VALUE=DATE:\(digits(year, 4))\(digits(month, 2))\(digits(day, 2))"
        case .dateTime(let year, let month, let day, let hour, let minute):
            return "\(name):\(digits(year, 4))\(digits(month, 2))\(digits(day, 2))T\(digits(hour, 2))\(digits(minute, 2))00"
        }
    }

    private static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private static func utcStamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return "\(digits(c.year!, 4))\(digits(c.month!, 2))\(digits(c.day!, 2))T\(digits(c.hour!, 2))\(digits(c.minute!, 2))\(digits(c.second!, 2))Z"
    }

    /// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n": result += "\\n"
            case "\r": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Folds a content line so no line exceeds 75 octets, never splitting a UTF-8 sequence (RFC 5545 §3.1).
    static func fold(_ line: String) -> String {
        var lines: [String] = []
        var current = ""
        var currentOctets = 0
        for scalar in line.unicodeScalars {
            let octets = String(scalar).utf8.count
            if currentOctets + octets > 75 {
                lines.append(current)
                current = " "
                currentOctets = 1
            }
            current.unicodeScalars.append(scalar)
            currentOctets += octets
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }
}
