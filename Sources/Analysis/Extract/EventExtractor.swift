import KazakhData
public import TextModel

/// Finds announced or reported events (exhibitions, concerts, festivals, ceremonies, press conferences) with
/// their title, time, place and participants.
///
/// A clause holds an event when it has an event noun (көрме, концерт, фестиваль, рәсім…) and an event verb (өтеді,
/// ашылады, басталған, ұйымдастырады…). Clauses are split at every clock time, so a schedule ("5 қараша күні
/// сағат 11.00-де … көрме ашылады, сағат 15.00-де … кездеседі, ал сағат 18.00-де … концерт өтеді") gives one event
/// per slot. The title is the «name» атты … noun phrase, or the noun phrase back to the nearest clause boundary;
/// the place is a venue phrase in the locative ("Ұлттық мұражайында" → "… Ұлттық мұражайы") or a place entity;
/// participants come from "X … қатысуымен". Runs after ``TimeExtractor`` (and entity resolution when present).
public struct EventExtractor: Annotator {
    /// The stage's name in a pipeline (`events`).
    public let name = "events"
    /// A Kazakh model: not run on Russian paragraphs.
    public var isKazakhModel: Bool { true }

    /// Creates the stage; its word lists are bundled.
    public init() {}

    private static let nounStems: [(words: [String], generic: Bool)] = FactLexicon.eventWords
        .filter { $0.kind == "noun" || $0.kind == "generic" }.map { ($0.words, $0.kind == "generic") }
    private static let verbs = WordKey.set(FactLexicon.eventWords.filter { ["verb", "participle", "participation"].contains($0.kind) }.map { $0.words.joined(separator: " ") })
    private static let participation = WordKey.set(FactLexicon.eventWords.filter { $0.kind == "participation" }.map { $0.words.joined(separator: " ") })
    private static let participles = WordKey.set(FactLexicon.eventWords.filter { $0.kind == "participle" }.map { $0.words.joined(separator: " ") })
    /// Locative endings: after a possessive ("мұражайында") and bare ("стадионда", "паркте").
    private static let locativeEndings = CaseEndings.endings(of: [.locative], afterPossessive: true)
    private static let bareLocativeEndings = CaseEndings.endings(of: [.locative])
    /// The locative adjective of a place ("Астанадағы", "Шымкенттегі"): "located in".
    private static let locatedInEndings = CaseEndings.endings(of: [.locativeAttributive])
    private static let hour = WordKey.of("сағат")
    private static let passed = WordKey.of("өтті")
    private static let noted = WordKey.of("атап")
    /// Words after which a clause ends, so a title never starts before them (`event-words.tsv`, title-boundary).
    private static let titleBoundaries = WordKey.set(FactLexicon.eventWords.filter { $0.kind == "title-boundary" }.map { $0.words.joined(separator: " ") })
    /// Words that deny the event noun after them (`event-words.tsv`, negation).
    private static let negations = WordKey.set(FactLexicon.eventWords.filter { $0.kind == "negation" }.map { $0.words.joined(separator: " ") })
    private static let withParticipation = WordKey.of("қатысуымен")
    private static let named = WordKey.of("атты")
    private static let willMeet = WordKey.of("кездеседі")
    private static let connectiveKeys = WordKey.set(connectives)
    private static let conjunctions = WordKey.set(FactLexicon.conjunctions([.and, .andNouns]))
    /// Participles end a clause ("өткен", "өтетін"): the past and imperfective participle suffixes.
    private static let participleEndings = MorphologyTables.suffixForms(of: ["PARTPAST", "PARTIMP"])
    private static let connectives = FactLexicon.eventWords.filter { $0.kind == "connective" }.map { $0.words.joined(separator: " ") }
    /// A possessive and a case ending after a consonant ("сарайының") and after a vowel ("көрмесінде").
    private static let possessedAfterConsonant = CaseEndings.possessedForms(of: [.genitive, .dative, .accusative, .locative], afterVowel: false)
    private static let possessedAfterVowel = CaseEndings.possessedForms(of: [.genitive, .dative, .accusative, .locative], afterVowel: true)

