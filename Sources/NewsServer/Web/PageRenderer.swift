import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// Renders the web page's Mustache templates (`Resources/Templates`) into HTML responses.
///
/// Templates only use `{{…}}`, which HTML-escapes every value; the triple-brace form that would insert raw
/// markup is never used (a test scans the templates for it). Interface strings come from ``Localization``;
/// Kazakh text is shown in Cyrillic or Latin via ``transliterate``.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let localization: Localization
    /// Cyrillic → Latin conversion for display; identity until a transliterator is supplied.
    let transliterate: @Sendable (String) -> String

    init(resources: ServerResources, transliterate: @escaping @Sendable (String) -> String) throws {
        var library = MustacheLibrary()
        for (name, text) in resources.templates {
            try library.register(text, named: name)
        }
        self.library = library
        self.localization = Localization(tsv: resources.strings)
        self.transliterate = transliterate
    }

    /// A per-request view of the renderer that knows the reader's language and script.
    func presenter(for request: Request) -> Presenter {
        Presenter(renderer: self, preferences: Preferences(request: request), request: request)
    }

    /// The HTML error page (same layout as every page, so the reader can search again from it).
    /// The message is shown in the reader's language when the error carries an interface-string key
    /// (``LocalizedHTTPError``), else as it came; a bare status gets the status's own string.
    func errorPage(status: HTTPResponse.Status, message: String, localized: LocalizedHTTPError? = nil, request: Request) -> Response {
        let presenter = presenter(for: request)
        let shown: String
        if let localized {
            shown = localized.localized { presenter.t($0) }
        } else {
            let key = "error.status.\(status.code)"
            let text = presenter.t(key)
            shown = text == key ? message : text
        }
        var response = presenter.page("error", title: presenter.t("errorTitle"), ErrorPage(status: Int(status.code), message: shown))
        response.status = status
        return response
    }
}

/// Builds one page for one reader: translates interface strings, converts script, renders, sets cookies.
struct Presenter {
    let renderer: PageRenderer
    let preferences: Preferences
    let request: Request

    /// An interface string in the reader's language and script.
    func t(_ key: String) -> String { text(renderer.localization.string(key, preferences.language)) }

    /// Kazakh text in the reader's script.
    func text(_ value: String) -> String {
        preferences.script == .latn ? renderer.transliterate(value) : value
    }

    func text(_ value: String?) -> String? { value.map { text($0) } }

    /// The localised name of an entity label ("PERSON" → "Адам").
    func labelName(_ label: String) -> String {
        let key = "label.\(label)"
        let name = renderer.localization.string(key, preferences.language)
        return name == key ? label : text(name)
    }

    /// Renders `template` with the page model `content` inside the layout and returns an HTML response.
    func page<Content>(_ template: String, title: String, _ content: Content) -> Response {
        var strings = renderer.localization.strings(preferences.language)
        if preferences.script == .latn {
            strings = strings.mapValues { renderer.transliterate($0) }
        }
        let context = PageContext(
            t: strings, pageTitle: title,
            htmlLang: preferences.language == .kk ? (preferences.script == .latn ? "kk-Latn" : "kk") : "en",
            switches: switches(), path: request.uri.path, content: content
        )
        var html = renderer.library.render(context, withTemplate: template) ?? "template \(template) missing"
        // Readers refuse NUL now, but a collection built before may hold one: never send it raw (HTML maps it to
        // U+FFFD too; one scalar for one, so offsets in the page stay right).
        if html.utf8.contains(0) { html = String(String.UnicodeScalarView(html.unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 })) }
        var response = Response(
            status: .ok,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
        if preferences.changedByQuery {
            for cookie in preferences.cookies { response.setCookie(cookie) }
        }
        return response
    }

    /// Links that switch language or script and keep everything else in the current URL.
    private func switches() -> [PageSwitch] {
        let choices: [(String, String, String, Bool)] = [
            ("lang", "kk", "ҚАЗ", preferences.language == .kk),
            ("lang", "en", "EN", preferences.language == .en),
            ("script", "cyrl", "Кирил", preferences.script == .cyrl),
            ("script", "latn", "Latyn", preferences.script == .latn),
        ]
        return choices.map { name, value, caption, active in
            PageSwitch(href: link(replacing: name, with: value), caption: caption, active: active, group: name)
        }
    }

    /// The current URL with one query parameter replaced.
    func link(replacing name: String, with value: String?) -> String {
        var pairs = FormQuery(request.uri.query).pairs.map { ($0.name, $0.value) }.filter { $0.0 != name }
        if let value { pairs.append((name, value)) }
        return URLBuilder.path(request.uri.path, pairs.sorted { $0.0 < $1.0 })
    }
}

/// Percent-encodes paths and query strings for links.
enum URLBuilder {
    private static let unreserved: CharacterSet = {
        var set = CharacterSet.alphanumerics
        set.insert(charactersIn: "-._~")
        return set
    }()

    static func component(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    static func path(_ path: String, _ query: [(String, String)]) -> String {
        let items = query.filter { !$0.1.isEmpty }.map { "\(component($0.0))=\(component($0.1))" }
        return items.isEmpty ? path : path + "?" + items.joined(separator: "&")
    }
}

/// An optional value for a template: a missing value is `false`, so `{{#name}}` skips it and the lookup does not
/// climb to an outer context that happens to have the same key (and `nil` is never printed).
struct TemplateOptional<Wrapped>: MustacheCustomRepresentation, ExpressibleByNilLiteral {
    var value: Wrapped?

    init(_ value: Wrapped?) { self.value = value }
    init(nilLiteral: ()) { value = nil }

    var representation: Any? {
        if let value { return value }
        return false
    }
}

extension Optional {
    /// The value for a template (see ``TemplateOptional``).
    var template: TemplateOptional<Wrapped> { TemplateOptional(self) }
}
