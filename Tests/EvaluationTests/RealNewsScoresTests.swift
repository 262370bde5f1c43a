import Evaluation
import Foundation
import Testing
import TextModel

@Suite struct RealNewsScoresTests {
    let gold = FactGold(tsv: """
        # a tiny real-news gold written for this test
        t1\tdoc\tЖол жөндеу басталады\\n12.03.2025, 10:00\\nШымкент қаласының әкімі Ғабит Сыздықбеков жиналыс өткізді. «Жол жөнделеді», – деді әкім. Жұмыс 15 наурызда басталады, деп хабарлайды Kazinform.\t-
        t1\tdateline\t12.03.2025, 10:00\t2025-03-12T10:00
        t1\tsource\tKazinform\tKazinform
        t1\ttime\t15 наурызда\t2025-03-15
        t1\tquote\tЖол жөнделеді\tҒабит Сыздықбеков
        t1\tname\tШымкент\tШымкент\tGPE
        t1\tname\tҒабит Сыздықбеков\tҒабит Сыздықбеков\tPERSON
        """)

    /// The scalar range of `part` in `text`, for building predicted spans.
    func span(_ part: String, in text: String) -> (Int, Int) {
        let range = text.range(of: part)!
        let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
        return (start, start + part.unicodeScalars.count)
    }

    func document(published: String?, source: String?) -> Document {
        let text = gold.items[0].text!
        var document = Document(id: "t1", text: text, metadata: DocumentMetadata(source: source, published: published))
        let dateline = span("12.03.2025", in: text), day = span("15 наурызда", in: text)
        document.times = [
            TimeExpression(text: "12.03.2025", value: "2025-03-12", start: dateline.0, end: dateline.1),
            TimeExpression(text: "15 наурызда", value: "2025-03-15", start: day.0, end: day.1),
        ]
        let person = span("Ғабит Сыздықбеков", in: text), outlet = span("Kazinform", in: text), role = span("әкімі", in: text)
        document.entities = [
            Entity(text: "әкімі", label: .position, canonical: "әкім", start: role.0, end: role.1, tokenRange: 0..<1),
            Entity(text: "Ғабит Сыздықбеков", label: .person, canonical: "Ғабит Сыздықбеков", start: person.0, end: person.1, tokenRange: 1..<3),
            Entity(text: "Kazinform", label: .organisation, canonical: "Kazinform", start: outlet.0, end: outlet.1, tokenRange: 3..<4),
        ]
        let quote = span("Жол жөнделеді", in: text), credit = span("Жұмыс 15 наурызда басталады", in: text)
        document.quotes = [
            Quote(text: "Жол жөнделеді", speaker: "Ғабит Сыздықбеков", start: quote.0, end: quote.1),
            Quote(text: "Жұмыс 15 наурызда басталады", speaker: "Kazinform", start: credit.0, end: credit.1),
        ]
        return document
    }

    /// The dateline's own time is no false hit, the credit line is counted apart, names are scored as sets per class.
    @Test func scoresNamesTimesCreditLinesAndDateline() {
        var scores = RealNewsScores()
        scores.add(document(published: "2025-03-12", source: nil), gold: gold.items[0])
        #expect((scores.facts.times.matched, scores.facts.times.predicted, scores.facts.times.gold) == (1, 1, 1))
        #expect((scores.allNames.matched, scores.allNames.predicted, scores.allNames.gold) == (1, 2, 2))
        #expect(scores.names["PERSON"]?.matched == 1)
        #expect((scores.names["GPE"]?.gold, scores.names["GPE"]?.matched) == (1, 0))
        #expect((scores.names["ORGANISATION"]?.predicted, scores.names["ORGANISATION"]?.matched) == (1, 0))
        #expect((scores.facts.quotes.matched, scores.facts.quotes.predicted, scores.facts.speakerRight) == (1, 2, 1))
        #expect(scores.creditQuotes == 1)
        #expect((scores.sources.matched, scores.sources.predicted, scores.sources.gold) == (0, 0, 1))
        #expect((scores.datelines, scores.datelineExact, scores.datelineDate) == (1, 0, 1))
        #expect(scores.allErrors.contains("t1 - name   GPE Шымкент"))
        #expect(scores.allErrors.contains("t1 + name   ORGANISATION Kazinform"))
        #expect(scores.allErrors.contains("t1 ! source none, gold Kazinform"))
    }

    /// The credit-line outlet as the document's source and the dateline as its exact date both score.
    @Test func scoresSourceAndExactDateline() {
        var scores = RealNewsScores()
        scores.add(document(published: "2025-03-12T10:00", source: "Kazinform"), gold: gold.items[0])
        #expect((scores.sources.matched, scores.sources.predicted, scores.sources.gold) == (1, 1, 1))
        #expect((scores.datelines, scores.datelineExact, scores.datelineDate) == (1, 1, 1))
        #expect(scores.report().contains("  datelines → document date: exact 1/1, date right 1/1"))
    }
}
