import KazakhData
public import TextModel

/// Gives every entity mention a canonical nominative name and attaches roles to people.
///
/// "Алматының" → "Алматы", "Ирина Боковамен" → "Ирина Бокова", "Ирине Боковой" → "Ирина Бокова",
/// "Б.Байбек" and "Байбек" → "Бауыржан Байбек" when that full name is in the document (or in `knownNames`).
/// A person's roles are the position phrases written just before the name ("Алматы қаласының әкімі Бауыржан
/// Байбек", "…депутаты, … тобының төрағасы Пьер Кабаремен"); every mention of that person carries them.
/// Runs after the entity tagger.
public struct EntityResolver: Annotator {
    /// The stage's name in a pipeline (`resolve`).
    public let name = "resolve"
    /// A Kazakh model: not run on Russian paragraphs.
    public var isKazakhModel: Bool { true }
    /// Full names known from elsewhere (e.g. the rest of a collection).
    public let knownNames: [String]

    /// Creates the stage; `knownNames` are full names that lone surnames and initials may resolve to.
    public init(knownNames: [String] = []) {
        self.knownNames = knownNames
    }

    /// Sets each mention's canonical nominative name ("Алматыда" → "Алматы") and each person's roles.
    public func annotate(_ document: inout Document) {
        guard !document.entities.isEmpty else { return }
        // A name has letters: a tagger's span over a page head's "| 11.11.2025" is none.
        document.entities.removeAll { $0.label.isName && !$0.text.unicodeScalars.contains { $0.properties.isAlphabetic } }
        Self.dropSentenceOpeningHeadNouns(&document)
        Self.splitNestedOrganisations(&document)
        Self.relabelLoneSurnames(&document)
        Self.tagRepeatedSurnames(&document)
        Self.relabelProductModels(&document)
        Self.dropLeadingClocks(&document)
        Self.extendToHeadNouns(&document)
        Self.splitObjectsOffNames(&document)
        Self.addNamesInsideRoles(&document)
        let view = WordView.shared(for: document)
        // Places and organisations named on their own elsewhere: a person span that runs into one ("Бауыржан Байбек
        // Франция", a tagger's overlong span) does not take it into the name.
        // Built only when some person span is long enough to have run into a place (rare).
        let hasLongPerson = document.entities.contains { $0.label == .person && ($0.tokenRange.count >= 3 || $0.tokenRange.isEmpty) }
        let placeNames = !hasLongPerson ? [] : Set(document.entities.filter { $0.label != .person && !$0.text.utf8.contains(0x20) }
            .map { Nominative.word($0.text).fastLowercased })
        // Names attest stems: capitalised words only ("алма ағашы" must not turn "Алматы" into "Алма"); integer keys,
        // so building the set costs no string hashing. (A `KeySet` here measured no faster: the resolver's closures
        // grew and stopped being inlined.)
        let attested = Set(view.words.lazy.filter(\.isCapitalized).map(\.key))
        let mentions = document.entities.map { entity in
            var words = Self.words(of: entity, in: document)
            if entity.label == .person { words = Self.personNameWords(words, of: entity, in: document) }
            if entity.label == .person, words.count >= 3, let last = words.last, placeNames.contains(Nominative.word(last).fastLowercased) {
                words.removeLast()
            }
            return NameResolver.Mention(
                words: words, label: entity.label,
                nominative: Self.taggerNominative(entity, words: words) { attested.contains(WordKey.of($0)) })
        }
        var canonical = NameResolver.canonicalNames(for: mentions, knownNames: knownNames) { attested.contains(WordKey.of($0)) }
        var labels = document.entities.map(\.label)
        Self.respellCapitals(&canonical, labels: &labels)
        for index in document.entities.indices where document.entities[index].label != labels[index] { document.entities[index].label = labels[index] }
        Self.addPlaceHeads(&canonical, document: document)
        Self.expandAcronyms(&canonical, labels: &labels, document: document)
        for index in document.entities.indices {
            document.entities[index].canonical = canonical[index]
            if document.entities[index].label != labels[index] { document.entities[index].label = labels[index] }
        }

        var rolesByName: [String: [String]] = [:]
        let personWords = Set(document.entities.filter { $0.label == .person }.flatMap { entity in
            entity.tokenRange.clamped(to: 0..<view.wordOfToken.count).map { view.wordOfToken[$0] }
        })
        // Position phrases the tagger found, by end offset: they may hold lower-case words the role heuristic stops at
        // ("Ұлттық банк төрағасы", "Еуропалық одақ кеңесінің төрағасы").
        var positionStarts: [Int: Int] = [:]
        for entity in document.entities where entity.label == .position {
            positionStarts[entity.end] = min(positionStarts[entity.end] ?? entity.start, entity.start)
        }
        for entity in document.entities where entity.label == .person {
            for role in roles(before: entity, personWords: personWords, positionStarts: positionStarts, view: view, document: document) where !(rolesByName[entity.canonical] ?? []).contains(role) {
                rolesByName[entity.canonical, default: []].append(role)
            }
        }
        // A well-known holder's role ("Мемлекет басшысы") belongs to that holder when the document names them: "Мемлекет
        // басшысы Ильхам Әлиевті қабылдады" is the head of state receiving Әлиев, not Әлиев's title.
        let named = Set(document.entities.lazy.filter { $0.label == .person }.map(\.canonical))
        for (name, roles) in rolesByName where !FactLexicon.roleHolders.isEmpty {
            rolesByName[name] = roles.filter { role in
                let words = role.split(separator: " ").map { String($0).fastLowercased }
                return !FactLexicon.roleHolders.contains { $0.name != name && named.contains($0.name) && NameResolver.matches(words, role: $0.role) }
            }
        }
        for index in document.entities.indices where document.entities[index].label == .person {
            document.entities[index].roles = rolesByName[document.entities[index].canonical] ?? []
        }
    }

