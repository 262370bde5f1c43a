import Analysis
import Testing
import TextModel

@Suite struct SourceExtractorTests {
    func analysed(_ text: String, tags: [(String, String)] = [], source: String? = nil) -> Document {
        var document = Seeds.document(text)
        document.metadata.source = source
        Seeds.tag(&document, tags)
        EntityResolver().annotate(&document)
        QuoteExtractor().annotate(&document)
        SourceExtractor().annotate(&document)
        return document
    }

    /// "…, деп хабарлайды Kazinform." closes the outlet's own report: no quote, the outlet is the document's source.
    @Test func creditLineIsTheSourceNotAQuote() {
        let document = analysed("Көкшетауда жаңа балабақша ашылды, деп хабарлайды Kazinform.", tags: [("Kazinform", "ORGANISATION")])
        #expect(document.quotes.isEmpty)
        #expect(document.metadata.source == "Kazinform")
        #expect(!document.entities.contains { $0.text == "Kazinform" })
    }

    /// An all-capital outlet after "деп жазады" is written in normal capitalisation.
    @Test func allCapitalOutletIsRespelled() {
        let document = analysed("Қалада жол жөндеу басталды, деп жазады KAZINFORM.")
        #expect(document.quotes.isEmpty)
        #expect(document.metadata.source == "Kazinform")
    }

    /// A press service after the past tense "деп хабарлады" is a speaker, not a credit line.
    @Test func pressServiceAfterPastTenseStaysAQuote() {
        let document = analysed("Жұмыс жоспар бойынша жүріп жатыр, деп хабарлады облыс әкімдігінің баспасөз қызметі.")
        #expect(document.quotes.count == 1)
        #expect(document.metadata.source == nil)
    }

    /// A quotation in marks before a credit is still someone's words; the outlet is still the source.
    @Test func quotationBeforeACreditStaysAQuote() {
        let document = analysed("«Көпір күзде ашылады», – деп хабарлайды Almaty.tv.")
        #expect(document.quotes.count == 1)
        #expect(document.metadata.source == "Almaty.tv")
    }

    /// The outlet beside the page's date line, or alone as a site name in the head, is the source.
    @Test func headOutletBesideTheDate() {
        let beside = analysed("Ауылға жаңа жол салынды\nТаразЖаңалық.kz | 03.05.2025, 09:10\nАуылға жаңа жол салынды. Жол 12 шақырым.")
        #expect(beside.metadata.source == "ТаразЖаңалық.kz")
        let latin = analysed("Ауылға жаңа жол салынды\nDala Times • 3 мамыр 2025\nАуылға жаңа жол салынды.")
        #expect(latin.metadata.source == "Dala Times")
        // A source the input carries is kept.
        #expect(analysed("Ауылға жол салынды\nDala Times • 3 мамыр 2025\nМәтін.", source: "feed").metadata.source == "feed")
    }

    /// A place before the date is no outlet, and body text names none.
    @Test func placeBeforeTheDateIsNoOutlet() {
        let document = analysed("Жаңа саябақ\nТараз • 03.05.2025\nТаразда жаңа саябақ ашылды.", tags: [("Тараз", "GPE")])
        #expect(document.metadata.source == nil)
    }
}
