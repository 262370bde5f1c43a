import Analysis
import Testing
import TextModel

@Suite struct AmountExtractorTests {
    func amounts(_ text: String) -> [Amount] {
        var document = Seeds.document(text)
        TimeExtractor().annotate(&document)
        AmountExtractor().annotate(&document)
        return document.amounts
    }

    func has(_ found: [Amount], _ text: String, _ value: Double, _ unit: String?, _ modifier: String? = nil) -> Bool {
        found.contains { $0.text == text && $0.value == value && $0.unit == unit && $0.modifier == modifier }
    }

    /// Amounts after the morphology stage, as the pipeline runs them (counted nouns then come from lemmas and tags).
    func amountsAfterMorphology(_ text: String) -> [Amount] {
        var document = Seeds.document(text)
        MorphologyAnnotator().annotate(&document)
        TimeExtractor().annotate(&document)
        AmountExtractor().annotate(&document)
        return document.amounts
    }

    @Test func scaledDecimalsAreExactAndHyphenatedNounsAreOrdinals() {
        #expect(has(amounts("Егіс алқабы 4,1 млн гектар болды."), "4,1 млн гектар", 4_100_000, "гектар"))
        #expect(has(amounts("Тапшылық 2,5 пайыздан аспайды."), "2,5 пайыздан аспайды", 2.5, "percent", "at_most"))
        // "the 40th kilometre", "the 5th grade": the noun joined by a hyphen makes the number an ordinal.
        #expect(amounts("Тасжолдың 40-шақырымында екі көлік соқтығысты.").allSatisfy { !$0.text.hasPrefix("40") })
        #expect(amounts("Ол 5-сыныпта оқиды.").isEmpty)
        // A year that closes a quoted name is part of the name.
        #expect(amounts("20 қазанда «Жылу – 2025» атты облыстық семинар өтеді.").isEmpty)
        // A possessive number before "күні" is a day of a month, even an absurd one: no "45 days".
        #expect(amounts("Біз 13-ші айдың 45-і күні келеміз.").isEmpty)
        // Case and possessive endings after a hyphen still make a count.
        #expect(has(amounts("100-ден астам адам келді."), "100-ден астам адам", 100, "адам", "more_than"))
    }

    @Test func telephoneNumbersAreNoAmounts() {
        #expect(amounts("Анықтама телефоны: 8 (7172) 74-55-12.").isEmpty)
        #expect(amounts("Байланыс: +7 701 123 45 67.").isEmpty)
        #expect(amounts("Сенім телефоны 8 800 080 77 77 тегін.").isEmpty)
        // Grouped thousands and year ranges are not telephone numbers.
        #expect(has(amounts("Барлығы 1 500 000 теңге бөлінді."), "1 500 000 теңге", 1_500_000, "KZT"))
        #expect(has(amounts("2024-2026 жылдары 12 000 адам көшеді."), "12 000 адам", 12_000, "адам"))
    }

    @Test func aCountedNounTheTaggerReadAsAnAdjective() {
        // "тұрғын" (resident) before a noun in another case is what the number counts; before a nominative noun
        // ("тұрғын үй", housing) it is an attribute, and a derived adjective never names a unit.
        #expect(has(amountsAfterMorphology("Кеше 30 мың тұрғын газбен қамтылды."), "30 мың тұрғын", 30_000, "тұрғын"))
        #expect(has(amountsAfterMorphology("Құрама 7 ұпай жинады."), "7 ұпай", 7, "ұпай"))
        // A soft-sign loanword keeps its stem: "медальге" → медаль.
        #expect(has(amountsAfterMorphology("Боксшылар 4 алтын медальге ие болды."), "4 алтын медальге", 4, "медаль"))
        #expect(!amountsAfterMorphology("Биыл 200 тұрғын үй салынды.").contains { $0.unit == "тұрғын" })
        #expect(!amountsAfterMorphology("Бағдарламаға 5 мемлекеттік мекеме қатысады.").contains { $0.unit == "мемлекеттік" })
    }

