import KazakhData
public import TextModel

/// Finds reported meetings: "X … Y-мен кездесті", "X Y-ны қабылдады", with their time and place, and links a
/// following "тараптар … талқылады" ("the sides discussed …") to the meeting as its topic.
///
/// Participants are person entities (and an organisation or country met "-мен") before the verb in the sentence;
/// a meeting needs two of them, so nothing is reported before the entity tagger has run. Runs after entity
/// resolution and ``TimeExtractor``.
public struct MeetingExtractor: Annotator {
    /// The stage's name in a pipeline (`meetings`).
    public let name = "meetings"
    /// A Kazakh model: not run on Russian paragraphs.
    public var isKazakhModel: Bool { true }

    /// Creates the stage; its word lists are bundled.
    public init() {}

    private static let locativeEndings = CaseEndings.endings(of: [.locative], afterPossessive: true)
    private static let instrumentalEndings = CaseEndings.endings(of: [.instrumental])

    /// Fills `meetings` with the meetings found; adds nothing when the document has no entities.
    public func annotate(_ document: inout Document) {
        guard !document.entities.isEmpty else {
            document.meetings = []
            return
        }
        let view = WordView.shared(for: document)
        var entitiesByWord: [Int: [Int]] = [:]
        for (index, entity) in document.entities.enumerated() {
            guard let last = entity.tokenRange.last, last < view.wordOfToken.count else { continue }
            entitiesByWord[view.wordOfToken[last], default: []].append(index)
        }
        var meetings: [Meeting] = []
        var lastMeetingSentence: Int?
        let roles = NameResolver.personRoles(in: document.entities)
        for (sentenceIndex, sentence) in view.sentences.enumerated() {
            guard let (verbWord, verbEnd, kind) = Self.verb(in: sentence, view: view) else { continue }
            var participants: [String] = []
            var place: String?
            // "Мемлекет басшысы … қабылдады": a role opening the sentence names its one holder in the document.
            if let subject = Self.roleSubject(of: sentence, before: verbWord, view: view, document: document, roles: roles) {
                participants.append(subject)
            }
            for word in sentence.lowerBound..<verbWord {
                for entityIndex in entitiesByWord[word] ?? [] {
                    let entity = document.entities[entityIndex]
                    let lastWord = view.words[word].bare
                    switch entity.label {
                    case .person:
                        if !participants.contains(entity.canonical) { participants.append(entity.canonical) }
                    case .organisation, .organization, .gpe:
                        if Self.isPartner(word, lastWord: lastWord, view: view, verb: verbWord), !participants.contains(entity.canonical) {
                            participants.append(entity.canonical)
                        } else if entity.label == .gpe, place == nil, Self.isLocative(word, view: view) {
                            place = entity.canonical
                        }
                    case .location, .facility:
                        if place == nil, Self.isLocative(word, view: view) { place = entity.canonical }
                    default:
                        continue
                    }
                }
            }
            // Talks ("келіссөздер жүргізді") between two named sides are a meeting; otherwise they continue one.
            if kind == "talks", participants.count >= 2 {
                let span = view.span(sentence.lowerBound..<verbEnd)
                let when = document.times.first { $0.start >= span.start && $0.end <= span.end }?.value
                meetings.append(Meeting(participants: participants, when: when, where: place, start: span.start, end: span.end))
                lastMeetingSentence = sentenceIndex
                continue
            }
            if kind == "discuss" || kind == "talks" {
                guard let meetingSentence = lastMeetingSentence, sentenceIndex - meetingSentence <= 3, meetings[meetings.count - 1].topic == nil,
                      let sides = sentence.first(where: { view.words[$0].bare.hasPrefix("тарап") }), sides < verbWord
                else { continue }
                let span = view.span((sides + 1)..<verbWord)
                if sides + 1 < verbWord { meetings[meetings.count - 1].topic = EntityResolver.squeezed(document.slice(span.start, span.end)) }
                continue
            }
            // "X облыстық мәслихат депутаттарымен кездесті": a named person meets a group named by a common noun.
            if kind == "meet", participants.count == 1, let group = Self.group(before: verbWord, in: sentence, view: view, entitiesByWord: entitiesByWord) {
                participants.append(group)
            }
            guard participants.count >= 2 else { continue }
            let span = view.span(sentence.lowerBound..<verbEnd)
            let when = document.times.first { $0.start >= span.start && $0.end <= span.end }?.value
            meetings.append(Meeting(participants: participants, when: when, where: place, start: span.start, end: span.end))
            lastMeetingSentence = sentenceIndex
        }
        // A headline restates the lead's meeting ("Сенат төрағасы Беларусь делегациясын қабылдады" above "Мәулен
        // Әшімбаев … Наталья Кочановамен кездесті"): the lead's, with its names in full, is the one reported.
        if let headline = document.headlineEnd {
            let lead = meetings.filter { $0.start >= headline }
            meetings.removeAll { meeting in
                meeting.start < headline && lead.contains { !Set($0.participants).isDisjoint(with: meeting.participants) }
            }
        }
        document.meetings = meetings
    }

