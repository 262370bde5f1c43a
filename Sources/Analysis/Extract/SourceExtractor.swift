import KazakhData
public import TextModel

/// Finds the outlet a page attributes itself to and keeps it as the document's source (`metadata.source`), not as
/// speech or as a name.
///
/// Three places name it: an agency credit line closing a sentence ("…, деп хабарлайды Kazinform.", "…, деп жазады
/// BAQ.KZ"), whose sentence is then no quote; the page head, where the outlet stands in a short line or beside the
/// date ("Vesti.kz | 2 маусым 2025, 03:05", "АСТАНА. KAZINFORM – …", "МӘСКЕУ. 27 мамыр 2025. Sputnik Қазақстан");
/// and a foot line ("Дереккөз: Хабар 24", a lone "Abai.kz"). An outlet named in the body ("«Хабар» тілшісіне") is a
/// name as any other. A source the input carries (JSONL, feed, HTML meta) is kept. Runs after the quote stage.
public struct SourceExtractor: Annotator {
    /// The stage's name in a pipeline (`sources`).
    public let name = "sources"

    /// Creates the stage; its word list is bundled (`credit-lines.tsv`).
    public init() {}

    /// Drops credit lines from `quotes`, the outlet's own mentions from `entities`, and sets `metadata.source`.
    public func annotate(_ document: inout Document) {
        let view = WordView.shared(for: document)
        var outlets: [(name: String, start: Int, end: Int)] = []
        for sentence in view.sentences {
            guard let credit = Self.creditLine(in: sentence, view: view, document: document) else { continue }
            // The unquoted sentence the credit closes is the outlet's report, not anyone's speech; a quotation in marks
            // before it ("«…», – деп хабарлайды Almaty.tv") is still someone's words the outlet reports.
            let text = document
            document.quotes.removeAll { quote in
                guard quote.end <= credit.verbStart else { return false }
                let between = text.slice(quote.end, credit.verbStart)
                return between.allSatisfy { !$0.isLetter && !$0.isNumber } && !between.contains { "»\"“”".contains($0) }
            }
            outlets.append((credit.name, credit.start, credit.end))
        }
        if outlets.isEmpty, let header = Self.headerOutlet(document) { outlets.append(header) }
        guard let first = outlets.first else { return }
        // The outlet's mentions, and a tagger's span that runs from it into the head's separators and date
        // ("Жайық | 07.04.2025" on the line "Ақ Жайық | 07.04.2025 | 09:15"): no letter outside the outlet.
        let scalars = document.scalars
        document.entities.removeAll { entity in
            outlets.contains { outlet in
                guard entity.start < outlet.end, outlet.start < entity.end else { return false }
                let outside = scalars[entity.start..<max(entity.start, min(entity.end, outlet.start))] + scalars[min(entity.end, max(entity.start, outlet.end))..<entity.end]
                return !outside.contains { $0.properties.isAlphabetic }
            }
        }
        if document.metadata.source == nil { document.metadata.source = first.name }
    }

    /// "…, деп хабарлайды Kazinform.": the outlet (1–3 capitalised words ending the sentence) after деп and a credit
    /// verb; after a past-tense verb only a site name or a Latin-script outlet counts.
    static func creditLine(in sentence: Range<Int>, view: WordView, document: Document) -> (name: String, start: Int, end: Int, verbStart: Int)? {
        var last = sentence.upperBound - 1
        while last > sentence.lowerBound, view.words[last].isPunctuation { last -= 1 }
        guard last - sentence.lowerBound >= 3 else { return nil }
        for outletStart in max(sentence.lowerBound + 2, last - 2)...last {
            let verb = view.words[outletStart - 1], depWord = view.words[outletStart - 2]
            guard depWord.lower == "деп", let kind = FactLexicon.creditWords[verb.lower], kind != "label" else { continue }
            let words = view.words[outletStart...last]
            guard words.allSatisfy({ $0.isCapitalized && !$0.isPunctuation }) else { return nil }
            let start = words.first!.start, end = words.last!.end
            let written = document.slice(start, end).trimmingPunctuation()
            if kind == "past", !(words.count == 1 && SpeakerContext.isSiteName(written)) && !Self.isLatin(written) { return nil }
            return (Self.canonical(written), start, start + written.unicodeScalars.count, depWord.start)
        }
        return nil
    }

