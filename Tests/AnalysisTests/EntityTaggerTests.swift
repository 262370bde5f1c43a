@testable import Analysis
@testable import Evaluation
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
        let tokens = EntityRecognizer.annotatedTokens(words)
        let (ids, offsets) = recognizer.features.extract(tokens.map(recognizer.features.describe), lexicon: model.lexicon, includeForm: true)
        var expected = [Float](repeating: 0, count: words.count * model.tagCount)
        var scratch: [EntityModel.Slot] = []
        expected.withUnsafeMutableBufferPointer { buffer in
            for i in words.indices {
                model.accumulate(ids[offsets[i]..<offsets[i + 1]], into: buffer.baseAddress! + i * model.tagCount, scratch: &scratch)
            }
        }
        // The tagger's view (per-form rows, cached on the second call) sums the same weights in another order:
        // equal up to float rounding. (Tags may still differ where two paths tie exactly: the weights are quantised.)
        for _ in 0..<2 {
            let emissions = recognizer.emissions(tokens[...])
            #expect(emissions.count == expected.count)
            #expect(zip(emissions, expected).allSatisfy { abs($0 - $1) < 1e-3 })
        }
    }
}

@Suite struct EntityTokenInputTests {
    @Test func morphologyStageSetsTheSuffixChainOfEachToken() {
        var tokens = EntityRecognizer.annotatedTokens(["Алматы", "қаласының", "әкімі", "келді", "."])
        // The chain is the chosen reading's: the same string the analyser gives for that reading.
        let reading = Morphology.shared.analyze(tokens.map(\.norm))
        #expect(tokens.map(\.chain) == reading.map(\.chain))
        #expect(tokens[1].feats?.contains("Case=Gen") == true && tokens[1].chain?.isEmpty == false, "\(tokens[1])")
        #expect(tokens[4].upos == .PUNCT)
        // Annotating one sentence of a longer list leaves the other tokens alone.
        tokens.append(Token(text: "Астанада", start: 40, end: 48))
        MorphologyAnnotator().annotate(&tokens, sentence: 0..<2)
        #expect(tokens[5].lemma == nil && tokens[5].chain == nil)
    }

