import Foundation
import NewsSources
import Pipeline
import Testing
import TextModel
@testable import SearchStore

/// Marks "Байбек" as a person and "Алматы…" as a place, with the role the sentence gives ("әкімі" → mayor,
/// "хатшысы" → party secretary), so the entity page's articles and roles over time are tested on exact entities.
private struct MayorAnnotator: Annotator {
    let name = "mayor-names"

    func annotate(_ document: inout Document) {
        let roles = document.text.contains("әкімі") ? ["Алматы қаласының әкімі"] : document.text.contains("хатшысы") ? ["партия хатшысы"] : []
        for (index, token) in document.tokens.enumerated() {
            if token.text == "Байбек" {
                document.entities.append(Entity(
                    text: token.text, label: "PERSON", canonical: "Бауыржан Байбек", start: token.start, end: token.end,
                    tokenRange: index..<index + 1, roles: roles
                ))
            } else if token.text.hasPrefix("Алматы") {
                document.entities.append(Entity(
                    text: token.text, label: "GPE", canonical: "Алматы", start: token.start, end: token.end, tokenRange: index..<index + 1
                ))
            }
        }
    }
}

/// Issue 20: the entity page lists every article naming the entity, one row each, paged; snippets never cut a word.
@Suite struct EntityArticlesTests {
    /// A long article: the first and last mentions are far apart, so they need separate windows.
    static let longText = "Байбек қала тұрғындарымен кездесті. "
        + String(repeating: "Кездесуде көшелерді жөндеу, жаңа мектептер салу және қоғамдық көлікті жақсарту мәселелері талқыланды. ", count: 4)
        + "Соңында Байбек сұрақтарға жауап берді. "
        + String(repeating: "Тұрғындар ауладағы балалар алаңдарын қалпына келтіруді сұрады. ", count: 4)
        + "Байбек келесі кездесуді көктемде өткізетінін айтты. Байбек тағы бір рет алғыс айтты."

    static func database() throws -> NewsDatabase {
        let pipeline = Pipeline(name: "kk-search+mayor", annotators: Pipeline.search.annotators + [MayorAnnotator()])
        let database = try NewsDatabase.inMemory(configuration: .init(pipeline: pipeline))
        let articles: [(String?, String, String)] = [
            ("2015-03-02", "Саябақ ашылды", "Алматы қаласының әкімі Байбек жаңа саябақты аралады. Байбек тұрғындармен сөйлесті."),
            ("2016-06-10", "Метро бекеті", "Алматы қаласының әкімі Байбек метро бекетін ашты."),
            ("2019-05-20", "Партия съезі", "Партия хатшысы Байбек съезде сөз сөйледі. Байбек жаңа бағдарламаны таныстырды."),
            (nil, "Кітап шықты", "Байбек туралы кітап шықты."),
            ("2017-01-15", "Тұрғындармен кездесу", longText),
        ]
        try database.ingest(articles.map { published, title, text in
            SourceDocument(title: title, text: text, source: "Сынақ", published: published, origin: "entity-articles-test")
        })
        return database
    }

    static func person(_ database: NewsDatabase) throws -> EntitySummary {
        try #require(try database.entities(label: "PERSON").first { $0.canonical == "Бауыржан Байбек" })
    }

    @Test func oneRowPerArticleNewestFirstAndPaged() throws {
        let database = try Self.database()
        let person = try Self.person(database)
        let first = try #require(try database.entityArticles(id: person.id, limit: 3, offset: 0))
        #expect(first.total == 5)
        #expect(first.articles.map(\.title) == ["Партия съезі", "Тұрғындармен кездесу", "Метро бекеті"])
        #expect(first.articles.map(\.mentionCount) == [2, 4, 1])
        let second = try #require(try database.entityArticles(id: person.id, limit: 3, offset: 3))
        // The undated article comes last.
        #expect(second.articles.map(\.title) == ["Саябақ ашылды", "Кітап шықты"])
        #expect(second.articles.last?.published == nil)
        #expect(try database.entityArticles(id: person.id, limit: 3, offset: 6)?.articles.isEmpty == true)
        #expect(try database.entityArticles(id: 999_999) == nil)
    }