    /// "Палата …", "Департамент …", "Шабуылшы …": a one-word organisation that opens its sentence (so is capitalised for
    /// that alone) and is a common head noun (`entity-heads.tsv`) or a role word is no name. Names of that shape
    /// ("Үкімет", "Сенат", "Ақорда") are gazetteer names and stay.
    static func dropSentenceOpeningHeadNouns(_ document: inout Document) {
        let tokens = document.tokens
        document.entities.removeAll { entity in
            guard entity.label.isOrganisation, entity.tokenRange.count == 1, entity.tokenRange.upperBound <= tokens.count else { return false }
            let index = entity.tokenRange.lowerBound
            let opensSentence = index == 0 || [".", "!", "?", "…"].contains(tokens[index - 1].norm)
                || document.scalars[tokens[index - 1].end..<tokens[index].start].contains { $0 == "\n" }
            guard opensSentence else { return false }
            let lower = tokens[index].norm.fastLowercased
            guard EntityHeadNouns.label(of: lower) != nil || isRoleWord(lower) else { return false }
            return EntityGazetteer.byName[Nominative.word(tokens[index].norm).fastLowercased] == nil && EntityGazetteer.byName[lower] == nil
        }
    }

    /// "Экология және табиғи ресурстар министрлігінің Экологиялық реттеу және бақылау комитеті", "Алматының Бостандық
    /// аудандық соты": a tagged organisation that runs from one name in the genitive into a capitalised second name is
    /// two names, the owner and the owned. The owner is an organisation when its genitive word is an organisation's head
    /// noun (`entity-heads.tsv`), a place when it is one gazetteer place; otherwise the span stays whole.
    static func splitNestedOrganisations(_ document: inout Document) {
        let tokens = document.tokens
        guard document.entities.contains(where: { $0.label.isOrganisation && $0.tokenRange.count >= 2 }) else { return }
        var result: [Entity] = []
        result.reserveCapacity(document.entities.count + 2)
        for entity in document.entities {
            guard entity.label.isOrganisation, entity.tokenRange.count >= 2, entity.tokenRange.upperBound <= tokens.count,
                  let split = ownerEnd(of: entity, tokens: tokens, document: document) else {
                result.append(entity)
                continue
            }
            let ownerRange = entity.tokenRange.lowerBound..<(split.end + 1)
            let ownedRange = (split.end + 1)..<entity.tokenRange.upperBound
            for (range, label) in [(ownerRange, split.label), (ownedRange, entity.label)] {
                let start = tokens[range.lowerBound].start, end = tokens[range.upperBound - 1].end
                result.append(Entity(text: document.slice(start, end), label: label, canonical: document.slice(start, end),
                                     start: start, end: end, tokenRange: range))
            }
        }
        document.entities = result
    }

    /// The last token of the owner's name inside an organisation span and the owner's class, or nil when the span is one
    /// name.
    private static func ownerEnd(of entity: Entity, tokens: [Token], document: Document) -> (end: Int, label: EntityLabel)? {
        let range = entity.tokenRange
        for index in range.dropLast() where tokens[index].kind == .word {
            let next = index + 1
            guard next < range.upperBound, tokens[next].kind == .word, tokens[next].norm.unicodeScalars.first?.isUppercaseFast == true,
                  document.scalars[tokens[index].end..<tokens[next].start].allSatisfy({ $0 == " " })
            else { continue }
            let lower = tokens[index].norm.fastLowercased
            guard genitiveEndings.contains(where: { lower.hasSuffix($0) && lower.count > $0.count + 2 }) else { continue }
            if index > range.lowerBound, EntityHeadNouns.label(of: lower) == EntityLabel.organisation.rawValue { return (index, .organisation) }
            if index == range.lowerBound, let place = EntityGazetteer.byName[Nominative.word(tokens[index].norm).fastLowercased],
               place.label == EntityLabel.gpe.rawValue {
                return (index, .gpe)
            }
        }
        return nil
    }

    /// A one-word mention tagged as a place or organisation that is the surname of a person the document names in
    /// full ("Әділет Барменқұлов … – деп атап өтті Барменқұлов", the tagger calling the last word GPE) is that
    /// person. Only words with a surname ending (-ов, -ева, -ұлы …) and an exact match of the surname's letters, so
    /// "Жамбыл" next to "Жамбыл Жабаев" stays what it was tagged.
    static func relabelLoneSurnames(_ document: inout Document) {
        // One-word candidates first (most documents have few), then only the persons' surnames they could be.
        var candidates: [(index: Int, lower: String)] = []
        for (index, entity) in document.entities.enumerated() where (entity.label.isPlace || entity.label.isOrganisation) && !entity.text.utf8.contains(0x20) {
            candidates.append((index, entity.text.fastLowercased))
        }
        guard !candidates.isEmpty else { return }
        var matched: Set<Int> = []
        for entity in document.entities where entity.label == .person {
            guard let space = entity.text.utf8.lastIndex(of: 0x20) else { continue }
            let surname = String(entity.text[entity.text.utf8.index(after: space)...]).fastLowercased
            // Only a word shaped like a surname; matched as written or with a case ending ("Барменқұловтың").
            let mentions = candidates.filter { $0.lower.startsWithBytes(surname) && $0.lower.utf8.count - surname.utf8.count <= 8 }
            guard !mentions.isEmpty, Nominative.hasSurnameEnding(surname) else { continue }
            for mention in mentions { matched.insert(mention.index) }
        }
        for index in matched { document.entities[index].label = .person }
    }