    @Test func pipelineTokensAndBareWordsGetTheSameTags() throws {
        let model = try EntityTagger.bundledModel.get()
        let text = "ЮНЕСКО басшысы Ирина Бокова Астанаға келді ."
        var document = Document(id: "t", text: text)
        Tokenizer().annotate(&document)
        MorphologyAnnotator().annotate(&document)
        EntityTagger(model: model).annotate(&document)
        let recognizer = EntityRecognizer(model: model)
        let tags = recognizer.tags(document.tokens.map(\.norm))
        #expect(tags[2...3] == ["B-PERSON", "I-PERSON"], "\(tags)")
        #expect(document.entities.contains { $0.label == "PERSON" && $0.canonical == "Ирина Бокова" })
        #expect(document.entities.contains { $0.label == "GPE" && $0.canonical == "Астана" })
        // Entities of the stage are the spans of the tags the bare words get.
        #expect(document.entities.map { "\($0.tokenRange.lowerBound) \($0.label)" }
            == EntityTagger.spans(tags.map { model.tagIndex($0)! }).map { "\($0.start) \(model.classes[$0.classIndex])" })
        // Without the morphology stage the tagger reads the same forms: same entities.
        var bare = Document(id: "t", text: text)
        Tokenizer().annotate(&bare)
        EntityTagger(model: model).annotate(&bare)
        #expect(bare.entities.map(\.text) == document.entities.map(\.text))
    }

    @Test func aPersonNameDoesNotRunIntoAPlaceInTheLocative() throws {
        let model = try EntityTagger.bundledModel.get()
        let recognizer = EntityRecognizer(model: model)
        let words = ["Теннисші", "Елена", "Рыбакина", "Мельбурнде", "ойнады", "."]
        let person = try #require(model.tagIndex("B-PERSON"))
        var tags = [0, person, person + 1, person + 1, 0, 0]
        recognizer.trimLocativeEndings(words, &tags)
        #expect(tags == [0, person, person + 1, 0, 0, 0])
        // A last word that only looks locative ("ата") and a two-word name stay as tagged.
        var grandfather = [person, person + 1, person + 1, 0]
        recognizer.trimLocativeEndings(["Қорқыт", "Аяз", "ата", "келді"], &grandfather)
        #expect(grandfather == [person, person + 1, person + 1, 0])
        var twoWords = [person, person + 1, 0]
        recognizer.trimLocativeEndings(["Жаңылсын", "Мағзумовада", "болды"], &twoWords)
        #expect(twoWords == [person, person + 1, 0])
    }

    @Test func fourCapitalisedWordsAreTwoPeople() throws {
        let model = try EntityTagger.bundledModel.get()
        let recognizer = EntityRecognizer(model: model)
        let person = try #require(model.tagIndex("B-PERSON"))
        var host = [person, person + 1, person + 1, person + 1, 0, 0]
        recognizer.splitFourWordNames(["Бауыржан", "Байбек", "Пьер", "Кабаремен", "кездесті", "."], &host)
        #expect(host == [person, person + 1, person, person + 1, 0, 0])
        // Initials open the first name: it ends at its first full word.
        var initials = [0, person, person + 1, person + 1, person + 1, 0]
        recognizer.splitFourWordNames(["Кездесуде", "М.", "Әшімбаев", "Наталье", "Кочановой", "алғыс"], &initials)
        #expect(initials == [0, person, person + 1, person, person + 1, 0])
        // A name with particles, or a three-word name, stays one person.
        var sheikh = [person, person + 1, person + 1, person + 1, person + 1]
        recognizer.splitFourWordNames(["Мұхаммед", "бен", "Заид", "Әл", "Наһаян"], &sheikh)
        #expect(sheikh == [person, person + 1, person + 1, person + 1, person + 1])
        var full = [person, person + 1, person + 1, 0]
        recognizer.splitFourWordNames(["Қасым-Жомарт", "Кемелұлы", "Тоқаев", "келді"], &full)
        #expect(full == [person, person + 1, person + 1, 0])
    }

    @Test func aModelOfAnotherFeatureSetVersionIsRefused() throws {
        let url = try #require(DataFile.url(for: "ner.model"))
        var bytes = [UInt8](try Data(contentsOf: url))
        // An older feature set's version (3) written where the version goes, checksum made valid again.
        bytes.replaceSubrange(8..<12, with: [3, 0, 0, 0])
        let body = bytes.dropLast(8)
        bytes.replaceSubrange((bytes.count - 8)..., with: withUnsafeBytes(of: ByteWriter.checksum(body).littleEndian, Array.init))
        #expect {
            try EntityModel(data: Data(bytes), path: "old.model")
        } throws: { error in
            "\(error)" == "old.model: NER model has feature-set version 3, this build needs 5–7; retrain it"
        }
    }

    @Test func clusterFeaturesFireOnlyFromVersionSixAndOnlyForListedWords() throws {
        let listed = try #require(WordClusters.entries.first { $0.form.unicodeScalars.allSatisfy { LetterCase.of($0) != .upper } && $0.form.count > 3 })
        let withClusters = EntityFeatures(version: 6)
        let without = EntityFeatures(version: 5)
        // A listed form, capitalised: the lookup lower-cases it, as the table does.
        let capitalised = listed.form.prefix(1).uppercased() + listed.form.dropFirst()
        #expect(withClusters.describe(capitalised).cluster != SIMD4<UInt64>())
        #expect(withClusters.describe(capitalised).cluster == withClusters.describe(listed.form).cluster)
        #expect(without.describe(listed.form).cluster == SIMD4<UInt64>())
        // A made-up word no text here contains gets no cluster.
        #expect(withClusters.describe("Қыжыңбалдыр").cluster == SIMD4<UInt64>())
        var six: [UInt32] = [], five: [UInt32] = []
        withClusters.appendStaticIDs(of: withClusters.describe(listed.form), to: &six)
        without.appendStaticIDs(of: without.describe(listed.form), to: &five)
        #expect(six.count == five.count + 4)
        #expect(Array(six.prefix(five.count)) == five)
    }

    @Test func theModelKeepsItsFeatureSetVersion() throws {
        let url = try #require(DataFile.url(for: "ner.model"))
        let model = try EntityModel(contentsOf: url)
        #expect(EntityFeatures.supportedVersions.contains(model.featureVersion))
        let reloaded = try EntityModel(data: model.serialized(), path: "copy.model")
        #expect(reloaded.featureVersion == model.featureVersion)
        #expect(EntityRecognizer(model: reloaded).features.featureVersion == model.featureVersion)
    }
}

