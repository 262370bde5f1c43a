import Foundation
import SearchStore

/// A bar chart drawn as server-side SVG (no script, no toolchain): attention over time above search results and
/// mentions per month on an entity page. Every period between the first and the last is a bar, empty ones too,
/// so the time axis is even; each bar links to the search narrowed to its period.
struct BarChart {
    /// One bar with its geometry in the SVG's coordinates (a `viewBox`, so the chart scales with the page).
    struct Bar {
        var x: String
        var y: String
        var width: String
        var height: String
        var count: Int
        /// The period in words ("5 қараша 2016", "қазан 2016"), for the tooltip and screen readers.
        var title: String
        var href: TemplateOptional<String>
    }

    /// A cell under the axis, one per bar (so labels line up with bars at any width without inline styles); most
    /// are empty, a few carry their period's name.
    struct Tick {
        var text: String
        /// Which screens show the label: all (nil), "wide" or "narrow". A phone has room for about half the labels a
        /// desktop has, so each width gets its own evenly spaced set and the style sheet hides the other.
        var widths: TemplateOptional<String> = nil
    }

    /// Labels a desktop-wide chart shows at most.
    static let wideLabels = 7
    /// Labels a phone-wide chart shows at most: at 390 px, four labels of "қараша 2016" leave a gap between each.
    static let narrowLabels = 4

    var width = 720
    var height = 110
    /// Where the bars stand.
    var baseline = 108
    var bars: [Bar]
    var ticks: [Tick]
    /// Bars too thin to centre a label under: the first and last labels then align with the chart's edges instead
    /// of running past them.
    var dense: Bool
    var peak: Int
    /// What one bar counts ("days", "weeks", "months", "years"), in the page's language.
    var unit: String
    /// A one-line summary for screen readers: the busiest period and the range.
    var summary: String

    /// A period of the chart: its key (`2016-11-05`, `2025-W37`, `2016-10`, `2016`), the filter range it stands for
    /// (`from`, `to`) and its count.
    struct Period {
        var key: String
        var from: String
        var to: String
        var count: Int
    }

    /// The bucket size of a chart.
    enum Granularity: String {
        case day, week, month, year
    }

    /// Builds the chart's geometry for `periods` (already contiguous, oldest first).
    init?(periods: [Period], granularity: Granularity, display: (String) -> String, unit: String, href: (Period) -> String?) {
        guard !periods.isEmpty, periods.contains(where: { $0.count > 0 }) else { return nil }
        let peak = periods.map(\.count).max() ?? 1
        let step = Double(width) / Double(periods.count)
        let gap = step > 6 ? max(1.0, step * 0.18) : 0.5
        // A few periods get bars of a readable width, centred in their share of the axis.
        let barWidth = min(max(step - gap, 0.5), 56)
        let top = 4.0
        let base = Double(baseline)
        let available = base - top
        func format(_ value: Double) -> String { String(format: "%.1f", value) }
        bars = periods.enumerated().map { index, period in
            let height = period.count == 0 ? 0 : max(2.0, available * Double(period.count) / Double(peak))
            return Bar(
                x: format(Double(index) * step + (step - barWidth) / 2), y: format(base - height), width: format(barWidth),
                height: format(height), count: period.count, title: "\(display(period.key)): \(period.count)",
                href: TemplateOptional(href(period))
            )
        }
        dense = periods.count > Self.wideLabels * 2
        let wide = Self.labelled(count: periods.count, atMost: Self.wideLabels)
        let narrow = Self.labelled(count: periods.count, atMost: Self.narrowLabels)
        ticks = periods.enumerated().map { index, period in
            guard wide.contains(index) || narrow.contains(index) else { return Tick(text: "") }
            let text = granularity == .day ? Self.withoutYear(display(period.key)) : display(period.key)
            let widths: String? = wide.contains(index) == narrow.contains(index) ? nil : (wide.contains(index) ? "wide" : "narrow")
            return Tick(text: text, widths: widths.template)
        }
        self.peak = peak
        self.unit = unit
        let busiest = periods.max { $0.count < $1.count }!
        summary = "\(display(periods.first!.key)) – \(display(periods.last!.key)); max \(display(busiest.key)): \(busiest.count)"
    }

    /// The indices of at most `limit` labels among `count` bars, evenly spaced, the first and the last bar always
    /// among them; a label too close to the last one is dropped so the two never overlap.
    static func labelled(count: Int, atMost limit: Int) -> Set<Int> {
        let every = max(1, Int((Double(count - 1) / Double(max(1, limit - 1))).rounded(.up)))
        return Set((0..<count).filter { index in
            (index % every == 0 && count - 1 - index >= (every + 1) / 2) || index == count - 1
        })
    }

