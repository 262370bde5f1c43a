import Analysis
import Pipeline
import Testing
import TextModel

/// Documents that mix scripts and languages (issue 16 item 4), caseless text, and bad input across scripts.
/// Every text here was written for these tests.
@Suite struct MixedDocumentTests {
    static func analyze(_ text: String) -> Document { Pipeline.default.analyze(id: "mixed", text: text) }

    @Test func latinHeadlineCyrillicBodyRussianQuoteAndFooter() throws {
        let text = """
            Almatyda jaña metro beketı aşyldy
            Қала әкімі Ерболат Досаев бекет 1 қаңтардан бастап жұмыс істейтінін айтты.
            «Мы благодарим строителей за работу в сложных условиях», — сказал аким города.
            Новости партнеров
            """
        let document = Self.analyze(text)
        #expect(document.paragraphs.map(\.script) == [.latin, .cyrillic, .cyrillic, .cyrillic])
        #expect(document.paragraphs.map(\.language) == [.kk, .kk, .ru, .ru])
        #expect(ScriptPipelineTests.offsetsAreValid(document))
        // The Latin headline is read through Cyrillic: lemmas, and its place name with a Cyrillic canonical name.
        let headline = document.tokens.filter { $0.end <= document.paragraphs[0].end && $0.kind == .word }
        #expect(headline.map(\.norm) == ["Алматыда", "жаңа", "метро", "бекеті", "ашылды"])
        #expect(headline.allSatisfy { $0.lemma != nil })
        let place = try #require(document.entities.first { $0.label == .gpe })
        #expect(place.text == "Almatyda" && place.canonical == "Алматы")
        // The Cyrillic body is analysed as it is on its own.
        let body = Self.analyze("Қала әкімі Ерболат Досаев бекет 1 қаңтардан бастап жұмыс істейтінін айтты.")
        #expect(document.entities.contains { $0.canonical == "Ерболат Досаев" && $0.label == .person })
        #expect(document.times.map(\.value) == body.times.map(\.value))
        // Russian paragraphs: tokens only, no Kazakh readings, no facts.
        let russianStart = document.paragraphs[2].start
        #expect(document.tokens.filter { $0.start >= russianStart }.allSatisfy { $0.lemma == nil && $0.upos == nil })
        #expect(!document.times.contains { $0.start >= russianStart })
        #expect(!document.entities.contains { $0.start >= russianStart && $0.label != .person && $0.label != .gpe && $0.label != .organisation })
    }

    @Test func aRussianQuoteInsideAKazakhSentenceKeepsItsSpeakerNotKazakhReadings() throws {
        let document = Self.analyze("Ол: «Мы готовы к сотрудничеству», - деді Ерболат Досаев.")
        #expect(document.paragraphs.map(\.language) == [.kk])
        let quote = try #require(document.quotes.first)
        #expect(quote.text == "Мы готовы к сотрудничеству")
        #expect(quote.speaker == "Ерболат Досаев")
        let inside = document.tokens.filter { $0.start >= quote.start && $0.end <= quote.end }
        #expect(inside.map(\.text) == ["Мы", "готовы", "к", "сотрудничеству"])
        #expect(inside.allSatisfy { $0.lemma == nil && $0.upos == nil && $0.feats == nil })
        // The Kazakh words around it keep theirs.
        #expect(document.tokens.first { $0.text == "деді" }?.lemma == "де")
        // A Kazakh quote is untouched.
        let kazakh = Self.analyze("Ол: «Біз ынтымақтастыққа дайынбыз», - деді Ерболат Досаев.")
        #expect(kazakh.tokens.first { $0.text == "дайынбыз" }?.lemma != nil)
    }

    @Test func englishNamesInsideKazakhTextStayLatinWithoutKazakhMorphology() {
        let document = Self.analyze("Tesla компаниясының басшысы Elon Musk келесі айда Астанаға келеді.")
        #expect(document.paragraphs.first?.language == .kk)
        for word in ["Tesla", "Elon", "Musk"] {
            let token = document.tokens.first { $0.text == word }
            #expect(token?.norm == word, "\(word) is not transliterated")
            #expect(token?.lemma == nil || token?.upos == .X, "\(word) gets no Kazakh analysis")
        }
        #expect(document.entities.contains { $0.text == "Астанаға" && $0.canonical == "Астана" })
        #expect(document.entities.contains { $0.text == "Elon Musk" })
    }