@Suite struct NameSwapAugmentationTests {
    static let examples: [EntityTrainer.Example] = [
        .init(words: ["Бауыржан", "Байбек", "Парижге", "барды", "."], tags: ["B-PERSON", "I-PERSON", "B-GPE", "O", "O"]),
        .init(words: ["Ирина", "Бокова", "Астанаға", "келді", "."], tags: ["B-PERSON", "I-PERSON", "B-GPE", "O", "O"]),
        .init(words: ["Тасмағамбетов", "Алматыда", "ЮНЕСКО", "өкілімен", "кездесті", "."], tags: ["B-PERSON", "B-GPE", "B-ORGANISATION", "O", "O", "O"]),
        .init(words: ["Бүгін", "күн", "жылы", "."], tags: ["B-DATE", "O", "O", "O"]),
    ]

    @Test func copiesSwapNamesOfTheSameClassAndCaseEnding() {
        let copies = EntityTrainer.nameSwapped(Self.examples, rounds: 3, seed: 7)
        #expect(!copies.isEmpty)
        for copy in copies.map(\.example) {
            #expect(copy.words.count == copy.tags.count)
            // The sentence without a name is never copied; the rest of each sentence is untouched.
            #expect(copy.words.last == ".")
            #expect(!copy.words.contains("Бүгін"))
            // Names are swapped within a class: a person's place is taken by a person.
            for (word, tag) in zip(copy.words, copy.tags) where tag.hasSuffix("PERSON") {
                #expect(!["Парижге", "Астанаға", "Алматыда", "ЮНЕСКО"].contains(word), "\(copy.words)")
            }
        }
        // Every copy differs from its original in a name, and keeps the rest of the sentence.
        #expect(copies.allSatisfy { copy in !Self.examples.contains { $0.words == copy.example.words } })
        #expect(copies.contains { $0.example.words.suffix(2) == ["келді", "."] && $0.example.words.count >= 5 })
        // Deterministic for a seed; no rounds, no copies.
        #expect(EntityTrainer.nameSwapped(Self.examples, rounds: 3, seed: 7).map(\.example.words) == copies.map(\.example.words))
        #expect(EntityTrainer.nameSwapped(Self.examples, rounds: 0, seed: 7).isEmpty)
    }
}

@Suite struct PercentTokenTests {
    @Test func aPercentWithItsEndingInOneTokenIsAPercentage() throws {
        // The tokenizer keeps "12%-ға" whole (KTB); KazNERD splits it ("12 %-ға"), so training adds joined copies.
        var document = Document(id: "p", text: "Биыл инфляция 12%-ға жетті.")
        Tokenizer().annotate(&document)
        MorphologyAnnotator().annotate(&document)
        EntityTagger(model: try EntityTagger.bundledModel.get()).annotate(&document)
        #expect(document.entities.contains { $0.label == "PERCENTAGE" && $0.text == "12%-ға" }, "\(document.entities)")
        #expect(!document.entities.contains { $0.label == "CARDINAL" })
    }

