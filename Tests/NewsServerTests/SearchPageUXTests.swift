import Foundation
import HTTPTypes
import Hummingbird
import NewsSources
import SearchStore
import TilshiTesting
@testable import NewsServer
import Testing

/// Issue 20: what a journalist meets on the search page and the API — two-word searches from the form, facets of the
/// result set, exclusions, sorting, the date range, the attention chart and the exports.
@Suite struct SearchPageUXTests {
    /// Three short articles written for these tests: two about Almaty in October and December 2016, one about Astana.
    static func collection() throws -> NewsDatabase {
        let database = try NewsDatabase.inMemory()
        let articles: [(String, String, String, String)] = [
            ("2016-10-03", "Хабар", "Алматы облысы әкімдігі",
             "Алматы облысында жаңа мектеп ашылды. Облыс әкімі Амандық Баталов салтанатты шараға қатысты. Мектепке 1,8 млрд теңге жұмсалды."),
            ("2016-12-01", "Егемен", "Алматы облысының ауылдары",
             "Алматы облысының үш ауылына жол салынды. Жұмыс 2016 жылдың күзінде басталған."),
            ("2016-10-20", "Хабар", "Астанада көрме өтті",
             "Астанада қолөнер көрмесі өтті. Көрмеге 13 % көп адам келді."),
        ]
        try database.ingest(articles.map { published, source, title, text in
            SourceDocument(title: title, text: text, source: source, published: published, origin: "ux-test")
        })
        return database
    }

    static func html(_ uri: String, _ database: NewsDatabase) async throws -> (HTTPResponse.Status, String) {
        try await TestCollection.app(database).test { client in
            let response = try await client.execute(uri: uri, method: .get)
            return (response.status, response.text)
        }
    }

    /// The form sends `q=Алматы+облысы`: the plus is a space, in the page and in the API.
    @Test func plusInAFormQueryIsASpace() async throws {
        let database = try Self.collection()
        let q = "Алматы".queryEncoded + "+" + "облысы".queryEncoded
        let (status, html) = try await Self.html("/?q=\(q)", database)
        #expect(status == .ok)
        #expect(html.contains("value=\"Алматы облысы\""))
        #expect(!html.contains("Алматы+облысы"))
        #expect(!html.contains("ignored the characters"))
        #expect(html.range(of: #"id="summary">2 нәтиже"#, options: .regularExpression) != nil)
        try await TestCollection.app(database).test { client in
            let json = try await client.execute(uri: "/api/search?q=\(q)", method: .get).json()
            #expect((json["query"] as? [String: Any])?["text"] as? String == "Алматы облысы")
            #expect(json["total"] as? Int == 2)
            #expect((json["warnings"] as? [String])?.isEmpty == true)
        }
    }

    @Test func formDecodingKeepsEscapedPlusAndBadEscapes() {
        let query = FormQuery("q=a%2Bb+c&x=%ZZ&empty=&flag")
        #expect(query["q"] == "a+b c")
        #expect(query["x"] == "%ZZ")
        #expect(query["empty"] == "")
        #expect(query["flag"] == "")
        #expect(query["missing"] == nil)
    }

    /// The type facet counts the documents of the result set, not the collection; with no hit there is none.
    @Test(.enabled(if: TestCollection.hasEntities, "needs the NER stage in kk-default"))
    func labelFacetCountsTheResultSet() async throws {
        let database = try Self.collection()
        try await TestCollection.app(database).test { client in
            let json = try await client.execute(uri: "/api/search?q=\("Астанада".queryEncoded)", method: .get).json()
            let labels = ((json["facets"] as? [String: Any])?["labels"] as? [[String: Any]]) ?? []
            #expect(!labels.isEmpty)
            #expect(labels.allSatisfy { ($0["count"] as? Int ?? 0) <= 1 })
        }
        let (_, empty) = try await Self.html("/?q=\("жоқсөзбіреу".queryEncoded)", database)
        #expect(empty.contains("id=\"no-results\""))
        #expect(!empty.contains("class=\"chip ent-"))
    }

    /// Excluding a source (the "−" of a facet value) leaves its documents out and can be taken back.
    @Test func excludingAFacetValue() async throws {
        let database = try Self.collection()
        let (_, page) = try await Self.html("/?q=\("көрме OR облысы".queryEncoded)", database)
        #expect(page.contains("class=\"exclude\""))
        let (_, excluded) = try await Self.html("/?q=\("көрме OR облысы".queryEncoded)&notSource=\("Хабар".queryEncoded)", database)
        #expect(excluded.range(of: #"id="summary">1 нәтиже"#, options: .regularExpression) != nil)
        #expect(excluded.contains("id=\"exclusions\""))
        #expect(excluded.contains("<s>Хабар</s>"))
        // The form keeps the exclusion when it is sent again.
        #expect(excluded.contains("<input type=\"hidden\" name=\"notSource\" value=\"Хабар\">"))
    }

