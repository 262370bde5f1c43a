import Foundation
import SearchStore

/// Writes stored events and meetings as an iCalendar file (RFC 5545) for `GET /api/events.ics`.
///
/// Events whose date is known to the day become all-day events (or timed ones when the time expression
/// has an hour); the rest fall back to the publication day of their article.
enum EventCalendar {
    static func ics(_ events: [StoredEvent], host: String, now: Date = Date()) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tilshi//Kazakh news events//KK", "CALSCALE:GREGORIAN", "X-WR-CALNAME:Tilshi"]
        let stamp = Self.utcStamp(now)
        for event in events {
            guard let start = Self.start(of: event) else { continue }
            let title = event.title ?? (event.kind == "meeting" ? "Кездесу: " + event.participants.joined(separator: ", ") : event.documentTitle ?? event.kind)
            lines.append("BEGIN:VEVENT")
            lines.append("UID:\(event.documentID)-\(event.start)-\(event.end)@tilshi")
            lines.append("DTSTAMP:\(stamp)")
            lines.append(start)
            lines.append("SUMMARY:" + escape(title))
            if let place = event.place { lines.append("LOCATION:" + escape(place)) }
            var description: [String] = []
            if !event.participants.isEmpty { description.append(event.participants.joined(separator: ", ")) }
            if let documentTitle = event.documentTitle { description.append(documentTitle) }
            if !description.isEmpty { lines.append("DESCRIPTION:" + escape(description.joined(separator: "\n"))) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `DTSTART` for a TIMEX3 value with a full date (optionally with `Thh:mm`), else the publication day.
    static func start(of event: StoredEvent) -> String? {
        for candidate in [event.time, event.published].compactMap({ $0 }) {
            let digits = candidate.filter(\.isNumber)
            let isDate = candidate.count >= 10 && candidate.prefix(10).enumerated().allSatisfy { index, character in
                index == 4 || index == 7 ? character == "-" : character.isASCII && character.isNumber
            }
            guard isDate else { continue }
            let day = String(digits.prefix(8))
            if candidate.count >= 16, candidate.dropFirst(10).first == "T", digits.count >= 12, candidate == event.time {
                return "DTSTART:\(day)T\(digits.dropFirst(8).prefix(4))00"
            }
            return "DTSTART;VALUE=DATE:\(day)"
        }
        return nil
    }

    /// Text value escaping of RFC 5545 §3.3.11.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n": result += "\\n"
            case "\r": break
            default: result.append(character)
            }
        }
        return result
    }

    /// Folds a content line at 75 octets without splitting a UTF-8 character (§3.1).
    static func fold(_ line: String) -> String {
        var result = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            if octets + size > 75 {
                result += "\r\n "
                octets = 1
            }
            result.append(character)
            octets += size
        }
        return result
    }

    static func utcStamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }
}
