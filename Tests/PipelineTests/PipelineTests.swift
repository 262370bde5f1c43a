import Pipeline
import Testing
import TextModel

@Suite struct PipelineTests {
    @Test func registeredPipelinesResolveByName() {
        for name in Pipeline.registeredNames {
            #expect(Pipeline.named(name)?.name == name)
        }
        #expect(Pipeline.named("no-such-pipeline") == nil)
    }

    @Test func defaultPipelineSplitsSentences() {
        let document = Pipeline.default.analyze(id: "t", text: "Алматыда концерт өтті. Оған мыңдаған адам келді.")
        #expect(document.sentences.count == 2)
        #expect(document.slice(document.sentences[1].start, document.sentences[1].end) == "Оған мыңдаған адам келді.")
    }
}