    /// The outlet of the page head (the first five lines) or foot (the last two lines), as a name and its span.
    static func headerOutlet(_ document: Document) -> (name: String, start: Int, end: Int)? {
        let lines = Self.lines(document.scalars)
        guard !lines.isEmpty else { return nil }
        var candidates: [(name: String, start: Int, end: Int, rank: Int)] = []
        let head = lines.prefix(5), foot = lines.count > 6 ? Array(lines.suffix(2)) : []
        for (number, line) in head.enumerated() {
            let scalars = document.scalars[line]
            let datedLine = scalars.contains(where: Self.isNumeric)
            let separated = scalars.contains(where: Self.isSeparator)
            for segment in Self.segments(of: scalars, limit: Self.headScalarLimit) {
                // Most segments of a head are sentences of a body paragraph: count their words before making strings.
                guard Self.wordCount(document.scalars[segment.range]) <= 3 || number > 0 && segment.agency else { continue }
                let text = String(scalars: document.scalars[segment.range])
                let segment = (text: text, start: segment.range.lowerBound, agency: segment.agency)
                var words = segment.text.split(separator: " ").map(String.init)
                // "АСТАНА. KAZINFORM – Премьер-министр …": the agency name before the dash of a body line.
                if number > 0, words.count > 3, segment.agency { words = Array(words.prefix(1)) }
                guard (1...3).contains(words.count), !segment.text.contains(where: \.isNumber) || SpeakerContext.isSiteName(segment.text),
                      words.allSatisfy({ $0.first?.isUppercase == true }) else { continue }
                let written = words.joined(separator: " ")
                let span = (segment.start, segment.start + written.unicodeScalars.count)
                if words.count == 1, SpeakerContext.isSiteName(written) {
                    candidates.append((written, span.0, span.1, 0))
                } else if Self.isLatin(written), !Self.isPlaceOrPerson(span, in: document) {
                    candidates.append((Self.canonical(written), span.0, span.1, 1))
                } else if datedLine, number > 0 || segment.agency, !Self.isPlaceOrPerson(span, in: document), !Self.isShortCapitals(written),
                          words.allSatisfy({ FactLexicon.creditWords[$0.lowercased()] == nil }), separated {
                    candidates.append((Self.canonical(written), span.0, span.1, 2))
                }
            }
        }
        for line in foot where line.count <= Self.headScalarLimit {
            // Only "Label: Name" (a one-word label) or a lone site name can name the outlet: test before making strings.
            let scalars = document.scalars[line]
            guard scalars.prefix(Self.footLabelLimit).contains(":") || Self.wordCount(scalars) <= 2 else { continue }
            let text = String(scalars: scalars).trimmingPunctuation()
            if let colon = text.firstIndex(of: ":"), FactLexicon.creditWords[text[..<colon].lowercased()] == "label" {
                let name = String(text[text.index(after: colon)...]).trimmingPunctuation()
                guard !name.isEmpty, name.split(separator: " ").count <= 3 else { continue }
                let start = line.lowerBound + text.unicodeScalars.count - name.unicodeScalars.count
                candidates.append((Self.canonical(name), start, start + name.unicodeScalars.count, 1))
            } else if !text.contains(" "), SpeakerContext.isSiteName(text) {
                candidates.append((text, line.lowerBound, line.lowerBound + text.unicodeScalars.count, 1))
            }
        }
        return candidates.min { $0.rank < $1.rank }.map { ($0.name, $0.start, $0.end) }
    }

    /// The scalar ranges of the non-empty lines.
    private static func lines(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for index in 0...scalars.count where index == scalars.count || scalars[index] == "\n" {
            var lower = start, upper = index
            while lower < upper, scalars[lower].properties.isWhitespace { lower += 1 }
            while upper > lower, scalars[upper - 1].properties.isWhitespace { upper -= 1 }
            if lower < upper { lines.append(lower..<upper) }
            start = index + 1
        }
        return lines
    }

    /// A head line's opening: a head line is short, and of a body paragraph only the part before its first dash can
    /// name the outlet, so reading further would only make the stage cost as much as the article.
    static let headScalarLimit = 240
    /// Scalars before the colon of a foot line's label ("Дереккөз:", "Источник:"): credit labels are single words.
    static let footLabelLimit = 40

