import Formats
/// Reads RSS 2.0 and Atom feeds: one document per item or entry, with its full content
/// (`content:encoded`, Atom `content`) or else its description/summary, as main text.
public struct FeedReader: Sendable {
    private let html = HTMLExtractor()

    /// Creates a reader; it has no settings.
    public init() {}

    /// Whether `text` looks like a feed (an `<rss>` or `<feed>` root near the start).
    public static func looksLikeFeed(_ text: String) -> Bool {
        let head = text.prefix(2048).lowercased()
        return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf")
    }

    /// The items of the feed in `text`; `input` names it in problems and origins.
    public func read(_ text: String, input: String) -> SourceReadResult {
        let root: XMLNode
        do { root = try XMLNode.parse(text, input: input) } catch {
            return SourceReadResult(problems: [error])
        }
        switch root.name {
        case "rss", "rdf:rdf":
            let channel = root.child("channel") ?? root
            let items = channel.children("item") + root.children("item")
            return collect(items, input: input, feedTitle: channel.childText("title"), rss: true)
        case "feed":
            return collect(root.children("entry"), input: input, feedTitle: root.childText("title"), rss: false)
        default:
            return SourceReadResult(problems: [SourceProblem(input: input, reason: "not an RSS or Atom feed (root element <\(root.name)>)")])
        }
    }

    private func collect(_ items: [XMLNode], input: String, feedTitle: String?, rss: Bool) -> SourceReadResult {
        var result = SourceReadResult()
        for (index, item) in items.enumerated() {
            let origin = "\(input)#\(index + 1)"
            let body = rss
                ? (item.child("content:encoded") ?? item.child("yandex:full-text") ?? item.child("description"))
                : (item.child("content") ?? item.child("summary"))
            let markup = body?.allText ?? ""
            // Feed bodies are HTML (escaped or in CDATA); plain text passes through the extractor unchanged.
            let text = html.extract("<article>" + markup + "</article>").text
            guard !text.isEmpty else {
                result.problems.append(SourceProblem(input: origin, reason: "feed item has no content or description"))
                continue
            }
            let link = rss
                ? item.childText("link")
                : (item.children("link").first { ($0.attributes["rel"] ?? "alternate") == "alternate" } ?? item.child("link"))?.attributes["href"]
            let date = rss
                ? (item.childText("pubdate") ?? item.childText("dc:date"))
                : (item.childText("published") ?? item.childText("updated"))
            result.documents.append(SourceDocument(
                externalID: rss ? item.childText("guid") : item.childText("id"),
                title: item.childText("title").map(HTMLEntities.decode),
                text: text,
                url: link,
                source: feedTitle,
                published: date.flatMap(DateParsing.iso8601),
                origin: origin
            ))
        }
        return result
    }
}
