import Foundation
import NewsSources
import Pipeline
import Testing
import TextModel
@testable import SearchStore

/// Marks a few known names as entities, so the storage of the entity layer can be tested before the
/// NER stage lands in `kk-default` (the store keeps whatever entities the pipeline provides).
private struct KnownNamesAnnotator: Annotator {
    let name = "known-names"
    static let names: [String: (label: EntityLabel, canonical: String)] = [
        "Алматы": ("GPE", "Алматы"), "Алматының": ("GPE", "Алматы"), "Алматыда": ("GPE", "Алматы"),
        "ЮНЕСКО": ("ORGANISATION", "ЮНЕСКО"), "Парижде": ("GPE", "Париж"), "Байбек": ("PERSON", "Бауыржан Байбек"),
    ]

    func annotate(_ document: inout Document) {
        // A meeting for every "кездесті" (met), dated by the document, to exercise the event layer.
        if let met = document.tokens.first(where: { $0.text == "кездесті" }) {
            document.meetings.append(Meeting(participants: ["Бауыржан Байбек"], when: document.metadata.published, where: "Алматы", start: met.start, end: met.end))
        }
        for (index, token) in document.tokens.enumerated() {
            if let known = Self.names[token.text] {
                document.entities.append(Entity(
                    text: token.text, label: known.label, canonical: known.canonical, start: token.start, end: token.end,
                    tokenRange: index..<index + 1
                ))
            }
        }
    }
}

@Suite struct EntityTests {
    private func database() throws -> NewsDatabase {
        // Tokens and lemmas only (no NER or fact stages), so the stored entities and meetings are exactly these.
        let pipeline = Pipeline(name: "kk-search+names", annotators: Pipeline.search.annotators + [KnownNamesAnnotator()])
        let db = try NewsDatabase.inMemory(configuration: .init(pipeline: pipeline))
        let dates = ["2016-10-10", "2025-09-01", "2025-10-02", "2025-10-05", "2016-11-20"]
        try db.ingest(Seeds.documents().enumerated().map { index, document in
            var copy = document
            copy.published = dates[index]
            return copy
        })
        return db
    }

    @Test func listsEntitiesByLabelWithCounts() throws {
        let db = try database()
        let places = try db.entities(label: "GPE")
        #expect(places.first?.canonical == "Алматы")
        #expect(places.allSatisfy { $0.label == "GPE" })
        let almaty = try #require(places.first)
        #expect(almaty.documentCount == 5)
        #expect(almaty.mentionCount > almaty.documentCount)
        #expect(try db.entities(query: "байб").map(\.canonical) == ["Бауыржан Байбек"])
    }

    @Test func entityDetailHasMentionsRelatedAndTimeline() throws {
        let db = try database()
        let unesco = try #require(try db.entities(label: "ORGANISATION").first)
        let detail = try #require(try db.entity(id: unesco.id))
        #expect(detail.entity.canonical == "ЮНЕСКО")
        let mention = try #require(detail.mentions.first)
        #expect(mention.context.marked(open: "[", close: "]").contains("[ЮНЕСКО]"))
        #expect(detail.related.contains { $0.entity.canonical == "Алматы" })
        #expect(detail.timeline.map(\.value) == detail.timeline.map(\.value).sorted())
        #expect(detail.timeline.reduce(0) { $0 + $1.count } == unesco.documentCount)
        #expect(try db.entity(id: 999_999) == nil)
    }

