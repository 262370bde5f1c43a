/// A TIMEX3 value (ISO-TimeML) read once into its parts, for everything that needs more than the string:
/// the iCalendar writer, the web page's dates and calendar, and the evaluation's DATE/TIME classes.
///
/// Forms read: a year (`2016`), a month (`2016-11`), a day (`2016-11-05`), a time of day after `T`
/// (`2016-11-05T11:00`), an unknown year `XXXX` (`XXXX-11-05`), seasons (`2025-FA`), quarters and half-years
/// (`XXXX-Q1`, `2025-H1`), ISO weeks (`2025-W37`), and ranges of these joined by `/`
/// (`XXXX-11-05/XXXX-11-06`). Anything else (`PRESENT_REF`, a decade `201X`, a century `19`) is kept as an
/// ``Part/other(_:)`` part, so a reader can still show it as written.
public struct Timex: Sendable, Hashable, CustomStringConvertible {
    /// The value as written.
    public let value: String
    /// The `/`-separated parts: one for a point, two for a range.
    public let parts: [Part]

    /// One side of a range, or the whole value.
    public enum Part: Sendable, Hashable {
        case point(Point)
        /// A part that is not a calendar point (`PRESENT_REF`, `201X`), as written.
        case other(String)

        /// The part as written.
        public var text: String {
            switch self {
            case .point(let point): return point.text
            case .other(let text): return text
            }
        }

        /// The calendar point, when the part is one.
        public var point: Point? {
            if case .point(let point) = self { return point }
            return nil
        }
    }

    /// A calendar point: a year (possibly unknown), a period within it and perhaps a time of day.
    public struct Point: Sendable, Hashable {
        /// The part as written (`XXXX-11-05T11:00`).
        public var text: String
        /// The year, nil when it is not written in digits (`XXXX`, `201X`).
        public var year: Int?
        /// The year is written `XXXX`: unknown, to be taken from the document's date.
        public var yearIsUnknown: Bool
        /// Which part of the year the point names: the whole year, a month, a day, a season…
        public var period: Period
        /// The text after `T` as written (`11:00`), when there is one.
        public var clockText: String?

        /// The time of day of ``clockText`` when it is `hh:mm` (hour below 24, minute below 60).
        public var clock: Clock? {
            guard let clockText else { return nil }
            let fields = clockText.split(separator: ":")
            guard fields.count == 2, let hour = Int(fields[0]), let minute = Int(fields[1]), hour < 24, minute < 60 else { return nil }
            return Clock(hour: hour, minute: minute)
        }

        /// The month, when the point is a month or a day.
        public var month: Int? {
            switch period {
            case .month(let month), .day(let month, _): return month
            default: return nil
            }
        }
    }

    /// What part of the year a point names.
    public enum Period: Sendable, Hashable {
        case year
        case month(Int)
        case day(month: Int, day: Int)
        /// `SP`, `SU`, `FA`, `WI`.
        case season(String)
        case quarter(Int)
        case half(Int)
        case week(Int)
    }

    /// A time of day read from `hh:mm`.
    public struct Clock: Sendable, Hashable {
        /// Hour, 0–23.
        public var hour: Int
        /// Minute, 0–59.
        public var minute: Int

        /// Creates a time of day; the caller keeps hour below 24 and minute below 60.
        public init(hour: Int, minute: Int) {
            self.hour = hour
            self.minute = minute
        }
    }

    /// Reads a TIMEX3 value (`2016-11-05T11:00`, `XXXX-11-05/XXXX-11-06`) into its parts.
    public init(_ value: String) {
        self.value = value
        self.parts = value.split(separator: "/").map(Self.part)
    }

    /// The value as written.
    public var description: String { value }

    /// The first part (the start of a range), when the value has any.
    public var start: Part? { parts.first }

    /// Some part has a time of day (`XXXX-11-05T11:00`): TIMEX3 class TIME rather than DATE.
    public var hasClock: Bool { parts.contains { $0.point?.clockText?.first?.isASCIIDigit == true } }

    static let seasons: Set<Substring> = ["SP", "SU", "FA", "WI"]

    private static func part(_ text: Substring) -> Part {
        let halves = text.split(separator: "T", maxSplits: 1)
        let fields = halves.first?.split(separator: "-") ?? []
        guard let first = fields.first, first.count == 4 else { return .other(String(text)) }
        let period: Period
        switch fields.count {
        case 1:
            period = .year
        case 2:
            let second = fields[1]
            if let month = Int(second), (1...12).contains(month) {
                period = .month(month)
            } else if seasons.contains(second) {
                period = .season(String(second))
            } else if second.count == 2, let number = Int(second.dropFirst()), second.first == "Q" || second.first == "H" {
                period = second.first == "Q" ? .quarter(number) : .half(number)
            } else if second.count == 3, second.first == "W", let number = Int(second.dropFirst()), (1...53).contains(number) {
                period = .week(number)
            } else {
                return .other(String(text))
            }
        case 3:
            guard let month = Int(fields[1]), (1...12).contains(month), let day = Int(fields[2]), (1...31).contains(day) else {
                return .other(String(text))
            }
            period = .day(month: month, day: day)
        default:
            return .other(String(text))
        }
        return .point(Point(
            text: String(text), year: Int(first), yearIsUnknown: first == "XXXX", period: period, clockText: halves.count == 2 ? String(halves[1]) : nil
        ))
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension TimeExpression {
    /// The value read into its parts.
    public var timex: Timex { Timex(value) }
}
