@testable import Analysis
import KazakhData
import Testing
import TextModel

/// `MorphologyModel.parse` splits bytes; `parseByGraphemes` splits the `String`: the same model either way.
@Suite struct MorphologyModelParseTests {
    @Test func bundledModelParsesAsByGraphemes() throws {
        let text = try #require(MorphologyTables.modelText())
        let fast = MorphologyModel.parse(text), plain = MorphologyModel.parseByGraphemes(text)
        #expect(fast.memorised.count > 1_000)
        #expect(fast.serialized(header: []) == plain.serialized(header: []))
        #expect(fast.weights == plain.weights)
    }

    @Test func awkwardLinesParseAsByGraphemes() {
        let texts = [
            "# үлгі\nF\tалмалар\tалма\tNOUN\tCase=Nom|Number=Plur\nS\tалма\tNOUN\t_\t3\nW\t5\t0.25\n",
            "F\tкітап\tкітап\tNOUN\t_\n\n\nW\t7\t-1.5\nW\tx\t1\nF\tқысқа\n",
            "#\u{301}F\tа\tа\tX\t_\n#F\tә\tә\tX\t_\n\u{301}\tб\nS\tбар\tVERB\t_\t2",
            "F\tжол\tжол\tNOUN\t_\r\nS\tжол\tNOUN\t_\t1\r\n",
            "",
        ]
        for text in texts {
            let fast = MorphologyModel.parse(text), plain = MorphologyModel.parseByGraphemes(text)
            #expect(fast.serialized(header: []) == plain.serialized(header: []), "\(text.debugDescription)")
            #expect(fast.weights == plain.weights)
        }
        #expect(MorphologyModel.parse(texts[0]).memorised["алмалар"]?.first?.lemma == "алма")
        #expect(MorphologyModel.parse(texts[1]).weights[7] == -1.5)
    }
}
