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

@Suite struct EntityHeadNounTests {
    @Test func inflectedHeadNounsGetTheirNameClass() {
        #expect(EntityHeadNouns.label(of: "университетінің") == "ORGANISATION")
        #expect(EntityHeadNouns.label(of: "министрлігі") == "ORGANISATION")
        #expect(EntityHeadNouns.label(of: "даңғылы") == "FACILITY")
        #expect(EntityHeadNouns.label(of: "әуежайына") == "FACILITY")
        #expect(EntityHeadNouns.label(of: "форумына") == "EVENT")
        #expect(EntityHeadNouns.label(of: "жылдығына") == "EVENT")
        #expect(EntityHeadNouns.label(of: "кодексі") == "LAW")
        #expect(EntityHeadNouns.label(of: "бағдарламасы") == "PROJECT")
        #expect(EntityHeadNouns.label(of: "кітап") == nil)
        #expect(EntityHeadNouns.label(of: "астана") == nil)
    }

    @Test func longerStemsAreTriedFirst() {
        let lengths = EntityHeadNouns.stems.map(\.stem.count)
        #expect(lengths == lengths.sorted(by: >))
        #expect(EntityHeadNouns.stems.count > 50)
    }
}
