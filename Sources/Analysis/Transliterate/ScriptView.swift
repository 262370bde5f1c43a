public import TextModel

/// Rewrites Latin-script (and Arabic-script) Kazakh paragraphs of the normalised view in Cyrillic, so every later
/// stage — tokens, morphology, entities, facts — runs the Cyrillic Kazakh models on them, while every offset still
/// maps back into the original text.
///
/// Runs after ``LanguageIdentifier``: only paragraphs identified as `kk` whose ``Script`` is `latin` or `arabic`
/// are rewritten; Cyrillic paragraphs, Latin English, Turkish or Uzbek (`en`, `other`) are left alone. Inside a
/// Latin paragraph, URLs, e-mail addresses, domains and evidently English words and phrases stay as written
/// (``Transliterator/toCyrillic(_:preserveForeign:)``). A rewritten word's Cyrillic letters share out the original
/// word's range in order, so a token's ``Token/text`` is the original spelling and its ``Token/norm`` the Cyrillic
/// one; the alphabet of unmarked words is taken from the paragraph, else from the document's other Latin paragraphs.
public struct ScriptView: Annotator {
    /// The stage's name in a pipeline (`script-view`).
    public let name = "script-view"

    /// Creates the stage; its tables are bundled.
    public init() {}

    /// Replaces the normalised view's Latin- and Arabic-script Kazakh paragraphs with their Cyrillic reading.
    public func annotate(_ document: inout Document) {
        let targets = document.paragraphs.filter { $0.language == .kk && ($0.script == .latin || $0.script == .arabic) }
        guard !targets.isEmpty else { return }
        let normalized = document.normalized
        func normalizedRange(_ paragraph: Paragraph) -> Range<Int> {
            let lower = normalized.originalStart.partitionPoint { $0 >= paragraph.start }
            let upper = normalized.originalStart.partitionPoint { $0 >= paragraph.end }
            return lower..<max(lower, upper)
        }
        let ranges = targets.map(normalizedRange)
        // The document's alphabet, for paragraphs too short to show their own marks (a headline "Almaty jańalyqtary").
        var latinText: [Unicode.Scalar] = []
        for (paragraph, range) in zip(targets, ranges) where paragraph.script == .latin {
            latinText.append(contentsOf: normalized.scalars[range])
            latinText.append("\n")
        }
        let context = latinText.isEmpty ? nil : LatinReader(scalars: latinText, preserveForeign: true).markedAlphabet()

        var view = NormalizedText(originalCount: normalized.originalCount, reservingCapacity: normalized.count)
        var position = 0
        func copy(_ range: Range<Int>) {
            for index in range {
                view.append(normalized.scalars[index], from: normalized.originalStart[index], to: normalized.originalEnd[index])
            }
        }
        for (paragraph, range) in zip(targets, ranges) {
            copy(position..<range.lowerBound)
            let scalars = Array(normalized.scalars[range])
            let pieces = paragraph.script == .latin
                ? LatinReader(scalars: scalars, preserveForeign: true, contextAlphabet: context).pieces()
                : ArabicReader(scalars: scalars).pieces()
            for piece in pieces {
                let source = (range.lowerBound + piece.range.lowerBound)..<(range.lowerBound + piece.range.upperBound)
                if !piece.rewritten {
                    copy(source)
                    continue
                }
                // Output letter j stands for input letters [j·n/m, (j+1)·n/m): in order, never overlapping while
                // the output is not longer than the input (which Latin → Cyrillic hardly ever is).
                let n = source.count, m = piece.output.count
                guard n > 0, m > 0 else { continue }
                for (j, scalar) in piece.output.enumerated() {
                    let low = min(n - 1, j * n / m)
                    let high = j == m - 1 ? n : max(low + 1, (j + 1) * n / m)
                    view.append(scalar, from: normalized.originalStart[source.lowerBound + low],
                                to: normalized.originalEnd[source.lowerBound + high - 1])
                }
            }
            position = range.upperBound
        }
        copy(position..<normalized.count)
        document.normalized = view
    }
}