    @Test func trainingCopiesJoinASplitPercent() {
        let split = EntityTrainer.Example(words: ["Баға", "12", "%-ға", "өсті", "."], tags: ["O", "B-PERCENTAGE", "I-PERCENTAGE", "O", "O"])
        let plain = EntityTrainer.Example(words: ["Баға", "өсті", "."], tags: ["O", "O", "O"])
        let copies = EntityTrainer.percentJoined([(0, split), (0, plain)])
        #expect(copies.count == 1)
        #expect(copies.first?.example.words == ["Баға", "12%-ға", "өсті", "."])
        #expect(copies.first?.example.tags == ["O", "B-PERCENTAGE", "O", "O"])
    }
}

@Suite struct EntityTrainerUpdateTests {
    /// Tiny options so a debug build trains in a moment: no lexicon, no copies, every feature kept.
    static func options(margin: Float = 0, passiveAggressiveC: Float = 0) -> EntityTrainer.Options {
        var options = EntityTrainer.Options()
        options.epochs = 8
        options.minimumFeatureCount = 1
        options.pruneBelow = 0
        options.lexiconFolds = 1
        options.augmentationRounds = 0
        options.margin = margin
        options.passiveAggressiveC = passiveAggressiveC
        return options
    }

    static func tags(of example: EntityTrainer.Example, with model: EntityModel) -> [String] {
        EntityRecognizer(model: model).tagIndices(example.words).map { index in
            index == 0 ? "O" : (index % 2 == 1 ? "B-" : "I-") + model.classes[(index - 1) / 2]
        }
    }

    @Test(arguments: [(Float(1), Float(0)), (Float(0), Float(1)), (Float(1), Float(1))])
    func marginAndPassiveAggressiveTrainingFitTheTrainingSentences(margin: Float, c: Float) {
        let examples = NameSwapAugmentationTests.examples
        let model = EntityTrainer(options: Self.options(margin: margin, passiveAggressiveC: c)).train(examples)
        for example in examples {
            #expect(Self.tags(of: example, with: model) == example.tags, "\(example.words)")
        }
        // The options reach the updates: the weights differ from plain perceptron training's.
        let plain = EntityTrainer(options: Self.options()).train(examples)
        #expect(model.serialized() != plain.serialized())
    }

    @Test func passiveAggressiveStepIsCappedAndZeroWithoutLoss() {
        var weights = Perceptron(featureCount: 3, tagCount: 3)
        let features: [Int32] = [0, 1, 2]
        let offsets = [0, 2, 3]
        // All weights zero: gap 0, loss 1 (one wrong token), ‖Δφ‖² = 2 · 2 features + 2 · 2 transitions (start, next) = 8.
        #expect(weights.passiveAggressiveStep(features: features, offsets: offsets, gold: [1, 0], predicted: [0, 0], cap: 1) == Float(1) / 8)
        #expect(weights.passiveAggressiveStep(features: features, offsets: offsets, gold: [1, 0], predicted: [0, 0], cap: 0.1) == Float(0.1))
        weights.update(features: features, offsets: offsets, gold: [1, 0], predicted: [0, 0], by: 0.5)
        // Gold now beats the mistake by 2 · 0.5 · (2 features + start + transition) = 4, more than its loss 1: no step.
        #expect(weights.passiveAggressiveStep(features: features, offsets: offsets, gold: [1, 0], predicted: [0, 0], cap: 1) == 0)
    }
}

@Suite struct EntityModelAveragingTests {
    /// Sentences of our own, enough for two seeds to shuffle them differently.
    static let examples: [EntityTrainer.Example] = NameSwapAugmentationTests.examples + [
        .init(words: ["Астана", "қалалық", "соты", "шешім", "шығарды", "."],
              tags: ["B-ORGANISATION", "I-ORGANISATION", "I-ORGANISATION", "O", "O", "O"]),
        .init(words: ["Қаржы", "министрлігі", "Алматыда", "кеңес", "өткізді", "."],
              tags: ["B-ORGANISATION", "I-ORGANISATION", "B-GPE", "O", "O", "O"]),
    ]

    static func train(seed: UInt64) -> EntityModel {
        var options = EntityTrainerUpdateTests.options()
        options.seed = seed
        return EntityTrainer(options: options).train(examples)
    }

