public import Foundation
public import TextModel

/// An RFC 5545 iCalendar writer for extracted events: `VCALENDAR` with one `VEVENT` per event
/// (UID, DTSTAMP, DTSTART — `VALUE=DATE` when there is no time of day — DTEND for date ranges, SUMMARY,
/// LOCATION, DESCRIPTION), text escaped, lines folded at 75 octets, CRLF line ends.
///
/// Times of day are the wall-clock times the news gives. They are written in the zone of ``TimeZoneRule/kazakhstan``
/// (`TZID=Asia/Almaty`, with its `VTIMEZONE`) by default, so a reader abroad sees the event at the right moment;
/// `timeZone: nil` writes floating local times instead (RFC 5545 §3.3.5, form #1).
public enum ICalendar {
    /// A time zone written as a `VTIMEZONE` component: its id and its offsets from UTC since given local dates.
    public struct TimeZoneRule: Sendable, Equatable {
        /// The zone's id (TZID), an IANA name.
        public var id: String
        /// Offsets in minutes east of UTC, each from a local date-time `yyyyMMddTHHmmss` on; oldest first.
        public var offsets: [(since: String, minutes: Int)]

        /// Creates a rule; `offsets` oldest first.
        public init(id: String, offsets: [(since: String, minutes: Int)]) {
            self.id = id
            self.offsets = offsets
        }

        public static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.id == rhs.id && lhs.offsets.elementsEqual(rhs.offsets) { $0.since == $1.since && $0.minutes == $1.minutes }
        }

        /// Kazakhstan's time, named by its largest city: UTC+6 from 2005 and UTC+5 since 1 March 2024, when the whole
        /// country moved to one zone (IANA tzdata 2024a).
        public static let kazakhstan = TimeZoneRule(id: "Asia/Almaty", offsets: [("20050315T000000", 360), ("20240301T000000", 300)])
    }

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
        /// The article that reports it (URL), or nil.
        public var url: String?

        /// Creates an entry; `end` is exclusive.
        public init(uid: String, summary: String, location: String? = nil, description: String? = nil, start: Moment, end: Moment? = nil,
                    url: String? = nil) {
            self.uid = uid
            self.summary = summary
            self.location = location
            self.description = description
            self.start = start
            self.end = end
            self.url = url
        }
    }

    /// Product identifier written in `PRODID`.
    public static let productID = "-//Tilshi//Kazakh news events//KK"

    /// The iCalendar text of `entries`, stamped with `stamp` (UTC); times of day in `timeZone` (nil: floating).
    public static func write(_ entries: [Entry], stamp: Date = Date(), timeZone: TimeZoneRule? = .kazakhstan) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:\(productID)", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        // A TZID needs its VTIMEZONE in the same file (RFC 5545 §3.6.5); written only when a time of day uses it.
        let zone = entries.contains { entry in [entry.start, entry.end].contains { if case .dateTime = $0 { true } else { false } } } ? timeZone : nil
        if let zone { lines += timeZoneLines(zone) }
        let stampText = utcStamp(stamp)
        for entry in entries {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:\(escape(entry.uid))")
            lines.append("DTSTAMP:\(stampText)")
            lines.append(property("DTSTART", entry.start, zone: zone))
            if let end = entry.end { lines.append(property("DTEND", end, zone: zone)) }
            lines.append("SUMMARY:\(escape(entry.summary))")
            if let location = entry.location, !location.isEmpty { lines.append("LOCATION:\(escape(location))") }
            if let description = entry.description, !description.isEmpty { lines.append("DESCRIPTION:\(escape(description))") }
            // A URI value is not TEXT: no escaping, but no line breaks either.
            if let url = entry.url, !url.isEmpty, !url.contains(where: \.isNewline) { lines.append("URL:\(url)") }
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
                description: description, start: start, end: end, url: document.metadata.url
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

    private static func property(_ name: String, _ moment: Moment, zone: TimeZoneRule?) -> String {
        switch moment {
        case .date(let year, let month, let day):
            return "\(name);VALUE=DATE:\(digits(year, 4))\(digits(month, 2))\(digits(day, 2))"
        case .dateTime(let year, let month, let day, let hour, let minute):
            let parameter = zone.map { ";TZID=\($0.id)" } ?? ""
            return "\(name)\(parameter):\(digits(year, 4))\(digits(month, 2))\(digits(day, 2))T\(digits(hour, 2))\(digits(minute, 2))00"
        }
    }

    /// The `VTIMEZONE` of `zone`: one STANDARD observance per offset (Kazakhstan keeps no daylight saving time).
    private static func timeZoneLines(_ zone: TimeZoneRule) -> [String] {
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(zone.id)"]
        var previous = zone.offsets.first?.minutes ?? 0
        for (since, minutes) in zone.offsets {
            lines += ["BEGIN:STANDARD", "DTSTART:\(since)", "TZOFFSETFROM:\(offset(previous))", "TZOFFSETTO:\(offset(minutes))",
                      "TZNAME:\(offset(minutes).prefix(3))", "END:STANDARD"]
            previous = minutes
        }
        return lines + ["END:VTIMEZONE"]
    }

    /// "+0500" for 300 minutes east of UTC.
    private static func offset(_ minutes: Int) -> String {
        (minutes < 0 ? "-" : "+") + digits(abs(minutes) / 60, 2) + digits(abs(minutes) % 60, 2)
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
