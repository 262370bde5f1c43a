import KazakhData
public import TextModel

/// Finds reported speech and its speaker.
///
/// Forms: «…», "…" followed by a reporting verb ("- деді X", "- деп атап өтті X", "- деп аяқтады", "- деп хабарлады
/// X"), "X: «…»", "X «…» деді", unquoted speech closed by ", - деп хабарлады X", "X айтуынша, …" and "Оның
/// айтуынша, …" (the one person of the previous sentence).
/// The speaker is the canonical name of a person (or organisation) entity in the attribution; a role used as
/// speaker ("Ұлттық ассамблея депутаты") is resolved to the one person holding that role in the document; a press
/// service named after the verb is the speaker as written. Otherwise the speaker is nil: never a guess.
/// Quotes with no reporting frame (names in «», titles) and unbalanced quotes are not reported.
/// Runs after entity resolution.
public struct QuoteExtractor: Annotator {
    /// The stage's name in a pipeline (`quotes`).
    public let name = "quotes"
    /// A Kazakh model: not run on Russian paragraphs.
    public var isKazakhModel: Bool { true }

    /// Creates the stage; its word lists are bundled.
    public init() {}

    /// Fills `quotes` with the reported speech found and its speaker, when known.
    public func annotate(_ document: inout Document) {
        let view = WordView.shared(for: document)
        let context = SpeakerContext(document: document, view: view)
        var quotes: [Quote] = []
        var insideQuote = [Bool](repeating: false, count: document.tokens.count)
        for span in Self.quoteSpans(document) {
            for token in span.open...span.close { insideQuote[token] = true }
            guard span.close - span.open > 1 else { continue }
            let contentStart = document.tokens[span.open + 1].start
            let contentEnd = document.tokens[span.close - 1].end
            guard let speaker = context.attribution(afterQuoteClosedAt: span.close, openedAt: span.open, previous: quotes.last) else { continue }
            quotes.append(Quote(text: document.slice(contentStart, contentEnd), speaker: speaker.name, start: contentStart, end: contentEnd))
        }
        quotes.append(contentsOf: context.unquotedSpeech(outside: insideQuote))
        quotes.sort { $0.start < $1.start }
        document.quotes = quotes
    }

    /// Outermost balanced quotation spans (token indices of the opening and closing marks) within paragraphs.
    static func quoteSpans(_ document: Document) -> [(open: Int, close: Int)] {
        let tokens = document.tokens
        var spans: [(open: Int, close: Int)] = []
        var guillemets: [Int] = []
        var straightOpen: Int?
        for index in tokens.indices {
            if index > 0, document.scalars[tokens[index - 1].end..<tokens[index].start].contains(where: { $0 == "\n" }) {
                guillemets.removeAll()  // an unbalanced quote never spans a paragraph break
                straightOpen = nil
            }
            guard tokens[index].kind != .word, tokens[index].kind != .number else { continue }
            let mark = tokens[index].text
            // Most punctuation is no quote mark: a test of the first scalar before the (non-ASCII, slow) string
            // comparisons. None of these marks has a decomposition, so no other first scalar can compare equal.
            switch mark.unicodeScalars.first {
            case "«", "„", "»", "\"", "“", "”": break
            default: continue
            }
            switch mark {
            case "«", "„":
                guillemets.append(index)
            case "»":
                guard let open = guillemets.popLast() else { continue }
                if guillemets.isEmpty { spans.append((open, index)) }
            case "“" where guillemets.last.map({ tokens[$0].text == "„" }) ?? false:
                // „…“: the German-style pair Kazakh sites use; “ closes the „ that is open.
                let open = guillemets.removeLast()
                if guillemets.isEmpty { spans.append((open, index)) }
            case "\"", "“", "”":
                let glued = index > 0 && tokens[index - 1].end == tokens[index].start && !"([«".contains(tokens[index - 1].text)
                if let open = straightOpen, glued || mark == "”" {
                    spans.append((open, index))
                    straightOpen = nil
                } else if !glued || mark == "“" {
                    straightOpen = index
                }
            default:
                continue
            }
        }
        spans.sort { $0.open < $1.open }
        // Keep the outermost spans only ("«Қазақстан -2030»" inside a quotation). In order of opening (no two spans
        // open at one token), a span lies inside an earlier one exactly when an earlier span closes after it; the
        // largest close so far decides in one pass (a pairwise test was quadratic on a page of «»).
        var outermost: [(open: Int, close: Int)] = []
        var furthestClose = -1
        for span in spans {
            if span.close >= furthestClose { outermost.append(span) }
            furthestClose = max(furthestClose, span.close)
        }
        return outermost
    }
}