    @Test func theMeanOfTwoSeedsTagsTheTrainingSentencesAndDiffersFromEither() throws {
        let a = Self.train(seed: 1), b = Self.train(seed: 2)
        #expect(a.serialized() != b.serialized())
        let mean = try EntityModel.averaged([a, b], pruneBelow: 0)
        for example in Self.examples {
            #expect(EntityTrainerUpdateTests.tags(of: example, with: mean) == example.tags, "\(example.words)")
        }
        #expect(mean.serialized() != a.serialized() && mean.serialized() != b.serialized())
        // A feature one seed pruned away and the other kept is still there.
        #expect(mean.featureIDs.count >= max(a.featureIDs.count, b.featureIDs.count))
        // Deterministic, and it survives a save and load.
        #expect(try EntityModel.averaged([a, b], pruneBelow: 0).serialized() == mean.serialized())
        #expect(try EntityModel(data: mean.serialized(), path: "mean.model").serialized() == mean.serialized())
    }

    @Test func theMeanOfAModelWithItselfScoresAsTheModelDoes() throws {
        let a = Self.train(seed: 1)
        let mean = try EntityModel.averaged([a, a], pruneBelow: 0)
        let words = ["Қаржы", "министрлігі", "Астанада", "жиын", "өткізді", "."]
        #expect(EntityRecognizer(model: mean).tagIndices(words) == EntityRecognizer(model: a).tagIndices(words))
        #expect(mean.featureIDs == a.featureIDs)
    }

    @Test func modelsOfDifferentDataOrFeatureSetsAreRefused() throws {
        let a = Self.train(seed: 1)
        var options = EntityTrainerUpdateTests.options()
        options.lexiconFolds = 2
        let otherLexicon = EntityTrainer(options: options).train(Self.examples)
        #expect(throws: EntityModelAveragingError.self) { try EntityModel.averaged([a, otherLexicon], pruneBelow: 0) }
        let otherVersion = EntityTrainer(options: EntityTrainerUpdateTests.options(), features: EntityFeatures(version: 7)).train(Self.examples)
        #expect {
            try EntityModel.averaged([a, otherVersion], pruneBelow: 0)
        } throws: { error in
            "\(error)".contains("feature-set versions")
        }
        #expect(throws: EntityModelAveragingError.self) { try EntityModel.averaged([], pruneBelow: 0) }
    }
}

@Suite struct FarHeadNounFeatureTests {
    /// The words of a long organisation name whose head noun (департаменті) comes five words after its first word.
    static let words = ["Агенттіктің", "Қостанай", "облысы", "бойынша", "ішкі", "департаменті", "Мемлекеттік", "кеңес", "."]

    @Test func versionSevenAddsHeadNounFeaturesOnlyWhereVersionFiveHasNone() throws {
        let five = EntityFeatures(version: 5), seven = EntityFeatures(version: 7)
        let tokens = EntityRecognizer.annotatedTokens(Self.words)
        let a = five.extract(tokens.map(five.describe), lexicon: .empty, includeForm: true)
        let b = seven.extract(tokens.map(seven.describe), lexicon: .empty, includeForm: true)
        func count(_ result: (ids: [UInt32], offsets: [Int]), _ i: Int) -> Int { result.offsets[i + 1] - result.offsets[i] }
        // "Агенттіктің" is 5 words before the head: one more feature (head ahead, 4–6); "Мемлекеттік" follows the head:
        // one more (head behind); "облысы", 3 before it, already has the near-head feature of version 5 and no more.
        #expect(count(b, 0) == count(a, 0) + 1)
        #expect(count(b, 6) == count(a, 6) + 1)
        #expect(count(b, 2) == count(a, 2))
        // Version 7 never adds the word-cluster features of version 6.
        #expect(seven.describe("алматы").cluster == SIMD4<UInt64>())
    }
}

