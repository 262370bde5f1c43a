import Foundation
import Testing
import TilshiTesting

/// The README's "Tilshi as a Swift library" example (`Examples/LibraryExample/main.swift`) compiles and finds what the
/// README says it finds.
@Suite struct LibraryExampleTests {
    @Test func theReadmeExampleFindsThePeoplePlaceAndMeeting() throws {
        let example = try #require(BuiltExecutable.url("LibraryExample"), "build the LibraryExample executable first")
        let result = try BuiltExecutable.run(example)
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("PERSON Бауыржан Байбек 23 38 Алматы қаласының әкімі") })
        #expect(lines.contains { $0.hasPrefix("PERSON Пьер Кабаре ") })
        #expect(lines.contains { $0.hasPrefix("POSITION Алматы қаласының әкімі 0 22") })
        #expect(lines.contains("meeting: Бауыржан Байбек + Пьер Кабаре"))
    }
}
