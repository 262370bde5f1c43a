import KazakhData
import Testing

@Suite struct DataFileTests {
    @Test func monthsTableHasAllTwelveInOrder() {
        #expect(Months.kazakh.count == 12)
        #expect(Months.kazakh["қараша"] == 11)
        #expect(Months.kazakh["қазан"] == 10)
        #expect(Months.russian["ноября"] == 11)
        #expect(Set(Months.kazakh.values) == Set(1...12))
    }

    @Test func missingFileIsAClearError() {
        #expect(throws: DataFile.MissingError.self) { try DataFile.rows("no-such-table.tsv") }
    }
}
