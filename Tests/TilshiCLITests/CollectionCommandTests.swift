import ArgumentParser
import Testing
@testable import TilshiCLI

@Suite struct CollectionCommandTests {
    @Test func parsesSearchFiltersAndDefaults() throws {
        let search = try TilshiCommand.Search.parse([
            "Алматы ЮНЕСКО", "--entity", "Алматы", "--label", "GPE", "--from", "2025-01", "--to", "2025-12-31",
            "--source", "Kazinform", "--all", "--format", "json", "--db", "news.sqlite",
        ])
        #expect(search.query == "Алматы ЮНЕСКО")
        #expect(search.all && search.format == .json && search.database.path == "news.sqlite")
        #expect(try TilshiCommand.Search.parse(["x"]).database.path == "tilshi.sqlite")
        #expect(throws: (any Error).self) { try TilshiCommand.Search.parse(["x", "--limit", "0"]) }
        #expect(throws: (any Error).self) { try TilshiCommand.Search.parse(["x", "--format", "xml"]) }
    }

    @Test func ingestNeedsAPathAndExportKnowsItsFormats() throws {
        #expect(throws: (any Error).self) { try TilshiCommand.Ingest.parse([]) }
        #expect(try TilshiCommand.Ingest.parse(["a.jsonl", "news/"]).paths == ["a.jsonl", "news/"])
        #expect(try TilshiCommand.Export.parse(["--format", "conllu"]).format == .conllu)
        #expect(throws: (any Error).self) { try TilshiCommand.Export.parse(["--format", "xml"]) }
    }

    @Test func csvFieldsAreQuotedOnlyWhenNeeded() {
        #expect(TilshiCommand.Export.csvField("Алматы") == "Алматы")
        #expect(TilshiCommand.Export.csvField("«Сазген», ән") == "\"«Сазген», ән\"")
        #expect(TilshiCommand.Export.csvField("a \"b\"") == "\"a \"\"b\"\"\"")
    }
}
