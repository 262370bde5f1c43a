import Evaluation
import Formats
import Testing

@Suite struct NEREvaluationTests {
    @Test func chunksFollowConlleval() {
        // "Ирина Бокова ЮНЕСКО-ның" with an ill-formed I- after O: conlleval opens a chunk there.
        #expect(NEREvaluation.spans(["B-PERSON", "I-PERSON", "B-ORGANISATION"]) == [
            LabelledSpan(label: "PERSON", start: 0, end: 2), LabelledSpan(label: "ORGANISATION", start: 2, end: 3),
        ])
        #expect(NEREvaluation.spans(["O", "I-GPE", "I-GPE", "O"]) == [LabelledSpan(label: "GPE", start: 1, end: 3)])
        #expect(NEREvaluation.spans(["B-GPE", "I-ORGANISATION"]) == [
            LabelledSpan(label: "GPE", start: 0, end: 1), LabelledSpan(label: "ORGANISATION", start: 1, end: 2),
        ])
        #expect(NEREvaluation.spans(["B-DATE", "B-DATE"]).count == 2)
    }

    @Test func scoresExactSpansOnly() {
        var evaluation = NEREvaluation()
        // Алматы қаласының әкімі Бауыржан Байбек: gold GPE + PERSON; predicted PERSON cut short and GPE right.
        evaluation.add(gold: ["B-GPE", "O", "O", "B-PERSON", "I-PERSON"], predicted: ["B-GPE", "O", "O", "B-PERSON", "O"])
        #expect(evaluation.overall.gold == 2)
        #expect(evaluation.overall.predicted == 2)
        #expect(evaluation.overall.correct == 1)
        #expect(evaluation.perClass["PERSON"]?.correct == 0)
        #expect(evaluation.perClass["GPE"]?.f1 == 1)
        #expect(abs(evaluation.overall.f1 - 0.5) < 1e-12)
        #expect(evaluation.tagAccuracy == 0.8)
        #expect(evaluation.report().contains("overall         precision:  50.00%; recall:  50.00%; F1:  50.00"))
    }
}
