import Evaluation
import Formats
import Testing
import TextModel

@Suite struct FactSpanEvaluationTests {
    // A KazNERD sentence (kaznerd-valid.iob2) with a DATE and two MONEY spans.
    let sentence = IOB2Sentence(
        tokens: ["1", "ай", "бұрын", "тариф", "380", "теңгеден", "300", "теңгеге", "арзандады", "."],
        tags: ["B-DATE", "I-DATE", "I-DATE", "O", "B-MONEY", "I-MONEY", "B-MONEY", "I-MONEY", "O", "O"]
    )

    @Test func composesTextWithTokenOffsets() {
        let text = IOB2Detokenized(["Олар", "«", "Әміре", "»", "деді", ",", "50", "%", "."])
        #expect(text.text == "Олар «Әміре» деді, 50%.")
        #expect(text.tokenRanges[2] == 6..<11)
        #expect(text.range(of: 6..<8) == 19..<22)
        // KazNERD splits decimals at the comma; the evaluation may join them again, a list of numbers stays apart.
        #expect(IOB2Detokenized(["3", ",", "5", "миллиард"], joiningDecimalCommas: true).text == "3,5 миллиард")
        #expect(IOB2Detokenized(["3", ",", "5", "миллиард"]).text == "3, 5 миллиард")
        #expect(IOB2Detokenized(["2006", ",", "2007", "жылдары"], joiningDecimalCommas: true).text == "2006, 2007 жылдары")
        let composed = IOB2Detokenized(sentence.tokens)
        #expect(composed.text == "1 ай бұрын тариф 380 теңгеден 300 теңгеге арзандады.")
    }

    /// A document over the composed text with the given amounts and times (character ranges).
    func document(amounts: [Range<Int>], times: [(Range<Int>, String)] = []) -> (IOB2Detokenized, Document) {
        let text = IOB2Detokenized(sentence.tokens)
        var document = Document(id: "s", text: text.text)
        document.amounts = amounts.map { Amount(text: document.slice($0.lowerBound, $0.upperBound), value: 1, unit: "KZT", modifier: nil, start: $0.lowerBound, end: $0.upperBound) }
        document.times = times.map { TimeExpression(text: document.slice($0.0.lowerBound, $0.0.upperBound), value: $0.1, start: $0.0.lowerBound, end: $0.0.upperBound) }
        return (text, document)
    }

    @Test func scoresExactOverlapMissesAndCrossKindHits() {
        // "380 теңгеден" exact, "300" only overlapping "300 теңгеге", "1 ай" an amount on the DATE span.
        let (text, document) = document(amounts: [17..<29, 30..<33, 0..<4])
        var evaluation = FactSpanEvaluation(recordsErrors: true)
        evaluation.add(gold: sentence, text: text, document: document)
        let money = evaluation.perClass["MONEY"]!
        #expect(money.gold == 2 && money.goldExact == 1 && money.goldOverlap == 2)
        // The amount on the DATE span overlaps no amount span: a MONEY false hit by its unit.
        #expect(money.predicted == 3 && money.predictedExact == 1 && money.predictedOverlap == 2)
        let amounts = evaluation.perKind[.amounts]!
        #expect(amounts.predicted == 3 && amounts.predictedOverlap == 2)
        #expect(evaluation.crossKind[.amounts] == 1)
        #expect(evaluation.perClass["DATE"]!.gold == 1 && evaluation.perClass["DATE"]!.goldOverlap == 0)
        #expect(evaluation.errors.contains { $0.hasPrefix("- DATE «1 ай бұрын»") })
        #expect(evaluation.errors.contains { $0.hasPrefix("~ MONEY «300 теңгеге» ours «300»") })
        #expect(evaluation.errors.contains { $0.hasPrefix("+ amounts «1 ай» 1 KZT (gold DATE «1 ай бұрын»)") })
    }

    @Test func aTimeAnswersTheDateSpan() {
        let (text, document) = document(amounts: [], times: [(0..<10, "P1M")])
        var evaluation = FactSpanEvaluation()
        evaluation.add(gold: sentence, text: text, document: document)
        #expect(evaluation.perClass["DATE"]!.goldExact == 1)
        #expect(evaluation.perKind[.times]!.precisionExact == 1)
        #expect(evaluation.perKind[.amounts]!.recallOverlap == 0)
        #expect(evaluation.errors.isEmpty)
        #expect(evaluation.report().first?.hasPrefix("class") == true)
    }
}