    /// The lower-case noun phrase met "-мен" right before the verb, in the nominative ("облыстық мәслихат
    /// депутаттарымен" → "облыстық мәслихат депутаттары"): at most four words, none of them part of an entity, a
    /// time or punctuation. Nil when the word before the verb is not in the instrumental.
    private static func group(before verb: Int, in sentence: Range<Int>, view: WordView, entitiesByWord: [Int: [Int]]) -> String? {
        let head = verb - 1
        guard head > sentence.lowerBound else { return nil }
        let word = view.words[head]
        guard !word.isCapitalized, word.trailing.isEmpty, word.bare.count > 5,
              let ending = instrumentalEndings.first(where: { word.bare.hasSuffix($0) }), entitiesByWord[head] == nil
        else { return nil }
        var first = head
        while first > sentence.lowerBound, head - first < 3 {
            let previous = view.words[first - 1]
            guard !previous.isPunctuation, !previous.isCapitalized, previous.trailing.isEmpty, entitiesByWord[first - 1] == nil,
                  !StopWords.kazakh.contains(previous.bare), !instrumentalEndings.contains(where: { previous.bare.hasSuffix($0) }),
                  !locativeEndings.contains(where: { previous.bare.hasSuffix($0) })
            else { break }
            first -= 1
        }
        let words = view.words[first..<head].map(\.core) + [String(word.core.dropLast(ending.count))]
        return words.joined(separator: " ")
    }

    /// Words of the meeting lexicon that name a visiting side ("делегациясын"), not a verb.
    private static let partyStems = FactLexicon.meetingVerbs.filter { $0.kind == "party" }.map { $0.words[0] }
    private static let conjunctions: Set<String> = FactLexicon.conjunctions([.andNouns])

    /// Whether an organisation or country ending at `word` is a side of the meeting rather than its setting: met
    /// "-мен" ("ЮНЕСКО-мен"), joined by "мен" to the other side ("Қазақстан мен Өзбекстан"), or whose delegation is
    /// received ("Германия делегациясын қабылдады").
    private static func isPartner(_ word: Int, lastWord: String, view: WordView, verb: Int) -> Bool {
        if instrumentalEndings.contains(where: { lastWord.hasSuffix($0) }) { return true }
        if partyStems.contains(where: { lastWord.startsWithBytes($0) }) { return true }
        // "Қазақстан мен Өзбекстан": both sides of "мен", unless the second is a place in the locative.
        if word >= 2, conjunctions.contains(view.words[word - 1].bare), !isLocative(word, view: view) { return true }
        guard word + 1 < verb, view.words[word].trailing.isEmpty else { return false }
        let next = view.words[word + 1].bare
        return conjunctions.contains(next) || partyStems.contains { next.startsWithBytes($0) }
    }

