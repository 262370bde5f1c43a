import Foundation
import HTTPTypes
import Hummingbird
import TilshiTesting
@testable import NewsServer
import Testing

@Suite struct WebPageTests {
    @Test func searchPageShowsHitsWithHighlightsAndEntityMarks() async throws {
        try await TestCollection.app().test { client in
            let response = try await client.execute(uri: "/?q=\("Алматы".queryEncoded)", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let html = response.text
            #expect(html.contains("<html lang=\"kk\">"))
            #expect(html.contains("class=\"result card\""))
            #expect(html.contains("<mark class=\"hit\">Алматы"))
            #expect(html.contains("value=\"Алматы\""))
            // An exact count is shown as a number ("more than" only past the 10,000 matches the count stops at).
            #expect(html.range(of: #"id="summary">\d+ нәтиже"#, options: .regularExpression) != nil)
            #expect(!html.contains("астам нәтиже"))
        }
    }

    @Test(.enabled(if: TestCollection.hasEntities, "needs the NER stage in kk-default"))
    func searchSnippetsMarkEntitiesByType() async throws {
        try await TestCollection.app().test { client in
            let html = try await client.execute(uri: "/?q=\("Алматы".queryEncoded)", method: .get).text
            #expect(html.contains("class=\"ent ent-"))
            #expect(html.contains("class=\"chip ent-"))
        }
    }

    @Test func emptySearchListsTheCollection() async throws {
        try await TestCollection.app().test { client in
            let html = try await client.execute(uri: "/", method: .get).text
            #expect(html.contains("id=\"stats\""))
            #expect(html.components(separatedBy: "class=\"result card\"").count - 1 == 5)
        }
    }

    @Test func documentPageShowsTextAndFacts() async throws {
        try await TestCollection.app().test { client in
            let html = try await client.execute(uri: "/documents/1", method: .get).text
            #expect(html.contains("id=\"doc-text\""))
            #expect(html.contains("id=\"facts\""))
            #expect(html.contains("Парижде ЮНЕСКО штаб пәтерінде"))
            let missing = try await client.execute(uri: "/documents/999999", method: .get)
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType]?.hasPrefix("text/html") == true)
        }
    }

    @Test(.enabled(if: TestCollection.hasEntities, "needs the NER stage in kk-default"))
    func documentPageMarksEntitiesLikeDisplaCy() async throws {
        try await TestCollection.app().test { client in
            let html = try await client.execute(uri: "/documents/1", method: .get).text
            #expect(html.contains("class=\"legend\""))
            #expect(html.contains("href=\"/entities/"))
            #expect(html.contains("<span class=\"lbl\">"))
        }
    }

    @Test func entityListAndEventPages() async throws {
        try await TestCollection.app().test { client in
            let list = try await client.execute(uri: "/entities", method: .get)
            #expect(list.status == .ok)
            #expect(list.text.contains("id=\"entity-list\""))
            let events = try await client.execute(uri: "/events", method: .get)
            #expect(events.status == .ok)
            #expect(events.text.contains("/api/events.ics"))
            let missing = try await client.execute(uri: "/entities/999999", method: .get)
            #expect(missing.status == .notFound)
        }
    }

    /// The calendar writes dates for people, never as raw TIMEX3 values, and names a meeting as one.
    @Test(.enabled(if: TestCollection.hasEntities, "needs the fact stages in kk-default"))
    func eventPageWritesDatesAsWords() async throws {
        try await TestCollection.app().test { client in
            let page = try await client.execute(uri: "/events", method: .get).text
            #expect(!page.contains("XXXX"))
            #expect(page.contains("Кездесу: "))
            let english = try await client.execute(uri: "/events?lang=en", method: .get).text
            #expect(english.contains("Meeting: "))
        }
    }

    @Test(.enabled(if: TestCollection.hasEntities, "needs the NER stage in kk-default"))
    func entityPage() async throws {
        try await TestCollection.app().test { client in
            let entity = try await client.execute(uri: "/entities/1", method: .get)
            #expect(entity.status == .ok)
            #expect(entity.text.contains("id=\"articles\""))
            #expect(entity.text.contains("<mark class=\"hit\">"))
        }
    }

    @Test func englishSwitchIsRememberedInACookie() async throws {
        try await TestCollection.app().test { client in
            let english = try await client.execute(uri: "/?lang=en", method: .get)
            #expect(english.text.contains("<html lang=\"en\">"))
            #expect(english.text.contains(">Search<"))
            #expect(english.headers[values: .setCookie].contains { $0.hasPrefix("lang=en") })
            let remembered = try await client.execute(uri: "/entities", method: .get, headers: [.cookie: "lang=en"])
            #expect(remembered.text.contains("<html lang=\"en\">"))
            let kazakh = try await client.execute(uri: "/", method: .get)
            #expect(kazakh.text.contains(">Іздеу<"))
        }
    }

    @Test func staticFilesAreServed() async throws {
        try await TestCollection.app().test { client in
            let css = try await client.execute(uri: "/static/style.css", method: .get)
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            let js = try await client.execute(uri: "/static/app.js", method: .get)
            #expect(js.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(try await client.execute(uri: "/static/..%2FPackage.swift", method: .get).status == .notFound)
        }
    }

    /// Every value goes through `{{…}}`, which escapes; the raw forms `{{{…}}}` and `{{&…}}` never appear.
    @Test func templatesNeverInsertRawValues() throws {
        let templates = try ServerResources.load().templates
        #expect(templates.count >= 7)
        for (name, template) in templates {
            #expect(!template.contains("{{{"), "\(name) inserts a raw value")
            #expect(!template.contains("{{&"), "\(name) inserts a raw value")
            #expect(!template.contains("style=\""), "\(name) has an inline style (blocked by the content security policy)")
            #expect(!template.contains("<script>"), "\(name) has an inline script (blocked by the content security policy)")
        }
    }

    @Test func interfaceStringsExistInBothLanguages() throws {
        for line in try ServerResources.load().strings.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            #expect(fields.count == 3 && fields.allSatisfy { !$0.isEmpty }, "incomplete line: \(line)")
        }
    }
}
