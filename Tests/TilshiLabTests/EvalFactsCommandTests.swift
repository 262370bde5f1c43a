import ArgumentParser
import Testing
import TextModel
import Evaluation
import TilshiCLI
@testable import TilshiLab

@Suite struct EvalFactsCommandTests {
    @Test func parsesPathsAndScores() throws {
        let command = try TilshiCommand.Eval.Facts.parse(["--gold", "g.tsv", "--samples", "dir"])
        #expect(command.gold == "g.tsv")
        #expect(command.samples == "dir")
        var score = Score()
        score.add(predicted: 4, gold: 5, matched: 3)
        #expect(score.description.hasPrefix("P 0.750  R 0.600  F1 0.667"))
        #expect(Score().description.hasPrefix("P 0.000  R 0.000"))
    }

    @Test func parsesKazNERDSplitsAndErrors() throws {
        let command = try TilshiCommand.Eval.FactsKazNERD.parse(["k.iob2", "--split", "train", "--split", "dev", "--errors"])
        #expect(command.file == "k.iob2")
        #expect(command.split.map { "\($0)" } == ["train", "dev"])
        #expect(command.errors)
        #expect(try TilshiCommand.Eval.FactsKazNERD.parse([]).split.map { "\($0)" } == ["all"])
        #expect(throws: (any Error).self) { try TilshiCommand.Eval.FactsKazNERD.parse(["--split", "test"]) }
    }

    @Test func parsesRealNewsSetAndErrors() throws {
        let command = try TilshiCommand.Eval.RealNews.parse(["--set", "dev", "--errors"])
        #expect(command.set == .dev)
        #expect(command.errors)
        #expect(try TilshiCommand.Eval.RealNews.parse([]).set == .both)
        #expect(throws: (any Error).self) { try TilshiCommand.Eval.RealNews.parse(["--set", "test"]) }
    }

    @Test func parsesRepeatedExtraFilesAndErrors() throws {
        let command = try TilshiCommand.Eval.Facts.parse(["--extra", "a.tsv", "--extra", "b.tsv", "--errors"])
        #expect(command.extra == ["a.tsv", "b.tsv"])
        #expect(command.errors)
    }

    /// A wrong speaker, a missed time, a false amount and a meeting are each counted where they belong.
    @Test func scoresItemGold() {
        let gold = FactGold(tsv: """
            # comment
            x1\tdoc\tАстана, 12 наурыз 2025 жыл.\\nМәтін.\t-
            x1\ttime\t13 наурыз күні\t2025-03-13
            x1\tquote\tБіз сауда\tОлжас Бектенов
            x1\tmeeting\tА; Б\t-
            """)
        #expect(gold.items.count == 1)
        #expect(gold.items[0].text == "Астана, 12 наурыз 2025 жыл.\nМәтін.")
        #expect(gold.scoresMeetings)
        var document = Document(id: "x1", text: gold.items[0].text!)
        document.times = [TimeExpression(text: "12 наурыз 2025 жыл", value: "2025-03-12", start: 8, end: 26)]
        document.amounts = [Amount(text: "5 млн", value: 5_000_000, unit: nil, modifier: nil, start: 0, end: 5)]
        document.quotes = [Quote(text: "Біз сауда көлемін", speaker: "Алексей Оверчук", start: 0, end: 5)]
        document.meetings = [Meeting(participants: ["Б", "А"], when: nil, where: nil, start: 0, end: 5)]
        var scores = FactScores()
        scores.add(document, gold: gold.items[0], scoreMeetings: gold.scoresMeetings)
        #expect((scores.times.matched, scores.times.predicted, scores.times.gold) == (0, 1, 1))
        #expect((scores.amounts.matched, scores.amounts.predicted, scores.amounts.gold) == (0, 1, 0))
        #expect((scores.quotes.matched, scores.speakerWrong, scores.speakerRight) == (1, 1, 0))
        #expect((scores.meetings.matched, scores.meetingWhenAgree) == (1, 1))
        #expect(scores.errors.contains("x1 - time   13 наурыз күні = 2025-03-13"))
        #expect(scores.errors.contains("x1 ! quote  «Біз сауда…»: speaker Алексей Оверчук, gold Олжас Бектенов"))
    }

    /// An event matches on a stem of its title; a wrong `when` is reported, a `*` place is not scored, and files
    /// without event rows do not score events at all.
    @Test func scoresEventsOnlyWhereAnnotated() {
        let gold = FactGold(tsv: """
            e1\tdoc\tАлматыда 5 мамырда көрме өтеді. Ертең концерт болады.\t-
            e1\tevent\tкөрме\tXXXX-05-05\tАлматы
            e1\tevent\tконцерт\t-\t*
            """)
        #expect(gold.scoresEvents)
        #expect(!FactGold(tsv: "e2\tdoc\tМәтін.\t-").scoresEvents)
        var document = Document(id: "e1", text: gold.items[0].text!)
        document.events = [
            Event(title: "Көрме", when: "XXXX-05-06", where: "Алматы", participants: [], start: 0, end: 5),
            Event(title: "концерт", when: nil, where: "Астана", participants: [], start: 6, end: 9),
            Event(title: "жиын", when: nil, where: nil, participants: [], start: 10, end: 12),
        ]
        var scores = FactScores()
        scores.add(document, gold: gold.items[0], scoreMeetings: gold.scoresMeetings, scoreEvents: gold.scoresEvents)
        #expect((scores.events.matched, scores.events.predicted, scores.events.gold) == (2, 3, 2))
        #expect((scores.eventWhenAgree, scores.eventPlaceAgree, scores.eventPlaceScored) == (1, 1, 1))
        #expect(scores.errors.contains("e1 ! event  көрме: when XXXX-05-06, gold XXXX-05-05"))
        #expect(scores.errors.contains("e1 + event  жиын = -"))
    }
}