    /// A surname written alone that the tagger left untagged ("Жансая Әбдімәлік … Әбдімәлік 9 турда 7 ұпай жинады.")
    /// is the person the document named in full with it: news names a person in full, then by surname alone, and a
    /// tagger that learnt surnames from their endings misses those without one. Only a capitalised word (not in
    /// capitals, not a listed place) whose form, or its nominative, is the last word of a two- or three-word person
    /// name of the document, held by that one person, with no capitalised word on either side (that would be another
    /// person's name).
    static func tagRepeatedSurnames(_ document: inout Document) {
        var owners: [String: Set<String>] = [:]
        for entity in document.entities where entity.label == .person {
            let words = entity.canonical.split(separator: " ")
            guard (2...3).contains(words.count), let last = words.last, last.unicodeScalars.count >= 4,
                  !words.contains(where: { NameResolver.isInitial(String($0)) }) else { continue }
            owners[String(last), default: []].insert(entity.canonical)
        }
        let surnames = Set(owners.filter { $0.value.count == 1 }.keys)
        guard !surnames.isEmpty else { return }
        var covered = [Bool](repeating: false, count: document.tokens.count)
        for entity in document.entities {
            for token in entity.tokenRange.clamped(to: 0..<document.tokens.count) { covered[token] = true }
        }
        let tokens = document.tokens
        let sentenceStarts = Set(document.sentences.map(\.tokenRange.lowerBound))
        func isCapitalisedWord(_ index: Int) -> Bool {
            guard index >= 0, index < tokens.count, tokens[index].kind == .word else { return false }
            return tokens[index].norm.first?.isUppercase == true
        }
        // A capitalised word before the surname is a name unless it opens the sentence ("Жүлдені Тұрсынбайға …").
        func isNameBefore(_ index: Int) -> Bool { isCapitalisedWord(index) && !sentenceStarts.contains(index) }
        var added: [Entity] = []
        for index in tokens.indices where !covered[index] && isCapitalisedWord(index) {
            let word = tokens[index].norm
            guard word.contains(where: \.isLowercase), !isNameBefore(index - 1), !isCapitalisedWord(index + 1),
                  surnames.contains(word) || surnames.contains(Nominative.word(word, isPersonName: true)),
                  EntityGazetteer.byName[word.fastLowercased] == nil
            else { continue }
            let surname = surnames.contains(word) ? word : Nominative.word(word, isPersonName: true)
            added.append(Entity(text: document.slice(tokens[index].start, tokens[index].end), label: .person, canonical: surname,
                                start: tokens[index].start, end: tokens[index].end, tokenRange: index..<(index + 1)))
        }
        guard !added.isEmpty else { return }
        document.entities += added
        document.entities.sort { $0.start < $1.start }
    }

    /// A region or district keeps its head noun: a place name written right before "облысы…" or "ауданы…"
    /// ("Жетісай ауданында", "Түркістан облысының") is "Жетісай ауданы", "Түркістан облысы" (`place-nouns.tsv`);
    /// a city before "қаласы" stays bare.
    static func addPlaceHeads(_ canonical: inout [String], document: Document) {
        guard !FactLexicon.placeNameHeads.isEmpty else { return }
        for (index, entity) in document.entities.enumerated() where entity.label == .gpe || entity.label == .location {
            let next = entity.tokenRange.upperBound
            guard next < document.tokens.count, document.tokens[next].kind == .word else { continue }
            let word = document.tokens[next].norm
            guard word.first?.isLowercase == true, let head = FactLexicon.placeNameHeads.first(where: { word.hasPrefix($0) }),
                  !canonical[index].hasSuffix(head)
            else { continue }
            canonical[index] += " " + head
        }
    }

    /// Most lower-case words a name is extended by up to its head noun ("аудандық соты", "денсаулық сақтау басқармасы").
    static let headNounReach = 3
    private static let adjectiveEndingsForNames = ["дық", "тық", "лық", "дік", "тік", "лік", "ғы", "гі", "қы", "кі"]