/// Who said it: attribution frames around a quotation, resolved against the document's entities.
struct SpeakerContext {
    struct Speaker {
        var name: String?
    }

    let document: Document
    let view: WordView
    let roles: [(name: String, roles: [String])]
    /// Where each person is first named (scalar offset): a role names someone named before it, never after.
    private let firstNamed: [String: Int]
    private let entityAtToken: [Int: Int]
    /// The canonical names of the persons named in each sentence of ``view`` (asked once per quotation; built once).
    private let personsInSentence: [Set<String>]
    /// Person names by surname (the last word of a canonical name of two or more words).
    private let personsBySurname: [String: Set<String>]
    /// Whether each sentence has a word reporting speech ("сөзінде", "атап өтті").
    private let sentenceReports: [Bool]

    /// Most tokens before a quotation searched for its speaker ("X «…» деді", "X: «…»"): a subject is near its
    /// quotation, and a sentence of thousands of quotations (a page of «») must not be searched back to its start
    /// once per quotation.
    static let speakerLookback = 200

    private static let markers = WordKey.set(FactLexicon.speechMarkers)
    private static let reportWords = WordKey.set(FactLexicon.speechReportWords)
    private static let quoteMarks: Set<String> = ["«", "»", "\"", "“", "”", "„"]
    /// A token that is a quotation mark; the length test first keeps the set's hashing off ordinary words.
    private static func isQuoteMark(_ text: String) -> Bool { text.utf8.count <= 3 && quoteMarks.contains(text) }
    private static let genitiveEndings = CaseEndings.endings(of: [.genitive])
    private static let saying = WordKey.of("деп")
    private static let said = WordKey.of("деді")
    private static let says = WordKey.of("дейді")

    init(document: Document, view: WordView) {
        self.document = document
        self.view = view
        var entityAtToken: [Int: Int] = [:]
        for (index, entity) in document.entities.enumerated() {
            for token in entity.tokenRange where entityAtToken[token] == nil { entityAtToken[token] = index }
        }
        self.roles = NameResolver.personRoles(in: document.entities)
        var firstNamed: [String: Int] = [:]
        for entity in document.entities where entity.label == .person && firstNamed[entity.canonical] == nil { firstNamed[entity.canonical] = entity.start }
        self.firstNamed = firstNamed
        self.entityAtToken = entityAtToken
        var personsInSentence = [Set<String>](repeating: [], count: view.sentences.count)
        var personsBySurname: [String: Set<String>] = [:]
        // A person in the genitive before a noun and a name is a possessor, not the sentence's subject ("Райхан
        // Сейтқалиеваның қызы Әйгерім … «…», – деді ол": the daughter speaks): never the one person "ол" stands for.
        var possessors: Set<Int> = []
        for (index, entity) in document.entities.enumerated() where entity.label == .person {
            let last = entity.tokenRange.upperBound
            guard last >= 1, last + 1 < document.tokens.count else { continue }
            let next = document.tokens[last], named = document.tokens[last + 1]
            let lower = document.tokens[last - 1].norm.fastLowercased
            if next.kind == .word, next.norm.first?.isLowercase == true, named.kind == .word, named.norm.first?.isUppercase == true,
               Self.genitiveEndings.contains(where: { lower.hasSuffix($0) }) {
                possessors.insert(index)
            }
        }
        for (token, index) in entityAtToken where document.entities[index].label == .person && !possessors.contains(index) && token < view.wordOfToken.count {
            personsInSentence[view.words[view.wordOfToken[token]].sentence].insert(document.entities[index].canonical)
        }
        for entity in document.entities where entity.label == .person {
            let parts = entity.canonical.split(separator: " ")
            if parts.count >= 2 { personsBySurname[String(parts[parts.count - 1]), default: []].insert(entity.canonical) }
        }
        self.personsInSentence = personsInSentence
        self.personsBySurname = personsBySurname
        // One pass over the words by index: a closure over a slice of `Word`s copied each word (five strings).
        var sentenceReports = [Bool](repeating: false, count: view.sentences.count)
        for index in view.words.indices where Self.reportWords.contains(view.words[index].key) {
            sentenceReports[view.words[index].sentence] = true
        }
        self.sentenceReports = sentenceReports
    }

