import Analysis
import Testing
import TextModel

/// The suffix grammar, lexicon and guesser on real Kazakh words: one test per suffix family, plus the
/// seed examples in context. All tests share the bundled model (`Morphology.shared`, loaded once).
@Suite struct MorphologyTests {
    let morphology = Morphology.shared

    /// Whether `form` has a candidate with this lemma whose features include every one of `features`.
    func reads(_ form: String, as lemma: String, _ features: [String] = [], upos: UPOS? = nil) -> Bool {
        morphology.analyses(of: form).contains { analysis in
            let feats = Set(analysis.feats.split(separator: "|").map(String.init))
            return analysis.lemma == lemma && features.allSatisfy(feats.contains) && (upos == nil || analysis.upos == upos)
        }
    }

    @Test func seedExamples() {
        #expect(morphology.lemma(of: "Алматының") == "Алматы")
        #expect(morphology.lemma(of: "Алматыға") == "Алматы")
        #expect(morphology.lemma(of: "Алматыда") == "Алматы")
        #expect(morphology.lemma(of: "кездесті") == "кездес")
        #expect(morphology.lemma(of: "мәдениетімізді") == "мәдениет")
        #expect(morphology.lemma(of: "қаласының") == "қала")
        #expect(morphology.lemma(of: "Парижде") == "Париж")
        let analysed = morphology.analyze(["Ирина", "Боковамен", "кездесті", "."])
        #expect(analysed.map(\.lemma) == ["Ирина", "Бокова", "кездес", "."])
        #expect(analysed[1].feats.contains("Case=Ins"))
        #expect(analysed[3].upos == .PUNCT)
    }

    @Test func plural() {
        #expect(reads("адамдар", as: "адам", ["Number=Plur", "Case=Nom"]))
        #expect(reads("елдердің", as: "ел", ["Number=Plur", "Case=Gen"]))
        #expect(reads("қалаларда", as: "қала", ["Number=Plur", "Case=Loc"]))
        #expect(reads("ұлттар", as: "ұлт", ["Number=Plur"]))
    }

    @Test func possessives() {
        #expect(reads("кітабым", as: "кітап", ["Number[psor]=Sing", "Person[psor]=1"]))
        #expect(reads("үйің", as: "үй", ["Number[psor]=Sing", "Person[psor]=2"]))
        #expect(reads("елордаңыз", as: "елорда", ["Person[psor]=2", "Polite=Form"]))
        #expect(reads("мәдениетімізді", as: "мәдениет", ["Number[psor]=Plur", "Person[psor]=1", "Case=Acc"]))
        #expect(reads("конкурсы", as: "конкурс", ["Number[psor]=Plur,Sing", "Person[psor]=3", "Case=Nom"]))
        #expect(reads("халқын", as: "халық", ["Person[psor]=3", "Case=Acc"]))
    }

    @Test func cases() {
        #expect(reads("Медведевтің", as: "Медведев", ["Case=Gen"]))
        #expect(reads("мамырға", as: "мамыр", ["Case=Dat"]))
        #expect(reads("мектепке", as: "мектеп", ["Case=Dat"]))
        #expect(reads("бейбітшілікті", as: "бейбітшілік", ["Case=Acc"]))
        #expect(reads("елде", as: "ел", ["Case=Loc"]))
        #expect(reads("өңірдегі", as: "өңір", ["Case=Loc"]))
        #expect(reads("қаладан", as: "қала", ["Case=Abl"]))
        #expect(reads("қаласынан", as: "қала", ["Case=Abl", "Person[psor]=3"]))
        #expect(reads("құрметпен", as: "құрмет", ["Case=Ins"]))
        #expect(reads("жобасымен", as: "жоба", ["Case=Ins", "Person[psor]=3"]))
    }

    @Test func predicativePersonEndings() {
        #expect(reads("мұғаліммін", as: "мұғалім", ["Number=Sing", "Person=1"]))
        #expect(reads("қазақпыз", as: "қазақ", ["Number=Plur", "Person=1"]))
        #expect(reads("отырмыз", as: "отыр", ["Number=Plur", "Person=1", "Tense=Pres"]))
    }

    @Test func voice() {
        #expect(reads("жоспарланып", as: "жоспарла", ["Voice=Pass", "Aspect=Perf"]))
        #expect(reads("айтылды", as: "айт", ["Voice=Pass", "Tense=Past"]))
        #expect(reads("соғыса", as: "соқ", ["Voice=Rcp"]))
    }

    @Test func negation() {
        #expect(reads("болмайды", as: "бол", ["Polarity=Neg", "Tense=Pres"]))
        #expect(reads("келмеді", as: "кел", ["Polarity=Neg", "Tense=Past"]))
        #expect(reads("шешілмеген", as: "шеш", ["Polarity=Neg", "Voice=Pass", "VerbForm=Part"]))
    }

    @Test func tenseAndAspect() {
        #expect(reads("кездесті", as: "кездес", ["Tense=Past", "Person=3", "VerbForm=Fin"]))
        #expect(reads("келдік", as: "кел", ["Tense=Past", "Number=Plur", "Person=1"]))
        #expect(reads("қолдайды", as: "қолда", ["Aspect=Hab", "Tense=Pres", "Person=3"]))
        #expect(reads("қолдаймыз", as: "қолда", ["Tense=Pres", "Number=Plur", "Person=1"]))
        #expect(reads("барамын", as: "бар", ["Tense=Pres", "Number=Sing", "Person=1"]))
        #expect(reads("бармақ", as: "бар", ["Mood=Des", "Tense=Fut"]))
    }