    @Test func entityProfileAddsMeetingsAndRolesToTheDetail() throws {
        // Given the seeds with "Бауыржан Байбек" named and a meeting of his wherever someone "кездесті"
        let db = try database()
        let person = try #require(try db.entities(label: "PERSON").first)
        // When his profile is built
        let profile = try #require(try db.entityProfile(id: person.id))
        // Then it holds the detail as it is, plus the meetings of the documents whose mentions it shows
        let detail = try #require(try db.entity(id: person.id))
        #expect(profile.entity == detail.entity)
        #expect(profile.mentions == detail.mentions)
        #expect(profile.related == detail.related)
        #expect(profile.timeline == detail.timeline)
        let mentioning = Set(detail.mentions.map(\.documentID))
        let meetings = try db.events().filter { $0.kind == "meeting" && mentioning.contains($0.documentID) }
        #expect(!meetings.isEmpty)
        #expect(profile.meetings.count == meetings.count)
        #expect(Set(profile.meetings.map(\.documentID)) == Set(meetings.map(\.documentID)))
        #expect(profile.meetings.allSatisfy { $0.participants == ["Бауыржан Байбек"] && $0.where == "Алматы" })
        #expect(profile.roles.isEmpty)
        #expect(profile.quotes.isEmpty)
        #expect(try db.entityProfile(id: 999_999) == nil)
    }

    @Test func entityProfileReadsAtMostTheDocumentLimit() throws {
        let db = try database()
        let person = try #require(try db.entities(label: "PERSON").first)
        let one = try #require(try db.entityProfile(id: person.id, documentLimit: 1))
        let all = try #require(try db.entityProfile(id: person.id))
        #expect(one.mentions == all.mentions)
        #expect(Set(one.meetings.map(\.documentID)).count <= 1)
        #expect(one.meetings == Array(all.meetings.prefix(one.meetings.count)))
    }

    @Test func eventsAreListedByTime() throws {
        let db = try database()
        let all = try db.events()
        #expect(!all.isEmpty)
        #expect(all.allSatisfy { $0.kind == "meeting" && $0.participants == ["Бауыржан Байбек"] })
        // Seeds 001 (dated 2025-09-01) and 004 (2016-11-20) report a meeting.
        #expect(all.map(\.time) == ["2016-11-20", "2025-09-01"])
        let autumn2025 = try db.events(from: "2025-09", to: "2025-12")
        #expect(autumn2025.map(\.time) == ["2025-09-01"])
        #expect(autumn2025.first?.documentTitle == "Алматыда Францияның «Цифрлы күз» фестивалі өтеді")
        #expect(try db.stats().events == all.count)
    }

    @Test func searchFiltersAndFacetsByEntity() throws {
        let db = try database()
        let withPerson = try db.search(SearchQuery("Алматы", entity: "бауыржан байбек"))
        #expect(withPerson.total == 2)
        #expect(try db.search(SearchQuery("", label: "PERSON")).total == 2)
        let facets = try #require(try db.search(SearchQuery("ЮНЕСКО")).facets)
        #expect(facets.entities.first { $0.value == "ЮНЕСКО" }?.label == "ORGANISATION")
        let stored = try #require(try db.document(id: 1))
        #expect(!stored.analysis.entities.isEmpty)
        #expect(stored.entities.contains { $0.canonical == "Алматы" })
    }

    @Test func shortNamesTakeTheFullNameTheCollectionKnows() throws {
        // The default pipeline (tagger and resolver); the second text names the person by initials only.
        let db = try NewsDatabase.inMemory()
        try db.ingest([SourceDocument(text: "Елбасы Нұрсұлтан Назарбаев Астанада халықаралық форумға қатысты.", origin: "a")])
        let report = try db.ingest([SourceDocument(text: "Кеше Алматыда өткен жиында Н.Ә. Назарбаев сөз сөйледі.", origin: "b")])
        let people = try db.entities(label: "PERSON")
        #expect(people.map(\.canonical) == ["Нұрсұлтан Назарбаев"])
        #expect(people.first?.documentCount == 2)
        // The stored analysis of the second document says so too (its mention links to the same entity page).
        let secondID = try #require(report.added.first)
        let second = try #require(try db.document(id: secondID))
        #expect(second.analysis.entities.filter { $0.label == "PERSON" }.map(\.canonical) == ["Нұрсұлтан Назарбаев"])
        #expect(second.analysis.entities.first { $0.label == "PERSON" }?.text == "Н.Ә. Назарбаев")
        // Another Назарбаев with another initial is not him.
        try db.ingest([SourceDocument(text: "Кеше Алматыда өткен жиында Т.Назарбаев сөз сөйледі.", origin: "c")])
        #expect(try db.entities(label: "PERSON").map(\.canonical).sorted() == ["Нұрсұлтан Назарбаев", "Т. Назарбаев"])
    }

