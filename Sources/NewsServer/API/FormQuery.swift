import Foundation

/// A URL query decoded the way HTML forms encode it (`application/x-www-form-urlencoded`): `+` is a space and
/// `%XX` escapes are UTF-8 bytes. Hummingbird's own query parser keeps `+` as it is, so a two-word search typed
/// into the page's form (`q=Алматы+облысы`) would arrive as one word with a plus sign.
struct FormQuery: Sendable {
    /// The name–value pairs in the order they came, names and values decoded.
    let pairs: [(name: String, value: String)]

    init(_ query: String?) {
        guard let query, !query.isEmpty else {
            pairs = []
            return
        }
        pairs = query.split(separator: "&", omittingEmptySubsequences: true).map { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    /// The first value given for `name`, nil when absent.
    subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// The names given, each once.
    var names: Set<String> { Set(pairs.map(\.name)) }

    /// One form-encoded component: `+` → space, then percent-decoding. A malformed escape (`%G1`, a lone `%`, bytes
    /// that are not UTF-8) leaves the text as it came rather than failing the request.
    static func decode(_ component: Substring) -> String {
        let spaced = component.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