    /// Fills `events` with the events found, one per clause or schedule slot.
    public func annotate(_ document: inout Document) {
        let view = WordView.shared(for: document)
        // Word ranges of time expressions.
        var timeAt: [Int: (end: Int, value: String)] = [:]
        var inTime = [Bool](repeating: false, count: view.words.count)
        for time in document.times {
            let first = document.tokens.partitionPoint { $0.end > time.start }
            let last = document.tokens.partitionPoint { $0.start >= time.end }
            guard first < last else { continue }
            let firstWord = view.wordOfToken[first]
            let lastWord = view.wordOfToken[last - 1]
            timeAt[firstWord] = (lastWord + 1, time.value)
            for word in firstWord...lastWord { inTime[word] = true }
        }
        var events: [Found] = []
        for sentence in view.sentences {
            var segments: [Range<Int>] = []
            var segmentStart = sentence.lowerBound
            for index in sentence where index > segmentStart && view.words[index].key == Self.hour && timeAt[index] != nil {
                segments.append(segmentStart..<index)
                segmentStart = index
            }
            segments.append(segmentStart..<sentence.upperBound)
            var inherited: String?
            for segment in segments {
                let when = segment.compactMap { timeAt[$0]?.value }.first ?? inherited
                inherited = when
                events.append(contentsOf: eventsIn(segment, when: when, view: view, inTime: inTime, timeAt: timeAt, document: document))
            }
        }
        if let headline = document.headlineEnd {
            for index in events.indices where events[index].event.start < headline { events[index].inHeadline = true }
        }
        document.events = Self.merged(events)
        let listed = Self.listingEvents(document)
        if !listed.isEmpty {
            document.events.append(contentsOf: listed)
            document.events.sort { $0.start < $1.start }
        }
    }

    /// Most tokens before a listing's clock on its line (a date and a weekday: "5 желтоқсан, жұма, 18:30 –").
    static let listingLeadTokens = 8
    /// Furthest (in scalars) a listing line may be from the date header above it.
    static let listingHeaderReach = 400

    /// What's-on listings: a line that opens with a clock time and a dash, under a date header or after a date on
    /// the line ("Сейсенбі, 18 ақпан" / "19:00 – «Қозы Көрпеш». Үлкен сахна."; "5 желтоқсан, жұма, 18:30 – … «Күй
    /// атасы» концерті."), is one event per line: its «title» (or the words up to the full stop), at that date and
    /// time. No event verb is needed: the layout announces it. Only clock tokens are looked at, so text without a
    /// listing costs one test per number.
    static func listingEvents(_ document: Document) -> [Event] {
        let tokens = document.tokens
        var found: [Event] = []
        var venue: String?
        // Dated times ("18 ақпан" = 2025-02-18 or XXXX-02-18), in text order.
        let dated = document.times.filter { time in
            let value = Array(time.value.utf8)
            return value.count >= 10 && value[4] == UInt8(ascii: "-") && value[7] == UInt8(ascii: "-")
        }.sorted { $0.start < $1.start }
        guard !dated.isEmpty else { return [] }
        func newlineBefore(_ index: Int) -> Bool {
            index == 0 || document.scalars[tokens[index - 1].end..<tokens[index].start].contains("\n")
        }
        for index in tokens.indices where tokens[index].kind == .number && index + 2 < tokens.count {
            guard let clock = clockTime(tokens[index].text), tokens[index + 1].norm.unicodeScalars.allSatisfy(WordView.dashes.contains),
                  !tokens[index + 1].norm.isEmpty else { continue }
            // The clock opens its line, or follows a date (and weekday) that does.
            var lineStart = index
            while lineStart > 0, index - lineStart < listingLeadTokens, !newlineBefore(lineStart) { lineStart -= 1 }
            guard newlineBefore(lineStart) else { continue }
            let clockStart = tokens[index].start
            let lead = dated.last { $0.start >= tokens[lineStart].start && $0.start < clockStart }
            guard lineStart == index || lead != nil,
                  (lineStart..<index).allSatisfy({ token in
                      tokens[token].kind == .punctuation || lead.map { $0.start <= tokens[token].start && tokens[token].end <= $0.end } == true
                          || FactLexicon.timeWords[tokens[token].norm.fastLowercased]?.kind == "weekday"
                  })
            else { continue }
            guard let date = lead ?? dated.last(where: { $0.end <= clockStart }), clockStart - date.start <= listingHeaderReach else { continue }
            var lineEnd = index + 2
            while lineEnd < tokens.count, !newlineBefore(lineEnd) { lineEnd += 1 }
            guard let title = listingTitle(tokens[(index + 2)..<lineEnd], document: document) else { continue }
            // The venue is named before the listing's first line (later lines name halls of it).
            if found.isEmpty { venue = listingVenue(before: tokens[lineStart].start, document: document) }
            found.append(Event(title: title, when: String(date.value.prefix(10)) + "T" + clock, where: venue, participants: [],
                               start: clockStart, end: tokens[lineEnd - 1].end))
        }
        return found
    }