    @Test func digraphWordsGetTheirMarksBackFromTheTable() {
        let document = Self.analyze("Ulttyq bank toraghasy Timur Suleimenov inflyatsiya baiaulap kele zhatqanyn atap otti.")
        #expect(document.paragraphs.first?.script == .latin)
        let norms = Dictionary(document.tokens.map { ($0.text, $0.norm) }, uniquingKeysWith: { first, _ in first })
        // The digraph scheme writes ұ ө as u o; the letter rules alone read "улттық", "торағасы", "отти".
        #expect(norms["Ulttyq"] == "Ұлттық")
        #expect(norms["toraghasy"] == "төрағасы")
        #expect(norms["otti"] == "өтті")
        #expect(document.entities.contains { $0.label == .person && $0.text == "Timur Suleimenov" })
    }

    @Test func allLowerCaseLatinKazakhGetsCapitalsForTheNER() throws {
        let document = Self.analyze("almaty qalasynyñ äkımı erbolat dosaev 12 qazanda jastarmen kezdestı.")
        let person = try #require(document.entities.first { $0.label == .person })
        #expect(person.text == "erbolat dosaev")
        #expect(person.canonical == "Ерболат Досаев")
        #expect(document.tokens.first?.norm == "Алматы")
        #expect(ScriptPipelineTests.offsetsAreValid(document))
    }

    @Test func outletsHamzaLetterAndNativeArabicScriptNames() throws {
        // ء (U+0621) as outlets write it; the Arabic comma; -ев written ەۆ.
        let document = Self.analyze("مەملەكەت باسشىسى قاسىم-جومارت توقاەۆ ءبىلىم ورداسىنا باردى، ستۋدەنتتەرمەن كەزدەستى.")
        #expect(document.paragraphs.map(\.language) == [.kk])
        #expect(document.tokens.first { $0.text == "ءبىلىم" }?.norm == "білім")
        let person = try #require(document.entities.first { $0.label == .person })
        #expect(person.canonical == "Қасым-Жомарт Тоқаев")
        #expect(ScriptPipelineTests.offsetsAreValid(document))
    }

    @Test func caselessArabicScriptGetsCapitalsForUnknownPlacesAndPatronymics() {
        // "Кеше Сарыбұлақ ауданында жылқышы Ержан Сәкенұлы жүлде алды." — neither name is in the reading table.
        let document = Self.analyze("كەشە سارىبۇلاق اۋدانىندا جىلقىشى ەرجان ساكەنۇلى جۇلدە الدى.")
        let norms = document.tokens.filter { $0.kind == .word }.map(\.norm)
        #expect(norms.contains("Сарыбұлақ"), "a word before a place noun's possessive is a name")
        #expect(norms.contains("Сәкенұлы"), "a patronymic after a given name, read in its own harmony")
        #expect(norms.contains("жылқышы") && norms.contains("жүлде"), "common words stay lower case")
        #expect(ScriptPipelineTests.offsetsAreValid(document))
    }

