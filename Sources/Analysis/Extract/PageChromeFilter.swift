import KazakhData
public import TextModel

/// Drops the facts and names found in page chrome that plain text keeps: view counters ("2417 рет көрсетілді",
/// "👁 1 204"), currency tickers ("USD 512.40 ▲"), share and tag rows ("Тегтер: …"), photo credits, and
/// related-headline lists under a heading ("Ұқсас жаңалықтар", "Сейчас читают").
///
/// A line is chrome when it is a boilerplate line (`boilerplate.tsv`: exact or prefix), when it is short and holds a
/// chrome marker, or when it is short and follows a list heading with only short lines between. Only short lines
/// are looked at (at most ``shortLineTokens`` tokens), so running text is never dropped. Runs after every fact stage.
public struct PageChromeFilter: Annotator {
    /// The stage's name in a pipeline (`chrome`).
    public let name = "chrome"

    /// Most tokens of a line that may be chrome: counters, tickers and related headlines are short.
    public static let shortLineTokens = 16

    /// Creates the stage; its phrase lists are bundled.
    public init() {}

    /// Removes entities, times, amounts, quotes, meetings and events that start inside a chrome line.
    public func annotate(_ document: inout Document) {
        let chrome = Self.chromeLines(document)
        guard !chrome.isEmpty else { return }
        func outside(_ offset: Int) -> Bool {
            // Lines are in text order: the last line starting at or before the offset is the only one that may hold it.
            var low = 0, high = chrome.count
            while low < high {
                let middle = (low + high) / 2
                if chrome[middle].lowerBound <= offset { low = middle + 1 } else { high = middle }
            }
            return low == 0 || !chrome[low - 1].contains(offset)
        }
        document.entities.removeAll { !outside($0.start) }
        document.times.removeAll { !outside($0.start) }
        document.amounts.removeAll { !outside($0.start) }
        document.quotes.removeAll { !outside($0.start) }
        document.meetings.removeAll { !outside($0.start) }
        document.events.removeAll { !outside($0.start) }
    }

    /// The scalar ranges of the document's chrome lines, in text order.
    static func chromeLines(_ document: Document) -> [Range<Int>] {
        let tokens = document.tokens
        guard !tokens.isEmpty else { return [] }
        var lines: [Range<Int>] = []
        var lineStart = 0
        for index in 1...tokens.count {
            let breaks = index == tokens.count
                || document.scalars[tokens[index - 1].end..<tokens[index].start].contains(where: { $0 == "\n" })
            if breaks {
                lines.append(lineStart..<index)
                lineStart = index
            }
        }
        var chrome: [Range<Int>] = []
        var inList = false
        for line in lines {
            let start = tokens[line.lowerBound].start, end = tokens[line.upperBound - 1].end
            guard line.count <= shortLineTokens else {
                inList = false
                continue
            }
            let text = document.slice(start, end)
            let lower = text.lowercased()
            if Boilerplate.listHeadings.contains(lower.trimmingPunctuation()) {
                inList = true
                chrome.append(start..<end)
            } else if inList || Boilerplate.isBoilerplate(text) || Boilerplate.markers.contains(where: { lower.contains($0) }) {
                chrome.append(start..<end)
            }
        }
        return chrome
    }
}
