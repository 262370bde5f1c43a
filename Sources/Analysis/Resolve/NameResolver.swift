import KazakhData
public import TextModel

/// Collection-agnostic name resolution: turns mentions into canonical nominative names, linking initials
/// ("Б.Байбек") and lone surnames ("Байбек") to a full name in scope ("Бауыржан Байбек").
///
/// The scope is the mentions given plus `knownNames` (full names from other documents of a collection), so the
/// same function serves one document (``EntityResolver``) and a whole store.
public enum NameResolver {
    /// One entity mention: its words as written and its KazNERD label.
    public struct Mention: Sendable, Equatable {
        /// The mention's words as written ("Ирина", "Боковамен").
        public var words: [String]
        /// The mention's class; it decides how the words are made nominative.
        public var label: EntityLabel
        /// The nominative words when an earlier stage (the entity tagger) already found them.
        public var nominative: [String]?
        /// Creates a mention; `nominative` when the tagger already found the nominative words.
        public init(words: [String], label: EntityLabel, nominative: [String]? = nil) {
            self.words = words
            self.label = label
            self.nominative = nominative
        }
    }

    /// Canonical names for `mentions`, in order. `attested` holds lower-cased words seen in scope (it licenses
    /// stripping weak endings such as -да); `knownNames` are full names known from elsewhere.
    public static func canonicalNames(for mentions: [Mention], knownNames: [String] = [], attested: Set<String> = []) -> [String] {
        canonicalNames(for: mentions, knownNames: knownNames) { attested.contains($0) }
    }

