import ArgumentParser
import Foundation
import Pipeline
import Testing
import TextModel
@testable import TilshiCLI

/// `tilshi analyze --format text` opens with the facts; `--summary` prints only them.
@Suite struct AnalyzeSummaryTests {
    static let text = "Алматы қаласының әкімі Бауыржан Байбек 5 қарашада Пьер Кабаремен кездесті. Жобаға 2 млрд теңге бөлінді."

    @Test func textReportStartsWithTheFacts() {
        let document = Pipeline.default.analyze(id: "summary", text: Self.text)
        let summary = TextReport.summary(document)
        #expect(summary.hasPrefix("facts:\n"))
        #expect(summary.contains("how much: 2 млрд теңге (2000000000 KZT)"))
        #expect(summary.contains("when: 5 қарашада"))
        let report = TextReport.render(document)
        // The summary comes before the first sentence's token table.
        let facts = try! #require(report.range(of: "facts:"))
        let firstSentence = try! #require(report.range(of: "[1] "))
        #expect(facts.lowerBound < firstSentence.lowerBound)
    }

    @Test(.enabled(if: !Pipeline.default.analyze(id: "x", text: text).entities.isEmpty, "needs the NER stage"))
    func summaryNamesWhoAndWhere() {
        let summary = TextReport.summary(Pipeline.default.analyze(id: "summary", text: Self.text))
        #expect(summary.contains("who: ") && summary.contains("Бауыржан Байбек"))
        #expect(summary.contains("meetings: Бауыржан Байбек + Пьер Кабаре"))
    }

    @Test func summaryFlagMeansTheSummaryFormat() throws {
        var analyze = try TilshiCommand.Analyze.parse(["--summary", "a.txt"])
        try analyze.validate()
        #expect(analyze.format == .summary && analyze.summary)
        let document = Pipeline.default.analyze(id: "summary", text: Self.text)
        #expect(try TilshiCommand.Analyze.render(document, format: .summary) == TextReport.summary(document) + "\n")
        #expect(try TilshiCommand.Analyze.render(document, format: .text).contains("\n" + TextReport.summary(document) + "\n"))
        #expect(throws: (any Error).self) { try TilshiCommand.Analyze.parse(["--summary", "--format", "conllu", "a.txt"]) }
        #expect(TextReport.summary(Pipeline.default.analyze(id: "empty", text: "Бұл жақсы.")) == "facts: none found")
    }
}
