public import TextModel

/// The human-readable `--format text` rendering of an analysed document.
public enum TextReport {
    /// The document's sentences with their tokens and every fact layer, as `analyze --format text` prints it.
    public static func render(_ document: Document) -> String {
        var out = "# \(document.id) [\(document.language.rawValue)] \(document.sentences.count) sentences, \(document.tokens.count) tokens\n"
        for (number, sentence) in document.sentences.enumerated() {
            out += "\n[\(number + 1)] \(document.slice(sentence.start, sentence.end))\n"
            for index in sentence.tokenRange {
                let token = document.tokens[index]
                let analysis = [token.lemma, token.upos?.rawValue, token.feats].compactMap { $0 }.joined(separator: " ")
                out += "  \(token.start)-\(token.end)\t\(token.text)\t\(analysis)\n"
            }
        }
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
}