    @Test func aLaterFullNameTakesOverEarlierShortNames() throws {
        // Initials stored first, the full name a day later: the earlier document is renamed (backward resolution).
        let db = try NewsDatabase.inMemory()
        let first = try db.ingest([SourceDocument(text: "Кеше Алматыда өткен жиында Н.Ә. Назарбаев сөз сөйледі.", origin: "a")])
        try db.ingest([SourceDocument(text: "Кеше Алматыда өткен жиында Т.Назарбаев сөз сөйледі.", origin: "b")])
        let before = try db.entities(label: "PERSON").map(\.canonical).sorted()
        #expect(before == ["Н.Ә. Назарбаев", "Т. Назарбаев"])
        try db.ingest([SourceDocument(text: "Елбасы Нұрсұлтан Назарбаев Астанада халықаралық форумға қатысты.", origin: "c")])
        // Н.Ә. is Нұрсұлтан; Т. is somebody else and keeps its own entity.
        let people = try db.entities(label: "PERSON")
        #expect(people.map(\.canonical).sorted() == ["Нұрсұлтан Назарбаев", "Т. Назарбаев"])
        #expect(people.first { $0.canonical == "Нұрсұлтан Назарбаев" }?.documentCount == 2)
        let firstID = try #require(first.added.first)
        let stored = try #require(try db.document(id: firstID))
        #expect(stored.analysis.entities.filter { $0.label == "PERSON" }.map(\.canonical) == ["Нұрсұлтан Назарбаев"])
        #expect(stored.analysis.entities.first { $0.label == "PERSON" }?.text == "Н.Ә. Назарбаев")
    }

    @Test func aShortNameStaysWhenTwoFullNamesFitIt() throws {
        let db = try NewsDatabase.inMemory()
        try db.ingest([SourceDocument(text: "Тимур Назарбаев Астанада халықаралық форумға қатысты.", origin: "a")])
        try db.ingest([SourceDocument(text: "Талғат Назарбаев Шымкентте халықаралық форумға қатысты.", origin: "b")])
        try db.ingest([SourceDocument(text: "Кеше Алматыда өткен жиында Т.Назарбаев сөз сөйледі.", origin: "c")])
        // Two full names fit "Т.": the short name keeps its own entity, and a third full name changes nothing.
        try db.ingest([SourceDocument(text: "Елбасы Нұрсұлтан Назарбаев Астанада халықаралық форумға қатысты.", origin: "d")])
        let people = try db.entities(label: "PERSON").map(\.canonical).sorted()
        #expect(people == ["Нұрсұлтан Назарбаев", "Т. Назарбаев", "Талғат Назарбаев", "Тимур Назарбаев"])
    }
}


/// Issue 20: an entity's mention contexts are cut at word boundaries, never inside a word.
@Suite struct MentionContextTests {
    @Test func contextIsCutBetweenWords() {
        let text = "Бүгін Алматы қаласында үлкен көрме ашылды, оған көптеген қонақтар келді және олар ризашылығын білдірді."
        let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: text.range(of: "көрме")!.lowerBound.samePosition(in: text.unicodeScalars)!)
        let context = NewsDatabase.context(of: text, start: start, end: start + 5, radius: 12)
        #expect(context.text == "… қаласында үлкен көрме ашылды, оған …")
        #expect(context.marked(open: "[", close: "]").contains("[көрме]"))
        let whole = NewsDatabase.context(of: text, start: start, end: start + 5, radius: 500)
        #expect(whole.text == text)
        #expect(whole.documentStart == 0)
    }
}
