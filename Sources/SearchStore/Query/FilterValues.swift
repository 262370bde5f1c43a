import TextModel

/// The values a search filter accepts, checked the same way by the CLI and the HTTP API, so that a value one
/// refuses is never silently accepted (and matched against nothing) by the other.
public enum FilterValues {
    /// True for a real calendar date `yyyy-MM-dd` or a month `yyyy-MM` (`2025-13` and `2025-02-30` are not).
    public static func isDateOrMonth(_ value: String) -> Bool {
        isMonth(value) || isDate(value)
    }

    /// True for a month `yyyy-MM` with a month from 01 to 12.
    public static func isMonth(_ value: String) -> Bool {
        guard let parts = numericParts(value), parts.count == 2 else { return false }
        return (1...12).contains(parts[1])
    }

    /// True for a real calendar date `yyyy-MM-dd` (leap years counted: `2024-02-29` is one, `2025-02-29` is not).
    public static func isDate(_ value: String) -> Bool {
        guard let parts = numericParts(value), parts.count == 3, (1...12).contains(parts[1]) else { return false }
        return (1...daysIn(month: parts[1], year: parts[0])).contains(parts[2])
    }

    /// True for an entity label the analysis can produce or a collection can hold: KazNERD's classes and the other
    /// taggers' names for them (`PERSON`, `GPE`, `ORGANIZATION`, `WORK_OF_ART`…).
    public static func isLabel(_ value: String) -> Bool {
        knownLabels.contains(value)
    }

    /// Every label ``isLabel(_:)`` accepts, sorted (for error messages).
    public static let knownLabels: Set<String> = Set(
        (EntityLabel.kazNERD + [.organization, .workOfArt, .award]).map(\.rawValue)
    )

    /// What a bad `--label`/`label` value should have been, in one line.
    public static var labelHint: String {
        "one of " + knownLabels.sorted().joined(separator: ", ")
    }

    /// `yyyy`, `MM` (and `dd`) as numbers, when every part has its exact width and only ASCII digits.
    private static func numericParts(_ value: String) -> [Int]? {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } })
        else { return nil }
        return parts.compactMap { Int($0) }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