@Suite struct CaselessSentenceTests {
    @Test func aSentenceWithoutLetterCaseKeepsItsLowerCaseNames() throws {
        let recognizer = EntityRecognizer(model: try EntityTagger.bundledModel.get())
        let person = 1 + 2 * recognizer.model.classes.firstIndex(of: "PERSON")!, gpe = 1 + 2 * recognizer.model.classes.firstIndex(of: "GPE")!
        // Written in lower case throughout (an Arabic-script text read in Cyrillic): the names have no capital to show.
        var caseless = [person, person + 1, gpe, 0, 0]
        recognizer.dropLowercaseNames(["сәуле", "жұмабаева", "таразға", "келді", "."], &caseless)
        #expect(caseless == [person, person + 1, gpe, 0, 0])
        // All in capitals: the same.
        var capitals = [0, gpe, 0, 0]
        recognizer.dropLowercaseNames(["ОЛ", "ТАРАЗДА", "ТҰРАДЫ", "."], &capitals)
        #expect(capitals == [0, gpe, 0, 0])
        // A sentence that shows case: a lower-case word is no place name.
        var cased = [0, gpe, 0, 0]
        recognizer.dropLowercaseNames(["Ол", "таразда", "тұрады", "."], &cased)
        #expect(cased == [0, 0, 0, 0])
        #expect(!EntityRecognizer.showsLetterCase(["2024", "жылы", "."]) && EntityRecognizer.showsLetterCase(["Ол", "тұрады"]))
    }
}

@Suite struct BracketedSurnameTests {
    @Test func aSurnameInBracketsJoinsTheNameBeforeItWhateverTheModelTaggedThere() throws {
        let recognizer = EntityRecognizer(model: try EntityTagger.bundledModel.get())
        let person = 1 + 2 * recognizer.model.classes.firstIndex(of: "PERSON")!
        let organisation = 1 + 2 * recognizer.model.classes.firstIndex(of: "ORGANISATION")!
        let words = ["Энергетика", "вице-министрі", "Ерлан", "Ақкенжеұлы", "(", "Ақкенженов", ")", "баяндады", "."]
        // The surname in brackets tagged as a second person, or not at all: either way one person.
        for inner in [person, 0] {
            var tags = [0, 0, person, person + 1, 0, inner, 0, 0, 0]
            recognizer.joinBracketedSurnames(words, &tags)
            #expect(tags == [0, 0, person, person + 1, person + 1, person + 1, person + 1, 0, 0])
        }
        // Not a surname in the brackets: an abbreviation, an organisation, KazNERD's stray letters.
        for inner in ["ЮНЕСКО", "ы", "Ақорда"] {
            var tags = [0, 0, person, person + 1, 0, inner == "ЮНЕСКО" ? organisation : 0, 0, 0, 0]
            let before = tags
            recognizer.joinBracketedSurnames(words.enumerated().map { $0.offset == 5 ? inner : $0.element }, &tags)
            #expect(tags == before, "(\(inner))")
        }
    }

    @Test func theRoleBeforeAPatronymicAndBracketedSurnameNamesThatOnePerson() throws {
        // "– деді вице-министр" is the man introduced as "Ерлан Ақкенжеұлы (Ақкенженов)": the bundled model, whatever it
        // does at the bracket, gives one person, named by given name and surname.
        var document = Seeds.document("Заң жобасын Энергетика вице-министрі Ерлан Ақкенжеұлы (Ақкенженов) таныстырды. "
            + "Оның айтуынша, жаңа тариф 2026 жылдан бастап енгізіледі.\n«Бағаны күрт өсіруге жол бермейміз», – деді вице-министр.")
        for stage: any Annotator in [MorphologyAnnotator(), EntityTagger(), EntityResolver(), QuoteExtractor()] { stage.annotate(&document) }
        let persons = Set(document.entities.filter { $0.label == .person }.map(\.canonical))
        #expect(persons == ["Ерлан Ақкенженов"], "\(document.entities.map { "\($0.label.rawValue) \($0.text)" })")
        #expect(document.quotes.map(\.speaker) == ["Ерлан Ақкенженов", "Ерлан Ақкенженов"])
    }
}
