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

    init(monthNames: [String], seasonNames: [String: String], quarterWord: String, halfYearWord: String, weekWord: String = "апта") {
        precondition(monthNames.count == 12, "twelve month names")
        self.monthNames = monthNames
        self.seasonNames = seasonNames
        self.quarterWord = quarterWord
        self.halfYearWord = halfYearWord
        self.weekWord = weekWord
    }

    /// The names in the page's language and script (`month.N`, `season.XX`, `quarter`, `halfYear`, `week` in `strings.tsv`).
    init(presenter: Presenter) {
        self.init(
            monthNames: (1...12).map { presenter.t("month.\($0)") },
            seasonNames: Dictionary(uniqueKeysWithValues: ["SP", "SU", "FA", "WI"].map { ($0, presenter.t("season.\($0)")) }),
            quarterWord: presenter.t("quarter"), halfYearWord: presenter.t("halfYear"), weekWord: presenter.t("week"))
    }

    func callAsFunction(_ value: String) -> String {
        value.split(separator: "/").map { display(Substring($0)) }.joined(separator: " – ")
    }

    private func display(_ part: Substring) -> String {
        let halves = part.split(separator: "T", maxSplits: 1)
        let fields = halves[0].split(separator: "-")
        guard let first = fields.first, first.count == 4 else { return String(part) }
        let year = Int(first)  // nil for XXXX: the year is unknown
        var words: [String] = []
        switch fields.count {
        case 1:
            guard let year else { return String(part) }
            words = [String(year)]
        case 2:
            let second = fields[1]
            if let month = Int(second), (1...12).contains(month) {
                words = [monthNames[month - 1]] + (year.map { [String($0)] } ?? [])
            } else if let season = seasonNames[String(second)] {
                words = [season] + (year.map { [String($0)] } ?? [])
            } else if second.count == 2, let number = Int(second.dropFirst()), second.first == "Q" || second.first == "H" {
                let period = "\(number)-" + (second.first == "Q" ? quarterWord : halfYearWord)
                words = year.map { ["\($0),", period] } ?? [period]
            } else if second.count == 3, second.first == "W", let number = Int(second.dropFirst()), (1...53).contains(number) {
                // ISO week: "2025-W37" → "2025, 37-апта".
                let week = "\(number)-" + weekWord
                words = year.map { ["\($0),", week] } ?? [week]
            } else {
                return String(part)
            }
        case 3:
            guard let month = Int(fields[1]), (1...12).contains(month), let day = Int(fields[2]), (1...31).contains(day) else {
                return String(part)
            }
            words = [String(day), monthNames[month - 1]] + (year.map { [String($0)] } ?? [])
        default:
            return String(part)
        }
        if halves.count == 2 { words.append(String(halves[1])) }
        return words.joined(separator: " ")
    }

    /// A sort key for values without a usable year: month and day first (`XXXX-10-04` before `XXXX-11-05T11:00`),
    /// then other partial values, then events with no time at all.
    static func partialOrder(_ value: String?) -> String {
        guard let value else { return "~" }
        let fields = value.split(separator: "/").first.map { $0.split(separator: "T").first ?? $0 }?.split(separator: "-") ?? []
        if fields.count >= 2, let month = Int(fields[1]), (1...12).contains(month) { return "0" + value.dropFirst(4) }
        return "1" + value
    }
}
