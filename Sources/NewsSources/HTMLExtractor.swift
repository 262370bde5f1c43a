import Foundation
import KazakhData

/// Main-text extraction from a news page: the article's paragraphs without menus, share buttons,
/// "Оқи отырыңыз:" links, partner blocks, scripts and footers, plus title, date, source and URL
/// from the `<title>`, Open Graph and `article:` meta tags.
///
/// The approach is trafilatura's in small: drop elements that are boilerplate by tag
/// (`nav`, `footer`, `aside`, `script`, …), by class or id words (`share`, `menu`, `partner`, …)
/// or by ARIA role; cut what is left into text blocks; prefer the blocks inside `<article>` (or
/// `itemprop="articleBody"`); and drop blocks that are mostly links or are known boilerplate lines
/// (``Boilerplate``).
public struct HTMLExtractor: Sendable {
    /// Creates an extractor; it has no settings.
    public init() {}

    /// What a page gave: text and metadata.
    public struct Page: Sendable, Equatable {
        /// From the `og:title`, `twitter:title` or `<title>` tag, else the first heading, with the site name cut off.
        public var title: String?
        /// The article's main text, paragraphs separated by blank lines.
        public var text: String
        /// Publication date as ISO 8601, from the `article:published_time` and similar meta tags, when the page gives it.
        public var published: String?
        /// Publisher: the Open Graph site name, else the URL's host.
        public var source: String?
        /// The page's `og:url`, else its canonical link, when it gives one.
        public var url: String?
    }