    @Test func sortByDateAndDateRange() async throws {
        let database = try Self.collection()
        try await TestCollection.app(database).test { client in
            let byDate = try await client.execute(uri: "/api/search?q=\("көрме OR облысы".queryEncoded)&sort=date", method: .get).json()
            let dates = (byDate["hits"] as? [[String: Any]] ?? []).compactMap { $0["published"] as? String }
            #expect(dates == ["2016-12-01", "2016-10-20", "2016-10-03"])
            let ranged = try await client.execute(uri: "/api/search?q=\("көрме OR облысы".queryEncoded)&from=2016-10-10&to=2016-11", method: .get).json()
            #expect(ranged["total"] as? Int == 1)
            let reversed = try await client.execute(uri: "/api/search?from=2016-12&to=2016-10", method: .get)
            #expect(reversed.status == .badRequest)
            let unknown = try await client.execute(uri: "/api/search?q=x&frm=2016-10", method: .get)
            #expect(unknown.status == .badRequest)
            #expect(unknown.text.contains("frm"))
            let badSort = try await client.execute(uri: "/api/search?q=x&sort=newest", method: .get)
            #expect(badSort.status == .badRequest)
        }
        let (_, html) = try await Self.html("/?q=\("облысы".queryEncoded)&from=2016-10", database)
        #expect(html.contains("name=\"from\" value=\"2016-10\""))
        #expect(html.contains("id=\"sorts\""))
    }

    /// Attention over time: every day (or week, month) between the first and the last match is a bar, each a link
    /// that narrows the search to its period.
    @Test func attentionChartAboveTheResults() async throws {
        let database = try Self.collection()
        let (_, html) = try await Self.html("/?q=\("көрме OR облысы".queryEncoded)", database)
        #expect(html.contains("id=\"attention\""))
        #expect(html.contains("<svg class=\"chart\""))
        // 3 October to 1 December is 59 days: weekly bars from the week of 3 October to the week of 1 December.
        let bars = html.components(separatedBy: "class=\"chart-bar\"").count - 1
        #expect(bars == 9)
        #expect(html.contains("data-count=\"0\""))
        #expect(html.contains("href=\"/?q=\("көрме OR облысы".queryEncoded)&amp;from=2016-10-03&amp;to=2016-10-09\""))
        // No chart on the front page, which lists the newest articles.
        let (_, front) = try await Self.html("/", database)
        #expect(!front.contains("id=\"attention\""))
    }

    @Test func chartPeriodsAreContiguous() {
        let days = [FacetCount(value: "2016-10-30", count: 2), FacetCount(value: "2016-11-02", count: 1)]
        let months = [FacetCount(value: "2016-11", count: 1), FacetCount(value: "2016-10", count: 2)]
        let (periods, granularity) = BarChart.periods(days: days, months: months)!
        #expect(granularity == .day)
        #expect(periods.map(\.key) == ["2016-10-30", "2016-10-31", "2016-11-01", "2016-11-02"])
        #expect(periods.map(\.count) == [2, 0, 0, 1])
        // Month-only dates: by month, empty months included; many years: by year.
        let (monthly, byMonth) = BarChart.periods(days: [], months: [FacetCount(value: "2016-10", count: 1), FacetCount(value: "2017-01", count: 2)])!
        #expect(byMonth == .month)
        #expect(monthly.map(\.key) == ["2016-10", "2016-11", "2016-12", "2017-01"])
        let (yearly, byYear) = BarChart.periods(days: [], months: [FacetCount(value: "2016-10", count: 1), FacetCount(value: "2025-10", count: 1)])!
        #expect(byYear == .year)
        #expect(yearly.count == 10 && yearly.first?.from == "2016-01" && yearly.last?.to == "2025-12")
    }

    /// Ten years by month (an entity page's timeline) at phone width: four labels, evenly spaced, never closer than
    /// half the even spacing; the desktop's seven are hidden there, and vice versa.
    @Test func chartLabelsFitAPhone() throws {
        let months = [FacetCount(value: "2016-01", count: 3), FacetCount(value: "2025-12", count: 1)]
        let periods = BarChart.monthPeriods(months, from: "2016-01", to: "2025-12")
        let chart = try #require(BarChart(periods: periods, granularity: .month, display: { $0 }, unit: "ай", href: { _ in nil }))
        #expect(chart.ticks.count == 120)
        func shown(on width: String) -> [Int] {
            chart.ticks.indices.filter { !chart.ticks[$0].text.isEmpty && [nil, width].contains(chart.ticks[$0].widths.value) }
        }
        let phone = shown(on: "narrow"), desktop = shown(on: "wide")
        #expect(phone.count == 4 && desktop.count == 7)
        #expect(phone.first == 0 && phone.last == 119 && desktop.first == 0 && desktop.last == 119)
        for labels in [phone, desktop] {
            let gaps = zip(labels.dropFirst(), labels).map { $0 - $1 }
            #expect(gaps.min()! >= 119 / (labels.count - 1) / 2, "labels \(labels) crowd each other")
        }
        // A short chart labels every bar on both widths, with no width class.
        let short = try #require(BarChart(periods: Array(periods.prefix(3)), granularity: .month, display: { $0 }, unit: "ай", href: { _ in nil }))
        #expect(short.ticks.allSatisfy { !$0.text.isEmpty && $0.widths.value == nil })
    }