    /// An organisation or place name the tagger closed before its lower-case head noun is the organisation or facility
    /// named by the whole phrase: "Ұлттық статистика" + "бюросы", "Бостандық" + "аудандық соты" →
    /// ORGANISATION "Бостандық аудандық соты" (`organisation-heads.tsv`). A place extends only over an adjective of
    /// place ("аудандық", "облыстық") or a place noun ("қаласының әкімдігі"), so "Қазақстан үкіметі" is left alone.
    static func extendToHeadNouns(_ document: inout Document) {
        guard !FactLexicon.organisationHeads.isEmpty else { return }
        let tokens = document.tokens
        let taken = Set(document.entities.flatMap { Array($0.tokenRange) })
        for index in document.entities.indices {
            let entity = document.entities[index]
            guard entity.label.isOrganisation || entity.label == .gpe || entity.label == .facility, entity.tokenRange.upperBound <= tokens.count else { continue }
            var next = entity.tokenRange.upperBound
            var headLabel: String?
            while next < tokens.count, next - entity.tokenRange.upperBound < headNounReach {
                let token = tokens[next]
                guard token.kind == .word, !taken.contains(next), token.norm.first?.isLowercase == true,
                      document.scalars[tokens[next - 1].end..<token.start].allSatisfy({ $0 == " " })
                else { break }
                let lower = token.norm.fastLowercased
                if next == entity.tokenRange.upperBound, entity.label == .gpe,
                   !adjectiveEndingsForNames.contains(where: { lower.hasSuffix($0) }), !FactLexicon.placeNouns.contains(where: { lower.hasPrefix($0) }) {
                    break
                }
                next += 1
                if let head = FactLexicon.organisationHeads.first(where: { lower.hasPrefix($0.stem) }) {
                    headLabel = head.label
                    break
                }
                // "Жоғарғы сотқа": a name that stops at an adjective takes the plain head noun right after it.
                if next == entity.tokenRange.upperBound + 1, entity.label.isOrganisation,
                   adjectiveEndingsForNames.contains(where: { tokens[next - 2].norm.fastLowercased.hasSuffix($0) }),
                   let head = FactLexicon.organisationBareHeads.first(where: { lower.hasPrefix($0.stem) }) {
                    headLabel = head.label
                    break
                }
            }
            guard let headLabel else { continue }
            let end = tokens[next - 1].end
            document.entities[index].end = end
            document.entities[index].text = document.slice(entity.start, end)
            document.entities[index].tokenRange = entity.tokenRange.lowerBound..<next
            document.entities[index].label = EntityLabel(headLabel)
        }
    }

    /// "18:30 – Құрманғазы атындағы …": a listing line's clock and dash the tagger took into a name are no part of it.
    static func dropLeadingClocks(_ document: inout Document) {
        let tokens = document.tokens
        for index in document.entities.indices {
            let range = document.entities[index].tokenRange
            guard range.count >= 3, range.upperBound <= tokens.count, tokens[range.lowerBound].kind == .number,
                  EventExtractor.clockTime(tokens[range.lowerBound].text) != nil,
                  tokens[range.lowerBound + 1].norm.unicodeScalars.allSatisfy(WordView.dashes.contains), !tokens[range.lowerBound + 1].norm.isEmpty
            else { continue }
            let first = range.lowerBound + 2
            document.entities[index].tokenRange = first..<range.upperBound
            document.entities[index].start = tokens[first].start
            document.entities[index].text = document.slice(tokens[first].start, document.entities[index].end)
            document.entities[index].canonical = document.entities[index].text
        }
    }

    /// A name that opens with a listed maker and goes on with a capitalised word or a number ("Toyota Camry",
    /// "Mercedes-Benz E-Class", "Boeing 737") is a PRODUCT, not the maker's ORGANISATION (`product-makers.tsv`).
    static func relabelProductModels(_ document: inout Document) {
        for index in document.entities.indices where document.entities[index].label.isOrganisation {
            let text = document.entities[index].text.drop { $0 == "«" || $0 == "\"" }
            let parts = text.split(separator: " ")
            guard parts.count >= 2, FactLexicon.productMakers.contains(parts[0].lowercased()),
                  let next = parts[1].first, next.isUppercase || next.isNumber,
                  !parts.dropFirst().contains(where: { FactLexicon.productCompanyWords.contains($0.lowercased()) })
            else { continue }
            document.entities[index].label = .product
        }
    }

    /// A position phrase that names a place or organisation before its role word gives that name too: "Шымкент
    /// қаласының әкімі" → GPE "Шымкент", "Павлодар облысының әкімі" → GPE "Павлодар облысы", "Мәжіліс Спикері" →
    /// ORGANISATION "Мәжіліс". The name is the capitalised words up to the first genitive word (or up to the role word
    /// when there is none), and only when its head is a listed place noun (`role-name-heads.tsv`) or organisation head
    /// (`entity-heads.tsv`): a bare office ("Денсаулық сақтау министрі", "Мемлекет басшысы") gives nothing.
    static func addNamesInsideRoles(_ document: inout Document) {
        guard document.entities.contains(where: { $0.label == .position }) else { return }
        var result: [Entity] = []
        result.reserveCapacity(document.entities.count + 4)
        for entity in document.entities {
            result.append(entity)
            guard entity.label == .position, entity.tokenRange.upperBound <= document.tokens.count,
                  let inner = nameInsideRole(entity, tokens: document.tokens) else { continue }
            let start = document.tokens[inner.tokens.lowerBound].start, end = document.tokens[inner.tokens.upperBound - 1].end
            guard !document.entities.contains(where: { $0.label != .position && $0.start < end && start < $0.end }) else { continue }
            result.append(Entity(text: document.slice(start, end), label: inner.label, canonical: document.slice(start, end),
                                 start: start, end: end, tokenRange: inner.tokens))
        }
        document.entities = result
    }