    /// As ``canonicalNames(for:knownNames:attested:)``, with attestation as a test on a lower-cased stem.
    public static func canonicalNames(for mentions: [Mention], knownNames: [String] = [], isAttested: (String) -> Bool) -> [String] {
        // Integer keys (``WordKey``, as for `attested`): the stems are tested many times per mention, and String hashing
        // normalises Unicode on every call.
        var scope: Set<UInt64> = []
        for name in knownNames { for word in name.split(separator: " ") { scope.insert(WordKey.of(String(word).fastLowercased)) } }
        func nominative(_ mention: Mention, _ scope: Set<UInt64>) -> [String] {
            guard mention.label.isInflectingName else { return splitInitials(trimQuotes(mention.words)) }
            let words = splitInitials(trimQuotes(mention.nominative ?? mention.words))
            let isPerson = mention.label == .person
            // A person's last word with a surname ending is a surname even when its nominative is not written
            // elsewhere ("Ахылбек Күрішбаевты" → "Күрішбаев").
            var result = Nominative.name(words, isPerson: isPerson, attested: {
                scope.contains(WordKey.of($0)) || isAttested($0) || isPerson && Nominative.hasSurnameEnding($0)
            })
            // "Еуразиялық экономикалық одаққа", "… ғылыми-зерттеу институтына": a lower-case head noun ends an
            // organisation's or place's name and takes the case endings of any common noun, also after its
            // possessive (the stem letters each ending attaches to decide, as for the tagger's names).
            if !isPerson, result.count >= 2, let last = result.last, last == words.last, last.first?.isLowercase == true {
                result[result.count - 1] = NominativeName.stripEnding(last)
            }
            return result
        }
        // Two passes: a stem found by a strong ending ("Париждің" → "Париж") attests the same stem under a weak
        // one elsewhere ("Парижде"); only mentions the first pass left unchanged are looked at again.
        var bases = mentions.map { nominative($0, scope) }
        for base in bases { if let last = base.last { scope.insert(WordKey.of(last.fastLowercased)) } }
        for index in mentions.indices where bases[index].last == mentions[index].words.last {
            bases[index] = nominative(mentions[index], scope)
        }
        // Only people are linked to full names: without a person mention there is nothing to index or look up.
        guard mentions.contains(where: { $0.label == .person }) else { return bases.map { $0.joined(separator: " ") } }
        // Full names in scope, indexed by lower-cased surname and by the whole lower-cased name (linear, not pairwise).
        var bySurname: [String: Set<String>] = [:]
        var byName: [String: String] = [:]
        func addFullName(_ words: [String]) {
            let name = words.joined(separator: " ")
            let key = name.fastLowercased
            guard byName[key] == nil, let surname = words.last else { return }
            byName[key] = name
            bySurname[surname.fastLowercased, default: []].insert(name)
        }
        for name in knownNames {
            let words = name.split(separator: " ").map(String.init)
            if words.count >= 2 { addFullName(words) }
        }
        for (mention, base) in zip(mentions, bases) where mention.label == .person && base.count >= 2 && !isInitial(base[0]) {
            addFullName(base)
        }
        // Full names by lower-cased given name, nil when two full names share it; built only when a lone given name asks.
        var givenNames: [String: String?]?
        func fullName(givenName: String) -> String? {
            if givenNames == nil {
                var built: [String: String?] = [:]
                for name in byName.values {
                    guard let given = name.split(separator: " ").first.map({ String($0).fastLowercased }) else { continue }
                    if let existing = built[given], existing != name { built[given] = .some(nil) } else { built[given] = name }
                }
                givenNames = built
            }
            return givenNames?[givenName] ?? nil
        }
        // Full names by lower-cased given name (all of them); built only when a given name and patronymic asks.
        var fullNamesByGiven: [String: Set<String>]?
        func otherFullName(givenName: String, than name: String) -> String? {
            if fullNamesByGiven == nil {
                var built: [String: Set<String>] = [:]
                for full in byName.values {
                    let parts = full.split(separator: " ")
                    guard parts.count >= 2, let given = parts.first else { continue }
                    built[String(given).fastLowercased, default: []].insert(full)
                }
                fullNamesByGiven = built
            }
            let others = (fullNamesByGiven?[givenName] ?? []).filter { $0 != name && !isPatronymic(String($0.split(separator: " ").last ?? "")) }
            return others.count == 1 ? others.first : nil
        }
        return zip(mentions, bases).map { mention, base in
            guard mention.label == .person, let surname = base.last else { return base.joined(separator: " ") }
            let candidates = bySurname[surname.fastLowercased] ?? []
            let initials = base.dropLast().filter(isInitial)
            if !initials.isEmpty, initials.count == base.count - 1 {
                let first = initials[0].first!
                let matching = candidates.filter { $0.first == first }
                if matching.count == 1 { return matching.first! }
                return (initials + [surname]).joined(separator: " ")
            }
            if base.count == 1, candidates.count == 1 { return candidates.first! }
            // A given name alone ("Ерланды" → "Ерлан") for the one full name in scope that starts with it: news names
            // a person in full first, then by the given name. Never a word shaped like a surname.
            if base.count == 1, candidates.isEmpty, !Nominative.hasSurnameEnding(surname.fastLowercased),
               let owner = fullName(givenName: surname.fastLowercased) { return owner }
            let joined = base.joined(separator: " ")
            // "Қасым-Жомарт Кемелұлы": a given name and a patronymic stand for the one other full name in scope with
            // that given name ("Қасым-Жомарт Тоқаев"); a patronymic that is the person's surname ("Жанибек
            // Әлімханұлы") has no such other name and stays.
            if base.count == 2, isPatronymic(base[1]), let other = otherFullName(givenName: base[0].fastLowercased, than: joined) {
                return other
            }
            return byName[joined.fastLowercased] ?? joined
        }
    }

    /// The lower-cased surname of a short person name that another document may spell out: initials and a surname
    /// ("Н.Ә. Назарбаев", "Б.Байбек") or a lone word that may be a surname ("Назарбаев", "Байбек", "Трамп"); nil for
    /// anything else.
    ///
    /// A lone word needs no surname ending: news names a person by the bare surname ("Трамп", "Сатыбалды") as often as
    /// by one ending in -ов, -бек or -ұлы, and the collection resolves it only to the one full name with that surname
    /// (``fullName(forShortName:among:)``). It must be written like a name (a capital, then lower-case letters, at
    /// least ``loneSurnameLetters`` of them) and not be a listed place or organisation ("Шымкент"), so an acronym, a
    /// place the tagger took for a person or a stray lower-case span never stands for one.
    public static func surnameOfShortName(_ name: String) -> String? {
        let words = splitInitials(name.split(separator: " ").map(String.init))
        guard let surname = words.last, !isInitial(surname) else { return nil }
        if words.count == 1 {
            let lower = surname.fastLowercased
            return Nominative.hasSurnameEnding(lower) || isWrittenLikeAName(surname) && EntityGazetteer.byName[lower] == nil ? lower : nil
        }
        return words.dropLast().allSatisfy(isInitial) ? surname.fastLowercased : nil
    }

