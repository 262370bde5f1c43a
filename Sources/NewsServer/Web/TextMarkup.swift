/// Cuts text into pieces for templates: plain runs, entity marks (displaCy style) and search-hit highlights.
///
/// Everything works on Unicode-scalar offsets, the unit of every offset in Tilshi. The templates escape each
/// piece, so no markup is ever assembled from strings here.
struct TextMarkup {
    /// A span to draw as an entity mark.
    struct Mark {
        var start: Int
        var end: Int
        var label: String
        /// Link to the entity page, if the entity is known to the collection.
        var href: String?
        /// Same key for every mention of one entity (used by the page script to outline them together).
        var key: String
    }

    /// A paragraph for the `segments` template partial.
    struct Paragraph {
        var segments: [Segment]
    }

    /// A run of text: plain (``entity`` shows as `false`) or one entity mark; either way cut into ``Part``s.
    struct Segment {
        var entity: TemplateOptional<EntityMark>
        /// The parts of a plain run (an entity's parts are in ``EntityMark/parts``).
        var parts: [Part]
    }

    /// An entity mark drawn around its parts.
    struct EntityMark {
        var label: String
        var short: String
        var labelName: String
        var key: String
        var parts: [Part]
        var linked: Bool
        var href: String
    }

    /// A piece of text, highlighted as a search match or not.
    struct Part {
        var text: String
        var hit: Bool
    }

    /// Converts display text (for the script switch); identity by default.
    var display: (String) -> String = { $0 }
    /// Localised label name, shown as a tooltip.
    var labelName: (String) -> String = { $0 }

    /// Paragraphs of `scalars[range]`, each a list of segments for the `segments` template partial.
    ///
    /// - Parameters:
    ///   - base: the document offset of `scalars[0]` (marks and hits use document offsets).
    ///   - marks: entity spans; overlapping ones after the first are dropped.
    ///   - hits: ranges to highlight as search matches.
    func paragraphs(_ scalars: [Unicode.Scalar], base: Int = 0, marks: [Mark], hits: [Range<Int>] = []) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        var start = 0
        var index = 0
        // A paragraph ends at a line break; runs of blank lines are skipped.
        while index <= scalars.count {
            if index == scalars.count || scalars[index] == "\n" {
                if index > start, !scalars[start..<index].allSatisfy({ $0.properties.isWhitespace }) {
                    let segments = self.segments(scalars, base: base, from: start, to: index, marks: marks, hits: hits)
                    paragraphs.append(Paragraph(segments: segments))
                }
                start = index + 1
            }
            index += 1
        }
        return paragraphs
    }

    /// Segments of `scalars[from..<to]` (local offsets) as template values.
    func segments(_ scalars: [Unicode.Scalar], base: Int, from: Int, to: Int, marks: [Mark], hits: [Range<Int>]) -> [Segment] {
        var result: [Segment] = []
        var position = from
        let sorted = marks.sorted { ($0.start, -$0.end) < ($1.start, -$1.end) }
        for mark in sorted {
            let start = mark.start - base
            let end = mark.end - base
            guard start >= position, end <= to, start < end else { continue }
            if start > position {
                result.append(Segment(entity: nil, parts: parts(scalars, base: base, start: position, end: start, hits: hits)))
            }
            let cssLabel = String(mark.label.unicodeScalars.filter { ("A"..."Z").contains($0) || $0 == "_" }.map(Character.init))
            let entity = EntityMark(
                label: cssLabel.isEmpty ? "other" : cssLabel,
                short: Self.shortLabel(cssLabel),
                labelName: labelName(mark.label),
                key: mark.key,
                parts: parts(scalars, base: base, start: start, end: end, hits: hits),
                linked: mark.href != nil,
                href: mark.href ?? ""
            )
            result.append(Segment(entity: TemplateOptional(entity), parts: []))
            position = end
        }
        if position < to {
            result.append(Segment(entity: nil, parts: parts(scalars, base: base, start: position, end: to, hits: hits)))
        }
        return result
    }

    /// Plain text of `scalars[start..<end]` split into highlighted and unhighlighted parts.
    private func parts(_ scalars: [Unicode.Scalar], base: Int, start: Int, end: Int, hits: [Range<Int>]) -> [Part] {
        var parts: [Part] = []
        var position = start
        for hit in hits.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let lower = max(hit.lowerBound - base, position)
            let upper = min(hit.upperBound - base, end)
            guard lower < upper else { continue }
            if lower > position { parts.append(Part(text: string(scalars[position..<lower]), hit: false)) }
            parts.append(Part(text: string(scalars[lower..<upper]), hit: true))
            position = upper
        }
        if position < end { parts.append(Part(text: string(scalars[position..<end]), hit: false)) }
        return parts
    }

    private func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: slice)
        return display(String(view))
    }

    /// The short tag drawn after a mark (displaCy shows the label; ours are shortened to fit a phone).
    static func shortLabel(_ label: String) -> String {
        switch label {
        case "ORGANISATION": return "ORG"
        case "LOCATION": return "LOC"
        case "FACILITY": return "FAC"
        case "PERCENTAGE": return "PERCENT"
        case "QUANTITY": return "QTY"
        case "CARDINAL": return "NUM"
        case "ORDINAL": return "ORD"
        case "POSITION": return "POS"
        case "PRODUCT": return "PROD"
        case "LANGUAGE": return "LANG"
        case "NON_HUMAN": return "ANIMAL"
        case "MISCELLANEOUS": return "MISC"
        case "PROJECT": return "PROJ"
        case "": return "ENT"
        default: return label
        }
    }
}
