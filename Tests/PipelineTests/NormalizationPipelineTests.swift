import Pipeline
import Testing
import TextModel

@Suite struct NormalizationPipelineTests {
    @Test func bothPipelinesNormaliseFirst() {
        #expect(Pipeline.default.annotators.first?.name == "normalize")
        #expect(Pipeline.search.annotators.first?.name == "normalize")
        #expect(Pipeline.default.annotators.map(\.name).contains("language"))
    }

    @Test func tokensCarryRepairedNormsAndOriginalSurfaces() {
        // "Алматы" with a Latin a, "Kазақстан" with a Latin K, typographic quotes, NBSP.
        let text = "Алмaты\u{00A0}“Kазақстан” ресми түрде"
        for pipeline in [Pipeline.default, Pipeline.search] {
            let document = pipeline.analyze(id: "n", text: text)
            #expect(document.tokens.prefix(4).map(\.norm) == ["Алматы", "\"", "Казақстан", "\""])
            #expect(document.tokens.prefix(4).map(\.text) == ["Алмaты", "“", "Kазақстан", "”"])
            for token in document.tokens { #expect(document.slice(token.start, token.end) == token.text) }
        }
    }

    @Test func defaultPipelineIdentifiesParagraphLanguages() {
        let document = Pipeline.default.analyze(id: "l", text: "Алматыда концерт өтті.\nНовости партнеров")
        #expect(document.language == .kk)
        #expect(document.paragraphs.map(\.language) == [.kk, .ru])
    }
}