    /// The one holder of the role `phrase` names, looked for first among the persons named before token `token`, then
    /// among all: "– деді облыс басшысы" refers back to the governor named earlier, not to a department head ("…
    /// басқармасының басшысы") introduced after the quotation; "«…», – деді министр. Оқу-ағарту министрі Ғани
    /// Бейсембаев …" names the minister only after it.
    private func holder(ofRole phrase: [String], namedBefore token: Int) -> String? {
        guard token < document.tokens.count else { return NameResolver.person(withRole: phrase, among: roles) }
        let offset = document.tokens[token].start
        let before = roles.filter { (firstNamed[$0.name] ?? 0) < offset }
        if before.count < roles.count, let holder = NameResolver.person(withRole: phrase, among: before) { return holder }
        return NameResolver.person(withRole: phrase, among: roles)
    }

    private func isDash(_ token: Token) -> Bool { token.norm.unicodeScalars.allSatisfy { WordView.dashes.contains($0) } && !token.norm.isEmpty }
    private func isWordToken(_ token: Token) -> Bool {
        token.kind == .word || token.kind == .number || token.norm.unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    /// The reporting phrase starting at token `index` (word tokens only), and the token after it.
    private func speechVerb(at index: Int) -> Int? {
        for phrase in FactLexicon.speechVerbs {
            var position = index
            var matched = true
            for word in phrase {
                guard position < document.tokens.count, document.tokens[position].norm.fastLowercased == word else { matched = false; break }
                position += 1
            }
            if matched { return position }
        }
        return nil
    }

    /// Tokens after a reporting verb up to the end of its sentence: the speaker phrase.
    private func phrase(from index: Int) -> Range<Int> {
        let tokens = document.tokens
        var end = index
        while end < tokens.count, end - index < 20 {
            let norm = tokens[end].norm
            if end > index, document.scalars[tokens[end - 1].end..<tokens[end].start].contains(where: { $0 == "\n" }) { break }
            // "деді «Қайраттың» бас бапкері …": a «name» inside the speaker phrase (closed within three tokens and
            // followed by a word) does not open a quotation.
            if norm == "«", let close = (end + 1..<min(end + 4, tokens.count)).first(where: { tokens[$0].norm == "»" }),
               close + 1 < tokens.count, isWordToken(tokens[close + 1]) {
                end = close + 1
                continue
            }
            if norm == "." || norm == "!" || norm == "?" || norm == "«" || norm == "\"" || norm == ";" {
                // A full stop inside initials ("И. Тасмағамбетов") does not end the phrase.
                let previous = end > index ? tokens[end - 1].norm : ""
                let isInitial = norm == "." && previous.count == 1 && previous.first!.isUppercase
                if !isInitial { break }
            }
            end += 1
        }
        return index..<end
    }

    /// The speaker named by a token range: a person entity, else an organisation entity, else a role held by one
    /// person of the document, else a press service as written.
    func speaker(in range: Range<Int>) -> String? {
        guard !range.isEmpty else { return nil }
        let entities = Set(range.compactMap { entityAtToken[$0] }).sorted().map { document.entities[$0] }
        if let person = entities.first(where: { $0.label == .person && !Self.isRoleOnly($0) }) { return person.canonical }
        let words = range.map { document.tokens[$0] }.filter(isWordToken).map(\.norm)
        let lower = words.map(\.fastLowercased)
        // A role as speaker ("Ұлттық ассамблея депутаты") names a person, even when a tagger saw an organisation in it.
        if let head = lower.last, EntityResolver.isRoleWord(head) { return holder(ofRole: words, namedBefore: range.lowerBound) }
        // A press service is named in full ("Алматы қаласы әкімдігінің баспасөз қызметі"), even when a tagger marked only
        // the organisation it belongs to.
        for service in FactLexicon.pressServices where lower.count > service.count && Array(lower.suffix(service.count)) == service {
            let start = document.tokens[range.lowerBound].start
            let end = document.tokens[range.upperBound - 1].end
            return EntityResolver.squeezed(document.slice(start, end)).trimmingPunctuation()
        }
        if let organisation = entities.first(where: { $0.label.isOrganisation && !isAddressee($0) }) {
            // "– деді Сәрсенов Орталық коммуникациялар қызметіндегі брифингте": a tagger's span that runs from a
            // surname into a capitalised name is the person of that surname, or nobody; never the organisation.
            let parts = organisation.text.split(separator: " ")
            if parts.count >= 2, parts[0].first?.isUppercase == true, parts[1].first?.isUppercase == true,
               Nominative.hasSurnameEnding(String(parts[0]).fastLowercased) {
                let owners = personsBySurname[String(parts[0])] ?? []
                return owners.count == 1 ? owners.first : nil
            }
            return organisation.canonical
        }
        // A news site named by its domain ("деп хабарлайды Almaty.tv", "Tengrinews.kz"): the one word after the verb.
        if words.count == 1, let site = words.first, Self.isSiteName(site) { return site }
        return nil
    }

    /// Dative endings, also after a possessive ("тілшісіне", "арнасына"), of two letters or more.
    private static let dativeEndings: [String] = Array(CaseEndings.endings(of: [.dative], afterPossessive: true)
        .union(CaseEndings.endingsAfterPersonalPossessive(of: [.dative])).filter { $0.count >= 2 })

    /// "– деді наразы тұрғындар «Хабар» тілшісіне", "– деді ол «Qazsport» арнасына берген сұхбатында": an organisation
    /// in the dative, or before a noun in the dative, is who the words were said to, never the speaker.
    private func isAddressee(_ entity: Entity) -> Bool {
        if entity.text != entity.canonical, entity.text.hasPrefix(entity.canonical) {
            let rest = entity.text.dropFirst(entity.canonical.count)
            if Self.dativeEndings.contains(String(rest.hasPrefix("-") ? rest.dropFirst() : rest)) { return true }
        }
        var next = entity.tokenRange.upperBound
        while next < document.tokens.count, Self.isQuoteMark(document.tokens[next].text) { next += 1 }
        guard next < document.tokens.count, document.tokens[next].kind == .word else { return false }
        let lower = document.tokens[next].norm.fastLowercased
        guard lower.first.map({ !$0.isUppercase }) == true else { return false }
        return Self.dativeEndings.contains { lower.count > $0.count + 2 && lower.hasSuffix($0) }
    }

    /// "– деді ол «Qazsport» арнасына берген сұхбатында": a pronoun opening the speaker phrase is the speaker, whatever
    /// the setting after it names; nil when the phrase does not open with one.
    private func openingPronoun(_ phrase: Range<Int>) -> Int? {
        guard let first = phrase.first(where: { isWordToken(document.tokens[$0]) }),
              FactLexicon.speakerPronouns.contains(document.tokens[first].norm.fastLowercased) else { return nil }
        return first
    }

    /// "– деді министр Орал қаласындағы штаб отырысында": a lower-case role noun opening the phrase after the verb
    /// (the setting follows it) names the one person of the document holding that role; nil otherwise.
    private func leadingRoleSpeaker(_ range: Range<Int>) -> String? {
        guard let first = range.first(where: { isWordToken(document.tokens[$0]) }) else { return nil }
        let word = document.tokens[first].norm
        guard word.first?.isLowercase == true, EntityResolver.isRoleWord(word) else { return nil }
        return holder(ofRole: [word], namedBefore: first)
    }

    /// "«…», – дейді сарапшы.": a single lower-case role noun, singular, that no person of the document is known to
    /// hold, describes the one person named in the sentence before the speech (as "ол" would; "Экономист Айдархан
    /// Бейсеновтың айтуынша, … «…», – дейді сарапшы"). Nil when someone holds that role (the role rule decides), when
    /// the word is plural ("мамандар") or when the sentence before names nobody or several people.
    private func describedSpeaker(_ phrase: Range<Int>, beforeToken token: Int, previous: Quote?) -> String? {
        let words = phrase.filter { isWordToken(document.tokens[$0]) }
        guard words.count == 1 else { return nil }
        let word = document.tokens[words[0]].norm
        guard word.first?.isLowercase == true, let stem = FactLexicon.roleStems.first(where: { word.startsWithBytes($0) }),
              word.count <= stem.count + 2,
              !roles.contains(where: { $0.roles.contains { NameResolver.matches([word.fastLowercased], role: $0) } })
        else { return nil }
        return soleSpeaker(beforeToken: token, previous: previous)
    }

    /// A PERSON span made of role words only ("Министр орынбасарының"): a role the tagger took for a name, resolved
    /// as a role (to its one holder, or nobody), never given as a speaker's name.
    static func isRoleOnly(_ entity: Entity) -> Bool {
        let words = entity.text.split(separator: " ").map { String($0).fastLowercased }
        return !words.isEmpty && words.allSatisfy(EntityResolver.isRoleWord)
    }

    /// "Әкім тұрғындарға … уәде берді: «…»": the sentence's subject is a bare role noun ("Әкім", "Министр") held by
    /// one person of the document; nil otherwise.
    private func roleSubject(of sentence: Range<Int>) -> String? {
        let first = view.words[sentence.lowerBound]
        guard first.isCapitalized, FactLexicon.roleStems.contains(first.bare) else { return nil }
        return holder(ofRole: [first.core], namedBefore: first.tokens.lowerBound)
    }

    /// "Almaty.tv", "Kazinform.kz": a capitalised name, a full stop and a listed top-level domain.
    static func isSiteName(_ word: String) -> Bool {
        guard word.first?.isUppercase == true, let dot = word.lastIndex(of: "."), dot != word.startIndex else { return false }
        let domain = word[word.index(after: dot)...].lowercased()
        return !domain.isEmpty && TokenizerExceptions.shared.topLevelDomains.contains(domain)
    }

    /// The one person the previous sentence reports as speaking ("… Енгида алғы сөзінде … деп атап өтті. «…», - деп
    /// аяқтады."), or the speaker of a quotation that just ended there.
    private func previousSpeaker(beforeToken token: Int, previous: Quote?) -> String? {
        guard let (start, persons, _) = previousSentence(beforeToken: token) else { return nil }
        if let previous, previous.end >= start, let speaker = previous.speaker { return speaker }
        let reports = sentenceReports[view.words[view.wordOfToken[token]].sentence - 1]
        return persons.count == 1 && reports ? persons.first : nil
    }

    /// The one person named in the sentence before the one holding token `token` (a quotation it ends counts with its
    /// speaker), or nil when it names none or several: "ол" is resolved only when unambiguous.
    private func soleSpeaker(beforeToken token: Int, previous: Quote?) -> String? {
        guard let (start, named, _) = previousSentence(beforeToken: token) else { return nil }
        var persons = named
        if let previous, previous.end >= start, let speaker = previous.speaker { persons.insert(speaker) }
        return persons.count == 1 ? persons.first : nil
    }

    /// The sentence before the one holding token `token`: its start offset, the canonical names of the persons in it,
    /// and its word range.
    private func previousSentence(beforeToken token: Int) -> (start: Int, persons: Set<String>, words: Range<Int>)? {
        let sentenceIndex = view.words[view.wordOfToken[token]].sentence
        guard sentenceIndex > 0 else { return nil }
        let sentence = view.sentences[sentenceIndex - 1]
        let firstToken = view.words[sentence.lowerBound].tokens.lowerBound
        return (document.tokens[firstToken].start, personsInSentence[sentenceIndex - 1], sentence)
    }

    /// The person a role in the genitive names before a speech marker ("Министрдің айтуынша", "Мемлекет басшысының
    /// айтуынша"): the role words from the sentence start (at most four), resolved like a role speaker.
    /// Returns nil when the word is not a role; `.some(nil)` when it is a role nobody in the document holds.
    private func roleSpeaker(endingAt word: Int, sentence: Range<Int>) -> String?? {
        let head = view.words[word]
        guard EntityResolver.isRoleWord(head.bare) else { return nil }
        var first = word
        while first > sentence.lowerBound, word - first < 3, !view.words[first - 1].isPunctuation, view.words[first - 1].trailing.isEmpty {
            first -= 1
        }
        // Modifiers reach back to a comma or the sentence start: "Сонымен, министрдің айтуынша" keeps the role alone.
        let phrase = (first...word).map { view.words[$0].core }
        return .some(holder(ofRole: phrase, namedBefore: view.words[first].tokens.lowerBound))
    }

    /// The attribution of a quotation, or nil when nothing frames it as speech.
    func attribution(afterQuoteClosedAt close: Int, openedAt open: Int, previous: Quote?) -> Speaker? {
        let tokens = document.tokens
        var index = close + 1
        while index < tokens.count, tokens[index].norm == "," || isDash(tokens[index]) { index += 1 }
        if let afterVerb = speechVerb(at: index) {
            let phrase = phrase(from: afterVerb)
            // "«…», – деді ол.", "… – деді ол кеше берген сұхбатында": the one person of the previous sentence, or nobody.
            if openingPronoun(phrase) != nil { return Speaker(name: soleSpeaker(beforeToken: open, previous: previous)) }
            if let name = speaker(in: phrase) { return Speaker(name: name) }
            if let holder = leadingRoleSpeaker(phrase) { return Speaker(name: holder) }
            if let described = describedSpeaker(phrase, beforeToken: open, previous: previous) { return Speaker(name: described) }
            if phrase.contains(where: { isWordToken(tokens[$0]) }) { return Speaker(name: nil) }
            // "X «…» деді": the subject before the quotation in the same sentence.
            let sentence = view.sentence(of: view.wordOfToken[open])
            let sentenceStart = view.words[sentence.lowerBound].tokens.lowerBound
            let searchStart = max(sentenceStart, open - Self.speakerLookback)
            if searchStart < open, let name = speaker(in: searchStart..<open), name.isEmpty == false {
                return Speaker(name: name)
            }
            // "Шаруалардың бірі: «…», – деді.": the sentence names its speaker before the colon, as nobody the
            // document names (or as a role): never the previous sentence's speaker.
            if sentenceStart < open - 1, tokens[open - 1].norm == ":" { return Speaker(name: roleSubject(of: sentence)) }
            return Speaker(name: previousSpeaker(beforeToken: open, previous: previous))
        }
        // "X: «…»".
        if open > 0, tokens[open - 1].norm == ":" {
            let sentence = view.sentence(of: view.wordOfToken[open - 1])
            let sentenceStart = max(view.words[sentence.lowerBound].tokens.lowerBound, open - 1 - Self.speakerLookback)
            return Speaker(name: speaker(in: sentenceStart..<(open - 1)) ?? roleSubject(of: sentence))
        }
        return nil
    }

    /// The one person of the document whose surname is `word` in the genitive ("Тасмағамбетовтің").
    private func personBySurname(_ written: String) -> String? {
        // "Б.Байбектің": the surname after the initials.
        let word = written.split(separator: ".").last.map(String.init) ?? written
        guard word.first?.isUppercase == true else { return nil }
        let surname = Nominative.word(word)
        guard surname != word, let names = personsBySurname[surname] else { return nil }
        return names.count == 1 ? names.first : nil
    }

    /// For each sentence, the first token of a dash-opened speech paragraph that the sentence closes ("– Бұл зауыт …
    /// береді. Жергілікті бюджетке … түседі, – деді облыс әкімі."): the whole paragraph is the speech. Nil when the
    /// sentence opens its paragraph, the paragraph does not open with a dash, or an earlier sentence of it quotes or
    /// reports. One pass over the words (asked per reporting verb, a scan back to the paragraph start was quadratic
    /// in a one-paragraph text).
    private func speechParagraphStarts(insideQuote: [Bool]) -> [Int?] {
        var starts = [Int?](repeating: nil, count: view.sentences.count)
        var firstWord = 0
        var opensWithDash = false
        var blocked = false
        var scanned = 0
        for (index, sentence) in view.sentences.enumerated() {
            if index == 0 || view.words[sentence.lowerBound].newlineBefore {
                firstWord = sentence.lowerBound
                let first = view.words[firstWord]
                opensWithDash = first.isPunctuation ? first.hasDash : first.leading.unicodeScalars.contains(where: { WordView.dashes.contains($0) })
                blocked = false
                scanned = firstWord
                continue
            }
            guard opensWithDash else { continue }
            while !blocked, scanned < sentence.lowerBound {
                let key = view.words[scanned].key
                if key == Self.saying || key == Self.said || key == Self.says || Self.markers.contains(key) { blocked = true }
                for token in view.words[scanned].tokens where insideQuote[token] || Self.isQuoteMark(document.tokens[token].text) { blocked = true }
                scanned += 1
            }
            if !blocked { starts[index] = view.words[firstWord].tokens.lowerBound }
        }
        return starts
    }

    /// Speech without quotation marks: "…, - деп хабарлады X." and "X айтуынша, …".
    func unquotedSpeech(outside insideQuote: [Bool]) -> [Quote] {
        let tokens = document.tokens
        var found: [Quote] = []
        // Running counts over tokens, so "is any token of this range inside a quotation / an unmatched quotation mark"
        // costs O(1) rather than a scan from the sentence start for every reporting verb.
        var quotedBefore = [Int](repeating: 0, count: tokens.count + 1)
        var unmatchedMarksBefore = [Int](repeating: 0, count: tokens.count + 1)
        for index in tokens.indices {
            quotedBefore[index + 1] = quotedBefore[index] + (insideQuote[index] ? 1 : 0)
            let unmatched = !insideQuote[index] && Self.isQuoteMark(tokens[index].text)
            unmatchedMarksBefore[index + 1] = unmatchedMarksBefore[index] + (unmatched ? 1 : 0)
        }
        let paragraphStarts = speechParagraphStarts(insideQuote: insideQuote)
        for (sentenceIndex, sentence) in view.sentences.enumerated() {
            let first = view.words[sentence.lowerBound].tokens.lowerBound
            let last = view.words[sentence.upperBound - 1].tokens.upperBound
            for word in sentence where !view.words[word].isPunctuation && view.words[word].coreTokens.count == 1 {
                let index = view.words[word].coreTokens.lowerBound
                guard !insideQuote[index] else { continue }
                let key = view.words[word].key
                if Self.markers.contains(key) {
                    // "X айтуынша, …": X is the entity that ends right before the marker, or a surname in the genitive
                    // that belongs to exactly one person of the document ("И. Тасмағамбетовтің айтуынша").
                    guard index > first, word > sentence.lowerBound else { continue }
                    let speakerName: String?
                    if let entity = entityAtToken[index - 1], document.entities[entity].label == .person || document.entities[entity].label.isOrganisation,
                       !Self.isRoleOnly(document.entities[entity]) {
                        speakerName = document.entities[entity].canonical
                    } else if FactLexicon.speakerPronouns.contains(view.words[word - 1].bare) {
                        // "Оның айтуынша, …": the one person of the previous sentence, or nobody.
                        speakerName = soleSpeaker(beforeToken: index, previous: nil)
                    } else if let person = personBySurname(view.words[word - 1].core) {
                        speakerName = person
                    } else if let role = roleSpeaker(endingAt: word - 1, sentence: sentence) {
                        speakerName = role
                    } else {
                        continue
                    }
                    var start = index + 1
                    while start < last, tokens[start].norm == "," { start += 1 }
                    var end = last
                    while end > start, !isWordToken(tokens[end - 1]) { end -= 1 }
                    guard start < end, quotedBefore[end] == quotedBefore[start] else { continue }
                    found.append(Quote(text: document.slice(tokens[start].start, tokens[end - 1].end), speaker: speakerName,
                                       start: tokens[start].start, end: tokens[end - 1].end))
                    continue
                }
                guard key == Self.saying || key == Self.said || key == Self.says, index > first + 1, let afterVerb = speechVerb(at: index) else { continue }
                // Only ", - деп …" (or ", деп хабарлайды") directly after the speech, never a closing quote.
                var before = index - 1
                var sawComma = false
                var sawDash = false
                while before > first, tokens[before].norm == "," || isDash(tokens[before]) {
                    sawComma = sawComma || tokens[before].norm == ","
                    sawDash = sawDash || isDash(tokens[before])
                    before -= 1
                }
                guard sawComma || sawDash, isWordToken(tokens[before]), !insideQuote[before] else { continue }
                var start = paragraphStarts[sentenceIndex] ?? first
                while start < before, isDash(tokens[start]) || !isWordToken(tokens[start]) && !"«\"".contains(tokens[start].norm) { start += 1 }
                // An unmatched quotation mark in the sentence means the speech boundaries are unknown.
                guard start < before, unmatchedMarksBefore[before + 1] == unmatchedMarksBefore[first] else { continue }
                let speakerPhrase = phrase(from: afterVerb)
                var speaker: String?
                if openingPronoun(speakerPhrase) != nil {
                    // "– Біз … алдық, – дейді ол.": the one person of the sentence before the speech, or nobody.
                    speaker = soleSpeaker(beforeToken: start, previous: nil)
                } else {
                    speaker = self.speaker(in: speakerPhrase) ?? leadingRoleSpeaker(speakerPhrase)
                    if speaker == nil { speaker = describedSpeaker(speakerPhrase, beforeToken: start, previous: nil) }
                }
                found.append(Quote(text: document.slice(tokens[start].start, tokens[before].end), speaker: speaker,
                                   start: tokens[start].start, end: tokens[before].end))
            }
        }
        return found
    }
}

extension String {
    /// Without punctuation at either end.
    func trimmingPunctuation() -> String {
        let isEdge: (Character) -> Bool = { $0.isPunctuation || $0.isWhitespace }
        guard let first = firstIndex(where: { !isEdge($0) }), let last = lastIndex(where: { !isEdge($0) }) else { return "" }
        return String(self[first...last])
    }
}
