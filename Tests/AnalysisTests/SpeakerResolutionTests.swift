import Analysis
import Testing
import TextModel

/// Issue 17, class 2: a speaker is never a wrong person; null when the text does not say who. Sentences written for
/// these tests; entities tagged by hand as the NER stage would (including its boundary errors).
@Suite struct SpeakerResolutionTests {
    /// Issue 17, class 2: the outlet a quotation was said to (an organisation in the dative, or before a noun in the
    /// dative) is never its speaker; a pronoun opening the speaker phrase is the speaker whatever setting follows.
    @Test func theOutletSpokenToIsNotTheSpeaker() {
        let residents = Seeds.facts("Ауылда үш күннен бері жарық жоқ.\n«Балалар суықта отыр», – деді тұрғындар «Jibek Joly» тілшісіне.",
                                    tags: [("«Jibek Joly»", "ORGANISATION")])
        #expect(residents.quotes.map(\.speaker) == [nil])
        let player = Seeds.facts("Жартылай қорғаушы Арман Сейітов жеңіске сенімді.\n– Біз әлі күресеміз, – деді ол «Qazsport» арнасына берген сұхбатында.",
                                 tags: [("Арман Сейітов", "PERSON"), ("«Qazsport»", "ORGANISATION")])
        #expect(player.quotes.map(\.speaker) == ["Арман Сейітов"])
        let dative = Seeds.facts("Жартылай қорғаушы Арман Сейітов жеңіске сенімді.\n«Біз әлі күресеміз», – деді команда жанкүйерлері Qazsport-қа.",
                                 tags: [("Арман Сейітов", "PERSON"), ("Qazsport-қа", "ORGANISATION")])
        #expect(dative.quotes.map(\.speaker) == [nil])
        // An organisation that speaks, followed by its legal form, is still the speaker
        let agency = Seeds.facts("«Ертең жел күшейеді», – деп хабарлады Қазгидромет РМК.", tags: [("Қазгидромет", "ORGANISATION")])
        #expect(agency.quotes.map(\.speaker) == ["Қазгидромет"])
    }

    @Test func aPossessorBeforeANamedRelativeIsNotWhoOlStandsFor() {
        // The tagger missed the daughter's name: the mother in the genitive is the only person, and must not speak.
        let text = "Марқұм Гүлжан Есентаеваның ұлы Дәурен сот залынан шыққан соң журналистерге сөйледі.\n«Біз шешімге шағымданамыз», – деді ол."
        let document = Seeds.facts(text, tags: [("Гүлжан Есентаеваның", "PERSON")])
        #expect(document.quotes.count == 1)
        #expect(document.quotes.first?.speaker == nil)
    }

    @Test func aRoleSpeakerIsSomeoneNamedBeforeTheQuotationFirst() {
        // "облыс басшысы" also matches the department head's role word for word, but he is named only after the quotation
        let text = "Облыс әкімі Нұрлан Бекбаев жаңа зауытты аралады.\n«Зауыт 400 адамды жұмыспен қамтиды», – деді облыс басшысы.\n"
            + "Облыстық кәсіпкерлік басқармасының басшысы Әсел Жұмабаеваның айтуынша, зауыт келесі жылы іске қосылады."
        let document = Seeds.facts(text, tags: [("Нұрлан Бекбаев", "PERSON"), ("Әсел Жұмабаеваның", "PERSON")])
        #expect(document.quotes.map(\.speaker) == ["Нұрлан Бекбаев", "Әсел Жұмабаева"])
        // Nobody named before holds it: the holder the text names after the quotation
        let later = Seeds.facts("«Зауыт 400 адамды жұмыспен қамтиды», – деді басқарма басшысы.\nБасқарма басшысы Әсел Жұмабаева зауытты аралады.",
                                tags: [("Әсел Жұмабаева", "PERSON")])
        #expect(later.quotes.map(\.speaker) == ["Әсел Жұмабаева"])
    }

    @Test func aLowerCaseRoleNounAfterTheVerbIsThePersonNamedJustBefore() {
        // "сарапшы" describes the one person of the sentence before, whose own role ("Экономист") says it differently
        let text = "Экономист Айдархан Бейсеновтың айтуынша, тарифтер инфляцияны үдетеді.\n«Баға тағы өседі», – дейді сарапшы."
        let document = Seeds.facts(text, tags: [("Экономист Айдархан Бейсеновтың", "PERSON")])
        #expect(document.quotes.map(\.speaker) == ["Айдархан Бейсенов", "Айдархан Бейсенов"])
        // Two people before it, a plural, or nobody named: no speaker
        let two = Seeds.facts("Марат Оспанов пен Ерлан Сейітов келісті.\n«Баға тағы өседі», – дейді сарапшы.",
                              tags: [("Марат Оспанов", "PERSON"), ("Ерлан Сейітов", "PERSON")])
        #expect(two.quotes.map(\.speaker) == [nil])
        let plural = Seeds.facts("Айдархан Бейсенов есеп берді.\n«Баға тағы өседі», – дейді сарапшылар.", tags: [("Айдархан Бейсенов", "PERSON")])
        #expect(plural.quotes.map(\.speaker) == [nil])
        // Someone else holds that role in the document: the role rule decides, not the sentence before
        let held = Seeds.facts("Сарапшы Нұрлан Ахметов жиынға келді. Айдархан Бейсенов есеп берді.\n«Баға тағы өседі», – дейді сарапшы.",
                               tags: [("Нұрлан Ахметов", "PERSON"), ("Айдархан Бейсенов", "PERSON")])
        #expect(held.quotes.map(\.speaker) == ["Нұрлан Ахметов"])
        // Role words that are also given names are not listed: "Ғалымжан" keeps its place in the name
        let scientist = Seeds.facts("Ғалымжан Қадыров баяндама жасады.", tags: [("Ғалымжан Қадыров", "PERSON")])
        #expect(scientist.entities.map(\.canonical) == ["Ғалымжан Қадыров"])
    }

