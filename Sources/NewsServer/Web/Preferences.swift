import Hummingbird

/// The reader's interface language and script, from `?lang=`/`?script=` or the cookies that remember them.
struct Preferences: Sendable, Equatable {
    /// Scripts the page can show Kazakh text in.
    enum Script: String, Sendable, CaseIterable {
        case cyrl, latn
    }

    var language: Localization.Language = .kk
    var script: Script = .cyrl
    /// True when the request chose a value by query, so the response should remember it in a cookie.
    var changedByQuery = false

    init(language: Localization.Language = .kk, script: Script = .cyrl) {
        self.language = language
        self.script = script
    }

    init(request: Request) {
        let query = FormQuery(request.uri.query)
        if let value = query["lang"].flatMap({ Localization.Language(rawValue: $0) }) {
            language = value
            changedByQuery = true
        } else if let value = request.cookies["lang"].flatMap({ Localization.Language(rawValue: $0.value) }) {
            language = value
        }
        if let value = query["script"].flatMap({ Script(rawValue: $0) }) {
            script = value
            changedByQuery = true
        } else if let value = request.cookies["script"].flatMap({ Script(rawValue: $0.value) }) {
            script = value
        }
    }

    /// Cookies that keep the choice for the next pages (a year; not readable by script, same site only).
    var cookies: [Cookie] {
        [
            Cookie(name: "lang", value: language.rawValue, maxAge: 31_536_000, path: "/", httpOnly: true, sameSite: .lax),
            Cookie(name: "script", value: script.rawValue, maxAge: 31_536_000, path: "/", httpOnly: true, sameSite: .lax),
        ]
    }
}