    /// Fewest letters of a lone word without a surname ending that may stand for a surname ("Байбек", "Трамп").
    public static let loneSurnameLetters = 4

    /// "Байбек", "Жақсыбеков-Тоқаев": a capital, then lower-case letters (a hyphen may join two parts), at least
    /// ``loneSurnameLetters`` letters.
    static func isWrittenLikeAName(_ word: String) -> Bool {
        var letters = 0
        var previousWasHyphen = true
        for scalar in word.unicodeScalars {
            if scalar == "-" {
                guard !previousWasHyphen else { return false }
                previousWasHyphen = true
                continue
            }
            guard scalar.properties.isAlphabetic else { return false }
            // Each part opens with a capital; the rest is lower case.
            if previousWasHyphen ? !scalar.properties.isUppercase && letters == 0 : scalar.properties.isUppercase { return false }
            previousWasHyphen = false
            letters += 1
        }
        return letters >= loneSurnameLetters && !previousWasHyphen
    }

    /// The lower-cased surname of a full person name: two or more words, none of them an initial.
    public static func surnameOfFullName(_ name: String) -> String? {
        let words = name.split(separator: " ").map(String.init)
        guard words.count >= 2, !words.contains(where: isInitial), let surname = words.last else { return nil }
        return surname.fastLowercased
    }

    /// The one full name among `fullNames` that a short name stands for: the same surname and, for initials, the
    /// same first letters ("Н.Ә. Назарбаев" → "Нұрсұлтан Әбішұлы Назарбаев" or "Нұрсұлтан Назарбаев"). Nil when none
    /// or several match: a short name is never given a guessed owner.
    public static func fullName(forShortName name: String, among fullNames: [String]) -> String? {
        guard let surname = surnameOfShortName(name) else { return nil }
        let initials = splitInitials(name.split(separator: " ").map(String.init)).dropLast().flatMap { word in
            word.split(separator: ".").compactMap(\.first)
        }
        var found: Set<String> = []
        for candidate in fullNames where surnameOfFullName(candidate) == surname {
            let given = candidate.split(separator: " ").dropLast().compactMap(\.first)
            // The first initial is the given name; a second (patronymic) one is checked only when the name has it.
            let agrees = initials.isEmpty || initials.first == given.first && (initials.count < 2 || given.count < 2 || initials[1] == given[1])
            if agrees { found.insert(candidate) }
        }
        return found.count == 1 ? found.first : nil
    }

    /// The person whose roles match a role phrase used as a speaker or subject ("Ұлттық ассамблея депутаты" →
    /// the person introduced as "Франция Ұлттық ассамблеясының депутаты"); nil unless exactly one person matches.
    ///
    /// `roles` lists the document's people (canonical name and roles). When no role written in the document matches,
    /// a well-known holder of the role (`role-holders.tsv`: "Мемлекет басшысы" → Қасым-Жомарт Тоқаев) is taken, but
    /// only if the document names that person: the role alone never puts a name into a document.
    public static func person(withRole phrase: [String], among roles: [(name: String, roles: [String])]) -> String? {
        let words = phrase.map { $0.fastLowercased }.filter { !$0.isEmpty }
        guard let head = words.last, FactLexicon.roleStems.contains(where: { head.hasPrefix($0) }) else { return nil }
        var found: Set<String> = []
        for (name, personRoles) in roles {
            for role in personRoles where matches(words, role: role) { found.insert(name) }
        }
        // "өңір басшысы" for the "Қостанай облысының әкімі" of the article (`role-synonyms.tsv`).
        if found.isEmpty {
            for synonym in FactLexicon.roleSynonyms where words.count >= synonym.phrase.count
                && zip(words.suffix(synonym.phrase.count), synonym.phrase).allSatisfy({ sameStem($0, $1) }) {
                for (name, personRoles) in roles {
                    for role in personRoles where matches(synonym.role, role: role) { found.insert(name) }
                }
            }
        }
        if found.isEmpty {
            for holder in FactLexicon.roleHolders where matches(words, role: holder.role) && roles.contains(where: { $0.name == holder.name }) {
                found.insert(holder.name)
            }
        }
        return found.count == 1 ? found.first : nil
    }

