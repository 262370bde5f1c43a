/// Decoding of HTML/XML character references (`&amp;`, `&#1179;`, `&#x49B;`, `&laquo;`).
public enum HTMLEntities {
    /// Named references common in news pages; unknown names are left as they are.
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "laquo": "«", "raquo": "»",
        "mdash": "—", "ndash": "–", "hellip": "…", "copy": "©", "reg": "®", "trade": "™", "rsquo": "’", "lsquo": "‘",
        "ldquo": "“", "rdquo": "”", "bdquo": "„", "sbquo": "‚", "bull": "•", "middot": "·", "shy": "\u{AD}",
        "deg": "°", "times": "×", "minus": "−", "euro": "€", "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}",
        "zwnj": "\u{200C}", "zwj": "\u{200D}", "prime": "′", "sect": "§", "para": "¶", "num": "#",
    ]

    /// `text` with every character reference replaced by the character it stands for.
    public static func decode(_ text: String) -> String {
        guard text.unicodeScalars.contains("&") else { return text }
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "&" else {
                output.append(scalars[index])
                index += 1
                continue
            }
            // Read up to 32 scalars of a reference name, ending at ';'.
            var end = index + 1
            while end < scalars.count, end - index <= 32, scalars[end] != ";", scalars[end] != "&",
                  !scalars[end].properties.isWhitespace {
                end += 1
            }
            let body = String(String.UnicodeScalarView(scalars[(index + 1)..<min(end, scalars.count)]))
            let terminated = end < scalars.count && scalars[end] == ";"
            if let decoded = reference(body) , terminated || named[body] != nil {
                output.append(contentsOf: decoded.unicodeScalars)
                index = terminated ? end + 1 : end
            } else {
                output.append("&")
                index += 1
            }
        }
        return String(output)
    }

    private static func reference(_ body: String) -> String? {
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            return UInt32(body.dropFirst(2), radix: 16).flatMap(scalar)
        }
        if body.hasPrefix("#") {
            return UInt32(body.dropFirst(), radix: 10).flatMap(scalar)
        }
        return named[body]
    }

    /// The character a numeric reference names; `&#0;` gives U+FFFD as in HTML's parsing rules, so no NUL reaches
    /// a stored text (and from there a page).
    private static func scalar(_ value: UInt32) -> String? {
        value == 0 ? "\u{FFFD}" : Unicode.Scalar(value).map { String($0) }
    }
}
