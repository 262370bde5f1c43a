import ArgumentParser
import Testing
@testable import TilshiCLI

@Suite struct EventsCommandTests {
    @Test func parsesFlagsAndValidatesTheDate() throws {
        let command = try TilshiCommand.Events.parse(["a.txt", "--ics", "-o", "out.ics", "--date", "2016-11-03"])
        #expect(command.ics)
        #expect(command.output == "out.ics")
        #expect(try TilshiCommand.Events.parse(["--format", "json"]).format == .json)
        #expect(throws: (any Error).self) { try TilshiCommand.Events.parse(["--date", "3 Nov"]) }
        #expect(throws: (any Error).self) { try TilshiCommand.Events.parse(["--format", "xml"]) }
    }
}