    /// Export links on the page, and the exports themselves through the API.
    @Test func exportsOfTheCurrentSearch() async throws {
        let database = try Self.collection()
        let q = "облысы".queryEncoded
        let (_, html) = try await Self.html("/?q=\(q)&notSource=\("Егемен".queryEncoded)", database)
        #expect(html.contains("id=\"exports\""))
        #expect(html.contains("href=\"/api/search.csv?q=\(q)&amp;notSource=\("Егемен".queryEncoded)\""))
        try await TestCollection.app(database).test { client in
            let csv = try await client.execute(uri: "/api/search.csv?q=\(q)", method: .get)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = csv.text.split(separator: "\r\n")
            #expect(lines.first == "id,title,published,source,url,entities")
            #expect(lines.count == 3)
            #expect(csv.text.contains("Алматы облысы әкімдігі,2016-10-03,Хабар"))
            let jsonl = try await client.execute(uri: "/api/search.jsonl?q=\(q)&notSource=\("Егемен".queryEncoded)", method: .get)
            let objects = jsonl.text.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            #expect(objects.count == 1)
            #expect(objects.first??["published"] as? String == "2016-10-03")
            let entities = try await client.execute(uri: "/api/search/entities.csv?q=\(q)", method: .get)
            #expect(entities.text.hasPrefix("entity,label,documents,mentions\r\n"))
            let ics = try await client.execute(uri: "/api/search/events.ics?q=\(q)", method: .get)
            #expect(ics.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(ics.text.hasPrefix("BEGIN:VCALENDAR"))
        }
    }

    /// Amounts and dates in the interface language: no TIMEX3 code, no "percent", no raw 1800000000.
    @Test(.enabled(if: TestCollection.hasEntities, "needs the fact stages in kk-default"))
    func documentFactsAreWrittenForPeople() async throws {
        let database = try Self.collection()
        let (_, first) = try await Self.html("/documents/1", database)
        #expect(first.contains("1,8\u{A0}млрд\u{A0}теңге"))
        #expect(!first.contains("1800000000"))
        #expect(first.contains("Жарияланды: 3 қазан 2016"))
        let (_, second) = try await Self.html("/documents/2", database)
        #expect(second.contains("2016 жылғы күз"))
        #expect(!second.contains("2016-FA"))
        let (_, third) = try await Self.html("/documents/3", database)
        #expect(third.contains("13\u{A0}%"))
        #expect(!third.contains("percent"))
    }

    @Test func amountsAndWarningsInKazakh() {
        let strings = Localization(tsv: (try? ServerResources.load().strings) ?? "")
        let amounts = AmountDisplay { strings.string($0, .kk) }
        #expect(amounts(1_800_000_000, unit: "KZT") == "1,8\u{A0}млрд\u{A0}теңге")
        #expect(amounts(13, unit: "percent") == "13\u{A0}%")
        #expect(amounts(60_000, unit: nil) == "60\u{A0}000")
        #expect(amounts(1.14e6, unit: "тонна") == "1,14\u{A0}млн\u{A0}тонна")
        let english = AmountDisplay { strings.string($0, .en) }
        #expect(english(1_800_000_000, unit: "KZT") == "1.8\u{A0}billion\u{A0}tenge")
        let warning = QueryWarningText.localized("ignored the characters + ^") { strings.string($0, .kk) }
        #expect(warning == "Мына таңбалар ескерілмеді: + ^")
    }

    /// Errors on the page speak the page's language; the API keeps its English message.
    @Test func errorsInTheInterfaceLanguage() async throws {
        let database = try Self.collection()
        let (status, html) = try await Self.html("/documents/999", database)
        #expect(status == .notFound)
        #expect(html.contains("№999 құжат жоқ"))
        #expect(!html.contains("no document with id"))
        let (badStatus, bad) = try await Self.html("/?from=2025-13", database)
        #expect(badStatus == .badRequest)
        #expect(bad.contains("«2025-13» емес"))
        try await TestCollection.app(database).test { client in
            let api = try await client.execute(uri: "/api/documents/999", method: .get)
            #expect(api.text.contains("no document with id 999"))
            // The API refuses what the CLI refuses: impossible dates and unknown labels.
            #expect(try await client.execute(uri: "/api/search?from=2025-02-30", method: .get).status == .badRequest)
            #expect(try await client.execute(uri: "/api/search?label=PERSN", method: .get).status == .badRequest)
            #expect(try await client.execute(uri: "/api/search?from=2024-02-29", method: .get).status == .ok)
        }
    }
}