    /// The holder of a role that opens the sentence as its subject ("Мемлекет басшысы Ильхам Әлиевті қабылдады"),
    /// when the document names exactly one person with that role; nil when the role is followed by a name in the
    /// nominative (that name is the subject and the tagger reports it) or nobody holds the role.
    private static func roleSubject(of sentence: Range<Int>, before verb: Int, view: WordView, document: Document,
                                    roles: [(name: String, roles: [String])]) -> String? {
        // Connectives and time words may come first: "Сондай-ақ Премьер-министр …", "Кеше әкім …".
        var opening = sentence.lowerBound
        while opening < verb, isOpener(view.words[opening], document: document) { opening += 1 }
        // So may a framing phrase: "Форум аясында әкім …", "Сапар барысында Премьер-министр …".
        if let frame = (opening..<min(verb, opening + 4)).first(where: { frameKeys.contains(view.words[$0].key) }) {
            opening = frame + 1
            while opening < verb, isOpener(view.words[opening], document: document) { opening += 1 }
        }
        let limit = min(verb, opening + 4)
        var head = opening
        // The role phrase may be lower-case ("облыс әкімі"): every word must still occur in the holder's role.
        while head < limit, !EntityResolver.isRoleWord(view.words[head].bare) {
            guard !view.words[head].isPunctuation, view.words[head].trailing.isEmpty else { return nil }
            head += 1
        }
        guard head < limit else { return nil }
        let nextStart = head + 1 < view.words.count ? view.words[head + 1].start : -1
        if let person = document.entities.first(where: { $0.label == .person && $0.start == nextStart }),
           person.canonical == EntityResolver.squeezed(person.text) {
            return nil
        }
        let phrase = (opening...head).map { view.words[$0].core }
        return NameResolver.person(withRole: phrase, among: roles)
    }

    /// Postpositions that close a framing phrase before the subject (`meeting-verbs.tsv`, frame).
    private static let frameKeys = WordKey.set(FactLexicon.meetingVerbs.filter { $0.kind == "frame" }.map { $0.words[0] })

    /// A word that may open a sentence before its subject: a stop word ("сондай-ақ", "сонымен") or part of a
    /// time expression ("кеше", "5 қараша күні").
    private static func isOpener(_ word: Word, document: Document) -> Bool {
        StopWords.kazakh.contains(word.bare)
            || document.times.contains { $0.start <= word.start && word.start < $0.end }
            || document.entities.contains { ($0.label == .date || $0.label == .time) && $0.start <= word.start && word.start < $0.end }
    }

    /// "Парижде", "Париж қаласында": the place word or the next (қала, облыс…) in the locative.
    private static func isLocative(_ word: Int, view: WordView) -> Bool {
        let lower = view.words[word].bare
        if locativeEndings.contains(where: { lower.hasSuffix($0) }) { return true }
        guard word + 1 < view.words.count else { return false }
        let next = view.words[word + 1].bare
        return FactLexicon.placeNouns.contains { next.hasPrefix($0) } && locativeEndings.contains { next.hasSuffix($0) }
    }

    /// The first meeting or discussion verb of a sentence: its first word, the word after it, and its kind.
    private static let verbsByFirstWord = Dictionary(grouping: FactLexicon.meetingVerbs.filter { $0.kind != "party" && $0.kind != "frame" }, by: { WordKey.of($0.words[0]) })

    private static func verb(in sentence: Range<Int>, view: WordView) -> (Int, Int, String)? {
        for index in sentence {
            for (words, kind) in verbsByFirstWord[view.words[index].key] ?? [] where index + words.count <= sentence.upperBound {
                if words.indices.allSatisfy({ view.words[index + $0].bare == words[$0] }) { return (index, index + words.count, kind) }
            }
        }
        return nil
    }
}