    @Test func caselessArabicScriptCapitalisesChineseNamesAndNamesAfterRoles() {
        // "Конференцияны университет ректоры Жаң Миң ашты, ал кеше Ли Шяуху баяндама жасады." Chinese names as
        // Xinjiang's Kazakh press spells them; none is in the reading table.
        let document = Self.analyze("كونفەرەنتسيانى ۋنيۆەرسيتەت رەكتورى جاڭ ميڭ اشتى، ال كەشە لي شياۋحۋ بايانداما جاسادى.")
        let norms = document.tokens.filter { $0.kind == .word }.map(\.norm)
        #expect(norms.contains("Жаң") && norms.contains("Миң"), "two words after a role noun are a name")
        #expect(norms.contains("Ли") && norms.contains("Шияуху"), "a listed Chinese family name and the word after it")
        #expect(norms.contains("университет") && norms.contains("ашты") && norms.contains("кеше") && norms.contains("баяндама"),
                "common words stay lower case, after a role noun too")
        #expect(ScriptPipelineTests.offsetsAreValid(document))
    }

    @Test func caselessArabicScriptKeepsCommonWordsBeforePlaceNounsLowerCase() {
        // "Тарбағатай аймағының бас қаласы Шәуешекте көктемгі жәрмеңке ашылды." — "бас қаласы" (capital city) is
        // no place name, though "бас" stands where "X қаласы" has one.
        let document = Self.analyze("تارباعاتاي ايماعىنىڭ باس قالاسى شاۋەشەكتە كوكتەمگى جارمەڭكە اشىلدى.")
        let norms = document.tokens.filter { $0.kind == .word }.map(\.norm)
        #expect(norms.first == "Тарбағатай")
        #expect(norms.contains("бас") && !norms.contains("Бас"))
        #expect(norms.contains("жәрмеңке") && norms.contains("ашылды"))
    }

    @Test func arabicScriptCompoundNamesKeepTheHarmonyOfEachPart() {
        // "Жиынға Серікбай Нұрбекұлы мен Айгүл Төлеубайқызы қатысты." — each name joins parts of both harmonies,
        // which the letters of one part would otherwise decide for the whole word.
        let document = Self.analyze("جيىنعا سەرىكباي نۇربەكۇلى مەن ايگۇل تولەۋبايقىزى قاتىستى.")
        let norms = document.tokens.filter { $0.kind == .word }.map(\.norm)
        #expect(norms == ["Жиынға", "Серікбай", "Нұрбекұлы", "мен", "Айгүл", "Төлеубайқызы", "қатысты"])
    }

    @Test func arabicScriptWithTypedLatinIAndTheYeGlideOfOutlets() throws {
        // "Үкіметтің отырысында Тоқаев білім туралы айтты." as some outlets type it: Latin i for the front і inside
        // words (a keyboard without the hamza), and е after a vowel written يە (йе) in "توقايەۆ".
        let text = "ۇكiمەتتiڭ وتىرىسىندا توقايەۆ بiلiم تۋرالى ايتتى."
        let document = Self.analyze(text)
        #expect(document.paragraphs.map(\.language) == [.kk])
        let words = document.tokens.filter { $0.kind == .word }
        #expect(words.map(\.norm) == ["Үкіметтің", "отырысында", "Тоқаев", "білім", "туралы", "айтты"])
        #expect(words.first?.text == "ۇكiمەتتiڭ", "the word keeps its original letters, Latin i included")
        #expect(words.allSatisfy { $0.lemma != nil })
        #expect(ScriptPipelineTests.offsetsAreValid(document))
    }

    @Test func russianSentencesAmongKazakhParagraphsInEveryScriptGetNoKazakhModels() {
        // A Latin-script Kazakh lead, a Russian paragraph with Kazakh names, dates and sums, an Arabic-script Kazakh
        // paragraph, and a Russian footer.
        let text = """
            Astanada Qazaqstan men Qytaı arasyndaǵy saýda forýmy ótti.
            В среду Касым-Жомарт Токаев встретился в Астане с делегацией Китая, стороны подписали 12 соглашений на 3 миллиарда долларов к 2025 году.
            ەرتەڭ فورۋمعا ۇرىمجىدەن 40 كاسىپكەر كەلەدى.
            Читайте также: Новости партнеров
            """
        let kazakhModels = Pipeline(name: "kazakh-models", annotators: Pipeline.default.annotators.filter { !($0 is RussianNameFinder) })
        let document = kazakhModels.analyze(id: "ru-mixed", text: text)
        #expect(document.paragraphs.map(\.language) == [.kk, .ru, .kk, .ru])
        #expect(document.paragraphs.map(\.script) == [.latin, .cyrillic, .arabic, .cyrillic])
        let russian = [document.paragraphs[1], document.paragraphs[3]]
        func inRussian(_ start: Int) -> Bool { russian.contains { $0.start <= start && start < $0.end } }
        #expect(!document.entities.contains { inRussian($0.start) })
        #expect(!document.times.contains { inRussian($0.start) } && !document.amounts.contains { inRussian($0.start) })
        #expect(!document.quotes.contains { inRussian($0.start) })
        let russianTokens = document.tokens.filter { inRussian($0.start) && $0.kind == .word }
        #expect(russianTokens.count > 20)
        #expect(russianTokens.allSatisfy { $0.lemma == nil && $0.upos == nil && $0.feats == nil && $0.norm == $0.text })
        // The Kazakh paragraphs around them keep the Kazakh analysis through their Cyrillic view.
        #expect(document.tokens.contains { $0.text == "Astanada" && $0.lemma != nil })
        #expect(document.amounts.contains { !inRussian($0.start) })
        #expect(ScriptPipelineTests.offsetsAreValid(document))
    }

    // MARK: Bad input

    @Test func englishLatinTextStaysEnglishAndUntransliterated() {
        let document = Self.analyze("The central bank kept its base rate unchanged on Friday, the regulator said in a statement.")
        #expect(document.paragraphs.map(\.language) == [.en])
        #expect(document.tokens.allSatisfy { $0.norm == $0.text })
        // English paragraphs are outside the Kazakh models' scope: no Kazakh readings, no entities or amounts
        // (a whole English sentence used to come out as one QUANTITY).
        #expect(document.tokens.allSatisfy { $0.lemma == nil && $0.upos == nil })
        #expect(document.entities.isEmpty && document.amounts.isEmpty && document.times.isEmpty)
    }

    @Test func uyghurArabicScriptIsNotKazakh() {
        // Uyghur shares ۇ ۋ ڭ ە ۆ with Kazakh; its ئ ې ۈ tell it apart.
        let document = Self.analyze("بۈگۈن ئۈرۈمچىدە يىغىن ئېچىلدى ۋە ئۇنىڭغا كۆپ ئادەم قاتناشتى.")
        #expect(document.paragraphs.map(\.script) == [.arabic])
        #expect(document.paragraphs.map(\.language) == [.other])
        #expect(document.tokens.allSatisfy { $0.norm == $0.text })
        // `other` paragraphs are outside the Kazakh models' scope (the retrained NER tagged this sentence a FACILITY).
        #expect(document.entities.isEmpty && document.times.isEmpty && document.amounts.isEmpty)
        #expect(document.tokens.allSatisfy { $0.lemma == nil && $0.upos == nil })
    }

    @Test func otherLanguageParagraphsInAKazakhArticleGetNoKazakhModels() throws {
        // A Kazakh report with a Turkish quote paragraph and a Uyghur one, and a date line without letters.
        let text = """
            Анкарада өткен кездесуде Қазақстан мен Түркия сауда туралы келісімге қол қойды.
            Türkiye Ticaret Bakanı Ömer Bolat anlaşmanın iki ülke için önemli olduğunu söyledi ve 2025 yılında ticaretin artacağını belirtti.
            بۈگۈن ئۈرۈمچىدە يىغىن ئېچىلدى ۋە ئۇنىڭغا كۆپ ئادەم قاتناشتى.
            12.11.2025
            """
        let document = Self.analyze(text)
        #expect(document.paragraphs.map(\.language) == [.kk, .other, .other, .other])
        #expect(document.paragraphs.map(\.script) == [.cyrillic, .latin, .arabic, .none])
        let kazakhEnd = document.paragraphs[0].end, dateStart = document.paragraphs[3].start
        // Nothing from the Kazakh models lands in the Turkish or Uyghur paragraph: no entities, times, amounts, readings.
        func foreign(_ start: Int) -> Bool { start >= kazakhEnd && start < dateStart }
        #expect(!document.entities.contains { foreign($0.start) })
        #expect(!document.times.contains { foreign($0.start) } && !document.amounts.contains { foreign($0.start) })
        #expect(document.tokens.filter { foreign($0.start) }.allSatisfy { $0.lemma == nil && $0.upos == nil })
        // The Kazakh paragraph keeps its names, and the date line (no letters, no language) keeps its time.
        #expect(document.entities.contains { $0.canonical == "Анкара" })
        #expect(document.times.contains { $0.start >= dateStart && $0.value == "2025-11-12" })
    }

    @Test func bidiControlsInsideWordsAreInvisibleToTheAnalysis() throws {
        // An isolate around an Arabic-script name and a right-to-left mark inside a Cyrillic word.
        let text = "Ерболат Досаев \u{2067}قازاقستان\u{2069} туралы Алма\u{200F}тыда айтты."
        let document = Self.analyze(text)
        #expect(ScriptPipelineTests.offsetsAreValid(document))
        let almaty = try #require(document.tokens.first { $0.norm == "Алматыда" })
        #expect(almaty.text == "Алма\u{200F}тыда")
        #expect(document.tokens.contains { $0.norm == "قازاقستان" || $0.norm == "Қазақстан" })
        #expect(!document.tokens.contains { $0.norm.unicodeScalars.contains { (0x2066...0x2069).contains($0.value) || $0 == "\u{200F}" } })
    }

    @Test func homoglyphWordsAreRepairedInEveryScriptMix() {
        // Latin a's inside a Cyrillic word; a Cyrillic о inside a Latin Kazakh word.
        let cyrillic = Self.analyze("Қaзaқстaн туралы жаңалықтар.")
        #expect(cyrillic.tokens.first?.norm == "Қазақстан")
        #expect(cyrillic.paragraphs.first?.script == .cyrillic)
        let latin = Self.analyze("Qazaqstan Respublikasynyñ Prezidentı Almatyda b\u{43E}ldy.")
        #expect(latin.paragraphs.first?.script == .latin)
        #expect(latin.tokens.first { $0.text.hasPrefix("b") }?.norm == "болды")
        for document in [cyrillic, latin] { #expect(ScriptPipelineTests.offsetsAreValid(document)) }
    }
}
