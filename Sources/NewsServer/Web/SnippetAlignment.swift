/// Maps document offsets onto a search snippet whose whitespace was collapsed and which may start with "… ".
///
/// The snippet is a window of the document text with runs of whitespace shortened; walking both texts side by
/// side, skipping the extra document whitespace, gives each snippet scalar its document offset.
struct SnippetAlignment {
    /// Document offset of each snippet scalar (nil for the "…" added at the cuts).
    private(set) var documentOffsets: [Int?]
    private var hasText: [Bool]

    init(snippet: [Unicode.Scalar], document: [Unicode.Scalar], documentStart: Int) {
        documentOffsets = Array(repeating: nil, count: snippet.count)
        hasText = snippet.map { !$0.properties.isWhitespace }
        var i = 0
        var j = documentStart
        // A leading "… " marks a cut and has no counterpart in the document.
        if documentStart > 0, snippet.starts(with: ["…", " "]) { i = 2 }
        while i < snippet.count, j < document.count {
            if snippet[i] == document[j] {
                documentOffsets[i] = j
                i += 1
                j += 1
            } else if document[j].properties.isWhitespace {
                j += 1
            } else if snippet[i].properties.isWhitespace {
                i += 1 // whitespace that stands for a collapsed run already passed: no offset of its own
            } else {
                break // the trailing "…" or text the snippet changed: stop mapping here
            }
        }
    }

    /// True when a mapped range holds more than whitespace (a mark around nothing visible is dropped).
    private func snippet(_ start: Int, _ end: Int) -> Bool {
        hasText[start...end].contains(true)
    }

    /// `marks` moved to snippet offsets; marks not wholly inside the mapped part of the snippet are dropped.
    func localMarks(_ marks: [TextMarkup.Mark]) -> [TextMarkup.Mark] {
        var local: [TextMarkup.Mark] = []
        let mapped = documentOffsets.enumerated().compactMap { index, offset in offset.map { (index, $0) } }
        guard let first = mapped.first?.1, let last = mapped.last?.1 else { return [] }
        for mark in marks where mark.start >= first && mark.end <= last + 1 {
            guard let start = mapped.first(where: { $0.1 >= mark.start })?.0,
                  let end = mapped.last(where: { $0.1 < mark.end })?.0, start <= end
            else { continue }
            guard snippet(start, end) else { continue }
            var moved = mark
            moved.start = start
            moved.end = end + 1
            local.append(moved)
        }
        return local
    }
}
