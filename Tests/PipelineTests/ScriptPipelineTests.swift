import Analysis
import Pipeline
import Testing
import TextModel

/// Latin- and Arabic-script Kazakh analysed through a Cyrillic view; Russian kept away from the Kazakh models.
@Suite struct ScriptPipelineTests {
    static let cyrillic = "Алматы қаласының әкімі Ерболат Досаев 12 қазанда Абай алаңында жастармен кездесті."
    static let latin2021 = "Almaty qalasynyñ äkımı Erbolat Dosaev 12 qazanda Abai alañynda jastarmen kezdestı."
    static let latin2018 = "Almaty qalasynyń ákimi Erbolat Dosaev 12 qazanda Abaı alańynda jastarmen kezdesti."
    static let latin2017 = "Almaty qalasynyn' a'kimi Erbolat Dosaev 12 qazanda Abai' alan'ynda jastarmen kezdesti."

    /// Every span's offsets lie inside the text and in order.
    static func offsetsAreValid(_ document: Document) -> Bool {
        let count = document.scalars.count
        let spans = document.tokens.map { ($0.start, $0.end) } + document.entities.map { ($0.start, $0.end) }
            + document.times.map { ($0.start, $0.end) } + document.amounts.map { ($0.start, $0.end) }
            + document.quotes.map { ($0.start, $0.end) } + document.paragraphs.map { ($0.start, $0.end) }
        return spans.allSatisfy { 0 <= $0.0 && $0.0 <= $0.1 && $0.1 <= count }
            && zip(document.tokens, document.tokens.dropFirst()).allSatisfy { $0.end <= $1.start }
    }

    @Test(arguments: [latin2021, latin2018, latin2017])
    func latinKazakhGetsTheCyrillicAnalysis(_ text: String) throws {
        let latin = Pipeline.default.analyze(id: "latin", text: text)
        let cyrillic = Pipeline.default.analyze(id: "cyrillic", text: Self.cyrillic)
        #expect(latin.paragraphs.map(\.script) == [.latin])
        #expect(latin.language == .kk)
        #expect(Self.offsetsAreValid(latin))
        // Tokens keep the original spelling; their normalised form and lemma are Cyrillic.
        let words = latin.tokens.filter { $0.kind == .word }
        #expect(words.allSatisfy { $0.text == latin.slice($0.start, $0.end) })
        #expect(words.first?.text == "Almaty")
        #expect(words.first?.norm == "Алматы")
        #expect(words.filter { $0.lemma != nil }.count == words.count)
        #expect(latin.tokens.map(\.lemma) == cyrillic.tokens.map(\.lemma))
        #expect(latin.tokens.map(\.upos) == cyrillic.tokens.map(\.upos))
        // Entities: Cyrillic canonical names, offsets into the Latin original.
        #expect(latin.entities.map(\.canonical) == cyrillic.entities.map(\.canonical))
        #expect(latin.entities.map(\.label) == cyrillic.entities.map(\.label))
        let person = try #require(latin.entities.first { $0.label == .person })
        #expect(person.canonical == "Ерболат Досаев")
        #expect(person.text == "Erbolat Dosaev")
        #expect(latin.slice(person.start, person.end) == "Erbolat Dosaev")
        // Times and meetings too.
        #expect(latin.times.map(\.value) == cyrillic.times.map(\.value))
        let time = try #require(latin.times.first)
        #expect(latin.slice(time.start, time.end) == "12 qazanda")
        #expect(latin.meetings.count == cyrillic.meetings.count)
    }