    private static func nameInsideRole(_ entity: Entity, tokens: [Token]) -> (tokens: Range<Int>, label: EntityLabel)? {
        let words = entity.tokenRange.filter { tokens[$0].kind == .word }
        guard words.count >= 2, words.last.map({ $0 + 1 == entity.tokenRange.upperBound }) == true,
              let last = words.last, isRoleWord(tokens[last].norm.fastLowercased) else { return nil }
        let lower = words.map { tokens[$0].norm.fastLowercased }
        guard tokens[words[0]].norm.unicodeScalars.first?.isUppercaseFast == true else { return nil }
        // "Шымкент қаласы білім басқармасының басшысы", "Алматы қаласының мәдениет басқармасының басшысы": the office
        // of a place, named up to its head noun in the genitive before the role word, lower-case words and all, is the
        // organisation (the place inside its name gives no name of its own). A name that opens with an adjective
        // ("Облыстық полиция департаментінің") names no particular office.
        if let last = lower.dropLast().lastIndex(where: { word in genitiveEndings.contains { word.hasSuffix($0) } }), last >= 1,
           EntityHeadNouns.label(of: lower[last]) == EntityLabel.organisation.rawValue,
           !adjectiveEndingsForNames.contains(where: { lower[0].hasSuffix($0) }),
           words[0...last].enumerated().allSatisfy({ $0.offset == 0 || $0.element == words[$0.offset - 1] + 1 }) {
            return (words[0]..<(words[last] + 1), .organisation)
        }
        let genitive = lower.firstIndex { word in genitiveEndings.contains { word.hasSuffix($0) } }
        let headIndex = genitive ?? (words.count - 2)
        guard headIndex < words.count - 1 else { return nil }
        let head = lower[headIndex]
        // Contiguous tokens only: a name is one run of the sentence.
        guard words[0...headIndex].enumerated().allSatisfy({ $0.offset == 0 || $0.element == words[$0.offset - 1] + 1 }) else { return nil }
        if let place = FactLexicon.roleNameHeads.first(where: { head.hasPrefix($0.stem) }) {
            guard headIndex >= 1, words[0..<headIndex].allSatisfy({ tokens[$0].norm.unicodeScalars.first?.isUppercaseFast == true }) else { return nil }
            let end = place.keepsHead ? headIndex + 1 : headIndex
            return (words[0]..<(words[end - 1] + 1), EntityLabel(place.label))
        }
        guard words[0...headIndex].allSatisfy({ tokens[$0].norm.unicodeScalars.first?.isUppercaseFast == true }),
              EntityHeadNouns.label(of: head) == EntityLabel.organisation.rawValue else { return nil }
        // "Департамент бастығы", "Палата төрағасы": a head noun alone is the common noun, capitalised as a title; only a
        // listed one-word name ("Мәжіліс Спикері", "Сенат төрағасы") is a name.
        if headIndex == 0, EntityGazetteer.byName[head] == nil, EntityGazetteer.byName[Nominative.word(tokens[words[0]].norm).fastLowercased] == nil {
            return nil
        }
        return (words[0]..<(words[headIndex] + 1), .organisation)
    }

    /// A three-word person span whose second word is a surname in the nominative and whose third is a capitalised word
    /// in an oblique case ("Бақыт Жахаев Ерланды марапаттады": the tagger ran the subject's name into the object's) is
    /// two people: "Бақыт Жахаев" and "Ерланды".
    static func splitObjectsOffNames(_ document: inout Document) {
        guard document.entities.contains(where: { $0.label == .person && $0.tokenRange.count == 3 }) else { return }
        var result: [Entity] = []
        result.reserveCapacity(document.entities.count + 1)
        for entity in document.entities {
            let range = entity.tokenRange
            guard entity.label == .person, range.count == 3, range.upperBound <= document.tokens.count else {
                result.append(entity)
                continue
            }
            let tokens = document.tokens[range]
            let middle = tokens[range.lowerBound + 1]
            let last = tokens[range.lowerBound + 2]
            let separated = tokens[range.lowerBound].end < middle.start && middle.end < last.start
            let surname = middle.norm.fastLowercased
            let oblique = objectCases.contains { (last.feats ?? "").contains($0) }
            guard separated, tokens.allSatisfy({ $0.kind == .word }), last.norm.first?.isUppercase == true, oblique,
                  Nominative.hasSurnameEnding(surname), Nominative.word(middle.norm) == middle.norm
            else {
                result.append(entity)
                continue
            }
            let first = tokens[range.lowerBound]
            let name = document.slice(first.start, middle.end)
            result.append(Entity(text: name, label: .person, canonical: name, start: first.start, end: middle.end,
                                 tokenRange: range.lowerBound..<(range.lowerBound + 2)))
            result.append(Entity(text: last.text, label: .person, canonical: last.text, start: last.start, end: last.end,
                                 tokenRange: (range.lowerBound + 2)..<range.upperBound))
        }
        document.entities = result
    }

    private static let objectCases = ["Case=Acc", "Case=Dat", "Case=Ins"]