    private static func withoutYear(_ text: String) -> String {
        text.split(separator: " ").filter { !($0.count == 4 && $0.allSatisfy(\.isNumber)) }.joined(separator: " ")
    }

    // MARK: Periods

    /// The periods of a search's matches: by day when they span up to 45 days, by ISO week up to 40 weeks, by month
    /// up to 4 years, else by year. Documents dated only to the month count in month and year charts.
    static func periods(days: [FacetCount], months: [FacetCount]) -> (periods: [Period], granularity: Granularity)? {
        let monthCounts = months.filter { $0.value.count == 7 }
        guard let firstMonth = monthCounts.map(\.value).min(), let lastMonth = monthCounts.map(\.value).max() else { return nil }
        let dayTotal = days.reduce(0) { $0 + $1.count }
        let monthTotal = monthCounts.reduce(0) { $0 + $1.count }
        let monthSpan = monthIndex(lastMonth) - monthIndex(firstMonth)
        if dayTotal == monthTotal, let first = days.first.flatMap({ date($0.value) }), let last = days.last.flatMap({ date($0.value) }) {
            let span = calendar.dateComponents([.day], from: first, to: last).day ?? 0
            if span <= 45 { return (dayPeriods(days, from: first, to: last), .day) }
            if span <= 280 { return (weekPeriods(days, from: first, to: last), .week) }
        }
        if monthSpan < 48 { return (monthPeriods(monthCounts, from: firstMonth, to: lastMonth), .month) }
        return (yearPeriods(monthCounts, from: firstMonth, to: lastMonth), .year)
    }

    /// Every month from `first` to `last` (`yyyy-MM`), with `counts` (zero where missing): the entity page's timeline.
    static func monthPeriods(_ counts: [FacetCount], from first: String, to last: String) -> [Period] {
        let byMonth = Dictionary(counts.map { ($0.value, $0.count) }, uniquingKeysWith: +)
        return (monthIndex(first)...max(monthIndex(first), monthIndex(last))).map { index in
            let key = String(format: "%04d-%02d", index / 12, index % 12 + 1)
            return Period(key: key, from: key, to: key, count: byMonth[key] ?? 0)
        }
    }

    private static func yearPeriods(_ counts: [FacetCount], from first: String, to last: String) -> [Period] {
        var byYear: [Int: Int] = [:]
        for count in counts { if let year = Int(count.value.prefix(4)) { byYear[year, default: 0] += count.count } }
        let firstYear = Int(first.prefix(4)) ?? 0
        return (firstYear...max(firstYear, Int(last.prefix(4)) ?? firstYear)).map { year in
            Period(key: String(format: "%04d", year), from: String(format: "%04d-01", year), to: String(format: "%04d-12", year), count: byYear[year] ?? 0)
        }
    }

    private static func dayPeriods(_ days: [FacetCount], from first: Date, to last: Date) -> [Period] {
        let byDay = Dictionary(days.map { ($0.value, $0.count) }, uniquingKeysWith: +)
        var periods: [Period] = []
        var day = first
        while day <= last {
            let key = iso(day)
            periods.append(Period(key: key, from: key, to: key, count: byDay[key] ?? 0))
            day = calendar.date(byAdding: .day, value: 1, to: day)!
        }
        return periods
    }

    private static func weekPeriods(_ days: [FacetCount], from first: Date, to last: Date) -> [Period] {
        var byWeek: [Date: Int] = [:]
        for day in days { if let date = date(day.value) { byWeek[monday(of: date), default: 0] += day.count } }
        var periods: [Period] = []
        var week = monday(of: first)
        while week <= last {
            let components = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: week)
            let key = String(format: "%04d-W%02d", components.yearForWeekOfYear ?? 0, components.weekOfYear ?? 0)
            let sunday = calendar.date(byAdding: .day, value: 6, to: week)!
            periods.append(Period(key: key, from: iso(week), to: iso(sunday), count: byWeek[week] ?? 0))
            week = calendar.date(byAdding: .day, value: 7, to: week)!
        }
        return periods
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static func monday(of date: Date) -> Date {
        let weekday = calendar.component(.weekday, from: date)  // 1 = Sunday
        return calendar.date(byAdding: .day, value: -((weekday + 5) % 7), to: date)!
    }

    private static func monthIndex(_ month: String) -> Int {
        let parts = month.split(separator: "-").compactMap { Int($0) }
        guard parts.count >= 2 else { return 0 }
        return parts[0] * 12 + parts[1] - 1
    }

    private static func date(_ value: String) -> Date? {
        let parts = value.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }

    private static func iso(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