    @Test func mentionsCloseTogetherShareASnippet() throws {
        let database = try Self.database()
        let person = try Self.person(database)
        let articles = try #require(try database.entityArticles(id: person.id, limit: 10)).articles
        let congress = try #require(articles.first { $0.title == "Партия съезі" })
        #expect(congress.snippets.count == 1)
        let snippet = try #require(congress.snippets.first)
        #expect(snippet.highlights.count == 2)
        #expect(snippet.highlights.map { Self.text(of: $0, in: snippet.text) } == ["Байбек", "Байбек"])

        // Four mentions far apart: three snippets at most, in text order, every highlight on the name.
        let long = try #require(articles.first { $0.title == "Тұрғындармен кездесу" })
        #expect(long.snippets.count == 3)
        #expect(long.snippets.map(\.documentStart) == long.snippets.map(\.documentStart).sorted())
        #expect(long.snippets.reduce(0) { $0 + $1.highlights.count } == 4)
        for snippet in long.snippets {
            for range in snippet.highlights { #expect(Self.text(of: range, in: snippet.text) == "Байбек") }
        }
    }

    /// Every window starts and ends at a word boundary of the document, with "…" where it was cut.
    @Test func snippetsAreCutAtWordBoundaries() throws {
        let database = try Self.database()
        let person = try Self.person(database)
        let articles = try database.entityArticles(id: person.id, limit: 10)?.articles ?? []
        let article = try #require(articles.first { $0.title == "Тұрғындармен кездесу" })
        let document = try #require(try database.document(id: article.documentID))
        let scalars = Array(document.text.unicodeScalars)
        for snippet in article.snippets {
            var body = snippet.text
            if snippet.documentStart > 0 {
                #expect(body.hasPrefix("… "))
                #expect(scalars[snippet.documentStart - 1].properties.isWhitespace, "\(snippet.text)")
                body.removeFirst(2)
            }
            let cut = body.hasSuffix(" …")
            if cut { body.removeLast(2) }
            let end = snippet.documentStart + body.unicodeScalars.count
            #expect(String(String.UnicodeScalarView(scalars[snippet.documentStart..<end])) == body)
            if cut { #expect(scalars[end].properties.isWhitespace, "\(snippet.text)") } else { #expect(end == scalars.count) }
        }
    }

    /// A "word" longer than the widening allows (a URL) is left out rather than cut in half.
    @Test func aVeryLongWordIsNotCut() {
        let url = "https://example.kz/" + String(repeating: "ақпарат", count: 12)
        let text = String(repeating: "сөз ", count: 30) + url + " " + String(repeating: "сөз ", count: 14) + "Байбек келді."
        let scalars = Array(text.unicodeScalars)
        let start = text.unicodeScalars.count - "Байбек келді.".unicodeScalars.count
        let (lower, upper) = NewsDatabase.contextBounds(scalars, start: start, end: start + 6, radius: 80)
        #expect(lower > 0 && scalars[lower - 1].properties.isWhitespace)
        #expect(String(String.UnicodeScalarView(scalars[lower..<upper])).hasPrefix("сөз "))
        #expect(upper == scalars.count)
    }

    @Test func rolesOverTime() throws {
        let database = try Self.database()
        let person = try Self.person(database)
        let roles = try #require(try database.entityRoleHistory(id: person.id))
        #expect(roles == [
            EntityRoleSpan(role: "партия хатшысы", count: 2, first: "2019-05-20", last: "2019-05-20"),
            EntityRoleSpan(role: "Алматы қаласының әкімі", count: 3, first: "2015-03-02", last: "2016-06-10"),
        ])
        #expect(try database.entityRoleHistory(id: 999_999) == nil)
    }

    static func text(of range: TextRange, in text: String) -> String {
        String(String.UnicodeScalarView(Array(text.unicodeScalars)[range.start..<range.end]))
    }
}
