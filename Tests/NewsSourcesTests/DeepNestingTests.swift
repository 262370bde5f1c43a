import Formats
import Foundation
import NewsSources
import Testing

/// Hostile nesting (50,000 elements, as a fuzzed 700 KB feed had) once overflowed the stack in `XMLNode.allText`
/// and killed the whole ingest. Readers now refuse a feed nested deeper than a real one ever is, naming it, and read
/// such an HTML page in bounded steps.
@Suite struct DeepNestingTests {
    static let depth = 50_000

    static func nested(_ depth: Int, in element: String) -> String {
        String(repeating: "<\(element)>", count: depth) + "Алматыда концерт өтті." + String(repeating: "</\(element)>", count: depth)
    }

    @Test func aFeedItemNestedFiftyThousandDeepIsRefusedWithItsName() {
        let feed = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Almaty.tv</title>
            <item><title>Концерт</title><description>\(Self.nested(Self.depth, in: "b"))</description></item>
            </channel></rss>
            """
        let result = FeedReader().read(feed, input: "deep.rss")
        #expect(result.documents.isEmpty)
        let problem = result.problems.first
        #expect(problem?.input.hasPrefix("deep.rss:") == true)
        #expect(problem?.reason.contains("nested more than \(XMLNode.maximumDepth) deep") == true)
    }

    @Test func aFeedJustInsideTheLimitIsRead() {
        // Elements inside an item's description, a few levels under the limit: read, text kept.
        let feed = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Almaty.tv</title>
            <item><title>Концерт</title><description>\(Self.nested(XMLNode.maximumDepth - 10, in: "b"))</description></item>
            </channel></rss>
            """
        let result = FeedReader().read(feed, input: "deep.rss")
        #expect(result.problems.isEmpty)
        #expect(result.documents.first?.text == "Алматыда концерт өтті.")
    }

    @Test func elementsPastTheLimitNeverCloseAKeptOne() {
        // A navigation block with more nested elements inside than the extractor tracks: its menu stays boilerplate.
        let deep = Self.nested(HTMLExtractor.maximumDepth + 200, in: "div")
        let page = "<html><body><div class=\"nav\">\(deep)Мәзір бөлімі</div><article><p>Абай алаңында фестиваль басталды.</p></article></body></html>"
        let extracted = HTMLExtractor().extract(page)
        #expect(!extracted.text.contains("Мәзір бөлімі"))
        #expect(extracted.text.contains("Абай алаңында фестиваль басталды."))
    }

    @Test func anHTMLPageNestedFiftyThousandDeepKeepsItsText() {
        let page = "<html><body><article>" + Self.nested(Self.depth, in: "div") + "<p>Абай алаңында фестиваль басталды.</p></article></body></html>"
        let extracted = HTMLExtractor().extract(page)
        #expect(extracted.text.contains("Алматыда концерт өтті."))
        #expect(extracted.text.contains("Абай алаңында фестиваль басталды."))
    }
}
