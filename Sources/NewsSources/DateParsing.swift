import Foundation

/// Publication dates as found in feeds and meta tags, turned into ISO 8601.
public enum DateParsing {
    private static let englishMonths = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// ISO 8601 for `2025-10-05`, `2025-10-05T10:00:00+06:00`, RFC 822 (`Sun, 05 Oct 2025 10:00:00 +0600`)
    /// and `05.10.2025`; nil when the text is not a date we can read.
    public static func iso8601(_ raw: String) -> String? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        let scalars = Array(text.unicodeScalars)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= scalars.count else { return nil }
            var value = 0
            for scalar in scalars[range] {
                guard ("0"..."9").contains(scalar) else { return nil }
                value = value * 10 + Int(scalar.value - 48)
            }
            return value
        }
        // ISO: yyyy-MM-dd[Thh:mm[:ss][zone]]
        if let year = digits(0..<4), scalars.count >= 10, scalars[4] == "-", let month = digits(5..<7), scalars[7] == "-",
           let day = digits(8..<10), valid(year, month, day) {
            if scalars.count > 10, scalars[10] == "T" || scalars[10] == " " {
                var view = String.UnicodeScalarView(scalars[0..<10])
                view.append("T")
                view.append(contentsOf: scalars[11...].prefix { !$0.properties.isWhitespace })
                return String(view)
            }
            return String(String.UnicodeScalarView(scalars[0..<10]))
        }
        // dd.MM.yyyy
        if scalars.count >= 10, scalars[2] == ".", scalars[5] == ".", let day = digits(0..<2), let month = digits(3..<5),
           let year = digits(6..<10), valid(year, month, day) {
            return format(year, month, day)
        }
        // RFC 822: [Www, ]dd Mmm yyyy[ hh:mm[:ss] zone]
        var parts = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        if let first = parts.first, Int(first) == nil { parts.removeFirst() }
        guard parts.count >= 3, let day = Int(parts[0]),
              let monthIndex = englishMonths.firstIndex(of: String(parts[1].lowercased().prefix(3))),
              let year = Int(parts[2]), valid(year, monthIndex + 1, day)
        else { return nil }
        var result = format(year, monthIndex + 1, day)
        if parts.count >= 4, parts[3].split(separator: ":").count >= 2 {
            var time = parts[3]
            if time.count == 5 { time += ":00" }
            result += "T" + time
            if parts.count >= 5 { result += zone(parts[4]) }
        }
        return result
    }

    private static func valid(_ year: Int, _ month: Int, _ day: Int) -> Bool {
        (1900...2200).contains(year) && (1...12).contains(month) && (1...31).contains(day)
    }

    private static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
        String(year) + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
    }

    /// `+0600` → `+06:00`; `GMT`/`UT`/`Z` → `Z`; anything else is dropped.
    private static func zone(_ raw: String) -> String {
        let upper = raw.uppercased()
        if upper == "GMT" || upper == "UT" || upper == "UTC" || upper == "Z" { return "Z" }
        let scalars = Array(raw.unicodeScalars)
        if scalars.count == 5, scalars[0] == "+" || scalars[0] == "-", scalars[1...].allSatisfy({ ("0"..."9").contains($0) }) {
            return String(String.UnicodeScalarView(scalars[0..<3])) + ":" + String(String.UnicodeScalarView(scalars[3..<5]))
        }
        return ""
    }
}

extension String {
    /// Runs of whitespace collapsed to one space, ends trimmed.
    func collapsingWhitespace() -> String {
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(" ") }
                pendingSpace = false
                output.append(scalar)
            }
        }
        return String(output)
    }
}
