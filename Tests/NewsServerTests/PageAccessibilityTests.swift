import Foundation
import HTTPTypes
import Hummingbird
import SearchStore
import TilshiTesting
@testable import NewsServer
import Testing

/// Issue 20: the entity chart, entity marks that do not look like hits, and a page that keyboard and screen-reader
/// users can use.
@Suite struct PageAccessibilityTests {
    /// The entity page's monthly chart is an SVG with its own classes and a bar for every month, empty ones included.
    @Test(.enabled(if: TestCollection.hasEntities, "needs the NER stage in kk-default"))
    func entityChartHasEveryMonth() async throws {
        let database = try SearchPageUXTests.collection()
        let entities = try database.entities(limit: 100)
        let entity = try #require(entities.first { $0.documentCount == 2 && $0.canonical.hasPrefix("Алматы") }, "\(entities.map(\.canonical))")
        let (status, html) = try await SearchPageUXTests.html("/entities/\(entity.id)", database)
        #expect(status == .ok)
        #expect(html.contains("id=\"timeline\""))
        #expect(html.contains("<svg class=\"chart\""))
        // October, November (empty) and December 2016.
        #expect(html.components(separatedBy: "class=\"chart-bar\"").count - 1 == 3)
        #expect(html.contains("<title>қараша 2016: 0</title>"))
        // No class of the chart is the header's `bar`.
        #expect(!html.contains("class=\"bar\" title"))
    }

    /// An entity without a page is a span, not a `<mark>`: only search matches are marks.
    @Test func entityMarksAreNotHitMarks() throws {
        let resources = try ServerResources.load()
        let segments = try #require(resources.templates["segments"])
        #expect(!segments.contains("<mark class=\"ent"))
        #expect(segments.contains("<span class=\"ent ent-{{label}}\""))
        let css = String(decoding: try #require(resources.assets["style.css"]), as: UTF8.self)
        // The hit colour is not any entity colour.
        func colours(after prefix: String) -> [String] {
            css.components(separatedBy: prefix).dropFirst().compactMap { part in
                guard let hash = part.firstIndex(of: "#"), hash == part.startIndex || part[..<hash].hasSuffix(": "),
                      !part[..<hash].contains(")") else { return nil }
                return String(part[hash...].prefix(7))
            }
        }
        let hit = try #require(colours(after: "--hit-wash: ").first)
        let entityColours = colours(after: "--ent-")
        #expect(entityColours.count > 20)
        #expect(!entityColours.contains(hit))
    }

    /// A skip link is the first Tab stop and leads to the main content; focus effects exist beside hover ones.
    @Test func skipLinkAndKeyboardFocus() async throws {
        let (_, html) = try await SearchPageUXTests.html("/", TestCollection.shared)
        let body = try #require(html.range(of: "<body>"))
        let firstLink = try #require(html.range(of: "<a ", range: body.upperBound..<html.endIndex))
        #expect(html[firstLink.lowerBound...].hasPrefix("<a class=\"skip-link\" href=\"#main\">Негізгі мазмұнға өту</a>"))
        #expect(html.contains("<main class=\"page\" id=\"main\""))
        let resources = try ServerResources.load()
        let script = String(decoding: try #require(resources.assets["app.js"]), as: UTF8.self)
        #expect(script.contains("\"focusin\""))
        let css = String(decoding: try #require(resources.assets["style.css"]), as: UTF8.self)
        #expect(css.contains(":focus-visible"))
        #expect(css.contains("prefers-color-scheme: dark"))
        #expect(css.contains("@media print"))
    }

    /// On a wide screen the calendar's list is hidden only visually: screen readers still get every event.
    @Test func calendarListStaysReadable() async throws {
        let css = String(decoding: try #require(try ServerResources.load().assets["style.css"]), as: UTF8.self)
        #expect(!css.contains(".agenda.with-grid { display: none; }"))
        #expect(css.contains(".agenda.with-grid { position: absolute; width: 1px;"))
        let (_, html) = try await SearchPageUXTests.html("/events", TestCollection.shared)
        #expect(html.contains("<ul class=\"agenda with-grid\">"))
        // The list writes its dates in words ("5 қазан 2016"), not as ISO values.
        #expect(html.range(of: #"<span class="date">\d{4}-\d{2}"#, options: .regularExpression) == nil)
    }
}
