import Foundation

/// Numbers and amounts written for people in the page's language: `1800000000 KZT` → "1,8 млрд теңге",
/// `13 percent` → "13 %", `60000` → "60 000". Unit and scale words come from `strings.tsv` (`unit.KZT`,
/// `scale.billion`, `decimalSeparator`, `groupSeparator`); a unit without a string (a measure such as "тонна",
/// already a word) is written as it is.
struct AmountDisplay {
    /// Interface string lookup (the key itself when missing).
    let string: (String) -> String

    init(string: @escaping (String) -> String) {
        self.string = string
    }

    init(presenter: Presenter) {
        self.init(string: { presenter.t($0) })
    }

    func callAsFunction(_ value: Double, unit: String?) -> String {
        let number = self.number(value)
        guard let unit, !unit.isEmpty else { return number }
        let key = "unit.\(unit)"
        let word = string(key)
        return number + "\u{A0}" + (word == key ? unit : word)
    }

    /// The number alone: millions and more as a short decimal with a scale word, smaller ones with grouped digits.
    func number(_ value: Double) -> String {
        let scales: [(Double, String)] = [(1e12, "scale.trillion"), (1e9, "scale.billion"), (1e6, "scale.million")]
        for (size, key) in scales where abs(value) >= size {
            return decimal(value / size, places: 2) + "\u{A0}" + string(key)
        }
        return decimal(value, places: 2)
    }

    /// `value` with at most `places` decimals (trailing zeros dropped), grouped by three, in the page's separators.
    func decimal(_ value: Double, places: Int) -> String {
        let text = String(format: "%.\(places)f", abs(value))
        let parts = text.split(separator: ".")
        var whole = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]).replacingOccurrences(of: "0+$", with: "", options: .regularExpression) : ""
        let group = string("groupSeparator") == "groupSeparator" ? "\u{A0}" : string("groupSeparator")
        var grouped = ""
        while whole.count > 3 {
            grouped = group + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        grouped = whole + grouped
        let separator = string("decimalSeparator") == "decimalSeparator" ? "," : string("decimalSeparator")
        return (value < 0 ? "−" : "") + grouped + (fraction.isEmpty ? "" : separator + fraction)
    }
}

/// The query parser's notes (written in English for the API and the CLI) in the page's language: each known note is
/// matched by its fixed words and rewritten from `strings.tsv` (`warning.*`), with its number or characters kept.
enum QueryWarningText {
    static func localized(_ warning: String, string: (String) -> String) -> String {
        let patterns: [(prefix: String, key: String)] = [
            ("ignored the characters ", "warning.characters"),
            ("the query was cut to its first ", "warning.cut"),
            ("a query cannot only exclude words", "warning.onlyNegative"),
            ("an unclosed quote was closed", "warning.quote"),
            ("an unclosed parenthesis was closed", "warning.parenthesis"),
            ("a word longer than ", "warning.longWord"),
        ]
        guard let match = patterns.first(where: { warning.hasPrefix($0.prefix) }) else { return warning }
        let template = string(match.key)
        if template == match.key { return warning }
        let rest = String(warning.dropFirst(match.prefix.count))
        // The value a note carries: the ignored characters, or the number in it.
        let value = match.key == "warning.characters" ? rest : String(rest.prefix { $0.isNumber })
        return template.replacingOccurrences(of: "{value}", with: value)
    }
}