    @Test func brandsStayLatinAnd2018LoanwordsReadWithTheirИя() throws {
        // A 2018-alphabet sentence (ó marks it) with an all-caps brand, an English name after "dep", and -ия written ıa.
        let text = "ALA CRAFT 2025 kórmesine Germanıa men Italıa sheberleri keldi, dep habarlady World Crafts Council."
        let document = Pipeline.default.analyze(id: "brands", text: text)
        #expect(document.paragraphs.map(\.language) == [.kk])
        let norms = Dictionary(document.tokens.map { ($0.text, $0.norm) }, uniquingKeysWith: { first, _ in first })
        for word in ["ALA", "CRAFT", "World", "Crafts", "Council"] { #expect(norms[word] == word, "\(word) stays as written") }
        #expect(norms["Germanıa"] == "Германия" && norms["Italıa"] == "Италия")
        // A Kazakh stop word before an English phrase is not part of it.
        #expect(norms["dep"] == "деп")
        let germany = try #require(document.entities.first { $0.text == "Germanıa" })
        #expect(germany.label == .gpe && germany.canonical == "Германия")
        #expect(Self.offsetsAreValid(document))
    }

    @Test func englishAndAddressesInsideLatinKazakhStayAsWritten() {
        let text = "Almatyda World Crafts Council kórmesi ashyldy, tolyq aqparat www.craft.kz saıtynda."
        let document = Pipeline.default.analyze(id: "mixed", text: text)
        #expect(document.paragraphs.first?.language == .kk)
        let norms = Dictionary(document.tokens.map { ($0.text, $0.norm) }, uniquingKeysWith: { first, _ in first })
        #expect(norms["World"] == "World")
        #expect(norms["Council"] == "Council")
        #expect(norms["www.craft.kz"] == "www.craft.kz")
        #expect(norms["kórmesi"] == "көрмесі")
        #expect(norms["saıtynda"] == "сайтында")
        #expect(Self.offsetsAreValid(document))
    }

    @Test func turkishAndUzbekLatinAreNotKazakh() {
        let turkish = "Türkiye ve Kazakistan arasında ticaret anlaşması imzalandı, bakanlar görüşmeyi olumlu değerlendirdi."
        let uzbek = "Toshkentda o'tgan uchrashuvda ikki davlat rahbarlari hamkorlik bo'yicha kelishuv imzoladi va bu haqda ma'lum qildi."
        for text in [turkish, uzbek] {
            let document = Pipeline.default.analyze(id: "foreign", text: text)
            #expect(document.paragraphs.first?.language == .other, "\(text)")
            #expect(document.tokens.allSatisfy { $0.norm == $0.text }, "not transliterated: \(text)")
        }
    }

    @Test func russianParagraphsGetNoKazakhModels() {
        let text = """
            Астанада халықаралық форум өтті, оған Ерболат Досаев қатысты.
            Во вторник президент Казахстана встретился с губернатором Санкт-Петербурга, в 2023 года Досаеву поручили доклад.
            """
        let kazakhModels = Pipeline(name: "kazakh-models", annotators: Pipeline.default.annotators.filter { !($0 is RussianNameFinder) })
        let document = kazakhModels.analyze(id: "ru", text: text)
        #expect(document.paragraphs.map(\.language) == [.kk, .ru])
        let russian = document.paragraphs[1]
        let inRussian = { (start: Int) in start >= russian.start }
        #expect(!document.entities.contains { inRussian($0.start) })
        #expect(!document.times.contains { inRussian($0.start) })
        #expect(!document.amounts.contains { inRussian($0.start) })
        #expect(document.tokens.filter { inRussian($0.start) }.allSatisfy { $0.lemma == nil && $0.upos == nil })
        #expect(document.tokens.contains { inRussian($0.start) && $0.text == "Санкт-Петербурга" })
        // The Kazakh paragraph is analysed as before.
        #expect(document.entities.contains { $0.canonical == "Ерболат Досаев" && $0.label == .person })
        #expect(document.entities.allSatisfy { document.tokens[$0.tokenRange].first?.start == $0.start })
        #expect(Self.offsetsAreValid(document))

        // The full pipeline's Russian name finder: Russian case forms resolve to the Kazakh canonical names.
        let full = Pipeline.default.analyze(id: "ru", text: text)
        let names = full.entities.filter { inRussian($0.start) }
        #expect(names.contains { $0.text == "Казахстана" && $0.canonical == "Қазақстан" && $0.label == .gpe })
        #expect(names.contains { $0.text == "Санкт-Петербурга" && $0.canonical == "Санкт-Петербург" })
        #expect(names.contains { $0.text == "Досаеву" && $0.canonical == "Ерболат Досаев" && $0.label == .person })
        #expect(!names.contains { $0.text == "Во" || $0.text.hasPrefix("вторник") })
        #expect(full.entities.allSatisfy { full.tokens[$0.tokenRange].first?.start == $0.start })
    }

    @Test func arabicScriptKazakhIsReadThroughCyrillic() throws {
        let cyrillic = "Маңғыстау облысының әкімі Нұрлан Ноғаев 12 қазанда жастармен кездесті."
        let arabic = Transliterator.toArabic(cyrillic)
        let document = Pipeline.default.analyze(id: "arab", text: arabic)
        #expect(document.paragraphs.map(\.script) == [.arabic])
        #expect(document.language == .kk)
        #expect(Self.offsetsAreValid(document))
        let words = document.tokens.filter { $0.kind == .word }
        // Proper nouns get their capitals from script-readings.tsv, the first word of the sentence its own.
        #expect(words.map(\.norm) == ["Маңғыстау", "облысының", "әкімі", "Нұрлан", "Ноғаев", "қазанда", "жастармен", "кездесті"])
        // With capitals the NER finds the name; its canonical form is Cyrillic, its offsets the Arabic original's.
        let person = try #require(document.entities.first { $0.label == .person })
        #expect(person.canonical == "Нұрлан Ноғаев")
        #expect(document.slice(person.start, person.end) == "نۇرلان نوعاەۆ")
        #expect(words.allSatisfy { $0.lemma != nil && $0.upos != nil && $0.upos != .X })
        #expect(words.first?.text == "ماڭعىستاۋ")
        let time = try #require(document.times.first)
        #expect(time.value == "XXXX-10-12")
        #expect(document.slice(time.start, time.end) == "12 قازاندا")
        // "5 قاڭتار" is a date, not an amount 5.
        let date = Pipeline.default.analyze(id: "date", text: Transliterator.toArabic("Жиын 5 қаңтарда өтеді."))
        #expect(date.times.first?.value == "XXXX-01-05")
        #expect(date.amounts.isEmpty)
    }

    @Test func arabicAndPersianAreNotKazakh() {
        for text in ["هذا خبر عن الاقتصاد في المدينة اليوم", "این یک خبر درباره اقتصاد شهر است"] {
            let document = Pipeline.default.analyze(id: "ar", text: text)
            #expect(document.paragraphs.first?.script == .arabic)
            #expect(document.paragraphs.first?.language == .other)
            #expect(document.entities.isEmpty && document.amounts.isEmpty)
        }
    }

    @Test func homoglyphsAndBidiControlsKeepOffsetsValid() {
        let texts = [
            "Aлматыда фестиваль өтті.",  // Latin A
            "\u{200F}Almatyda\u{202B} festıval öttı.\u{202C}",
            "\u{202E}قازاقستان\u{202C} Qazaqstan Қазақстан",
            "Almaty\u{0301}da ä\u{0308}kım",
        ]
        for text in texts {
            let document = Pipeline.default.analyze(id: "bad", text: text)
            #expect(Self.offsetsAreValid(document), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        let homoglyph = Pipeline.default.analyze(id: "homoglyph", text: texts[0])
        #expect(homoglyph.paragraphs.first?.script == .cyrillic)
        #expect(homoglyph.tokens.first?.norm == "Алматыда")
    }
}