    /// A name written in capitals (a dateline's "ТҮРКІСТАН", a heading's "АЛМАТЫ") takes the spelling the same
    /// document uses for it elsewhere ("Түркістанның" → "Түркістан"), and its class too when the tagger gave the
    /// capitals another one (capitals are out of its training's shape: "АСТАНА." tagged ORGANISATION next to GPE
    /// "Астана"); else a gazetteer name takes the list's class and spelling ("АСТАНА" → GPE Астана, "KAZINFORM" →
    /// Kazinform), so every document files it under one entity; an acronym with no other spelling stays.
    static func respellCapitals(_ names: inout [String], labels: inout [EntityLabel]) {
        // Most names stop at their second letter ("Ал…"); ASCII and Cyrillic are decided without a property lookup.
        func isCapitals(_ name: String) -> Bool {
            var letters = 0
            for scalar in name.unicodeScalars {
                let isLetter: Bool
                switch scalar.value {
                case 0x41...0x5A, 0x61...0x7A, 0x400...0x4FF: isLetter = true
                case 0..<0x80: isLetter = false
                default: isLetter = scalar.properties.isAlphabetic
                }
                guard isLetter else { continue }
                guard scalar.isUppercaseFast else { return false }
                letters += 1
            }
            return letters >= 2
        }
        let capitals = names.indices.filter { isCapitals(names[$0]) }
        guard !capitals.isEmpty else { return }
        var spelled: [String: String] = [:]
        // The same name written normally under any class: (class, spelling), the first mention's.
        var spelledAnyClass: [String: (label: EntityLabel, spelling: String)] = [:]
        // Persons, places, organisations and facilities: the classes a tagger confuses on a name in capitals.
        let isProperName = { (label: EntityLabel) in label == .person || label.isPlace || label.isOrganisation || label == .facility }
        for index in names.indices where !isCapitals(names[index]) {
            let lower = names[index].fastLowercased
            let key = labels[index].rawValue + "\u{1F}" + lower
            if spelled[key] == nil { spelled[key] = names[index] }
            if spelledAnyClass[lower] == nil, isProperName(labels[index]) { spelledAnyClass[lower] = (labels[index], names[index]) }
        }
        for index in capitals {
            let label = labels[index]
            let lower = names[index].fastLowercased
            if let spelling = spelled[label.rawValue + "\u{1F}" + lower] {
                names[index] = spelling
            } else if isProperName(label), let other = spelledAnyClass[lower] {
                labels[index] = other.label
                names[index] = other.spelling
            } else if isProperName(label), let entry = EntityGazetteer.byName[lower], let listed = Self.gazetteerLabels[entry.label] {
                labels[index] = listed
                names[index] = entry.name
            } else if label == .gpe || label == .location || label == .person {
                // "АСТАНА. KAZINFORM –": a place or person in a page's capitals is written normally even when the text
                // never writes it otherwise; short words stay, as they are abbreviations ("АҚШ", "ШҚО").
                names[index] = names[index].split(separator: " ", omittingEmptySubsequences: false).map { word in
                    word.count >= 5 ? word.prefix(1) + word.dropFirst().lowercased() : String(word)
                }.joined(separator: " ")
            }
        }
    }

    /// Conjunctions an acronym may skip ("ҒЖБМ" = Ғылым және жоғары білім министрлігі).
    private static let acronymSkippedWords: Set<String> = ["және", "мен", "пен", "бен", "и"]

    /// An acronym ("ТЖМ", "ШҚО", "ҰҚК-ның") stands for the one name of the document whose words it is the initials of
    /// ("Төтенше жағдайлар министрлігі", "Шығыс Қазақстан облысы", "Ұлттық қауіпсіздік комитеті"): it takes that name
    /// and its class, so the document names one entity, not two. Conjunctions may be skipped. An acronym that fits no
    /// name, or several, stays as written.
    static func expandAcronyms(_ names: inout [String], labels: inout [EntityLabel], document: Document) {
        func acronym(_ name: String) -> String? {
            var core = Substring(name)
            if let hyphen = core.firstIndex(of: "-") { core = core[..<hyphen] }
            let letters = core.unicodeScalars
            guard (2...6).contains(letters.count), letters.allSatisfy({ $0.properties.isAlphabetic && $0.isUppercaseFast }) else { return nil }
            return String(core)
        }
        let acronyms = names.indices.compactMap { index in acronym(names[index]).map { (index, $0) } }
        guard !acronyms.isEmpty else { return }
        // Initials of every multi-word name, with and without its conjunctions.
        var expansions: [String: (name: String, label: EntityLabel)?] = [:]
        for index in names.indices where labels[index].isOrganisation || labels[index].isPlace || labels[index] == .facility {
            let words = names[index].split(separator: " ")
            guard words.count >= 2 else { continue }
            let all = String(words.compactMap(\.first)).uppercased()
            let content = String(words.filter { !acronymSkippedWords.contains($0.lowercased()) }.compactMap(\.first)).uppercased()
            for initials in Set([all, content]) {
                if let existing = expansions[initials], existing?.name != names[index] {
                    expansions[initials] = .some(nil)
                } else {
                    expansions[initials] = (names[index], labels[index])
                }
            }
        }
        for (index, written) in acronyms {
            guard let found = expansions[written], let expansion = found else { continue }
            names[index] = expansion.name
            labels[index] = expansion.label
        }
    }

    /// Gazetteer classes a name in capitals may be given (the list also holds NORP and LANGUAGE, which are no names).
    private static let gazetteerLabels: [String: EntityLabel] = ["GPE": .gpe, "LOCATION": .location, "ORGANISATION": .organisation]

    /// Case endings by their text; a weak one (-да, -ты, -тан, …) also ends many foreign names.
    private static let caseEndings: [String: Bool] = Dictionary(
        CaseEndings.strippable.map { ($0.suffix, $0.strong) }, uniquingKeysWith: { $0 || $1 })