    @Test func aGenitiveBeforeASpeechMarkerStillSpeaks() {
        let text = "Теміржол компаниясының басшысы Серік Әбілқасымовтың айтуынша, жаңа вагондар қыста келеді.\n«Жолаушылар айырмашылықты бірден сезеді», – деді ол."
        let document = Seeds.facts(text, tags: [("Серік Әбілқасымовтың", "PERSON")])
        #expect(document.quotes.map(\.speaker) == ["Серік Әбілқасымов", "Серік Әбілқасымов"])
    }

    @Test func anOrganisationSpanOpeningWithASurnameIsThatPersonOrNobody() {
        let known = "Министрлік өкілі Асқар Тұрсынбеков жаңа ережені таныстырды. «Ереже қаңтардан күшіне енеді», – деді Тұрсынбеков Орталық коммуникациялар қызметіндегі брифингте."
        let named = Seeds.facts(known, tags: [("Асқар Тұрсынбеков", "PERSON"), ("Тұрсынбеков Орталық коммуникациялар", "ORGANISATION")])
        #expect(named.quotes.first?.speaker == "Асқар Тұрсынбеков")
        let unknown = "«Тариф өзгермейді», – деді Сейітов Орталық коммуникациялар қызметіндегі брифингте."
        let nobody = Seeds.facts(unknown, tags: [("Сейітов Орталық коммуникациялар", "ORGANISATION")])
        #expect(nobody.quotes.count == 1)
        #expect(nobody.quotes.first?.speaker == nil)
    }

    @Test func aBracketedSurnameAndARoleWordInTheSpanGiveOneSpeaker() {
        let text = "Жобаны Энергетика вице-министрі Бақыт Ержанұлы (Оспанов) таныстырды. «Станция 2027 жылы іске қосылады», – деді вице-министр. Вице-министр Оспанов тарифтің өспейтінін айтты."
        let document = Seeds.facts(text, tags: [("Бақыт Ержанұлы (Оспанов", "PERSON"), ("Вице-министр Оспанов", "PERSON")])
        #expect(Set(document.entities.filter { $0.label == .person }.map(\.canonical)) == ["Бақыт Оспанов"])
        #expect(document.quotes.first?.speaker == "Бақыт Оспанов")
    }

    @Test func aGivenNameWithPatronymicIsTheFullNameOfTheDocument() {
        let text = "Президент Қасым-Жомарт Тоқаев форумда сөз сөйледі. «Инвестиция ағыны артты», – деді Қасым-Жомарт Кемелұлы."
        let document = Seeds.facts(text, tags: [("Қасым-Жомарт Тоқаев", "PERSON"), ("Қасым-Жомарт Кемелұлы", "PERSON")])
        #expect(document.quotes.first?.speaker == "Қасым-Жомарт Тоқаев")
        // A patronymic that is the person's surname stays: nobody else has the given name.
        let alone = Seeds.facts("«Белдікті қорғаймын», – деді Ерасыл Бекжанұлы.", tags: [("Ерасыл Бекжанұлы", "PERSON")])
        #expect(alone.quotes.first?.speaker == "Ерасыл Бекжанұлы")
    }

    @Test func anHonorificIsLeftOutAndItsGivenNameJoinsTheSurname() {
        let text = "Бас имам Сейітқали қажы Ахметұлының айтуынша, мешітке 3 мың адам сыяды."
        let document = Seeds.facts(text, tags: [("Ахметұлының", "PERSON")])
        #expect(document.quotes.first?.speaker == "Сейітқали Ахметұлы")
    }

    @Test func aRoleNounOpeningTheSettingAfterTheVerbIsItsOneHolder() {
        let text = "Су шаруашылығы министрі Нұржан Ноғаев су тасқынына дайындықты тексерді. «Бөгеттер толық жөнделді», – деді министр Атырау қаласындағы кеңесте."
        let document = Seeds.facts(text, tags: [("Нұржан Ноғаев", "PERSON")])
        #expect(document.quotes.first?.speaker == "Нұржан Ноғаев")
        // Two ministers: nobody.
        let two = "Су шаруашылығы министрі Нұржан Ноғаев пен Энергетика министрі Ерлан Аққожин кеңес өткізді. «Жоспар бекітілді», – деді министр Атырау қаласындағы кеңесте."
        #expect(Seeds.facts(two, tags: [("Нұржан Ноғаев", "PERSON"), ("Ерлан Аққожин", "PERSON")]).quotes.first?.speaker == nil)
    }

    @Test func olAfterADashSpeechParagraphIsThePersonBeforeIt() {
        let text = "Фермер Ерболат Сейітжанов егіс алқабын көрсетті.\n– Биыл 40 гектарға бидай ектік. Түсім жақсы болады, – дейді ол."
        let document = Seeds.facts(text, tags: [("Ерболат Сейітжанов", "PERSON")])
        #expect(document.quotes.count == 1)
        #expect(document.quotes.first?.speaker == "Ерболат Сейітжанов")
    }
}
