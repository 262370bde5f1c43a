@testable import Analysis
import Foundation
import KazakhData
import Testing
import TextModel

@Suite struct EntityTaggerTests {
    @Test func nominativeNameStripsTheLastWordsCaseEnding() {
        #expect(NominativeName.canonical(words: ["Алматының"]) == "Алматы")
        #expect(NominativeName.canonical(words: ["Ирина", "Боковамен"]) == "Ирина Бокова")
        #expect(NominativeName.canonical(words: ["ЮНЕСКО-ның"]) == "ЮНЕСКО")
        #expect(NominativeName.canonical(words: ["Пьер", "Кабаремен"]) == "Пьер Кабаре")
        #expect(NominativeName.canonical(words: ["Парижде"]) == "Париж")
        #expect(NominativeName.canonical(words: ["Астанадағы"]) == "Астана")
        #expect(NominativeName.canonical(words: ["АҚШ-тан"]) == "АҚШ")
        #expect(NominativeName.canonical(words: ["Назарбаевтың"]) == "Назарбаев")
        #expect(NominativeName.canonical(words: ["Ұлттық", "банкінің"]) == "Ұлттық банкі")
        #expect(NominativeName.canonical(words: ["Джуд", "ван", "дер", "Мервенің"]) == "Джуд ван дер Мерве")
    }

    @Test func nominativeNamesStayIntact() {
        // Endings that look like case suffixes but belong to the name.
        for name in ["Алматы", "Астана", "Ирина", "Бокова", "Қазақстан", "Канада", "Мерве", "Тасмағамбетов", "Байбек"] {
            #expect(NominativeName.stripEnding(name) == name)
        }
        // A morphology lemma can only undo over-stripping; general-vocabulary lemmas never shorten a name.
        #expect(NominativeName.canonical(words: ["Универсиада"], lastLemma: "универсиада") == "Универсиада")
        #expect(NominativeName.canonical(words: ["Алматы"], lastLemma: "алма") == "Алматы")
        #expect(NominativeName.canonical(words: ["Ұлттық", "университетінде"], lastLemma: "университет") == "Ұлттық университеті")
    }

    @Test func bundledModelLoadsWithEveryKazNERDClass() throws {
        let model = try EntityTagger.bundledModel.get()
        #expect(Set(model.classes).isSuperset(of: EntityTrainer.kazNERDClasses))
        #expect(model.tagName(0) == "O")
        #expect(model.tagIndex("I-PERSON").map(model.tagName) == "I-PERSON")
        let url = try #require(DataFile.url(for: "ner.model"))
        let bytes = try Data(contentsOf: url)
        #expect(bytes.count <= 5 << 20)
        // Serialising the loaded model gives back the committed bytes: the format loses nothing.
        #expect(model.serialized() == bytes)
    }

    @Test func corruptOrMissingModelGivesAClearError() throws {
        let url = try #require(DataFile.url(for: "ner.model"))
        var bytes = try Data(contentsOf: url)
        bytes[bytes.count / 2] ^= 0xFF
        #expect {
            try EntityModel(data: bytes, path: "damaged.model")
        } throws: { error in
            "\(error)".hasPrefix("damaged.model: corrupt NER model")
        }
        #expect(throws: EntityModelError.self) { try EntityModel(data: Data("not a model".utf8), path: "x") }
        #expect(throws: EntityModelError.self) { try EntityModel(data: bytes.prefix(100), path: "x") }
        #expect {
            try EntityModel(contentsOf: URL(fileURLWithPath: "/nonexistent/ner.model"))
        } throws: { error in
            "\(error)".contains("no such NER model file")
        }
    }

    @Test func tagsAKazNERDStyleSentence() throws {
        let recognizer = EntityRecognizer(model: try EntityTagger.bundledModel.get())
        let words = ["Қасым-Жомарт", "Тоқаев", "2019", "жылы", "Астанада", "ЮНЕСКО", "басшысымен", "кездесті", "."]
        let tags = recognizer.tags(words)
        #expect(tags[0...1] == ["B-PERSON", "I-PERSON"])
        #expect(tags[2] == "B-DATE")
        #expect(tags[4] == "B-GPE")
        #expect(tags[5] == "B-ORGANISATION" || tags[5] == "B-POSITION")
    }

    @Test func decodedTagsAreAlwaysWellFormedBIO() throws {
        let model = try EntityTagger.bundledModel.get()
        let recognizer = EntityRecognizer(model: model)
        let text = "« Қазақстан темір жолы » ұлттық компаниясы 12 қараша күні Өскемен қаласында 3,5 миллиард теңге бөлді"
        let tags = recognizer.tagIndices(text.split(separator: " "))
        for (previous, current) in zip([0] + tags, tags) where current > 0 && current % 2 == 0 {
            #expect(previous == current || previous == current - 1)
        }
    }

    @Test func annotatorFillsEntitiesWithOffsetsAndTreatsTokensAsOneSentenceWithoutSentences() {
        let text = "Ирина Боковамен Парижде кездесті."
        var document = Document(id: "t", text: text)
        Tokenizer().annotate(&document)
        #expect(document.sentences.isEmpty)
        EntityTagger().annotate(&document)
        let person = document.entities.first { $0.label == "PERSON" }
        #expect(person?.text == "Ирина Боковамен")
        #expect(person?.canonical == "Ирина Бокова")
        #expect(person.map { document.slice($0.start, $0.end) } == "Ирина Боковамен")
        #expect(person?.tokenRange == 0..<2)
        #expect(document.entities.contains { $0.label == "GPE" && $0.canonical == "Париж" })
    }
}

