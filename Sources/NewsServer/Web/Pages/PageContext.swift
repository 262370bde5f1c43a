import Mustache

/// What a template is rendered with: the layout's values (interface strings, title, language, script switches)
/// over the page's own model, whose stored properties the template names.
///
/// Models are plain structs read by swift-mustache through reflection; an optional value is a
/// ``TemplateOptional`` (rendered as `false` when missing, never climbing to an outer value of the same name).
struct PageContext<Content>: MustacheParent {
    /// Interface strings in the reader's language and script (`{{t.navSearch}}`).
    var t: [String: String]
    var pageTitle: String
    var htmlLang: String
    var switches: [PageSwitch]
    var path: String
    var content: Content

    /// The layout's values first, then the page model's properties.
    func child(named name: String) -> Any? {
        switch name {
        case "t": return t
        case "pageTitle": return pageTitle
        case "htmlLang": return htmlLang
        case "switches": return switches
        case "path": return path
        default: return Mirror(reflecting: content).children.first { $0.label == name }?.value
        }
    }
}

/// A link that switches the page's language or script.
struct PageSwitch {
    var href: String
    var caption: String
    var active: Bool
    var group: String
}

/// A link with a title (near-duplicates, documents).
struct TitledLink {
    var href: String
    var title: String
}

/// The search form's values (`search-form` partial).
struct SearchForm {
    var q: String
    var entity: TemplateOptional<String> = nil
    var label: TemplateOptional<String> = nil
    /// The date range fields (`yyyy-MM-dd`; a month filter from a link shows as its first or last day).
    var from: String = ""
    var to: String = ""
    /// Hidden fields that keep the rest of the search (source, exclusions, sort) when the form is sent again.
    var hidden: [HiddenField] = []
}

/// A hidden form field.
struct HiddenField {
    var name: String
    var value: String
}

/// The error page.
struct ErrorPage {
    var status: Int
    var message: String
}
