import Foundation
import Pipeline
import Testing
import TextModel
import TilshiTesting

@Suite struct PipelineTests {
    @Test func registeredPipelinesResolveByName() {
        for name in Pipeline.registeredNames {
            #expect(Pipeline.named(name)?.name == name)
        }
        #expect(Pipeline.named("no-such-pipeline") == nil)
    }

    @Test func seedNamesKeepEndingsNothingBacks() throws {
        let text = try #require(SeedText.first("000"))
        let document = Pipeline.default.analyze(id: "000", text: text)
        let getachew = document.entities.filter { $0.text.hasPrefix("Геташев") }
        #expect(!getachew.isEmpty)
        #expect(getachew.allSatisfy { $0.canonical == "Геташев Енгида" })
        #expect(document.entities.contains { $0.text == "Алматының" && $0.canonical == "Алматы" })
    }

    @Test func jsonLineOfAnalysedSeedsMatchesJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for prefix in ["000", "001", "002", "003", "004"] {
            let document = Pipeline.default.analyze(id: prefix, text: try #require(SeedText.first(prefix)))
            #expect(document.jsonLine() == String(decoding: try encoder.encode(document), as: UTF8.self), "seed \(prefix)")
        }
    }

    @Test func defaultPipelineSplitsSentences() {
        let document = Pipeline.default.analyze(id: "t", text: "Алматыда концерт өтті. Оған мыңдаған адам келді.")
        #expect(document.sentences.count == 2)
        #expect(document.slice(document.sentences[1].start, document.sentences[1].end) == "Оған мыңдаған адам келді.")
    }

    @Test func aRoleWordOpeningASentenceIsNeverTheSpeakersName() {
        // "Министрдің айтуынша" (according to the minister): the role, resolved to the minister named before, or no
        // speaker at all when nobody holding it is named; never a person called "Министр".
        let named = Pipeline.default.analyze(id: "r1", text: "Оқу-ағарту министрі Ғани Бейсембаев мектептерді аралады. Министрдің айтуынша, биыл 200 мектеп жөнделеді.")
        let alone = Pipeline.default.analyze(id: "r2", text: "Министрдің айтуынша, жаңа ереже күшіне енеді.")
        for document in [named, alone] {
            #expect(!document.entities.contains { $0.label == "PERSON" && $0.canonical.lowercased().hasPrefix("министр") }, "\(document.entities)")
            #expect(!document.quotes.contains { $0.speaker?.lowercased().hasPrefix("министр") == true }, "\(document.quotes)")
        }
        #expect(alone.quotes.allSatisfy { $0.speaker == nil })
        #expect(named.quotes.allSatisfy { $0.speaker == nil || $0.speaker == "Ғани Бейсембаев" })
        // A name is not run on into the next word when that word is an abstract noun or adjective in -лық/-дік.
        let host = Pipeline.default.analyze(id: "r4", text: "Денсаулық сақтау министрі Ажар Ғиният Бүкіләлемдік денсаулық сақтау ұйымының делегациясын қабылдады.")
        #expect(!host.entities.contains { $0.label == "PERSON" && $0.text.contains("Бүкіләлемдік") }, "\(host.entities)")
        // A position tagged over its holder's name is split around the name.
        let talks = Pipeline.default.analyze(id: "r5", text: "Сыртқы істер министрі Мұрат Нұртілеу Франция сыртқы істер министрі Жан-Ноэль Барромен келіссөздер жүргізді.")
        #expect(talks.entities.contains { $0.label == "PERSON" && $0.canonical == "Мұрат Нұртілеу" }, "\(talks.entities)")
        #expect(!talks.entities.contains { $0.label == "POSITION" && $0.text.contains("Нұртілеу") }, "\(talks.entities)")
        // A surname that merely begins like a role noun stays a name.
        let surname = Pipeline.default.analyze(id: "r3", text: "Әкімов мырза жиналысқа қатысты.")
        #expect(!surname.entities.contains { $0.label == "POSITION" && $0.text == "Әкімов" }, "\(surname.entities)")
    }
}

/// The bad-input promises, through the whole `kk-default` pipeline: no crash and no invented fact.
@Suite struct PipelineBadInputTests {
    func facts(_ text: String) -> Document { Pipeline.default.analyze(id: "bad", text: text) }

    @Test func textWithNoKazakhYieldsNoFacts() {
        for text in ["The quick brown fox jumps over the lazy dog.", "Просто русский текст без дат.", "12345 !!! ??? ---", "\u{0}\u{1}\u{7F}", ""] {
            let document = facts(text)
            #expect(document.times.isEmpty && document.quotes.isEmpty && document.meetings.isEmpty && document.events.isEmpty, "\(text)")
        }
    }

    @Test func absurdDatesAndHugeNumbersAreNotFacts() {
        let document = facts("Концерт 32 қараша күні сағат 25.61-де өтеді. Бюджет 99999999999999999999999999999999 теңге, 1e400 млрд млрд доллар.")
        #expect(document.times.isEmpty)
        #expect(document.amounts.allSatisfy { $0.value.isFinite && $0.value < 1e18 })
    }

    @Test func unbalancedQuotesGetNoSpeaker() {
        let document = facts("«Қала дамып келеді, - деді әкім. \"Тағы бір «ашық тырнақша. »» «")
        #expect(document.quotes.allSatisfy { $0.speaker == nil })
        #expect(document.quotes.allSatisfy { !$0.text.isEmpty })
    }

    @Test func veryLongUnbrokenInputDoesNotCrash() {
        let document = facts(String(repeating: "қараша«", count: 800) + String(repeating: "1", count: 5_000))
        #expect(document.times.isEmpty)
        #expect(!document.tokens.isEmpty)
    }
}

/// The bundled seed articles.
enum SeedText {
    static func first(_ prefix: String) -> String? {
        Int(prefix).map(SeedArticles.text)
    }
}