@Suite struct EntityRecognizerCacheTests {
    @Test func lowercaseCommonNounsAreNotNames() throws {
        let recognizer = EntityRecognizer(model: try EntityTagger.bundledModel.get())
        // "астанада" = "in the capital": a common noun; KazNERD starts no PERSON/GPE name with a lower-case word.
        for sentence in [["Ол", "астанада", "тұрады", "."], ["Біз", "астанаға", "бардық", "."]] {
            let tags = recognizer.tags(sentence)
            #expect(!tags[1].hasSuffix("GPE") && !tags[1].hasSuffix("PERSON"), "\(sentence): \(tags)")
        }
        #expect(recognizer.tags(["Ол", "Астанада", "тұрады", "."])[1] == "B-GPE")
    }

    @Test func cachedFormScoresGiveTheSameTagsAsAFreshRecognizer() throws {
        let model = try EntityTagger.bundledModel.get()
        let warm = EntityRecognizer(model: model)
        let sentences = [
            "Қасым-Жомарт Тоқаев 2019 жылы Астанада ЮНЕСКО басшысымен кездесті .",
            "ЮНЕСКО басшысы Ирина Бокова Астанаға 12 қараша күні келді .",
            "Астанада « Қазақстан темір жолы » ұлттық компаниясы 3,5 миллиард теңге бөлді .",
        ].map { $0.split(separator: " ") }
        let first = sentences.map(warm.tagIndices)
        // Second pass: every form's scores now come from the cache; a fresh recognizer computes them again.
        #expect(sentences.map(warm.tagIndices) == first)
        #expect(sentences.reversed().map(EntityRecognizer(model: model).tagIndices) == first.reversed())
    }

    @Test func splittingFormOnlyFeaturesOffChangesNoScore() throws {
        let model = try EntityTagger.bundledModel.get()
        let recognizer = EntityRecognizer(model: model)
        let words = "Ал Джонс Хопкинс университетінің мәліметінше , Алматыда 1 , 7 миллиард теңге бөлінді .".split(separator: " ")
        // The trainer's view: every feature of every word in one list, no caches.
        let (ids, offsets) = recognizer.features.extract(words, lexicon: model.lexicon)
        var emissions = [Float](repeating: 0, count: words.count * model.tagCount)
        var scratch: [EntityModel.Slot] = []
        emissions.withUnsafeMutableBufferPointer { buffer in
            for i in words.indices {
                model.accumulate(ids[offsets[i]..<offsets[i + 1]], into: buffer.baseAddress! + i * model.tagCount, scratch: &scratch)
            }
        }
        var expected = BIOViterbi.decode(emissions: emissions, count: words.count, transitions: model.decoderTransitions)
        recognizer.joinParticleNames(words, &expected)
        recognizer.dropLowercaseNames(words, &expected)
        #expect(recognizer.tagIndices(words) == expected)
        #expect(recognizer.tagIndices(words) == expected)
    }
}