    /// The entity tagger's canonical name, when it only removed a case ending from the last word ("Алматыда" →
    /// "Алматы"); a lemma-based form that also drops a possessive or plural ("Республикасының" → "Республика",
    /// "коммуникациялар" → "коммуникация") is not a name's nominative and is ignored.
    ///
    /// A weak ending removed from a plain word counts only when the shorter form is backed by the document
    /// (`isAttested`, a lower-cased stem written as a capitalised word elsewhere) or is a gazetteer name: "Геташев Енгида" keeps "Енгида",
    /// a foreign name whose last letters merely look like a locative, while "Парижде" → "Париж" needs "Париж".
    /// Listed name exceptions are never shortened; endings after a hyphen ("ЮНЕСКО-да") always count.
    static func taggerNominative(_ entity: Entity, words: [String], isAttested: (String) -> Bool = { _ in false }) -> [String]? {
        // Cheap rejections first: most canonical names equal the surface or differ in more than the last word.
        guard !words.isEmpty, entity.canonical.utf8.count < words.reduce(words.count - 1, { $0 + $1.utf8.count }) else { return nil }
        let canonical = entity.canonical.utf8.split(separator: UInt8(ascii: " ")).map { String(Substring($0)) }
        guard canonical.count == words.count, let last = canonical.last, let surface = words.last, last != surface,
              canonical.dropLast() == words.dropLast(), surface.hasPrefix(last)
        else { return nil }
        let removed = String(surface.dropFirst(last.count)).fastLowercased
        if removed.hasPrefix("-") { return caseEndings[String(removed.drop { $0 == "-" })] != nil ? canonical : nil }
        guard let strong = caseEndings[removed], !FactLexicon.nameExceptions.contains(surface.fastLowercased) else { return nil }
        let stem = last.fastLowercased
        return strong || isAttested(stem) || NominativeName.knownNames.contains(FeatureHash.of(stem.unicodeScalars)) ? canonical : nil
    }

    /// The words of a person mention that make its name: a role word the tagger took in front is left out ("Вице-министр
    /// Жұмабеков" → "Жұмабеков"); a surname in brackets after a given name and patronymic stands for the surname
    /// ("Айдар Серікұлы (Жұмабеков)" → "Айдар Жұмабеков"); honorifics are left out ("Жошы хан" → "Жошы"), and a given
    /// name written before one joins a surname the tagger found alone ("Наурызбай қажы Тағанұлы" → "Наурызбай
    /// Тағанұлы").
    static func personNameWords(_ written: [String], of entity: Entity, in document: Document) -> [String] {
        var words = written
        while words.count >= 2, let first = words.first, first.first?.isUppercase == true, isRoleWord(first.fastLowercased) {
            words.removeFirst()
        }
        if let bracket = words.firstIndex(where: { $0.hasPrefix("(") }) {
            let inner = String(words[bracket].drop { $0 == "(" }.prefix { $0 != ")" })
            if bracket >= 1, inner.first?.isUppercase == true, Nominative.hasSurnameEnding(Nominative.word(inner, isPersonName: true).fastLowercased) {
                words = [words[0], inner]
            } else if bracket >= 1 {
                words = Array(words[..<bracket])
            }
        }
        if words.count >= 2, !FactLexicon.nameHonorifics.isEmpty {
            let kept = words.filter { !FactLexicon.nameHonorifics.contains($0) }
            if !kept.isEmpty { words = kept }
        }
        // "Наурызбай қажы Тағанұлының": the tagger's span is the surname alone.
        let range = entity.tokenRange
        if words.count == 1, range.lowerBound >= 2, range.upperBound <= document.tokens.count {
            let honorific = document.tokens[range.lowerBound - 1], given = document.tokens[range.lowerBound - 2]
            if honorific.kind == .word, FactLexicon.nameHonorifics.contains(honorific.norm), given.kind == .word,
               given.norm.first?.isUppercase == true, !isRoleWord(given.norm.fastLowercased) {
                words.insert(given.norm, at: 0)
            }
        }
        return words
    }

    /// The words of a mention: tokens joined where no space separates them ("Б", ".", "Байбек" → "Б.Байбек").
    static func words(of entity: Entity, in document: Document) -> [String] {
        let range = entity.tokenRange.clamped(to: 0..<document.tokens.count)
        guard !range.isEmpty else { return entity.text.split(separator: " ").map(String.init) }
        var words: [String] = []
        var previousEnd = -1
        for token in document.tokens[range] {
            if token.start == previousEnd, !words.isEmpty { words[words.count - 1] += token.norm } else { words.append(token.norm) }
            previousEnd = token.end
        }
        return words
    }

    private static let genitiveEndings = CaseEndings.endings(of: [.genitive])
    /// -лық ("облыстық әкімдік"): an adjective inside a position phrase (`morphology-derivations.tsv`).
    private static let adjectiveEndings = MorphologyTables.derivationForms(of: ["NOUN_LYK"])
    /// Words that may stand inside a position phrase without being capitalised or genitive.
    private static let roleInnerWords: Set<String> = FactLexicon.rolePhraseWords(.inner)
    /// Words that may open the stretch before a role without being part of it: pronouns, and sentence-opening
    /// conjunctions that are capitalised only because they start the sentence ("Ал депутат Ерлан Саиров").
    private static let leadingPronouns: Set<String> = FactLexicon.rolePhraseWords(.leading)
    /// Words after which a tagged position span starts a new role: pronouns and conjunctions.
    private static let roleBreakWords: Set<String> = leadingPronouns
        .union(FactLexicon.conjunctions(Set(FactLexicon.ConjunctionKind.allCases)))

    static func isRoleWord(_ lower: String) -> Bool {
        FactLexicon.roleStems.contains { lower.startsWithBytes($0) }
    }

