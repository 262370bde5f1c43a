/// A calendar date with optional parts, written as a TIMEX3 value (`XXXX-11-05`, `2016-10`, `2025`).
struct CalendarDate: Equatable {
    var year: Int?
    var month: Int?
    var day: Int?

    /// The document date from `metadata.published` (`2025-10-05`, `2025-10-05T09:00:00Z`, `2025`), if well formed.
    init?(published: String?) {
        guard let published else { return nil }
        let parts = published.prefix(10).split(separator: "-").map { Int($0) }
        guard let first = parts.first, let year = first, (1000...2999).contains(year) else { return nil }
        self.year = year
        if parts.count >= 2, let month = parts[1], (1...12).contains(month) {
            self.month = month
            if parts.count >= 3, let day = parts[2], (1...CalendarDate.days(in: month, year: year)).contains(day) { self.day = day }
        }
    }

    init(year: Int?, month: Int?, day: Int?) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// TIMEX3 value; an unknown year is `XXXX`.
    var value: String {
        var text = year.map { String(format4: $0) } ?? "XXXX"
        if let month { text += "-" + String(twoDigits: month) }
        if let day { text += "-" + String(twoDigits: day) }
        return text
    }

    static func days(in month: Int, year: Int?) -> Int {
        switch month {
        case 2:
            guard let year else { return 29 }
            return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// This date moved by `offset` days (for кеше/ертең); it needs a month and a day. Without a year
    /// ("XXXX-03-12") February has 29 days and a move across New Year is refused rather than guessed.
    func adding(days offset: Int) -> CalendarDate? {
        guard var month, var day else { return nil }
        var year = self.year
        day += offset
        while day < 1 {
            month -= 1
            if month < 1 {
                guard let known = year else { return nil }
                month = 12
                year = known - 1
            }
            day += CalendarDate.days(in: month, year: year)
        }
        while day > CalendarDate.days(in: month, year: year) {
            day -= CalendarDate.days(in: month, year: year)
            month += 1
            if month > 12 {
                guard let known = year else { return nil }
                month = 1
                year = known + 1
            }
        }
        return CalendarDate(year: year, month: month, day: day)
    }
}

extension CalendarDate {
    /// Days since 1970-01-01 (proleptic Gregorian) of a full date, for weekday and ISO-week arithmetic.
    var dayNumber: Int? {
        guard let year, let month, let day else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
    }

    /// ISO weekday of a full date: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    var weekday: Int? { dayNumber.map { (($0 % 7) + 7 + 3) % 7 + 1 } }

    /// TIMEX3 value of the ISO week holding this full date ("2025-W11"): the week belongs to the year of its Thursday.
    var isoWeekValue: String? {
        guard let weekday, let thursday = adding(days: 4 - weekday), let year = thursday.year, let thursdayNumber = thursday.dayNumber,
              let january1 = CalendarDate(year: year, month: 1, day: 1).dayNumber
        else { return nil }
        return String(format4: year) + "-W" + String(twoDigits: (thursdayNumber - january1) / 7 + 1)
    }

    /// This date's month moved by `offset` months, day dropped (for "келесі айда").
    func adding(months offset: Int) -> CalendarDate? {
        guard let year, let month else { return nil }
        let total = year * 12 + (month - 1) + offset
        return CalendarDate(year: total / 12, month: total % 12 + 1, day: nil)
    }
}

extension String {
    init(twoDigits value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
    init(format4 value: Int) { self = value >= 1000 ? "\(value)" : value >= 100 ? "0\(value)" : value >= 10 ? "00\(value)" : "000\(value)" }
}

/// The digits at the start of a word and what follows them ("11.00-де" → "11.00", "-де"; "13%-ға" → "13", "%-ға").
struct NumericWord {
    /// Digits with inner separators (".", ",", ":"), never ending in a separator.
    let number: Substring
    /// Everything after the number.
    let rest: Substring

    init?(_ lower: String) {
        var end = lower.startIndex
        var lastDigit = lower.startIndex
        var sawDigit = false
        while end < lower.endIndex {
            let character = lower[end]
            if character.isASCII, character.isNumber {
                sawDigit = true
                lastDigit = lower.index(after: end)
            } else if !(sawDigit && (character == "." || character == "," || character == ":")) {
                break
            }
            end = lower.index(after: end)
        }
        guard sawDigit else { return nil }
        number = lower[..<lastDigit]
        rest = lower[lastDigit...]
    }

    /// The whole number when it has no separators.
    var integer: Int? { number.count <= 9 && number.allSatisfy(\.isNumber) ? Int(number) : nil }

    /// The suffix letters after an optional hyphen ("-де" → "де", "ші" → "ші").
    var suffix: Substring { rest.first == "-" ? rest.dropFirst() : rest }
}