    /// Where a listing's events take place: the venue that publishes it, named before its lines ("Шымкент қалалық
    /// драма театры келесі аптаның репертуарын жариялады."): the last facility or organisation before `offset` whose
    /// name ends in a venue noun (театр, филармония; `venue-words.tsv`). A hall on the line ("Үлкен сахна") is a part
    /// of that venue, not the place.
    static func listingVenue(before offset: Int, document: Document) -> String? {
        var venue: String?
        for entity in document.entities {
            guard entity.end <= offset else { break }
            guard entity.label == .facility || entity.label.isOrganisation,
                  let last = entity.canonical.split(separator: " ").last.map({ String($0).fastLowercased }),
                  venues.longest(last) != nil
            else { continue }
            venue = entity.canonical
        }
        return venue
    }

    /// "19:00", "18.30" → "19:00"; nil for anything that is no clock time.
    static func clockTime(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count == 4 || bytes.count == 5 else { return nil }
        let separator = bytes.count - 3
        guard bytes[separator] == UInt8(ascii: ":") || bytes[separator] == UInt8(ascii: ".") else { return nil }
        let digits = bytes.enumerated().filter { $0.offset != separator }.map(\.element)
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let hour = digits.dropLast(2).reduce(0) { $0 * 10 + Int($1 - 0x30) }
        let minute = digits.suffix(2).reduce(0) { $0 * 10 + Int($1 - 0x30) }
        guard hour <= 23, minute <= 59 else { return nil }
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    /// A listing line's title: the first «…» after the dash, else its words up to the first full stop.
    private static func listingTitle(_ line: ArraySlice<Token>, document: Document) -> String? {
        if let open = line.firstIndex(where: { $0.norm == "«" }), let close = line[(open + 1)...].firstIndex(where: { $0.norm == "»" }),
           close > open + 1 {
            return document.slice(line[open + 1].start, line[close - 1].end)
        }
        let end = line.firstIndex { $0.norm == "." || $0.norm == "!" || $0.norm == "?" } ?? line.endIndex
        guard end > line.startIndex, line[line.startIndex..<end].contains(where: { $0.kind == .word }) else { return nil }
        return document.slice(line[line.startIndex].start, line[end - 1].end)
    }

    /// An event with what merging needs: the stem of its event noun and whether its place is a venue phrase.
    struct Found {
        var event: Event
        var noun: String
        var atVenue: Bool
        /// Said in the headline above the lead, which names the same event in full.
        var inHeadline = false
        /// A bare event noun (or "бұл рәсім": function words only before it) that only a participation verb reports
        /// ("Форумға … қатысты"): it joins an event named elsewhere, never stands alone ("жаңа көпірдің ашылу
        /// салтанатына қатысты" does).
        var participationOnly = false
    }

    private func eventsIn(
        _ segment: Range<Int>, when: String?, view: WordView, inTime: [Bool], timeAt: [Int: (end: Int, value: String)], document: Document
    ) -> [Found] {
        let words = view.words
        // One pass, no array: most segments have no event verb at all.
        var hasVerb = false
        var participationOnly = true
        for index in segment {
            let key = words[index].key
            guard Self.verbs.contains(key), !(key == Self.passed && index > segment.lowerBound && words[index - 1].key == Self.noted) else { continue }
            // "қатысты" ends its clause as a verb; inside one it is the postposition "regarding" ("«ҚазАгроға» қатысты шаралар").
            if Self.participation.contains(key), index + 1 < segment.upperBound, !words[index + 1].isPunctuation,
               !words[index].trailing.contains(where: { ".,;!?".contains($0) }) { continue }
            hasVerb = true
            if !Self.participation.contains(key) {
                participationOnly = false
                break
            }
        }
        guard hasVerb, segment.contains(where: { nounMatch(at: $0, limit: segment.upperBound, view: view) != nil || words[$0].key == Self.willMeet })
        else { return [] }
        let venue = venue(in: segment, view: view, inTime: inTime, document: document)
        let place = (venue?.name ?? placeEntity(in: segment, view: view, document: document)).map(Self.withoutCity)
            ?? placeBeforeParticiple(in: segment, view: view, inTime: inTime)
        // Clause boundaries a title never crosses.
        var boundaryAfter = Set<Int>()
        for index in segment {
            let word = words[index]
            if let time = timeAt[index] { boundaryAfter.insert(time.end - 1) }
            if word.trailing.contains(",") || word.trailing.contains(";") { boundaryAfter.insert(index) }
            if Self.participleEndings.contains(where: { word.bare.hasSuffix($0) }) && !word.isCapitalized { boundaryAfter.insert(index) }
            if Self.titleBoundaries.contains(word.key) { boundaryAfter.insert(index) }
        }
        if let venue { boundaryAfter.insert(venue.words.upperBound - 1) }
        let participants = participants(in: segment, boundaries: boundaryAfter, view: view, document: document)

        var events: [Found] = []
        var index = segment.lowerBound
        while index < segment.upperBound {
            // An event noun inside the venue's name ("опера және балет театрында") or in the locative ("Көрмеде 300
            // экспонат қойылады": something happens at it) is no event of its own, unless a participle says it was held
            // ("Алматыда өткен Азия чемпионатында").
            // (The noun lookup first: most words are no event noun, and it rejects them fastest.)
            guard let (nounEnd, generic) = nounMatch(at: index, limit: segment.upperBound, view: view),
                  venue.map({ !$0.words.contains(index) }) ?? true,
                  !Self.isLocative(words[index], document: document) || (segment.lowerBound..<index).contains(where: { Self.participles.contains(words[$0].key) })
            else {
                index += 1
                continue
            }
            var end = nounEnd
            // "спектаклінің қойылымын": consecutive event nouns are one title.
            while let (nextEnd, _) = nounMatch(at: end, limit: segment.upperBound, view: view), words[end - 1].trailing.isEmpty { end = nextEnd }
            var start = index
            while start > segment.lowerBound, !boundaryAfter.contains(start - 1), !inTime[start - 1],
                  venue.map({ !$0.words.contains(start - 1) }) ?? true, !Self.isLocative(words[start - 1], document: document) {
                start -= 1
            }
            while start < index, Self.connectiveKeys.contains(words[start].key) { start += 1 }
            // «Name» атты … noun: the title starts at the name.
            if let named = (start..<index).first(where: { words[$0].leading.contains("«") }),
               (named..<index).contains(where: { words[$0].key == Self.named }) || words[index - 1].trailing.contains("»") {
                start = named
            }
            let titled = (start..<end).contains { words[$0].leading.contains("«") || words[$0].trailing.contains("»") }
            let denied = (start..<index).contains { Self.negations.contains(words[$0].key) }
            if !(generic && !titled) && !denied {
                let title = title(words: start..<end, view: view, document: document)
                let span = view.span(segment.lowerBound..<Self.lastWordIndex(segment, view: view))
                let noun = Self.singleNouns.longest(words[end - 1].bare)?.entry.stem ?? words[end - 1].bare
                events.append(Found(event: Event(title: title, when: when, where: place, participants: participants, start: span.start, end: span.end),
                                    noun: noun, atVenue: venue != nil, participationOnly: participationOnly && !titled
                                        && (start..<(end - 1)).allSatisfy { StopWords.kazakh.contains(words[$0].bare) }))
            }
            index = end
        }
        // "сағат 15.00-де … жастар белгілі ақындармен кездеседі": an announced meeting with no event noun.
        if events.isEmpty, let verb = segment.first(where: { words[$0].key == Self.willMeet }) {
            var start = verb
            while start > segment.lowerBound, !boundaryAfter.contains(start - 1), !inTime[start - 1],
                  venue.map({ !$0.words.contains(start - 1) }) ?? true {
                start -= 1
            }
            while start < verb, Self.connectiveKeys.contains(words[start].key) { start += 1 }
            if start < verb {
                let span = view.span(segment.lowerBound..<Self.lastWordIndex(segment, view: view))
                let title = Self.text(of: start..<(verb + 1), view: view, document: document) { $0 }
                events.append(Found(event: Event(title: title, when: when, where: place, participants: participants, start: span.start, end: span.end),
                                    noun: title, atVenue: venue != nil))
            }
        }
        return events
    }

    /// "Астанада", "елордада": a word in the locative gives the event's setting, so a title never starts before it.
    private static func isLocative(_ word: Word, document: Document) -> Bool {
        guard let last = word.coreTokens.last, Self.bareLocativeEndings.contains(where: { word.bare.hasSuffix($0) }) else { return false }
        return document.tokens[last].feats?.contains("Case=Loc") ?? false
    }

    private static func lastWordIndex(_ segment: Range<Int>, view: WordView) -> Int {
        var end = segment.upperBound
        while end > segment.lowerBound + 1, view.words[end - 1].isPunctuation { end -= 1 }
        return end
    }

    private static let singleNouns = StemIndex(nounStems.filter { $0.words.count == 1 }.map { (stem: $0.words[0], payload: $0.generic) })
    private static let phraseNouns: [String: [(words: [String], generic: Bool)]] = Dictionary(
        grouping: nounStems.filter { $0.words.count > 1 }, by: { $0.words[0] }
    )
    private static let venues = StemIndex(FactLexicon.venueStems.map { (stem: $0, payload: true) })

    /// An event noun at `index` (one or two words): the word after it and whether it is generic (шара).
    private func nounMatch(at index: Int, limit: Int, view: WordView) -> (Int, Bool)? {
        guard index < limit else { return nil }
        let bare = view.words[index].bare
        for (words, generic) in Self.phraseNouns[bare] ?? [] where index + words.count <= limit {
            let matches = (1..<words.count).allSatisfy { offset in
                let next = view.words[index + offset].bare
                return offset == words.count - 1 ? next.startsWithBytes(words[offset]) : next == words[offset]
            }
            if matches { return (index + words.count, generic) }
        }
        if let (entry, rest) = Self.singleNouns.longest(bare), rest.count <= 6 { return (index + 1, entry.payload) }
        return nil
    }

    /// The title text: the words as written, the last one in its nominative ("фестивалін" → "фестивалі").
    private func title(words range: Range<Int>, view: WordView, document: Document) -> String {
        Self.text(of: range, view: view, document: document) { Self.nominative($0) }
    }

    /// Words `range` as written (keeping «» around names), with `lastWord` applied to the last word's core.
    static func text(of range: Range<Int>, view: WordView, document: Document, lastWord: (String) -> String) -> String {
        let words = view.words
        let first = words[range.lowerBound]
        let last = words[range.upperBound - 1]
        let quoteMarks: Set<Character> = ["«", "»", "\"", "“", "”"]
        var text = ""
        if range.count > 1 {
            let start = first.leading.contains(where: quoteMarks.contains) ? document.tokens[first.tokens.lowerBound].start : first.start
            let previous = words[range.upperBound - 2]
            let keepsTrailing = previous.trailing.contains(where: quoteMarks.contains) || previous.hasDash
            let end = keepsTrailing ? document.tokens[previous.tokens.upperBound - 1].end : previous.end
            text = document.slice(start, end) + " "
        }
        var tail = lastWord(last.core)
        if range.count == 1, first.leading.contains("«") { tail = "«" + tail }
        if last.trailing.contains("»") && (text.contains("«") || tail.contains("«")) { tail += "»" }
        return Self.unwrapped(EntityResolver.squeezed(text + tail))
    }

    /// Drops an opening « that the phrase never closes (it opens a quotation the phrase only begins:
    /// "«Жастар фестивалі … басталады»") and one pair of «» around the whole phrase ("«Тәуелсіздік сарайы»").
    static func unwrapped(_ phrase: String) -> String {
        guard phrase.hasPrefix("«") else { return phrase }
        let opened = phrase.filter { $0 == "«" }.count
        let closed = phrase.filter { $0 == "»" }.count
        if closed == 0 { return String(phrase.dropFirst()) }
        if opened == 1, closed == 1, phrase.hasSuffix("»") { return String(phrase.dropFirst().dropLast()) }
        return phrase
    }

    /// "фестивалін" → "фестивалі", "сарайында" → "сарайы", "көрмеде" → "көрме", "концерт" → "концерт".
    static func nominative(_ word: String) -> String {
        let lower = word.lowercased()
        // A venue noun with a bare locative keeps its whole stem: "стадионда" → "стадион", not the "-нда" of
        // "мұражайында" stripped off a stem that happens to end in "н".
        if let rest = venues.longest(lower)?.rest, Self.bareLocativeEndings.contains(String(rest)) {
            return String(word.dropLast(rest.count))
        }
        // So does an event noun with a bare case ending ("Ташкентте өткен чемпионатта" → "чемпионат").
        if let rest = singleNouns.longest(lower)?.rest, CaseEndings.strippableSuffixes.contains(String(rest)) {
            return String(word.dropLast(rest.count))
        }
        for ending in possessedAfterConsonant where lower.hasSuffix(ending) && lower.count > ending.count + 3 {
            return String(word.dropLast(ending.count - 1))  // keep the possessive vowel
        }
        for ending in possessedAfterVowel where lower.hasSuffix(ending) {
            return String(word.dropLast(ending.count - 2))
        }
        return Nominative.word(word)
    }

    /// The venue phrase of a clause: words ending in a venue noun in the locative ("Бейбітшілік пен келісім сарайында").
    private func venue(in segment: Range<Int>, view: WordView, inTime: [Bool], document: Document) -> (words: Range<Int>, name: String)? {
        let words = view.words
        for index in segment {
            let bare = words[index].bare
            guard Self.venues.longest(bare) != nil,
                  Self.locativeEndings.contains(where: { bare.hasSuffix($0) })
            else { continue }
            var first = index
            while first > segment.lowerBound, index - first < 12 {
                let word = words[first - 1]
                // A closing guillemet belongs to the name ("«Атакент» көрме орталығында"); its opening one starts it.
                let stops = word.isPunctuation || inTime[first - 1]
                    || !(word.trailing.isEmpty || word.trailing == "»" || WordView.isInitials(word.core))
                    || Self.participleEndings.contains { word.bare.hasSuffix($0) } && !word.isCapitalized
                    || word.key == Self.withParticipation || word.key == Self.named
                if stops { break }
                first -= 1
                if words[first].leading.hasSuffix("«") { break }
            }
            while first < index, !words[first].isCapitalized { first += 1 }
            guard words[first].isCapitalized else { continue }
            return (first..<(index + 1), Self.text(of: first..<(index + 1), view: view, document: document) { Self.nominative($0) })
        }
        return nil
    }

    /// A place entity in the locative inside the clause ("Алматыда" → "Алматы").
    private func placeEntity(in segment: Range<Int>, view: WordView, document: Document) -> String? {
        let span = view.span(segment.lowerBound..<max(segment.lowerBound + 1, segment.upperBound))
        // Entities are in text order: start at the first one inside the clause (a scan of all was quadratic).
        let first = document.entities.partitionPoint { $0.start >= span.start }
        for entity in document.entities[first...] {
            guard entity.start < span.end else { break }
            guard entity.end <= span.end else { continue }
            guard entity.label.isPlace, let last = entity.tokenRange.last, last < view.wordOfToken.count else { continue }
            let bare = view.words[view.wordOfToken[last]].bare
            if Self.locativeEndings.contains(where: { bare.hasSuffix($0) }) { return entity.canonical }
        }
        return nil
    }

    /// "Көкшетаудағы Достық үйі" → "Достық үйі": the city a named venue is in ("-дағы", located in) is not part of the
    /// venue's name.
    static func withoutCity(_ place: String) -> String {
        let words = place.split(separator: " ")
        guard words.count >= 2, words[1].first?.isUppercase == true,
              locatedInEndings.contains(where: { words[0].lowercased().hasSuffix($0) }) else { return place }
        return words.dropFirst().joined(separator: " ")
    }

    /// "Бангкокта өткен … чемпионатында": a capitalised word in the locative right before "өткен" (held) is where the
    /// event was held, even when the tagger did not mark it as a place.
    private func placeBeforeParticiple(in segment: Range<Int>, view: WordView, inTime: [Bool]) -> String? {
        for index in segment where index + 1 < segment.upperBound && Self.participles.contains(view.words[index + 1].key) {
            let word = view.words[index]
            guard word.isCapitalized, !inTime[index], word.trailing.isEmpty, Self.bareLocativeEndings.contains(where: { word.bare.hasSuffix($0) })
            else { continue }
            // The bare locative ending ("-та", "-де") is all there is to drop: the participle needs the place in it.
            return String(word.core.dropLast(2))
        }
        return nil
    }

    /// "X және Y қатысуымен" → [X, Y] in the nominative.
    private func participants(in segment: Range<Int>, boundaries: Set<Int>, view: WordView, document: Document) -> [String] {
        let words = view.words
        guard let marker = segment.first(where: { words[$0].key == Self.withParticipation }) else { return [] }
        var first = marker
        while first > segment.lowerBound, !boundaries.contains(first - 1) || first - 1 == marker { first -= 1 }
        var groups: [[Int]] = [[]]
        for index in first..<marker {
            if Self.conjunctions.contains(words[index].key) { groups.append([]) } else { groups[groups.count - 1].append(index) }
        }
        return groups.filter { !$0.isEmpty }.map { group in
            Self.text(of: group.first!..<(group.last! + 1), view: view, document: document) { word in
                for ending in Self.genitiveEndings where word.lowercased().hasSuffix(ending) && word.count > ending.count + 2 {
                    return String(word.dropLast(ending.count))
                }
                return word
            }
        }
    }

    /// One event per event mentioned: a repeated title ("«Цифрлы күз» фестивалі … «Цифрлы күз» фестивалін") fills the
    /// gaps of the first, and so does a shorter mention of the same event noun whose other words the fuller one has
    /// (a title line "Шымкентте халықаралық фольклор фестивалі өтеді" and the lead's "«Ұлы дала үні» халықаралық
    /// фольклор фестивалі"; "Форумға … қатысты" after "… форумы өтті"). Mentions never merge when their dates differ,
    /// when both carry different «names», or when their places disagree; a venue beats a city ("Астанада" …
    /// "Бейбітшілік және келісім сарайында"), a fuller venue name a shorter one. The fuller (or «named») mention
    /// gives the title and the span.
    static func merged(_ found: [Found]) -> [Event] {
        var result: [Found] = []
        // Lower-cased titles and nouns of `result`, made once per event rather than once per pair compared.
        var titles: [String] = []
        var nouns: [String] = []
        for item in found {
            let title = item.event.title.lowercased()
            let noun = item.noun.lowercased()
            if let index = result.indices.first(where: {
                titles[$0] == title && datesAgree(result[$0], item) || sameEvent(result[$0], item, nouns: (nouns[$0], noun))
            }) {
                result[index] = combined(result[index], item)
                titles[index] = result[index].event.title.lowercased()
                nouns[index] = result[index].noun.lowercased()
            } else {
                result.append(item)
                titles.append(title)
                nouns.append(noun)
            }
        }
        return result.filter { !$0.participationOnly }.map(\.event)
    }

    /// Genitive endings (all of one length, so at most one ends a word).
    private static let genitiveEndings = CaseEndings.endings(of: [.genitive])
    private static func isNamed(_ title: String) -> Bool { title.contains("«") || title.contains("\"") }

    /// The «name» in a title, lower-cased ("«Шебер қолдар» атты қолөнер көрмесі" → "шебер қолдар").
    private static func quotedName(_ title: String) -> String? {
        guard let open = title.firstIndex(where: { $0 == "«" || $0 == "\"" }) else { return nil }
        let rest = title[title.index(after: open)...]
        guard let close = rest.firstIndex(where: { $0 == "»" || $0 == "\"" }) else { return nil }
        return rest[..<close].lowercased()
    }

    /// Lower-cased title words without quotation marks, the event noun (the last word) left out.
    private static func modifierWords(_ title: String) -> [String] {
        let words = title.lowercased().split(separator: " ").map { String($0.filter { !"«»\"“”„".contains($0) }) }.filter { !$0.isEmpty }
        return Array(words.dropLast())
    }

    /// Whether every word of `shorter` has a word of the same stem in `longer`.
    private static func wordsIncluded(_ shorter: [String], in longer: [String]) -> Bool {
        shorter.allSatisfy { word in longer.contains { NameResolver.sameStem($0, word) } }
    }

    private static func datesAgree(_ a: Found, _ b: Found) -> Bool {
        a.event.when == nil || b.event.when == nil || a.event.when == b.event.when
    }

    /// Whether `a` and `b` (with their lower-cased nouns) are mentions of one event.
    private static func sameEvent(_ a: Found, _ b: Found, nouns: (String, String)) -> Bool {
        let (nounA, nounB) = nouns
        // "фотокөрме" is a "көрме"; "фестиваль" (Фестивальге) and "фестивал" (фестивалі) are one noun.
        guard nounA.hasSuffix(nounB) || nounB.hasSuffix(nounA) || nounA.hasPrefix(nounB) || nounB.hasPrefix(nounA) else { return false }
        guard datesAgree(a, b) else { return false }
        // Two «names»: the same event only when the names are the same.
        if isNamed(a.event.title) && isNamed(b.event.title) { return quotedName(a.event.title) == quotedName(b.event.title) }
        let wordsA = modifierWords(a.event.title)
        let wordsB = modifierWords(b.event.title)
        let included = wordsA.count <= wordsB.count ? wordsIncluded(wordsA, in: wordsB) : wordsIncluded(wordsB, in: wordsA)
        // A headline's mention ("Алматыда медицина конференциясы өтеді") and the lead's («Medicine of the Future» …
        // конференциясы) are one event even when their words differ.
        guard included || a.inHeadline != b.inHeadline else { return false }
        return place(a, b) != nil || a.event.where == nil || b.event.where == nil
    }

    /// The place two mentions of one event agree on, or nil when they disagree.
    private static func place(_ a: Found, _ b: Found) -> (name: String, atVenue: Bool)? {
        guard let whereA = a.event.where else { return b.event.where.map { ($0, b.atVenue) } }
        guard let whereB = b.event.where else { return (whereA, a.atVenue) }
        if whereA == whereB { return (whereA, a.atVenue || b.atVenue) }
        if a.atVenue != b.atVenue { return a.atVenue ? (whereA, true) : (whereB, true) }
        guard a.atVenue else { return nil }
        let wordsA = whereA.lowercased().split(separator: " ").map(String.init)
        let wordsB = whereB.lowercased().split(separator: " ").map(String.init)
        if wordsA.count < wordsB.count, wordsIncluded(wordsA, in: wordsB) { return (whereB, true) }
        if wordsB.count < wordsA.count, wordsIncluded(wordsB, in: wordsA) { return (whereA, true) }
        return nil
    }

    private static func combined(_ a: Found, _ b: Found) -> Found {
        let agreed = place(a, b)
        let bFuller = a.inHeadline && !b.inHeadline || a.inHeadline == b.inHeadline && (isNamed(b.event.title) && !isNamed(a.event.title)
            || isNamed(b.event.title) == isNamed(a.event.title) && modifierWords(b.event.title).count > modifierWords(a.event.title).count)
        var result = bFuller ? b : a
        let other = bFuller ? a : b
        if result.event.when == nil { result.event.when = other.event.when }
        if let agreed {
            result.event.where = agreed.name
            result.atVenue = agreed.atVenue
        }
        if result.event.participants.isEmpty { result.event.participants = other.event.participants }
        result.participationOnly = a.participationOnly && b.participationOnly
        return result
    }
}
