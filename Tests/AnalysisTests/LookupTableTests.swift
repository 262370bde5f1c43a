@testable import Analysis
import Testing
import TextModel

/// The hashed lookup tables behind the tagger's fast paths answer exactly as the dictionaries they replace.
@Suite struct LookupTableTests {
    /// Forms of the seed articles and three case forms of each: several thousand distinct keys.
    static func formKeys() throws -> [UInt64] {
        let forms = try Seeds.texts().flatMap { Seeds.document($0).tokens.map(\.norm) }
        return forms.flatMap { [$0, $0 + "ның", $0 + "да", $0 + "ға"] }.map { FeatureHash.of($0.unicodeScalars) }
    }

    @Test func formKeyTableFindsEveryEntryThroughGrowth() throws {
        var table = FormKeyTable()
        var expected: [UInt64: Int] = [:]
        for key in try Self.formKeys() where expected[key] == nil {
            expected[key] = expected.count
            table.insert(key, entry: expected.count - 1)
        }
        // More keys than the first table holds at half load (2,048), so it has grown.
        #expect(expected.count > 4_096)
        #expect(table.count == expected.count)
        for (key, entry) in expected { #expect(table.find(key) == entry) }
        let absent = try Seeds.texts().flatMap { $0.split(separator: " ") }.map { FeatureHash.of(($0 + "ЖОҚ").unicodeScalars) }
        for key in absent where expected[key] == nil { #expect(table.find(key) == nil) }
        table.removeAll()
        #expect(table.count == 0)
        #expect(try Self.formKeys().allSatisfy { table.find($0) == nil })
    }

    @Test func firstWordFilterPassesEveryNameAndFewOthers() throws {
        let keys = try Self.formKeys()
        let names = Array(Set(keys.prefix(keys.count / 2)))
        let others = Set(keys.suffix(keys.count / 2)).subtracting(names)
        let filter = FirstWordFilter(names)
        // Never a false "no": that would drop a lexicon or gazetteer hit.
        #expect(names.allSatisfy(filter.mayContain))
        // A few thousand names set well under 1 % of the 2^20 bits: other words mostly skip the lookup.
        let passed = others.filter(filter.mayContain).count
        #expect(passed * 50 < others.count, "\(passed) of \(others.count) other words pass")
    }
}
