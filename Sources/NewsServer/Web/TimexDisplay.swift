import Foundation
import TextModel

/// Writes a TIMEX3 value for readers in the page's language: `XXXX-11-05T11:00` → "5 қараша 11:00",
/// `2016-10` → "қазан 2016", `XXXX-FA` → "күз", `2025-Q1` → "2025, 1-тоқсан", `2025-W37` → "2025, 37-апта",
/// ranges joined by a dash.
/// Anything it does not recognise is shown as it is rather than guessed.
struct TimexDisplay {
    let monthNames: [String]
    let seasonNames: [String: String]
    let quarterWord: String
    let halfYearWord: String
    /// The ISO week noun ("апта"), written after the week's number as an ordinal ("37-апта").
    let weekWord: String
    /// A season of a known year: `{season}` and `{year}` filled in ("2025 жылғы күз").
    let seasonWithYear: String
    /// Words for TIMEX3's reference values (`PRESENT_REF` → "қазір"), which are never shown as codes.
    let references: [String: String]

    init(
        monthNames: [String], seasonNames: [String: String], quarterWord: String, halfYearWord: String, weekWord: String = "апта",
        seasonWithYear: String = "{season} {year}", references: [String: String] = [:]
    ) {
        precondition(monthNames.count == 12, "twelve month names")
        self.monthNames = monthNames
        self.seasonNames = seasonNames
        self.quarterWord = quarterWord
        self.halfYearWord = halfYearWord
        self.weekWord = weekWord
        self.seasonWithYear = seasonWithYear
        self.references = references
    }

    /// The names in the page's language and script (`month.N`, `season.XX`, `quarter`, `halfYear`, `week` in `strings.tsv`).
    init(presenter: Presenter) {
        self.init(
            monthNames: (1...12).map { presenter.t("month.\($0)") },
            seasonNames: Dictionary(uniqueKeysWithValues: ["SP", "SU", "FA", "WI"].map { ($0, presenter.t("season.\($0)")) }),
            quarterWord: presenter.t("quarter"), halfYearWord: presenter.t("halfYear"), weekWord: presenter.t("week"),
            seasonWithYear: presenter.t("seasonWithYear"),
            references: Dictionary(uniqueKeysWithValues: ["PRESENT_REF", "PAST_REF", "FUTURE_REF"].map { ($0, presenter.t("timex.\($0)")) }))
    }

    func callAsFunction(_ value: String) -> String {
        callAsFunction(Timex(value))
    }

    func callAsFunction(_ timex: Timex) -> String {
        timex.parts.map(display).joined(separator: " – ")
    }

    private func display(_ part: Timex.Part) -> String {
        guard case .point(let point) = part else { return references[part.text] ?? part.text }
        let year = point.year  // nil for XXXX: the year is unknown
        var words: [String]
        switch point.period {
        case .year:
            guard let year else { return point.text }
            words = [String(year)]
        case .month(let month):
            words = [monthNames[month - 1]] + (year.map { [String($0)] } ?? [])
        case .season(let code):
            guard let season = seasonNames[code] else { return point.text }
            guard let year else { words = [season]; break }
            words = [seasonWithYear.replacingOccurrences(of: "{season}", with: season).replacingOccurrences(of: "{year}", with: String(year))]
        case .quarter(let number):
            words = Self.numbered(number, quarterWord, year: year)
        case .half(let number):
            words = Self.numbered(number, halfYearWord, year: year)
        case .week(let number):
            // ISO week: "2025-W37" → "2025, 37-апта".
            words = Self.numbered(number, weekWord, year: year)
        case .day(let month, let day):
            words = [String(day), monthNames[month - 1]] + (year.map { [String($0)] } ?? [])
        }
        if let clock = point.clockText { words.append(clock) }
        return words.joined(separator: " ")
    }

    /// "2025, 1-тоқсан", or "1-тоқсан" when the year is unknown.
    private static func numbered(_ number: Int, _ noun: String, year: Int?) -> [String] {
        let period = "\(number)-" + noun
        return year.map { ["\($0),", period] } ?? [period]
    }

    /// A sort key for values without a usable year: month and day first (`XXXX-10-04` before `XXXX-11-05T11:00`),
    /// then other partial values, then events with no time at all.
    static func partialOrder(_ value: String?) -> String {
        guard let value else { return "~" }
        if Timex(value).start?.point?.month != nil { return "0" + value.dropFirst(4) }
        return "1" + value
    }
}