    /// Position phrases written immediately before a person's name, nearest first.
    private func roles(before person: Entity, personWords: Set<Int>, positionStarts: [Int: Int], view: WordView, document: Document) -> [String] {
        guard let firstToken = person.tokenRange.first, firstToken < view.wordOfToken.count else { return [] }
        let nameWord = view.wordOfToken[firstToken]
        let sentence = view.sentence(of: nameWord)
        var roles: [String] = []
        var end = nameWord
        while roles.count < 3 {
            let head = end - 1
            guard head >= sentence.lowerBound, !personWords.contains(head) else { break }
            let headWord = view.words[head]
            guard !headWord.isPunctuation, Self.isRoleWord(headWord.bare) else { break }
            let trailing = headWord.trailing.filter { $0 != " " }
            // The head touches the name ("әкімі Бауыржан", "әкімі, Бауыржан"); earlier roles end in a comma.
            guard trailing.isEmpty && roles.isEmpty || trailing == "," else { break }
            var first = head
            while first - 1 >= sentence.lowerBound, head - (first - 1) < 10 {
                let word = view.words[first - 1]
                guard !personWords.contains(first - 1), !word.isPunctuation, word.trailing.allSatisfy({ "»\"”".contains($0) }) else { break }
                // The sentence's first word, capitalised by position, in a case no role word takes ("Рәсімге Жетісу
                // облысының әкімі"): the role starts after it.
                // So is a time word or a function word there ("Бүгін Алматы қаласының әкімі", "Тіпті партия жетекшісі").
                if first - 1 == sentence.lowerBound, FactLexicon.timeWords[word.bare] != nil || StopWords.kazakh.contains(word.bare) { break }
                // A role's words are nominative or genitive: "Мәжілісте палата спикері" starts after the locative. The
                // locative adjective of a place stays ("Қазақстанның Франциядағы елшісі").
                // (Only capitalised words need the test: a lower-case one in such a case fails `accepts` anyway.)
                if word.isCapitalized, !Self.locatedInEndings.contains(where: { word.bare.hasSuffix($0) }),
                   Self.obliqueCases.contains(where: { feats(of: first - 1, view: view, document: document).contains($0) }) { break }
                if accepts(word) || isCompoundModifier(first - 1, of: first, view: view, document: document) {
                    first -= 1
                    continue
                }
                // "Мәдениет және ақпарат министрі": two capitalised-led nouns share the head.
                if Self.roleConjunctions.contains(word.bare), first - 2 >= sentence.lowerBound, !personWords.contains(first - 2),
                   view.words[first - 2].isCapitalized, view.words[first - 2].trailing.allSatisfy({ $0 == " " }) {
                    first -= 2
                    continue
                }
                break
            }
            while first < head, Self.leadingPronouns.contains(view.words[first].bare) { first += 1 }
            let leadingQuote = view.words[first].leading.contains("«") || view.words[first].leading.contains("\"")
            var start = leadingQuote ? document.tokens[view.words[first].tokens.lowerBound].start : view.words[first].start
            // A POSITION span ending on the same head word, inside the sentence and clear of other names.
            if let tagged = positionStarts[headWord.end], tagged != start, tagged >= view.words[sentence.lowerBound].start {
                let token = document.tokens.partitionPoint { $0.end > tagged }
                if token < view.wordOfToken.count {
                    var taggedWord = view.wordOfToken[token]
                    // "ЮНЕСКО және оның бас директоры": the role starts after a conjunction or pronoun inside the span.
                    if taggedWord < first,
                       let cut = (taggedWord..<first).last(where: { Self.roleBreakWords.contains(view.words[$0].bare) }) {
                        taggedWord = cut + 1
                    }
                    if taggedWord >= sentence.lowerBound, taggedWord < first, !(taggedWord..<first).contains(where: personWords.contains) {
                        start = view.words[taggedWord].start
                        first = taggedWord
                    } else if first == sentence.lowerBound, taggedWord > first, taggedWord < head {
                        // The heuristic took the sentence's first word, capitalised only by position ("Кездесуге Алматы
                        // облысының әкімі"); the tagged span says where the role starts.
                        start = view.words[taggedWord].start
                        first = taggedWord
                    }
                }
            }
            roles.append(Self.squeezed(document.slice(start, headWord.end)))
            end = first
        }
        return roles
    }

    /// The morphological features of a word's last core token ("" when it has none).
    private func feats(of index: Int, view: WordView, document: Document) -> String {
        guard let token = view.words[index].coreTokens.last else { return "" }
        return document.tokens[token].feats ?? ""
    }

    /// A bare noun (nominative, no possessive) before a possessed noun: the first part of a compound ("энергетика
    /// басқармасының басшысы", "Ұлттық музей директоры", "мәдениет басқармасының").
    private func isCompoundModifier(_ index: Int, of next: Int, view: WordView, document: Document) -> Bool {
        let own = feats(of: index, view: view, document: document)
        guard own.contains("Case=Nom"), !own.contains("[psor]"), !EntityResolver.isRoleWord(view.words[index].bare) else { return false }
        return feats(of: next, view: view, document: document).contains("Person[psor]=3")
    }

    private static let obliqueCases = ["Case=Dat", "Case=Loc", "Case=Abl", "Case=Acc", "Case=Ins"]
    private static let locatedInEndings = CaseEndings.endings(of: [.locativeAttributive])
    private static let roleConjunctions: Set<String> = ["және"]

    private func accepts(_ word: Word) -> Bool {
        if word.isCapitalized || Self.roleInnerWords.contains(word.bare) { return true }
        if word.leading.contains("«") || word.trailing.contains("»") { return true }
        return Self.genitiveEndings.contains { word.bare.hasSuffix($0) } || Self.adjectiveEndings.contains { word.bare.hasSuffix($0) }
    }

    static func squeezed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
