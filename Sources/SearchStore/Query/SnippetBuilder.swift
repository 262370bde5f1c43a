import TextModel

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
    /// Lowercased first letters of the wanted forms, for the fast candidate scan.
    let stems: [[Unicode.Scalar]]
    /// Target window length in Unicode scalars.
    public var windowLength = 240

    /// Creates a builder for the query's positive `words` and prefix-query `prefixes`, analysed as the index analyses text.
    public init(words: [String], prefixes: [String] = [], analyzer: IndexTermAnalyzer = IndexTermAnalyzer()) {
        self.analyzer = analyzer
        var wanted: Set<String> = []
        for word in words {
            // Out of context and cached per form, as the text's words are (a query word has no context anyway).
            for term in analyzer.contextFreeTerms(of: word) {
                wanted.insert(term.lemma)
                if let surface = term.surface { wanted.insert(surface) }
            }
        }
        self.wanted = wanted
        self.prefixes = prefixes.map { $0.lowercased() }
        // The first four letters of each wanted form: inflection changes the end of a Kazakh word, rarely its start.
        var stems: Set<[Unicode.Scalar]> = []
        for form in wanted.union(self.prefixes) {
            stems.insert(Array(form.unicodeScalars.prefix(4)).map(Self.lowercase))
        }
        self.stems = Array(stems)
    }

    /// The ranges of `text` (scalar offsets) holding matched words.
    public func matches(in text: String) -> [TextRange] {
        // Most titles hold no word that even begins like a wanted one: then there is nothing to analyse. Latin and
        // Arabic letters are read as Cyrillic by the analysis, which the scan cannot see, so such text is always analysed.
        let scalars = Array(text.unicodeScalars)
        if candidatePositions(in: scalars).isEmpty, !scalars.contains(where: Self.isFolded) { return [] }
        return analyzer.contextFreeTerms(of: text).compactMap { term in
            isWanted(term) ? TextRange(start: term.start, end: term.end) : nil
        }
    }

    /// Starts of words that begin like a wanted term: a cheap scan with no analysis.
    func candidatePositions(in scalars: [Unicode.Scalar]) -> [Int] {
        guard !stems.isEmpty else { return [] }
        var positions: [Int] = []
        var index = 0
        var previousIsLetter = false
        while index < scalars.count {
            let isLetter = Self.isWordScalar(scalars[index])
            if isLetter && !previousIsLetter {
                for stem in stems where index + stem.count <= scalars.count {
                    var matched = true
                    for offset in 0..<stem.count where Self.lowercase(scalars[index + offset]) != stem[offset] {
                        matched = false
                        break
                    }
                    if matched {
                        positions.append(index)
                        break
                    }
                }
            }
            previousIsLetter = isLetter
            index += 1
        }
        return positions
    }

    /// A Latin or Arabic letter: a word the index reads in Cyrillic (``ScriptFolding``).
    static func isFolded(_ scalar: Unicode.Scalar) -> Bool {
        ScriptFolding.isLatinLetter(scalar) || (0x620...0x6FF).contains(scalar.value)
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x400...0x4FF: return true
        case 0...0x7F: return false
        default: return scalar.properties.isAlphabetic
        }
    }

    /// `Unicode.Scalar.Properties.isWhitespace` with the common cases answered without a property lookup
    /// (which showed in profiles: every scalar of the window is checked).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09...0x0D: return true
        case 0...0x7F: return false
        case 0x400...0x4FF: return false
        default: return scalar.properties.isWhitespace
        }
    }

    /// Lower case for the scan: a table-free fast path for ASCII and Cyrillic (Kazakh letters included).
    static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.fastLowercase
    }

    private func isWanted(_ term: IndexTerm) -> Bool {
        if wanted.contains(term.lemma) { return true }
        if let surface = term.surface, wanted.contains(surface) { return true }
        let form = term.surface ?? term.lemma
        return prefixes.contains { form.hasPrefix($0) }
    }

    /// The window of `text` with the most matched words (the start of the text when none match).
    ///
    /// Only the window is analysed: a fast scan first finds words that begin like a wanted term
    /// (the first letters of its lemma or surface form), the densest stretch of them becomes the
    /// window, and the analysis then marks exactly the words that match.
    public func snippet(of text: String) -> Snippet {
        let scalars = Array(text.unicodeScalars)
        var candidates = candidatePositions(in: scalars)
        if candidates.isEmpty, scalars.contains(where: Self.isFolded) {
            // A Latin- or Arabic-script document: the scan (Cyrillic letters) cannot see its words, so the whole text is
            // analysed (its words read as Cyrillic) to find the match, highlighted in the document's own script.
            candidates = matches(in: text).map(\.start)
        }
        var windowStart = 0
        if !candidates.isEmpty {
            var best = (count: 0, start: candidates[0])
            var upper = 0
            for lower in candidates.indices {
                while upper < candidates.count, candidates[upper] - candidates[lower] <= windowLength - 20 { upper += 1 }
                if upper - lower > best.count { best = (upper - lower, candidates[lower]) }
            }
            // Begin a little before the first match, at a word boundary.
            windowStart = max(0, best.start - windowLength / 5)
            while windowStart > 0, windowStart < best.start, !Self.isSpace(scalars[windowStart - 1]) { windowStart += 1 }
        }
        var windowEnd = min(scalars.count, windowStart + windowLength)
        while windowEnd < scalars.count, windowEnd > windowStart, !Self.isSpace(scalars[windowEnd]) { windowEnd -= 1 }
        if windowEnd <= windowStart { windowEnd = min(scalars.count, windowStart + windowLength) }
        // Trim whitespace at both ends.
        while windowStart < windowEnd, Self.isSpace(scalars[windowStart]) { windowStart += 1 }
        while windowEnd > windowStart, Self.isSpace(scalars[windowEnd - 1]) { windowEnd -= 1 }
        let windowText = String(String.UnicodeScalarView(scalars[windowStart..<windowEnd]))
        let matches = self.matches(in: windowText).map { TextRange(start: $0.start + windowStart, end: $0.end + windowStart) }

        // Copy the window with whitespace runs collapsed to one space, remembering where each scalar went.
        var view = String.UnicodeScalarView()
        if windowStart > 0 { view.append(contentsOf: "… ".unicodeScalars) }
        var outputOffset = [Int](repeating: 0, count: windowEnd - windowStart + 1)
        var count = view.count
        var previousWasSpace = true
        for position in windowStart..<windowEnd {
            outputOffset[position - windowStart] = count
            let scalar = scalars[position]
            if Self.isSpace(scalar) {
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
