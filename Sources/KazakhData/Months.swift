/// Month names in Kazakh and Russian, loaded from `Resources/months.tsv`.
public enum Months {
    /// Kazakh nominative month name → month number (1…12).
    public static let kazakh: [String: Int] = {
        var table: [String: Int] = [:]
        for row in DataFile.requiredRows("months.tsv") where row.count >= 2 {
            if let number = Int(row[1]) { table[row[0]] = number }
        }
        return table
    }()

    /// Months whose Kazakh name alone ("қаңтарда") is read as the month; маусым ("season" too) needs a day.
    public static let standsAlone: Set<Int> = {
        Set(DataFile.requiredRows("months.tsv").compactMap { row in row.count >= 5 && row[4] == "y" ? Int(row[1]) : nil })
    }()

    /// Russian nominative and genitive month names → month number.
    public static let russian: [String: Int] = {
        var table: [String: Int] = [:]
        for row in DataFile.requiredRows("months.tsv") where row.count >= 4 {
            if let number = Int(row[1]) {
                table[row[2]] = number
                table[row[3]] = number
            }
        }
        return table
    }()

    /// Endings a month name takes in running text, "" for the bare name ("қарашада", "қазанның", "шілдесінде";
    /// `month-endings.tsv`, rows `month`).
    public static let nameEndings: Set<String> = endings(of: "month")

    /// Endings of a day number after its month in the genitive ("ақпанның 5-інде", "наурыздың 15-і";
    /// `month-endings.tsv`, rows `day`).
    public static let possessedDayEndings: Set<String> = endings(of: "day")

    private static func endings(of kind: String) -> Set<String> {
        Set(DataFile.requiredRows("month-endings.tsv").compactMap { row in
            row.count >= 2 && row[1] == kind ? (row[0] == "-" ? "" : row[0]) : nil
        })
    }
}