    /// Elements whose whole content is never main text.
    static let skippedElements: Set<String> = [
        "script", "style", "noscript", "template", "svg", "iframe", "form", "nav", "header", "footer", "aside", "menu",
        "button", "select", "option", "label", "object", "video", "audio", "canvas", "head", "figure", "dialog",
    ]
    /// Words in `class`/`id` that mark a boilerplate element.
    static let boilerplateClassWords: Set<String> = [
        "share", "sharing", "social", "socials", "menu", "nav", "navbar", "navigation", "footer", "header", "sidebar",
        "comment", "comments", "related", "partner", "partners", "advert", "advertisement", "ads", "ad", "banner",
        "cookie", "cookies", "subscribe", "subscription", "breadcrumb", "breadcrumbs", "tags", "tag", "widget", "popup",
        "modal", "login", "search", "recommend", "recommended", "promo", "sponsor", "sponsored", "readmore", "also",
        "more", "author", "meta", "telegram", "whatsapp", "facebook", "twitter", "instagram", "rating", "views",
    ]
    static let skippedRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "menu", "search"]
    /// The deepest element nesting the extractor tracks; deeper elements count as part of the deepest one kept.
    public static let maximumDepth = 1_000

    static let blockElements: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "article", "section", "td", "tr",
        "table", "br", "pre", "dd", "dt", "dl", "figcaption", "main", "hr", "address", "center",
    ]
    static let voidElements: Set<String> = [
        "br", "img", "meta", "link", "input", "hr", "source", "area", "base", "col", "embed", "param", "track", "wbr",
    ]

    private struct Block {
        var text: String
        var linkCharacters: Int
        var inArticle: Bool
    }

    private struct OpenElement {
        var name: String
        var skipped: Bool
        var article: Bool
    }

    /// Extracts the main text and metadata of `html`. Never fails; a page with no text gives empty text.
    public func extract(_ html: String) -> Page {
        var tokenizer = MarkupTokenizer(html)
        let tokens = tokenizer.tokens()
        var meta: [String: String] = [:]
        var titleTag: String?
        var firstHeading: String?
        var timeAttribute: String?
        var canonical: String?

        var stack: [OpenElement] = []
        // Elements opened past `maximumDepth` and not closed yet.
        var untrackedOpen = 0
        var blocks: [Block] = []
        var current = ""
        var currentLinks = 0
        var linkDepth = 0
        var headingText: String?
        var inTitle = false

        func skipping() -> Bool { stack.last?.skipped ?? false }
        func inArticle() -> Bool { stack.last?.article ?? false }
        func flush() {
            let text = current.collapsingWhitespace()
            if !text.isEmpty {
                blocks.append(Block(text: text, linkCharacters: min(currentLinks, text.count), inArticle: inArticle()))
            }
            current = ""
            currentLinks = 0
        }

        for token in tokens {
            switch token {
            case .startTag(let name, let attributes, let selfClosing, _):
                switch name {
                case "meta":
                    if let key = (attributes["property"] ?? attributes["name"] ?? attributes["itemprop"])?.lowercased(),
                       let content = attributes["content"], meta[key] == nil {
                        meta[key] = content
                    }
                case "link":
                    if attributes["rel"]?.lowercased() == "canonical" { canonical = attributes["href"] }
                case "time":
                    if timeAttribute == nil { timeAttribute = attributes["datetime"] }
                case "title":
                    inTitle = stack.allSatisfy { $0.name != "svg" && $0.name != "body" }
                default: break
                }
                if name == "h1" && firstHeading == nil && !skipping() { headingText = "" }
                if Self.blockElements.contains(name) { flush() }
                if name == "a" && !selfClosing { linkDepth += 1 }
                guard !Self.voidElements.contains(name), !selfClosing else { continue }
                // Elements nested deeper than real pages ever are stay inside the deepest one kept: every look at the
                // stack then costs at most `maximumDepth` steps, however deep a hostile page nests. Their end tags are
                // counted off first, so they never close an element that is kept.
                guard stack.count < Self.maximumDepth else {
                    untrackedOpen += 1
                    continue
                }
                let skipped = skipping() || isBoilerplate(name: name, attributes: attributes)
                let article = inArticle() || name == "article" || attributes["itemprop"]?.lowercased() == "articlebody"
                    || classWords(attributes).contains(where: { $0 == "articlebody" || $0 == "article_body" })
                stack.append(OpenElement(name: name, skipped: skipped, article: article))
            case .endTag(let name, _):
                if name == "title" { inTitle = false }
                if name == "a" { linkDepth = max(0, linkDepth - 1) }
                if name == "h1", let heading = headingText {
                    if firstHeading == nil && !heading.collapsingWhitespace().isEmpty { firstHeading = heading.collapsingWhitespace() }
                    headingText = nil
                }
                if Self.blockElements.contains(name) { flush() }
                if untrackedOpen > 0 {
                    untrackedOpen -= 1
                    continue
                }
                // Tolerant closing: pop up to the matching element if it is open, otherwise ignore.
                if let position = stack.lastIndex(where: { $0.name == name }) {
                    if Self.blockElements.contains(name) || position == stack.count - 1 || stack.count - position < 8 {
                        stack.removeSubrange(position...)
                    }
                }
            case .text(let text):
                if inTitle {
                    titleTag = (titleTag ?? "") + text
                    continue
                }
                guard !skipping() else { continue }
                current += text
                if linkDepth > 0 { currentLinks += text.collapsingWhitespace().count }
                if headingText != nil { headingText! += text }
            case .cdata(let text):
                if !skipping() { current += text }
            case .comment:
                continue
            }
        }
        flush()

        let articleBlocks = blocks.filter(\.inArticle)
        let candidates = articleBlocks.contains(where: { $0.text.count >= 80 }) ? articleBlocks : blocks
        let siteName = meta["og:site_name"]?.collapsingWhitespace()
        let title = cleanTitle(
            meta["og:title"] ?? meta["twitter:title"] ?? titleTag ?? firstHeading, siteName: siteName
        )
        var seen: Set<String> = []
        var paragraphs: [String] = []
        for block in candidates {
            let text = block.text
            if Boilerplate.isBoilerplate(text) { continue }
            if block.linkCharacters * 2 > text.count { continue }
            if let title, text == title || text == firstHeading { continue }
            if !text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) { continue }
            if !seen.insert(text).inserted { continue }
            paragraphs.append(text)
        }
        let url = meta["og:url"] ?? canonical
        let publishedRaw = meta["article:published_time"] ?? meta["datepublished"] ?? meta["pubdate"]
            ?? meta["publishdate"] ?? meta["date"] ?? meta["dc.date"] ?? timeAttribute
        return Page(
            title: title,
            text: paragraphs.joined(separator: "\n\n"),
            published: publishedRaw.flatMap(DateParsing.iso8601),
            source: siteName ?? url.flatMap { URL(string: $0)?.host },
            url: url
        )
    }

    private func classWords(_ attributes: [String: String]) -> [String] {
        ((attributes["class"] ?? "") + " " + (attributes["id"] ?? ""))
            .lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" || $0 == "\t" || $0 == "\n" })
            .map(String.init)
    }

    private func isBoilerplate(name: String, attributes: [String: String]) -> Bool {
        if Self.skippedElements.contains(name) { return true }
        if let role = attributes["role"]?.lowercased(), Self.skippedRoles.contains(role) { return true }
        if attributes["aria-hidden"]?.lowercased() == "true" || attributes["hidden"] != nil { return true }
        if let style = attributes["style"]?.lowercased().replacingOccurrences(of: " ", with: ""), style.contains("display:none") {
            return true
        }
        // An article container whose class also says "header" etc. is still content (e.g. "article-header" is not).
        return classWords(attributes).contains { Self.boilerplateClassWords.contains($0) }
    }

    /// A page title without a trailing " | Site" or " - Site" part.
    private func cleanTitle(_ raw: String?, siteName: String?) -> String? {
        guard var title = raw?.collapsingWhitespace(), !title.isEmpty else { return nil }
        for separator in [" | ", " — ", " – ", " - ", " :: "] {
            if let range = title.range(of: separator, options: .backwards) {
                let tail = title[range.upperBound...]
                let namesSite = siteName.map { tail.lowercased() == $0.lowercased() } ?? false
                if namesSite || (tail.count <= 30 && tail.count * 3 < title.count) {
                    title = String(title[..<range.lowerBound])
                    break
                }
            }
        }
        return title
    }
}
