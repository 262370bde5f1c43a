@testable import NewsServer
import Testing

@Suite struct MarkupTests {
    static func mark(_ start: Int, _ end: Int, _ label: String = "GPE") -> TextMarkup.Mark {
        TextMarkup.Mark(start: start, end: end, label: label, href: nil, key: "\(start)")
    }

    static func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    /// Entity offsets of the document land on the same words in a snippet whose whitespace was collapsed.
    @Test func entitiesFollowWhitespaceCollapsedSnippets() {
        let document = Self.scalars("Бұл  туралы  Алматы қаласы\nәкімдігінің  ресми сайты хабарлады.  Францияның астанасында")
        let snippet = Self.scalars("… туралы Алматы қаласы әкімдігінің ресми сайты хабарлады. Францияның …")
        let start = 5 // "туралы" in the document
        let alignment = SnippetAlignment(snippet: snippet, document: document, documentStart: start)
        let almaty = Self.scalars("Бұл  туралы  ").count
        let france = Self.scalars("Бұл  туралы  Алматы қаласы\nәкімдігінің  ресми сайты хабарлады.  ").count
        let moved = alignment.localMarks([Self.mark(almaty, almaty + 6), Self.mark(france, france + 10), Self.mark(france + 12, france + 22)])
        #expect(moved.count == 2) // the third lies beyond the snippet
        func text(_ mark: TextMarkup.Mark) -> String { String(String.UnicodeScalarView(snippet[mark.start..<mark.end])) }
        #expect(text(moved[0]) == "Алматы")
        #expect(text(moved[1]) == "Францияның")
    }

    @Test func segmentsNestHitsInsideEntityMarksAndSplitParagraphs() {
        let text = Self.scalars("Алматыда көрме өтті.\n\nАстана")
        let markup = TextMarkup()
        let paragraphs = markup.paragraphs(text, marks: [Self.mark(0, 8), Self.mark(22, 28, "GPE")], hits: [0..<6])
        #expect(paragraphs.count == 2)
        let entity = paragraphs[0].segments[0].entity.value
        let parts = entity?.parts ?? []
        #expect(parts.map(\.text) == ["Алмат" + "ы", "да"])
        #expect(parts.map(\.hit) == [true, false])
        #expect(entity?.label == "GPE")
    }

    @Test func overlappingAndOutOfRangeMarksAreDropped() {
        let text = Self.scalars("Қасым-Жомарт Тоқаев")
        let segments = TextMarkup().segments(text, base: 0, from: 0, to: text.count, marks: [Self.mark(0, 11), Self.mark(6, 19), Self.mark(12, 40)], hits: [])
        let entities = segments.compactMap(\.entity.value)
        #expect(entities.count == 1)
    }

    @Test func labelsBecomeSafeClassNames() {
        let text = Self.scalars("x")
        let segments = TextMarkup().segments(text, base: 0, from: 0, to: 1, marks: [Self.mark(0, 1, "PER\" onmouseover=alert(1)")], hits: [])
        #expect(segments[0].entity.value?.label == "PER")
    }
}