    /// A head line cut at its separators ("|", "•", "·", "/", ", ", ". " and a spaced dash); `agency` marks the part
    /// before the first spaced dash of a line that opens with a capitalised place ("АСТАНА. KAZINFORM – …"). Reads at
    /// most `limit` scalars; a segment the limit cuts is left out. Ranges are document offsets.
    private static func segments(of scalars: ArraySlice<Unicode.Scalar>, limit: Int) -> [(range: Range<Int>, agency: Bool)] {
        var segments: [(range: Range<Int>, agency: Bool)] = []
        let first = scalars.startIndex
        let end = min(scalars.endIndex, first + limit)
        var start = first
        var sawDash = false
        func flush(_ end: Int, dash: Bool) {
            var lower = start, upper = end
            while lower < upper, scalars[lower].properties.isWhitespace || Self.isSeparator(scalars[lower]) { lower += 1 }
            while upper > lower, scalars[upper - 1].properties.isWhitespace || [".", ",", ":"].contains(scalars[upper - 1]) { upper -= 1 }
            if lower < upper {
                segments.append((lower..<upper, dash && !sawDash && !segments.isEmpty))
            }
        }
        var index = first
        while index < end {
            let scalar = scalars[index]
            let next = index + 1 < scalars.endIndex ? scalars[index + 1] : " "
            let stop = scalar == "." || scalar == ","
            let spaced = next == " " && (index == first || scalars[index - 1] == " " || stop)
            if scalar != "/" && Self.isSeparator(scalar) || scalar == "/" && spaced || stop && next == " " {
                flush(index, dash: false)
                start = index + 1
            } else if spaced, Self.isDash(scalar), index > first, scalars[index - 1] == " " {
                flush(index, dash: true)
                sawDash = true
                start = index + 1
                // Only the head of a body line carries the outlet: stop at its first dash.
                if segments.count >= 2 { return segments }
            }
            index += 1
        }
        if end == scalars.endIndex { flush(end, dash: false) }
        return segments
    }

    /// The number of space-separated words, as `split(separator: " ")` counts them.
    private static func wordCount(_ scalars: ArraySlice<Unicode.Scalar>) -> Int {
        var count = 0
        var inWord = false
        for scalar in scalars {
            if scalar == " " { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }

    /// "|", "•", "·" or "/": what separates the parts of a head line ("Vesti.kz | 2 маусым 2025").
    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "|" || scalar == "•" || scalar == "·" || scalar == "/"
    }

    /// ``WordView/dashes`` as a short array: compared without hashing (the head scan asks it of every scalar).
    private static let dashList = Array(WordView.dashes)
    private static func isDash(_ scalar: Unicode.Scalar) -> Bool { dashList.contains(scalar) }

    /// `Character.isNumber` of a scalar, with the property lookup spared for ASCII and Cyrillic letters.
    private static func isNumeric(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("0"..."9").contains(scalar) }
        if (0x400...0x52F).contains(scalar.value) { return false }
        return scalar.properties.numericType != nil
    }

    /// Latin letters only, with at least one ("Atyrau Info", "Sputnik Қазақстан" counts by its first word).
    private static func isLatin(_ text: String) -> Bool {
        guard let first = text.split(separator: " ").first else { return false }
        return first.unicodeScalars.contains { $0.properties.isAlphabetic }
            && first.unicodeScalars.allSatisfy { !$0.properties.isAlphabetic || $0.value < 0x250 }
    }

    /// "ШҚО", "АҚШ": a short all-capital abbreviation in a head line is a place, not an outlet.
    private static func isShortCapitals(_ text: String) -> Bool {
        text.count <= 4 && text.allSatisfy { !$0.isLetter || $0.isUppercase }
    }

    /// Whether an entity of the span is a place or a person ("Алматы • 27.11.2025" is a place, not an outlet).
    private static func isPlaceOrPerson(_ span: (Int, Int), in document: Document) -> Bool {
        document.entities.contains { $0.start < span.1 && span.0 < $0.end && ($0.label == .gpe || $0.label == .location || $0.label == .person) }
    }

    /// An all-capital outlet in normal capitalisation ("KAZINFORM" → "Kazinform"); site names and mixed case as written.
    static func canonical(_ written: String) -> String {
        written.split(separator: " ").map { word -> String in
            let letters = word.filter(\.isLetter)
            guard letters.count >= 4, letters.allSatisfy(\.isUppercase), !word.contains(".") else { return String(word) }
            return word.prefix(1) + word.dropFirst().lowercased()
        }.joined(separator: " ")
    }
}
