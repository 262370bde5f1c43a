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

@Suite struct LetterCaseTests {
    @Test func caseVariantsRewriteKazakhLettersAndKeepTheTags() {
        let sentence = IOB2Sentence(tokens: ["Өскемен", "қаласында", "Әлия", "Ұлықбекқызы", "сөйледі", "."],
                                    tags: ["B-GPE", "O", "B-PERSON", "I-PERSON", "O", "O"])
        #expect(LetterCaseVariant.lower.apply(sentence).tokens == ["өскемен", "қаласында", "әлия", "ұлықбекқызы", "сөйледі", "."])
        #expect(LetterCaseVariant.upper.apply(sentence).tokens == ["ӨСКЕМЕН", "ҚАЛАСЫНДА", "ӘЛИЯ", "ҰЛЫҚБЕКҚЫЗЫ", "СӨЙЛЕДІ", "."])
        #expect(LetterCaseVariant.upper.apply(sentence).tags == sentence.tags)
        #expect(LetterCaseVariant.original.apply(sentence) == sentence)
    }

    @Test func caseCopiesTakeTheShareAskedForDeterministically() {
        let examples = (0..<300).map { k in
            (fold: k % 5, example: EntityTrainer.Example(words: ["Ерлан", "Қарин", "Семейге", "\(k)", "рет", "барды", "."],
                                                         tags: ["B-PERSON", "I-PERSON", "B-GPE", "B-CARDINAL", "O", "O", "O"]))
        }
        #expect(EntityTrainer.caseCopies(examples, share: 0, seed: 1).isEmpty)
        let copies = EntityTrainer.caseCopies(examples, share: 0.3, seed: 1)
        #expect((60...120).contains(copies.count), "\(copies.count) copies of 300 at a share of 0.3")
        #expect(copies.map(\.example.words) == EntityTrainer.caseCopies(examples, share: 0.3, seed: 1).map(\.example.words))
        let lower = copies.filter { $0.example.words[0] == "ерлан" }, upper = copies.filter { $0.example.words[0] == "ЕРЛАН" }
        #expect(lower.count + upper.count == copies.count && lower.count > upper.count && !upper.isEmpty)
        #expect(copies.allSatisfy { $0.example.tags == examples[0].example.tags && ["семейге", "СЕМЕЙГЕ"].contains($0.example.words[2]) })
        #expect(EntityTrainer.caseCopies(examples, share: 1, seed: 1).count == examples.count)
    }
}
