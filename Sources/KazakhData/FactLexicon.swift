/// Word lists for fact extraction (times, amounts, quotes, meetings, events) and name resolution,
/// loaded once from the bundled data files. Lookups are dictionaries and sets, so extractors stay linear.
public enum FactLexicon {
    /// Unit stems (`теңге` → `KZT`, `пайыз` → `percent`, `есе` → `times`).
    public static let unitStems: [(stem: String, unit: String)] = {
        DataFile.requiredRows("amount-units.tsv").compactMap { $0.count >= 2 ? ($0[0], $0[1]) : nil }
            .sorted { $0.stem.count > $1.stem.count }
    }()

    /// Nouns that stand as the attribute of the counted noun after them ("7 алтын медаль"; `amount-attributes.tsv`).
    public static let countAttributes: Set<String> = Set(DataFile.requiredRows("amount-attributes.tsv").compactMap(\.first))

    /// Lower-case words that follow a number but are never what it counts (`amount-not-units.tsv`: "жаңа", "астам").
    public static let notUnits: Set<String> = Set(DataFile.requiredRows("amount-not-units.tsv").compactMap(\.first))

    /// Where a modifier stands relative to its number.
    public enum ModifierPosition: String, Sendable { case before, after }

    /// Amount modifiers by word: position and code (`астам` → after, `more_than`).
    public static let amountModifiers: [String: (position: ModifierPosition, code: String)] = {
        var table: [String: (position: ModifierPosition, code: String)] = [:]
        for row in DataFile.requiredRows("amount-modifiers.tsv") where row.count >= 3 {
            if let position = ModifierPosition(rawValue: row[1]) { table[row[0]] = (position, row[2]) }
        }
        return table
    }()

    /// A relative-time word, ordinal or period noun (see `time-words.tsv`).
    public struct TimeWord: Sendable {
        /// What the word gives: `day`, `year`, `ordinal`, `period`, `week`, `weekday`… (the `kind` column).
        public let kind: String
        /// The kind's value: an offset in days or years (`-1` for кеше), an ordinal, a TIMEX3 code.
        public let value: String
        /// `-` for none, `needs-year` when the next word must be a form of жыл, or a stem the next word must start with.
        public let condition: String

        /// Creates an entry from the three columns after the word.
        public init(kind: String, value: String, condition: String) {
            self.kind = kind
            self.value = value
            self.condition = condition
        }
    }

    /// Relative-time words, ordinals and period nouns by word form (`кеше` → day −1), from `time-words.tsv`.
    public static let timeWords: [String: TimeWord] = {
        var table: [String: TimeWord] = [:]
        for row in DataFile.requiredRows("time-words.tsv") where row.count >= 4 {
            table[row[0]] = TimeWord(kind: row[1], value: row[2], condition: row[3])
        }
        return table
    }()

    /// Reporting phrases after quoted speech, as word arrays (`["деп", "атап", "өтті"]`), longest first.
    public static let speechVerbs: [[String]] = phrases("speech-verbs.tsv")

    /// Words after a speaker that introduce the speaker's words (`айтуынша`).
    public static let speechMarkers: Set<String> = Set(DataFile.requiredRows("speech-markers.tsv").map { $0[0] })

    /// Meeting and discussion phrases with their kind (`meet`, `receive`, `discuss`), longest first.
    public static let meetingVerbs: [(words: [String], kind: String)] = {
        DataFile.requiredRows("meeting-verbs.tsv").compactMap { row in
            row.count >= 2 ? (row[0].split(separator: " ").map(String.init), row[1]) : nil
        }.sorted { $0.words.count > $1.words.count }
    }()

    /// Event noun stems (`noun`), generic nouns that need a title (`generic`) and event verbs (`verb`).
    public static let eventWords: [(words: [String], kind: String)] = {
        DataFile.requiredRows("event-words.tsv").compactMap { row in
            row.count >= 2 ? (row[0].split(separator: " ").map(String.init), row[1]) : nil
        }.sorted { $0.words.count > $1.words.count || ($0.words.count == $1.words.count && $0.words[0].count > $1.words[0].count) }
    }()

    /// Venue head-noun stems (`мұражай`, `алаң`).
    public static let venueStems: [String] = DataFile.requiredRows("venue-words.tsv").map { $0[0] }.sorted { $0.count > $1.count }

    /// Position head-noun stems (`әкім`, `депутат`, `бапкер`), as the fact stages use them.
    public static let roleStems: [String] = DataFile.requiredRows("role-words.tsv").map { $0[0] }.sorted { $0.count > $1.count }

