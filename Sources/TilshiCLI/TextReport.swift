public import TextModel

/// The human-readable `--format text` rendering of an analysed document.
public enum TextReport {
    /// The facts first (who, where, when, how much, quotes, meetings, events), then every sentence's tokens.
    public static func render(_ document: Document) -> String {
        var out = head(document, sentences: document.sentences.count, tokens: document.tokens.count)
        appendSentences(of: document, to: &out)
        return out + facts(document)
    }

    /// The report's start: the document's line and the facts summary. `facts` needs only its fact layers (a long
    /// document written piece by piece keeps those and spills the sentences).
    static func head(_ facts: Document, sentences: Int, tokens: Int) -> String {
        "# \(facts.id) [\(facts.language.rawValue)] \(sentences) sentences, \(tokens) tokens\n" + "\n" + summary(facts) + "\n"
    }

    /// Every sentence of `document` with its tokens, numbered from `firstNumber`; token offsets are moved by
    /// `offset` (a piece's place in the whole text).
    static func appendSentences(of document: Document, firstNumber: Int = 1, offset: Int = 0, to out: inout String) {
        for (number, sentence) in document.sentences.enumerated() {
            out += "\n[\(number + firstNumber)] \(document.slice(sentence.start, sentence.end))\n"
            // Appended piece by piece (interpolating and joining per token dominated the writer).
            for index in sentence.tokenRange {
                let token = document.tokens[index]
                out += "  "; out += String(token.start + offset); out += "-"; out += String(token.end + offset)
                out += "\t"; out += token.text; out += "\t"
                // Lemma, part of speech and features, those present, separated by spaces.
                var separator = ""
                for part in [token.lemma, token.upos?.rawValue, token.feats] as [String?] {
                    guard let part else { continue }
                    out += separator
                    out += part
                    separator = " "
                }
                out += "\n"
            }
        }
    }

    /// The report's end: every entity and fact with its offsets.
    static func facts(_ document: Document) -> String {
        var out = ""
        func section<T>(_ title: String, _ items: [T], _ line: (T) -> String) {
            guard !items.isEmpty else { return }
            out += "\n\(title):\n"
            for item in items { out += "  \(line(item))\n" }
        }
        section("entities", document.entities) { "\($0.start)-\($0.end) \($0.label) \($0.text) → \($0.canonical)" }
        section("times", document.times) { "\($0.start)-\($0.end) \($0.text) = \($0.value)" }
        section("amounts", document.amounts) { "\($0.start)-\($0.end) \($0.text) = \($0.value) \($0.unit ?? "") \($0.modifier ?? "")" }
        section("quotes", document.quotes) { "\($0.start)-\($0.end) \($0.speaker ?? "?"): \($0.text)" }
        section("meetings", document.meetings) { "\($0.start)-\($0.end) \($0.participants.joined(separator: " + "))" }
        section("events", document.events) { "\($0.start)-\($0.end) \($0.title) @ \($0.when ?? "?") \($0.where ?? "")" }
        return out + "\n"
    }

    /// A short summary of what the document reports: one line per kind of fact, each naming its items once
    /// (canonical names, most mentioned first), lines without items left out.
    static func summary(_ document: Document) -> String {
        func names(_ labels: Set<EntityLabel>) -> [String] {
            var counts: [String: Int] = [:]
            var order: [String] = []
            for entity in document.entities where labels.contains(entity.label) {
                if counts[entity.canonical] == nil { order.append(entity.canonical) }
                counts[entity.canonical, default: 0] += 1
            }
            return order.enumerated().sorted { (counts[$0.element]!, -$0.offset) > (counts[$1.element]!, -$1.offset) }.map(\.element)
        }
        func unique(_ items: [String]) -> [String] {
            var seen = Set<String>()
            return items.filter { seen.insert($0).inserted }
        }
        var lines: [(String, [String])] = [
            ("who", names([.person, .organisation, .organization, .norp])),
            ("where", names([.gpe, .location, .facility])),
            ("when", unique(document.times.map { "\($0.text) (\($0.value))" })),
            ("how much", unique(document.amounts.map { "\($0.text) (\(TextReport.number($0.value))\($0.unit.map { " \($0)" } ?? ""))" })),
        ]
        lines.append(("quotes", document.quotes.map { "\($0.speaker ?? "?"): «\($0.text.count > 60 ? String($0.text.prefix(60)) + "…" : $0.text)»" }))
        lines.append(("meetings", document.meetings.map { $0.participants.joined(separator: " + ") + ($0.when.map { " @ \($0)" } ?? "") }))
        lines.append(("events", document.events.map { $0.title + ($0.when.map { " @ \($0)" } ?? "") + ($0.where.map { ", \($0)" } ?? "") }))
        let shown = lines.filter { !$0.1.isEmpty }
        guard !shown.isEmpty else { return "facts: none found" }
        return "facts:\n" + shown.map { "  \($0.0): \($0.1.joined(separator: "; "))" }.joined(separator: "\n")
    }

    /// `1800000000` → "1800000000", `1.5` → "1.5" (no trailing ".0").
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