    @Test func seed002() {
        let found = amounts(Seeds.text(2))
        #expect(has(found, "1,8 млрд. теңге", 1_800_000_000, "KZT"))
        #expect(has(found, "180 мыңнан астам", 180_000, nil, "more_than"))
        #expect(has(found, "130 есе", 130, "times"))
        #expect(has(found, "16 есе", 16, "times"))
        #expect(has(found, "40%-ға", 40, "percent"))
        #expect(has(found, "4500 орынды", 4500, "орын"))
        #expect(has(found, "239 жобаның", 239, "жоба"))
        // Times, the program name «100 нақты қадам» and "2020 жылға" are not amounts.
        #expect(!found.contains { $0.value == 2020 || $0.value == 11 || $0.value == 100 || $0.value == 6 })
        let document = Seeds.document(Seeds.text(2))
        for amount in found { #expect(document.slice(amount.start, amount.end) == amount.text) }
    }

    @Test func seed003() {
        let found = amounts(Seeds.text(3))
        #expect(has(found, "1,14 млн турист", 1_140_000, "турист"))
        #expect(has(found, "323 мыңы", 323_000, nil))
        #expect(has(found, "100-ден астам шеберді", 100, "шебер", "more_than"))
        #expect(has(found, "үш есе", 3, "times"))
        #expect(has(found, "тоғыз аттың", 9, "ат"))
        // "ALA CRAFT 2025" is a name; "2025 жылдың …" is a time.
        #expect(!found.contains { $0.value == 2025 })
    }

    @Test func seed001() {
        let found = amounts(Seeds.text(1))
        #expect(has(found, "13%-ға", 13, "percent"))
        #expect(has(found, "60-тан астам кәсіпорын", 60, "кәсіпорын", "more_than"))
        #expect(!found.contains { $0.value == 1000 || $0.value == 25 || $0.value == 2016 })
    }

    @Test func numberWordsAndModifiers() {
        #expect(amounts("Қорға екі мың он бес теңге түсті.").map(\.value) == [2015])
        #expect(has(amounts("Шамамен 5 мың адам келді."), "5 мың адам", 5000, "адам", "about"))
        #expect(has(amounts("Оған 300 млн долларға жуық қаржы бөлінді."), "300 млн долларға жуық", 300_000_000, "USD", "about"))
        #expect(has(amounts("Бағасы 500 теңгеден кем."), "500 теңгеден кем", 500, "KZT", "less_than"))
        #expect(has(amounts("Жиырма бес пайызға өсті."), "Жиырма бес пайызға", 25, "percent"))
        #expect(amounts("Ол бір рет келді, бестен бір бөлігін алды.").isEmpty)
        #expect(has(amounts("Бюджет 4 500 теңге."), "4 500 теңге", 4500, "KZT"))
    }

    @Test func compoundNounReadAsAnImperativeIsStillCounted() {
        // The tagger may read "алма" (apple) as the imperative "don't take"; before "ағашы" it starts a compound.
        var document = Seeds.document("Айналасында 25 алма ағашы орнатылған. Ол 5 алма деді.")
        for index in document.tokens.indices {
            switch document.tokens[index].norm {
            case "алма": (document.tokens[index].lemma, document.tokens[index].upos, document.tokens[index].feats) = ("ал", .AUX, "Mood=Imp|Number=Sing|Person=2|Polarity=Neg|VerbForm=Fin")
            case "ағашы": (document.tokens[index].lemma, document.tokens[index].upos, document.tokens[index].feats) = ("ағаш", .NOUN, "Case=Nom|Number[psor]=Plur,Sing|Person[psor]=3")
            default: (document.tokens[index].lemma, document.tokens[index].upos) = (document.tokens[index].norm.lowercased(), .NOUN)
            }
        }
        AmountExtractor().annotate(&document)
        #expect(has(document.amounts, "25 алма", 25, "алма"))
        // Without a possessed noun after it, the imperative reading stands: no unit.
        #expect(document.amounts.contains { $0.value == 5 && $0.unit == nil })
    }

    @Test func aModifierAfterTheCountedNoun() {
        // Morphology gives the counted noun its lemma, as in the pipeline.
        var document = Seeds.document("Биыл облыста 5 млн тоннадан астам астық жиналады.")
        MorphologyAnnotator().annotate(&document)
        TimeExtractor().annotate(&document)
        AmountExtractor().annotate(&document)
        #expect(has(document.amounts, "5 млн тоннадан астам", 5_000_000, "тонна", "more_than"))
    }

    @Test func ordinalsAnniversariesAndGarbageAreNotAmounts() {
        #expect(amounts("Ол 35-ші орынды иеленді, 2-ші санатты орталық.").isEmpty)
        #expect(amounts("Үйінділердің 2-ншісі қиыршықтас болды.").isEmpty)
        #expect(amounts("Екі мың жиырмасыншы жылы құрылыс басталды.").isEmpty)
        #expect(amounts("Екі мың бірінші қатысушы тіркелді.").isEmpty)
        // A plain number-word count still is one.
        #expect(amounts("Екі мың жиырма қатысушы тіркелді.").map(\.value) == [2020])
        #expect(amounts("Алматының 1000 жылдығы мерекеленді.").isEmpty)
        #expect(amounts("Універсиада 2017 өтеді.").isEmpty)
        #expect(amounts("32 қараша күні").isEmpty)
        #expect(amounts("Сағат 25.00-де").isEmpty)
        #expect(amounts("99999999999999999999999999999 теңге").isEmpty)
        #expect(amounts("1e308 млрд млрд млрд").isEmpty)
        #expect(amounts("No Kazakh here, just 3.14.15.92.65 and ,,, --- %%%").allSatisfy { $0.value.isFinite })
        #expect(amounts("").isEmpty)
    }
}