    /// The position stems the entity tagger's post-processing uses: the rows without the `facts` mark.
    public static let taggerRoleStems: [String] = DataFile.requiredRows("role-words.tsv").filter { $0.count < 2 || $0[1] != "facts" }
        .map { $0[0] }.sorted { $0.count > $1.count }

    /// Role phrases that name another role ("өңір басшысы" = "облысының әкімі", "Мәжіліс спикері" = "Мәжіліс төрағасы"),
    /// lower-cased words: a speaker or subject given by the first is matched against roles written as the second.
    public static let roleSynonyms: [(phrase: [String], role: [String])] = DataFile.requiredRows("role-synonyms.tsv").compactMap { row in
        guard row.count >= 2 else { return nil }
        return (row[0].lowercased().split(separator: " ").map(String.init), row[1].lowercased().split(separator: " ").map(String.init))
    }

    /// Russian oblique endings of names: (ending, replacement, `surname` or `given`), longest first.
    public static let russianNameEndings: [(ending: String, replacement: String, part: String)] = {
        DataFile.requiredRows("russian-name-cases.tsv").compactMap { row in
            row.count >= 3 ? (row[0], row[1], row[2]) : nil
        }.sorted { $0.ending.count > $1.ending.count }
    }()

    private static func phrases(_ name: String) -> [[String]] {
        DataFile.requiredRows(name).map { $0[0].split(separator: " ").map(String.init) }.sorted { $0.count > $1.count }
    }
}

extension FactLexicon {
    /// Place head nouns inside role phrases (`role-name-heads.tsv`): stem, class, and whether the head stays in the name.
    public static let roleNameHeads: [(stem: String, label: String, keepsHead: Bool)] = DataFile.requiredRows("role-name-heads.tsv")
        .compactMap { $0.count >= 3 ? ($0[0], $0[1], $0[2] == "keep") : nil }
}

extension FactLexicon {
    /// Words of a page's own attribution by kind (`credit`, `past`, `label`; `credit-lines.tsv`).
    public static let creditWords: [String: String] = {
        var table: [String: String] = [:]
        for row in DataFile.requiredRows("credit-lines.tsv") where row.count >= 2 { table[row[0]] = row[1] }
        return table
    }()
}

extension FactLexicon {
    /// Final words of a reporting organisation (`баспасөз қызметі`), as word arrays.
    public static let pressServices: [[String]] = DataFile.requiredRows("press-services.tsv").map {
        $0[0].split(separator: " ").map(String.init)
    }
}

extension FactLexicon {
    /// Lower-cased names whose ending only looks like a case suffix (`қызылорда`).
    public static let nameExceptions: Set<String> = Set(DataFile.requiredRows("name-exceptions.tsv").map { $0[0].lowercased() })
}

extension FactLexicon {
    /// Roles with one well-known holder (`Мемлекет басшысы` → `Қасым-Жомарт Тоқаев`), used only when the document
    /// names that person.
    public static let roleHolders: [(role: String, name: String)] = DataFile.requiredRows("role-holders.tsv").compactMap {
        $0.count >= 2 ? ($0[0], $0[1]) : nil
    }

    /// Endings of surnames (`ов`, `ұлы`): an unknown capitalised word with one of them before a weak case ending is a
    /// surname in that case ("Күрішбаевты" → "Күрішбаев").
    public static let surnameEndings: [String] = DataFile.requiredRows("surname-endings.tsv").map { $0[0] }.sorted { $0.count > $1.count }

    /// What a word does around a position phrase (`role-phrase-words.tsv`); the conjunctions after which a new role
    /// starts are ``conjunctions(_:)``.
    public enum RolePhraseWord: String, Sendable { case inner, leading }

    /// The words of one kind around a position phrase: `inner` ("облысы", "вице"), `leading` ("оның", "Ал").
    public static func rolePhraseWords(_ kind: RolePhraseWord) -> Set<String> {
        Set(DataFile.requiredRows("role-phrase-words.tsv").compactMap { $0.count >= 2 && $0[1] == kind.rawValue ? $0[0] : nil })
    }

    /// Pronouns that stand for the speaker of the previous sentence after a reporting verb ("– деді ол").
    public static let speakerPronouns: Set<String> = Set(DataFile.requiredRows("speaker-pronouns.tsv").map { $0[0] })
}

extension FactLexicon {
    /// What a conjunction joins (`conjunctions.tsv`).
    public enum ConjunctionKind: String, Sendable, CaseIterable {
        /// "және": nouns or clauses.
        case and
        /// "мен", "бен", "пен": nouns only.
        case andNouns = "and-nouns"
        /// "не", "немесе".
        case or
    }

