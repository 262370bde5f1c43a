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
}
