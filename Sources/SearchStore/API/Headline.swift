/// What to call a document in a list when it has no title: its opening sentence, shortened.
///
/// Many press releases and plain-text files carry no title (the first line reads like running text),
/// and a result list full of "(untitled)" or "#17" gives a reader nothing to choose by — news search
/// engines show the lead instead. The cut falls at the first sentence end, else at a word boundary
/// before ``maximumLength`` characters, marked with "…".
public enum Headline {
    /// Longest headline in characters, not counting the closing "…".
    public static let maximumLength = 90

    /// `title` when it has visible text, otherwise the opening of `text`; nil only when both are blank.
    public static func of(title: String?, text: String) -> String? {
        if let title, title.contains(where: { !$0.isWhitespace }) { return title }
        let words = text.split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return nil }
        var headline = ""
        for word in words {
            let candidate = headline.isEmpty ? String(word) : headline + " " + word
            if candidate.count > maximumLength {
                // A single overlong first word is cut inside itself rather than dropped.
                return (headline.isEmpty ? String(candidate.prefix(maximumLength)) : headline) + "…"
            }
            headline = candidate
            // A sentence end: . ! ? (optionally followed by a closing quote), but not an initial ("Б.") or "т.б.".
            if let last = word.last(where: { !"»\"”)".contains($0) }), ".!?…".contains(last),
               word.filter(\.isLetter).count > 2 || last != "." {
                return headline
            }
        }
        return headline
    }
}