    /// The conjunctions of the given kinds ("және", "мен", "немесе").
    public static func conjunctions(_ kinds: Set<ConjunctionKind>) -> Set<String> {
        Set(DataFile.requiredRows("conjunctions.tsv").compactMap { row in
            row.count >= 2 && ConjunctionKind(rawValue: row[1]).map(kinds.contains) == true ? row[0] : nil
        })
    }

    /// Stems of the nouns that say what kind of place a name is (`place-nouns.tsv`: "қала", "облыс"), in table order.
    public static let placeNouns: [String] = DataFile.requiredRows("place-nouns.tsv").map { $0[0] }

    /// The head nouns a region or district keeps in its canonical name (`place-nouns.tsv`, head column: "облысы",
    /// "ауданы"); cities and villages have none.
    public static let placeNameHeads: [String] = DataFile.requiredRows("place-nouns.tsv").compactMap { $0.count >= 2 && $0[1] != "-" ? $0[1] : nil }

    /// Words that show a sentence reports someone's speech (`speech-report-words.tsv`: "деп", "деді", "сөзінде").
    public static let speechReportWords: Set<String> = Set(DataFile.requiredRows("speech-report-words.tsv").map { $0[0] })

    /// Stems that start like жыл "year" but are other words (`year-lookalikes.tsv`: "жылдық", "жылу"), in table order.
    public static let yearLookalikes: [String] = DataFile.requiredRows("year-lookalikes.tsv").map { $0[0] }
}

extension FactLexicon {
    /// Lower-case honorifics written inside or after a person's name (`қажы`, `хан`: `person-name-parts.tsv`); the
    /// canonical name leaves them out.
    public static let nameHonorifics: Set<String> = Set(DataFile.requiredRows("person-name-parts.tsv").filter { $0.count >= 2 && $0[1] == "honorific" }.map { $0[0] })
    /// Last parts of compound given names that keep their own vowel harmony (`бай`, `гүл`: `person-name-parts.tsv`).
    public static let nameFinals: [String] = DataFile.requiredRows("person-name-parts.tsv").filter { $0.count >= 2 && $0[1] == "final" }.map { $0[0] }
    /// Endings of patronymics (`ұлы`, `овна`: `person-name-parts.tsv`).
    public static let patronymicEndings: [String] = DataFile.requiredRows("person-name-parts.tsv").filter { $0.count >= 2 && $0[1] == "patronymic" }.map { $0[0] }
}

extension FactLexicon {
    /// Lower-cased makers whose name opens a product model's name (`product-makers.tsv`: "toyota", "boeing").
    public static let productMakers: Set<String> = Set(DataFile.requiredRows("product-makers.tsv").filter { $0.count < 2 || $0[1] == "maker" }.map { $0[0].lowercased() })
    /// Lower-cased words that make a maker's name the company's own ("Hyundai Motor Company": `product-makers.tsv`).
    public static let productCompanyWords: Set<String> = Set(DataFile.requiredRows("product-makers.tsv").filter { $0.count >= 2 && $0[1] == "company" }.map { $0[0].lowercased() })
}

extension FactLexicon {
    /// Lower-case possessive head nouns that close an organisation's or facility's name after a tagged name
    /// (`organisation-heads.tsv`: "басқармасы" → ORGANISATION, "ауруханасы" → FACILITY).
    public static let organisationHeads: [(stem: String, label: String)] = DataFile.requiredRows("organisation-heads.tsv").compactMap {
        $0.count >= 2 && ($0.count < 3 || $0[2] != "bare") ? ($0[0], $0[1]) : nil
    }

    /// Head nouns that close a name without a possessive, right after an adjective the tagger stopped at
    /// (`organisation-heads.tsv`, third column `bare`: "Жоғарғы" + "сот" → "Жоғарғы сот").
    public static let organisationBareHeads: [(stem: String, label: String)] = DataFile.requiredRows("organisation-heads.tsv").compactMap {
        $0.count >= 3 && $0[2] == "bare" ? ($0[0], $0[1]) : nil
    }
}

extension FactLexicon {
    /// Chinese family names in their Kazakh Cyrillic spellings (`chinese-surnames.tsv`), lower case: a caseless
    /// paragraph's "ли жұн" is a name when the word after the family name is no common word.
    public static let chineseSurnames: Set<String> = Set(DataFile.requiredRows("chinese-surnames.tsv").map { $0[0] })
}