    /// Whether the lower-cased phrase names `role`: the same head noun, and every other word found in the role.
    static func matches(_ words: [String], role: String) -> Bool {
        guard let head = words.last else { return false }
        let roleWords = role.fastLowercased.split(whereSeparator: { $0 == " " || $0 == "«" || $0 == "»" || $0 == "," }).map(String.init)
        guard let roleHead = roleWords.last, sameStem(roleHead, head) else { return false }
        return words.dropLast().allSatisfy { word in roleWords.contains { sameStem($0, word) } }
    }

    /// Every person of a document by canonical name, with the roles the resolver attached (possibly none).
    public static func personRoles(in entities: [Entity]) -> [(name: String, roles: [String])] {
        var order: [String] = []
        var roles: [String: [String]] = [:]
        for entity in entities where entity.label == .person {
            if roles[entity.canonical] == nil {
                order.append(entity.canonical)
                roles[entity.canonical] = []
            }
            for role in entity.roles where !roles[entity.canonical]!.contains(role) { roles[entity.canonical]!.append(role) }
        }
        return order.map { ($0, roles[$0]!) }
    }

    /// Two inflected forms of one stem: a common prefix of at least five letters (or the whole shorter word).
    static func sameStem(_ a: String, _ b: String) -> Bool {
        let common = zip(a, b).prefix { $0 == $1 }.count
        return common >= min(5, min(a.count, b.count)) && common >= min(a.count, b.count, 3)
    }

    /// Whether a capitalised word ends like a patronymic (`person-name-parts.tsv`: "Кемелұлы", "Ивановна").
    static func isPatronymic(_ word: String) -> Bool {
        let lower = word.fastLowercased
        return word.first?.isUppercase == true && FactLexicon.patronymicEndings.contains { lower.count > $0.count + 2 && lower.hasSuffix($0) }
    }

    static func isInitial(_ word: String) -> Bool {
        word.hasSuffix(".") && WordView.isInitials(String(word.dropLast()))
    }

    /// "Б.Байбек" → ["Б.", "Байбек"]; "Н.Ә." stays one word.
    static func splitInitials(_ words: [String]) -> [String] {
        // Most names have no full stop at all: one byte scan instead of a Character walk per word.
        guard words.contains(where: { $0.utf8.contains(UInt8(ascii: ".")) }) else { return words }
        return words.flatMap { word -> [String] in
            guard let dot = word.lastIndex(of: "."), dot != word.index(before: word.endIndex) else { return [word] }
            let head = String(word[...dot])
            let tail = String(word[word.index(after: dot)...])
            guard isInitial(head), tail.first?.isUppercase == true else { return [word] }
            return [head, tail]
        }
    }

    private static let quotes: Set<Character> = ["«", "»", "\"", "“", "”"]

    private static func trimQuotes(_ words: [String]) -> [String] {
        // «, », “ and ” start with the UTF-8 bytes C2 or E2: words without those bytes or `"` have no quote.
        guard words.contains(where: { $0.utf8.contains { $0 == 0x22 || $0 == 0xC2 || $0 == 0xE2 } }) else { return words }
        return words.map { String($0.drop(while: { quotes.contains($0) }).reversed().drop(while: { quotes.contains($0) }).reversed()) }
            .filter { !$0.isEmpty }
    }
}
