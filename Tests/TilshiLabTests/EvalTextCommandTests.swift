import ArgumentParser
import SampleArticles
import Testing
import TextModel
import TilshiCLI
@testable import TilshiLab

/// `tilshi eval translit` and `tilshi eval langid` on the bundled seeds and the bundled Russian/English sample.
@Suite struct EvalTextCommandTests {
    @Test func evalTranslitFiguresOnTheSeeds() throws {
        let report = TilshiCommand.Eval.Translit.measure(try SampleArticles.all().map(\.text))
        #expect(report.words > 1700)
        #expect(report.folded == report.words)
        #expect(Double(report.exact) / Double(report.words) >= 0.99)
        #expect(report.stableTexts == 5)
    }

    @Test func evalLanguageIDOnSeedsAndTheRussianEnglishSample() throws {
        let seeds = try TilshiCommand.Eval.LanguageID.seedParagraphs()
        #expect(seeds.items.count >= 20)
        #expect(seeds.items.filter { $0.language == .ru }.count == 1)
        #expect(TilshiCommand.Eval.LanguageID.errors(seeds).isEmpty)
        let sample = try TilshiCommand.Eval.LanguageID.russianEnglishSample()
        #expect(sample.items.count >= 40)
        #expect(TilshiCommand.Eval.LanguageID.errors(sample).count <= 1)
    }

    @Test func evalSubcommandsAreRegistered() throws {
        #expect(TilshiCommand.Eval.configuration.subcommands.contains { $0 == TilshiCommand.Eval.LanguageID.self })
        #expect(TilshiCommand.Eval.configuration.subcommands.contains { $0 == TilshiCommand.Eval.Translit.self })
        _ = try TilshiCommand.Eval.LanguageID.parse(["--ktb", "/nonexistent"])
    }
}
