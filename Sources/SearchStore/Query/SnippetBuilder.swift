/// Finds the words of a text that a query matched and cuts a highlighted window of the original text.
///
/// Works on index terms with their offsets (not on FTS5's `snippet()`, which would show lemmas):
/// the text is analysed with the same ``IndexTermAnalyzer`` as the index (lemmas taken out of
/// context, for speed), and a word is marked when its lemma or surface form is one the query asked for.
public struct SnippetBuilder: Sendable {
    let analyzer: IndexTermAnalyzer
    /// Terms (lemmas and surface forms) of the query's positive words.
    let wanted: Set<String>
    let prefixes: [String]
    /// Target window length in Unicode scalars.
    public var windowLength = 240

    public init(words: [String], prefixes: [String] = [], analyzer: IndexTermAnalyzer = IndexTermAnalyzer()) {
        self.analyzer = analyzer
        var wanted: Set<String> = []
        for word in words {
            for term in analyzer.terms(of: word) {
                wanted.insert(term.lemma)
                if let surface = term.surface { wanted.insert(surface) }
            }
        }
        self.wanted = wanted
        self.prefixes = prefixes.map { $0.lowercased() }
    }

    /// The ranges of `text` (scalar offsets) holding matched words.
    public func matches(in text: String) -> [TextRange] {
        analyzer.contextFreeTerms(of: text).compactMap { term in
            isWanted(term) ? TextRange(start: term.start, end: term.end) : nil
        }
    }

    private func isWanted(_ term: IndexTerm) -> Bool {
        if wanted.contains(term.lemma) { return true }
        if let surface = term.surface, wanted.contains(surface) { return true }
        let form = term.surface ?? term.lemma
        return prefixes.contains { form.hasPrefix($0) }
    }

    /// The window of `text` with the most distinct matched words (the start of the text when none match).
    public func snippet(of text: String) -> Snippet {
        let scalars = Array(text.unicodeScalars)
        let matches = matches(in: text)
        var windowStart = 0
        if !matches.isEmpty {
            // Slide over the matches: the best window covers the most matches within windowLength.
            var best = (count: 0, start: matches[0].start)
            var upper = 0
            for lower in matches.indices {
                while upper < matches.count, matches[upper].end - matches[lower].start <= windowLength { upper += 1 }
                if upper - lower > best.count { best = (upper - lower, matches[lower].start) }
            }
            // Begin a little before the first match, at a word boundary.
            windowStart = max(0, best.start - windowLength / 5)
            while windowStart > 0, windowStart < best.start, !scalars[windowStart - 1].properties.isWhitespace { windowStart += 1 }
        }
        var windowEnd = min(scalars.count, windowStart + windowLength)
        while windowEnd < scalars.count, windowEnd > windowStart, !scalars[windowEnd].properties.isWhitespace { windowEnd -= 1 }
        if windowEnd <= windowStart { windowEnd = min(scalars.count, windowStart + windowLength) }
        // Trim whitespace at both ends.
        while windowStart < windowEnd, scalars[windowStart].properties.isWhitespace { windowStart += 1 }
        while windowEnd > windowStart, scalars[windowEnd - 1].properties.isWhitespace { windowEnd -= 1 }

        // Copy the window with whitespace runs collapsed to one space, remembering where each scalar went.
        var view = String.UnicodeScalarView()
        if windowStart > 0 { view.append(contentsOf: "… ".unicodeScalars) }
        var outputOffset = [Int](repeating: 0, count: windowEnd - windowStart + 1)
        var count = view.count
        var previousWasSpace = true
        for position in windowStart..<windowEnd {
            outputOffset[position - windowStart] = count
            let scalar = scalars[position]
            if scalar.properties.isWhitespace {
                if !previousWasSpace {
                    view.append(" ")
                    count += 1
                }
                previousWasSpace = true
            } else {
                view.append(scalar)
                count += 1
                previousWasSpace = false
            }
        }
        outputOffset[windowEnd - windowStart] = count
        if windowEnd < scalars.count { view.append(contentsOf: " …".unicodeScalars) }
        let highlights = matches
            .filter { $0.start >= windowStart && $0.end <= windowEnd }
            .map { TextRange(start: outputOffset[$0.start - windowStart], end: outputOffset[$0.end - windowStart]) }
        return Snippet(text: String(view), highlights: highlights, documentStart: windowStart)
    }
}