    @Test func participles() {
        #expect(reads("келген", as: "кел", ["Tense=Past", "VerbForm=Part"]))
        #expect(reads("жазатын", as: "жаз", ["Aspect=Imp", "VerbForm=Part"]))
        #expect(reads("болар", as: "бол", ["Tense=Fut"]))
        #expect(reads("болғанда", as: "бол", ["Case=Loc", "VerbForm=Ger"]))
    }

    @Test func converbsAndVerbalNouns() {
        #expect(reads("барып", as: "бар", ["Aspect=Perf", "VerbForm=Conv"]))
        #expect(reads("келе", as: "кел", ["Aspect=Imp"]))
        #expect(reads("келуге", as: "кел", ["Case=Dat", "VerbForm=Ger"]))
        #expect(reads("дамуы", as: "даму", ["Person[psor]=3"]) || reads("дамуы", as: "дамы", ["VerbForm=Ger"]))
    }

    @Test func moods() {
        #expect(reads("болса", as: "бол", ["Mood=Cnd"]))
        #expect(reads("алсын", as: "ал", ["Mood=Opt", "Person=3"]))
        #expect(reads("айт", as: "айт", ["Mood=Imp", "Person=2"], upos: .VERB))
        #expect(reads("жасаңыз", as: "жаса", ["Mood=Imp", "Polite=Form"]))
        #expect(reads("құттықтағым", as: "құттықта", ["Mood=Des", "Person=1"]))
    }

    @Test func derivationsStayInTheLemma() {
        // KTB keeps derivational suffixes in the lemma; the guesser uses them for the part of speech.
        #expect(morphology.lemma(of: "бейбітшілікті") == "бейбітшілік")
        #expect(reads("медициналық", as: "медициналық", upos: .ADJ))
        #expect(reads("міндетті", as: "міндетті", upos: .ADJ))
        #expect(reads("үмітсіз", as: "үмітсіз", upos: .ADJ))
        #expect(reads("әншілер", as: "әнші", ["Number=Plur"]))
        #expect(reads("жоспарлады", as: "жоспарла", ["Tense=Past"]))
    }

    @Test func numbersAcronymsAndForeignWords() {
        let ordinal = morphology.analyze(["55-ші"])[0]
        #expect(ordinal.lemma == "55" && ordinal.upos == .NUM && ordinal.feats == "NumType=Ord")
        #expect(reads("35-те", as: "35", ["Case=Loc", "NumType=Card"]))
        #expect(morphology.analyze(["2010"])[0].upos == .NUM)
        #expect(morphology.lemma(of: "ЮНЕСКО-ның") == "ЮНЕСКО")
        #expect(morphology.lemma(of: "АҚШ-пен") == "АҚШ")
        #expect(reads("АҚШ-пен", as: "АҚШ", ["Case=Ins"], upos: .PROPN))
        let latin = morphology.analyze(["World", "Crafts", "Council"])
        #expect(latin.map(\.lemma) == ["World", "Crafts", "Council"])
        #expect(morphology.analyze([","])[0].upos == .PUNCT)
        #expect(morphology.analyze(["/"])[0].lemma == "/")
    }

    @Test func oddInputNeverCrashesAndKeepsTheWord() {
        for form in ["", "Qазақстан", "ҚазGroup", "😀", "x", "ӘӘӘӘӘӘӘӘӘӘӘӘӘӘӘӘӘӘӘӘӘӘӘӘ", "123abc", "-", "ab-", "-ның", "İstanbul", "e\u{301}"] {
            let analyses = morphology.analyze([form])
            #expect(analyses.count == 1)
            #expect(!morphology.lemmaCandidates(of: form).isEmpty)
            if let analysis = analyses.first, !form.isEmpty {
                #expect(!analysis.lemma.isEmpty)
            }
        }
        #expect(morphology.lemma(of: "Қызылжарбекқаласы").lowercased().hasPrefix("қызылжарбек"))
    }

    @Test func lemmaCandidatesForSearch() {
        let candidates = morphology.lemmaCandidates(of: "қаласы")
        #expect(candidates.contains("қала"))
        #expect(morphology.lemmaCandidates(of: "Алматыда").first == "Алматы")
        #expect(morphology.lemmaCandidates(of: "кездесті").contains("кездес"))
    }

    @Test func annotatorFillsEveryToken() {
        var document = Document(id: "t", text: "Ирина Бокова Парижде ЮНЕСКО-ның бас директорымен кездесті.")
        Tokenizer().annotate(&document)
        SentenceSegmenter().annotate(&document)
        MorphologyAnnotator().annotate(&document)
        #expect(document.tokens.allSatisfy { $0.lemma != nil && $0.upos != nil && $0.feats != nil })
        #expect(document.tokens.map { $0.lemma ?? "" } == ["Ирина", "Бокова", "Париж", "ЮНЕСКО", "бас", "директор", "кездес", "."])
        #expect(document.tokens[2].feats == "Case=Loc")
        #expect(document.tokens.last?.upos == .PUNCT)
    }
}
