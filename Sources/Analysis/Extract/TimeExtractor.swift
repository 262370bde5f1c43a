import KazakhData
public import TextModel

/// Finds dates and times and normalises them to TIMEX3 values.
///
/// "5 қараша күні сағат 11.00-де" → `XXXX-11-05T11:00`; "5-6 қарашада" → `XXXX-11-05/XXXX-11-06`;
/// "2016 жылғы қазан айында" → `2016-10`; "2025 жылдың алғашқы жартыжылдығында" → `2025-H1`;
/// "биылғы жылдың бірінші тоқсанында" → `XXXX-Q1`. Relative words (бүгін, кеше, ертең, биыл, өткен жылы, келесі
/// жылы, өткен аптада, келесі айда, ертең сағат 9-да) are resolved against `metadata.published` and dropped when it
/// is unknown; an unknown year stays `XXXX` unless the document date gives it. A weekday ("дүйсенбіде") is the
/// nearest such day before or after the document date, as the tense of the sentence's verb says, and nothing when
/// the tense is unknown. A month named alone in the locative, ablative or dative ("қаңтарда", "сәуірден") is a month.
/// A clock time without its own date takes the last date of its sentence.
/// Impossible dates ("32 қараша", "сағат 25.00") yield nothing.
public struct TimeExtractor: Annotator {
    /// The stage's name in a pipeline (`times`).
    public let name = "times"
    /// A Kazakh model: not run on Russian paragraphs.
    public var isKazakhModel: Bool { true }

    /// Creates the stage; its word lists are bundled.
    public init() {}

    /// Fills `times` with the dates and times found, as TIMEX3 values.
    public func annotate(_ document: inout Document) {
        let view = WordView.shared(for: document)
        var anchor = CalendarDate(published: document.metadata.published)
        if anchor == nil {
            // A page's own date line ("Vesti.kz | 2 маусым 2025, 03:05") is the document's date when the input gives none.
            let line = Self.dateline(view)
            if let head = Self.pageDateline(view), line?.year == nil || line == head.date {
                anchor = head.date
                document.metadata.published = head.value
            } else {
                anchor = line
                if let line, line.year != nil, line.day != nil { document.metadata.published = line.value }
            }
        }
        var times: [TimeExpression] = []
        // The last full date of the paragraph so far: a clock in the next sentence with no date of its own is on that
        // day ("Намаз 30 наурыз күні сағат 07:30-да оқылады. Алматыда намаз сағат 07:45-те басталады.").
        var paragraphDate: CalendarDate?
        for sentence in view.sentences {
            var matcher = Matcher(view: view, sentence: sentence, anchor: anchor, tokens: document.tokens)
            if !sentence.isEmpty, !view.words[sentence.lowerBound].newlineBefore { matcher.lastDate = paragraphDate }
            var index = sentence.lowerBound
            while index < sentence.upperBound {
                if let match = matcher.match(at: index).map(matcher.extendedToUntil) {
                    for found in match.expressions {
                        let span = view.span(found.words)
                        times.append(TimeExpression(text: document.slice(span.start, span.end), value: found.value, start: span.start, end: span.end))
                    }
                    index = match.next
                } else {
                    index += 1
                }
            }
            paragraphDate = matcher.lastDate
        }
        times += Self.listingClocks(view, times: times)
        document.times = times
    }

    /// Furthest (in scalars) a listing's clock line may be from the date above it.
    static let listingReach = 400

    /// What's-on listings: a clock opening its line before a dash ("19:00 – «Қозы Көрпеш»."), under a date line
    /// ("Сейсенбі, 18 ақпан"), is that date at that time. Only line-initial clock words are looked at.
    static func listingClocks(_ view: WordView, times: [TimeExpression]) -> [TimeExpression] {
        var found: [TimeExpression] = []
        for index in view.words.indices where view.words[index].newlineBefore && view.words[index].startsWithDigit {
            let word = view.words[index]
            // "19:00" or "18.00": under a date line and before a dash, a full stop separates hours too.
            guard let clock = EventExtractor.clockTime(word.core) else { continue }
            let dashed = word.trailing.unicodeScalars.contains { WordView.dashes.contains($0) }
                || index + 1 < view.words.count && view.words[index + 1].isPunctuation && view.words[index + 1].hasDash
            guard dashed, !times.contains(where: { $0.start <= word.start && word.end <= $0.end }),
                  let date = times.last(where: { time in
                      let value = Array(time.value.utf8)
                      return time.end <= word.start && word.start - time.start <= listingReach && value.count == 10
                          && value[4] == UInt8(ascii: "-") && value[7] == UInt8(ascii: "-")
                  })
            else { continue }
            found.append(TimeExpression(text: word.core, value: date.value + "T" + clock, start: word.start, end: word.end))
        }
        return found
    }

    /// The date of a dateline that opens the text ("Астана, 12 наурыз 2025 жыл."): a short sentence holding a full
    /// date, first in the text or right after a title line. It anchors relative times and yearless dates when the
    /// input carries no publication date; a dateline without a year ("Астана, 12 наурыз.") still dates "бүгін" and
    /// "кеше" to a day of an unknown year.
    /// A dateline stands on its own line or names its place first ("Астана, …"); a short opening sentence that merely
    /// contains a date ("5 қараша 2025 жылы концерт өтеді.") does not date the text.
    static func dateline(_ view: WordView) -> CalendarDate? {
        guard let first = view.sentences.first else { return nil }
        if let date = dateline(in: first, view: view) { return date }
        // A title on its own line may come first.
        guard view.sentences.count > 1, endsLine(first, view: view), first.count <= 20 else { return nil }
        return dateline(in: view.sentences[1], view: view)
    }

    /// The date line of a web page's head: among the first five lines, the first short line (at most 16 words) that
    /// holds a full date with its year and little else: an outlet, a weekday, separators, a label ("Жарияланды"), a
    /// clock time, a view counter ("Vesti.kz | 2 маусым 2025, 03:05", "14:25, 11 Қараша 2025 | GMT +5",
    /// "2025 жылдың 3 наурызында, 10:00"). A line that reads as a sentence (a lower-case word outside its dates) is
    /// body text, not a date line. The value carries the line's clock time when it has one (`2025-06-02T03:05`).
    ///
    /// A page that dates itself at its foot ("Жарияланған күні: 27.02.2025") does so on one of its last three lines,
    /// with a label ending in a colon before the date.
    static func pageDateline(_ view: WordView) -> (date: CalendarDate, value: String)? {
        // Lines as ranges of sentences.
        var lines: [Range<Int>] = []
        var lineStart = 0
        while lineStart < view.sentences.count {
            var lineEnd = lineStart + 1
            while lineEnd < view.sentences.count, !view.words[view.sentences[lineEnd].lowerBound].newlineBefore { lineEnd += 1 }
            lines.append(lineStart..<lineEnd)
            lineStart = lineEnd
        }
        let head = lines.prefix(5)
        let foot = lines.count > 8 ? Array(lines.suffix(3)) : []
        for (number, line) in (Array(head) + foot).enumerated() {
            let (lineStart, lineEnd) = (line.lowerBound, line.upperBound)
            let words = view.sentences[lineStart].lowerBound..<view.sentences[lineEnd - 1].upperBound
            guard words.count <= 16 else { continue }
            if number >= head.count, !words.contains(where: { view.words[$0].trailing.hasPrefix(":") && !view.words[$0].startsWithDigit }) { continue }
            var found: [Matcher.Found] = []
            for sentence in view.sentences[lineStart..<lineEnd] {
                var matcher = Matcher(view: view, sentence: sentence, anchor: nil)
                var index = sentence.lowerBound
                while index < sentence.upperBound {
                    if let match = matcher.match(at: index) {
                        found += match.expressions
                        index = max(match.next, index + 1)
                    } else {
                        index += 1
                    }
                }
            }
            // "18 Қыркүйек, 2025": a year the date's own match left out, standing alone in the line.
            let year = words.lazy.compactMap { index -> Int? in
                guard let numeric = NumericWord(view.words[index].lower), numeric.rest.isEmpty, numeric.number.count == 4 else { return nil }
                return numeric.integer.flatMap { (1900...2100).contains($0) ? $0 : nil }
            }.first
            let full = found.compactMap { found -> Matcher.Found? in
                guard found.value.count >= 10, !found.value.contains("/") else { return nil }
                guard found.value.hasPrefix("XXXX") else { return found }
                guard let year, found.value.hasPrefix("XXXX-"), !found.value.hasPrefix("XXXX-XX") else { return nil }
                return Matcher.Found(words: found.words, value: String(format4: year) + found.value.dropFirst(4))
            }
            guard let dated = full.first, let date = CalendarDate(published: dated.value), date.day != nil else { continue }
            var inTimes = Set(found.flatMap { Array($0.words) })
            let clockWord = words.first { Matcher.bareClock(view.words[$0]) != nil }
            if let clockWord { inTimes.insert(clockWord) }
            if let year { inTimes.formUnion(words.filter { NumericWord(view.words[$0].lower)?.integer == year }) }
            let lowerCase = words.filter { !inTimes.contains($0) && !view.words[$0].isPunctuation && !view.words[$0].startsWithDigit
                && !view.words[$0].isCapitalized && view.words[$0].core.unicodeScalars.contains { $0.properties.isAlphabetic } }
            guard lowerCase.count <= 1 else { continue }
            var value = String(dated.value.prefix(10))
            if let clock = full.lazy.compactMap({ found in found.value.firstIndex(of: "T").map { found.value[$0...] } }).first {
                value += clock
            } else if let clockWord, let clock = Matcher.bareClock(view.words[clockWord]) {
                value += "T" + clock
            }
            return (date, value)
        }
        return nil
    }

    private static func endsLine(_ sentence: Range<Int>, view: WordView) -> Bool {
        sentence.upperBound < view.words.count && view.words[sentence.upperBound].newlineBefore
    }

    private static func dateline(in sentence: Range<Int>, view: WordView) -> CalendarDate? {
        guard sentence.count <= 8, endsLine(sentence, view: view) || view.words[sentence.lowerBound].trailing == "," else { return nil }
        var matcher = Matcher(view: view, sentence: sentence, anchor: nil)
        for index in sentence.prefix(3) {
            guard let match = matcher.match(at: index) else { continue }
            guard match.expressions.count == 1 else { return nil }
            let value = match.expressions[0].value
            if value.hasPrefix("XXXX-") {
                // Yearless: only after a place name ("Астана, 12 наурыз."), where nothing else fits.
                let parts = value.split(separator: "-").dropFirst().map { Int($0) }
                guard view.words[sentence.lowerBound].trailing == ",", parts.count == 2, let month = parts[0], let day = parts[1]
                else { return nil }
                return CalendarDate(year: nil, month: month, day: day)
            }
            guard let date = CalendarDate(published: value), date.day != nil, value.count == 10 else { return nil }
            return date
        }
        return nil
    }
}

/// Matches time expressions at one word of a sentence; remembers the sentence's last full date for clock times.
private struct Matcher {
    struct Found {
        var words: Range<Int>
        var value: String
    }

    struct Match {
        var expressions: [Found]
        var next: Int
    }

    let view: WordView
    let sentence: Range<Int>
    let anchor: CalendarDate?
    /// The document's tokens, for the tense of the verb a weekday depends on; empty for a dateline.
    let tokens: [Token]
    var lastDate: CalendarDate?

    init(view: WordView, sentence: Range<Int>, anchor: CalendarDate?, tokens: [Token] = []) {
        self.view = view
        self.sentence = sentence
        self.anchor = anchor
        self.tokens = tokens
    }

    /// Endings a month name takes in running text ("қарашада", "қазанның", "қаңтардан"); after the vowel-final
    /// "шілде" and "қараша" the possessive is -сі/-сы ("2026 жылдың 3 шілдесінде", "5 қарашасы күні").
    private static let monthEndings: Set<String> = Months.nameEndings

    private static let months = StemIndex(Months.kazakh.map { (stem: $0.key, payload: $0.value) })
    /// Time words by word key, with every weekday form ("дүйсенбіде") under the kind `weekday` so that the one lookup
    /// each word already pays for finds weekdays too.
    private static let timeWords: [UInt64: FactLexicon.TimeWord] = {
        var table = Dictionary(uniqueKeysWithValues: FactLexicon.timeWords.filter { $0.value.kind != "weekday" && $0.value.kind != "century" }
            .map { (WordKey.of($0.key), $0.value) })
        for key in weekdayForms.keys { table[key] = weekdayWord }
        // Every form of ғасыр that names one century ("ғасырда", "ғасырдағы"), under the kind `century`.
        for (noun, entry) in FactLexicon.timeWords where entry.kind == "century" {
            table[WordKey.of(noun)] = entry
            for ending in entry.condition.split(separator: ",") { table[WordKey.of(noun + ending)] = entry }
        }
        // Number words and their ordinals ("екі", "жиырмасыншы") under the kind `number`, so that the lookup every
        // word pays already finds years and days written in words; ordinals of the table (бірінші) keep their row.
        for key in numberForms.keys where table[key] == nil { table[key] = numberWord }
        return table
    }()
    private static let numberWord = FactLexicon.TimeWord(kind: "number", value: "-", condition: "-")
    private static let weekdayWord = FactLexicon.TimeWord(kind: "weekday", value: "-", condition: "-")
    private static let hour = WordKey.of("сағат")

    private func word(_ index: Int) -> Word? { sentence.contains(index) ? view.words[index] : nil }

    /// Parts of the day written before "сағат" ("таңғы сағат 07:30-да", "түнгі сағат 01:40-та"; `time-words.tsv`,
    /// daypart): part of the time's span; the clock alone gives the value.
    private static let dayParts = WordKey.set(FactLexicon.timeWords.filter { $0.value.kind == "daypart" }.map(\.key))

    /// The index of "сағат" at `index`, or right after a part of the day there; nil otherwise.
    private func hourWord(at index: Int) -> Int? {
        guard let word = word(index) else { return nil }
        if word.key == Self.hour { return index }
        return Self.dayParts.contains(word.key) && self.word(index + 1)?.key == Self.hour ? index + 1 : nil
    }

    /// "1 қарашаға дейін", "2040 жылға дейінгі": a time in the dative before "дейін" (until) takes the postposition
    /// into its span, as a range's end does; the value stays the date's.
    func extendedToUntil(_ match: Match) -> Match {
        guard let last = match.expressions.last, last.words.upperBound == match.next, let before = word(match.next - 1),
              before.trailing.isEmpty, let until = word(match.next), Self.until.contains(until.key)
        else { return match }
        var extended = match
        extended.expressions[extended.expressions.count - 1].words = last.words.lowerBound..<(match.next + 1)
        extended.next = match.next + 1
        return extended
    }

    /// Month number of a month word in any case form.
    private func month(_ index: Int) -> Int? { monthForm(index)?.month }

    /// Month number and case ending of a month word ("қазаннан" → 10, "нан").
    private func monthForm(_ index: Int) -> (month: Int, ending: String)? {
        guard let word = word(index), !word.isPunctuation, let (entry, rest) = Self.months.longest(word.bare),
              Self.monthEndings.contains(String(rest))
        else { return nil }
        return (entry.payload, String(rest))
    }

    private static let weekStems = FactLexicon.timeWords.filter { $0.value.kind == "week" }.map(\.key)
    private static let tailStems = FactLexicon.timeWords.filter { $0.value.kind == "tail" }.map(\.key)
    private static let partWords = WordKey.set(FactLexicon.timeWords.filter { $0.value.kind == "part" }.map(\.key))
    private static let until = WordKey.set(FactLexicon.timeWords.filter { $0.value.kind == "until" }.map(\.key))
    private static let spanWords = FactLexicon.timeWords.filter { $0.value.kind == "span" }
        .reduce(into: [UInt64: String]()) { $0[WordKey.of($1.key)] = $1.value.value }
    /// Every written form of a weekday by word key: the name with each case ending of its row's condition column
    /// ("дүйсенбіде", "сенбіге"; `ending` false for the bare name). One hash lookup per word keeps the common case cheap.
    private static let weekdayForms: [UInt64: (day: Int, ending: Bool)] = {
        var forms: [UInt64: (day: Int, ending: Bool)] = [:]
        for (name, entry) in FactLexicon.timeWords where entry.kind == "weekday" {
            guard let day = Int(entry.value) else { continue }
            forms[WordKey.of(name)] = (day, false)
            for ending in entry.condition.split(separator: ",") { forms[WordKey.of(name + ending)] = (day, true) }
        }
        return forms
    }()
    private static let day = WordKey.of("күні")
    private static let dayAdjective = WordKey.of("күнгі")
    /// Number words by word key: each cardinal ("он", "екі", "мың") and each ordinal form of it ("бесінші",
    /// "жиырмасыншы", "мыңыншы"), for days and years written in words ("екі мың жиырмасыншы жылы").
    private static let numberForms: [UInt64: (value: Int, kind: NumberWords.Word.Kind, ordinal: Bool)] = {
        var forms: [UInt64: (value: Int, kind: NumberWords.Word.Kind, ordinal: Bool)] = [:]
        for (word, entry) in NumberWords.cardinals where entry.value >= 1 && entry.value <= 1000 && entry.value.rounded() == entry.value {
            forms[WordKey.of(word)] = (Int(entry.value), entry.kind, false)
            for ending in OrdinalEndings.afterWord { forms[WordKey.of(word + ending)] = (Int(entry.value), entry.kind, true) }
        }
        return forms
    }()
    /// Case endings of a month named without a day: locative, ablative, dative ("қаңтарда", "сәуірден", "желтоқсанға").
    private static let bareMonthEndings: Set<String> = CaseEndings.endings(of: [.locative, .ablative, .dative])
    /// Endings of a day number after its month in the genitive ("ақпанның 5-інде", "наурыздың 15-і").
    private static let possessedDayEndings: Set<String> = Months.possessedDayEndings
    private static let ablative: Set<String> = CaseEndings.endings(of: [.ablative])
    /// The dative, also after the possessive ("5-іне", "15-сіне").
    private static let dative: Set<String> = CaseEndings.endings(of: [.dative], afterPossessive: true)
        .union(CaseEndings.endingsAfterPersonalPossessive(of: [.dative]))
    /// The genitive, also of a month in the possessive ("шілдесінің").
    private static let genitive: Set<String> = CaseEndings.endings(of: [.genitive])
        .union(CaseEndings.possessedForms(of: [.genitive], afterVowel: true))
    /// Ordinal endings of a decade or week number ("90-шы", "37-інші").
    private static let numberOrdinals: Set<String> = Set(OrdinalEndings.endings(after: [.consonant, .digits]))
    private static let digitOrdinals: Set<String> = Set(OrdinalEndings.endings(after: [.digits]))

    /// A word that closes a date without changing it ("күні", "күндері", "аралығында").
    private func isTail(_ index: Int) -> Bool {
        guard let word = word(index) else { return false }
        return Self.tailStems.contains { word.bare.startsWithBytes($0) }
    }

    /// "наурыздың соңында", "қаңтардың басында": a part of a month named by its genitive; the TIMEX3 value is the
    /// month (the part would be the `mod` attribute, which the model does not carry).
    private func monthPart(after monthIndex: Int) -> Bool {
        guard let form = monthForm(monthIndex), Self.genitive.contains(form.ending), let next = word(monthIndex + 1) else { return false }
        return Self.partWords.contains(next.key)
    }

    /// Forms of жыл "year" ("жылы", "жылғы", "жылдың"), not жылдық "anniversary", жылдар "decade", жылу "warmth".
    private func startsWithYearNoun(_ index: Int) -> Bool {
        guard let lower = word(index)?.bare else { return false }
        // "2025 ж." and "2024-2025 жж.": the abbreviations of жыл ("year") and жылдар ("years").
        if lower == "ж" || lower == "жж" { return word(index)?.core.hasSuffix(".") == true || word(index)?.trailing.hasPrefix(".") == true }
        guard lower.startsWithBytes("жыл") else { return false }
        return !FactLexicon.yearLookalikes.contains { lower.startsWithBytes($0) }
    }

    private func dayNumber(_ index: Int) -> (day: Int, rangeEnd: Int?)? {
        guard let word = word(index), word.startsWithDigit, let numeric = NumericWord(word.lower), let day = numeric.integer else { return nil }
        if numeric.rest.isEmpty || ordinalDigits(numeric) { return (day, nil) }
        // "5-6" (a range of days).
        if let dash = numeric.rest.unicodeScalars.first, WordView.dashes.contains(dash), let second = NumericWord(String(numeric.rest.dropFirst())),
           numeric.rest.count > 1,
           second.rest.isEmpty, let end = second.integer {
            return (day, end)
        }
        return nil
    }

    /// "екі мың жиырмасыншы" → 2020, "он бесінші" → 15: number words that end in an ordinal, and the word after
    /// them. A cardinal ending the run ("екі мың жиырма") or a second ordinal is no ordinal number.
    private func ordinalNumberWords(at index: Int) -> (value: Int, next: Int)? {
        var total = 0, current = 0, next = index
        var lastKind: NumberWords.Word.Kind?
        while let word = word(next), let form = Self.numberForms[word.key] {
            switch form.kind {
            case .unit, .ten:
                if lastKind == .unit || (lastKind == .ten && form.kind == .ten) { return nil }
                current += form.value
            case .hundred:
                current = max(current, 1) * form.value
            case .scale:
                total += max(current, 1) * form.value
                current = 0
            case .half, .point, .fraction:
                return nil
            }
            lastKind = form.kind
            next += 1
            if form.ordinal { return (total + current, next) }
            // Ordinals end the run; a cardinal may not close it.
            guard word.trailing.isEmpty else { return nil }
        }
        return nil
    }

    /// An ordinal written in digits: "2017-нші", "2020-сыншы", "1-інші" (the hyphen and a listed ending).
    private func ordinalDigits(_ numeric: NumericWord) -> Bool {
        numeric.rest.hasPrefix("-") && OrdinalEndings.afterDigits.contains(String(numeric.suffix))
    }

    private func resolvedYear(_ date: CalendarDate) -> CalendarDate {
        var date = date
        if date.year == nil, let year = anchor?.year { date.year = year }
        return date
    }

    mutating func match(at index: Int) -> Match? {
        // Cheap tests first: most words are neither digits, nor time words, nor month names.
        guard sentence.contains(index), !view.words[index].isPunctuation else { return nil }
        let key = view.words[index].key
        if key == Self.hour || Self.dayParts.contains(key), let hour = hourWord(at: index), let clock = clock(at: hour + 1) {
            let date = lastDate.map { resolvedYear($0).value } ?? "XXXX-XX-XX"
            if let (end, endNext) = clockRangeEnd(after: hour + 1) {
                return Match(expressions: [Found(words: index..<endNext, value: date + "T" + clock + "/" + date + "T" + end)], next: endNext)
            }
            return Match(expressions: [Found(words: index..<(hour + 2), value: date + "T" + clock)], next: hour + 2)
        }
        if view.words[index].startsWithDigit {
            if let match = yearFirst(at: index) { return match }
            if let match = decade(at: index) { return match }
            // "37-аптада": a week of an unnamed year.
            if let (code, next) = period(at: index), code.hasPrefix("W") {
                let year = anchor?.year.map { String(format4: $0) } ?? "XXXX"
                return Match(expressions: [Found(words: index..<next, value: year + "-" + code)], next: next)
            }
            if let date = numericDate(at: index) { return withClock(date, words: index, next: index + 1) }
            return dayMonth(at: index)
        }
        let bare = view.words[index].bare
        let timeWord = Self.timeWords[key]
        if let timeWord, timeWord.kind == "weekday" {
            // "Сейсенбі, 18 ақпан": a weekday before the date it names (a listing's header) is part of that date.
            if view.words[index].trailing.hasPrefix(","), word(index + 1)?.startsWithDigit == true,
               var dated = dayMonth(at: index + 1), dated.expressions.count == 1, dated.expressions[0].words.lowerBound == index + 1 {
                dated.expressions[0].words = index..<dated.expressions[0].words.upperBound
                return dated
            }
            guard let weekday = weekday(at: index), let date = weekdayDate(weekday, weekOffset: nil, at: index) else { return nil }
            return withClock(date, words: index, next: isTail(index + 1) ? index + 2 : index + 1)
        }
        if let timeWord {
            switch timeWord.kind {
            case "number": return wordNumberDate(at: index)
            case "century": return century(at: index)
            case "ordinal": if let match = wordNumberDate(at: index) { return match }
            default: break
            }
        }
        if timeWord != nil || bare.startsWithBytes("биыл") || bare.startsWithBytes("былтыр"), let match = relative(at: index) {
            return match
        }
        guard Self.months.longest(bare) != nil else { return nil }
        // "ақпанның 5-інде": the day after its month in the genitive.
        if let form = monthForm(index), Self.genitive.contains(form.ending), let (day, next) = possessedDay(after: index) {
            guard (1...CalendarDate.days(in: form.month, year: anchor?.year)).contains(day) else { return Match(expressions: [], next: next) }
            let date = resolvedYear(CalendarDate(year: nil, month: form.month, day: day))
            lastDate = date
            return Match(expressions: [Found(words: index..<next, value: date.value)], next: next)
        }
        // "наурыздың соңында".
        if let month = month(index), monthPart(after: index) {
            let date = resolvedYear(CalendarDate(year: nil, month: month, day: nil))
            return Match(expressions: [Found(words: index..<(index + 2), value: date.value)], next: index + 2)
        }
        // "қаңтар-қараша айларында", "қаңтар-наурызда": a range of months in one hyphenated word.
        if let range = monthRange(at: index) { return range }
        // "қазан айында": a month named with "ай" but no number.
        if let month = month(index), let next = self.word(index + 1), next.bare.hasPrefix("ай"), next.bare.count <= 6,
           NumericWord(view.words[max(sentence.lowerBound, index - 1)].lower) == nil || index == sentence.lowerBound {
            let date = resolvedYear(CalendarDate(year: nil, month: month, day: nil))
            return Match(expressions: [Found(words: index..<(index + 2), value: date.value)], next: index + 2)
        }
        if let form = monthForm(index), Self.bareMonthEndings.contains(form.ending), Months.standsAlone.contains(form.month), isBareMonth(index) {
            let date = resolvedYear(CalendarDate(year: nil, month: form.month, day: nil))
            return Match(expressions: [Found(words: index..<(index + 1), value: date.value)], next: index + 1)
        }
        return nil
    }

    /// "Қаңтар-қараша айларында" → "XXXX-01/XXXX-11": two month names joined by a hyphen, the second in any case
    /// form (or followed by "айлары…"), the first month before the second.
    private mutating func monthRange(at index: Int) -> Match? {
        let word = view.words[index]
        guard let hyphen = word.bare.firstIndex(of: "-") else { return nil }
        let first = String(word.bare[..<hyphen])
        let second = String(word.bare[word.bare.index(after: hyphen)...])
        guard let (from, rest) = Self.months.longest(first), rest.isEmpty,
              let (to, ending) = Self.months.longest(second), Self.monthEndings.contains(String(ending)),
              from.payload < to.payload
        else { return nil }
        var next = index + 1
        if let following = self.word(next), following.bare.startsWithBytes("айлар") { next += 1 }
        guard next > index + 1 || !ending.isEmpty else { return nil }
        let start = resolvedYear(CalendarDate(year: nil, month: from.payload, day: nil))
        let end = resolvedYear(CalendarDate(year: nil, month: to.payload, day: nil))
        return Match(expressions: [Found(words: index..<next, value: start.value + "/" + end.value)], next: next)
    }

    /// A month word standing alone: lower-case (a capital mid-sentence is a name: «Наурыз шуағы», Қазан the city),
    /// not opening a quoted name, and not after a number (an impossible "32 қарашада" stays nothing).
    private func isBareMonth(_ index: Int) -> Bool {
        let word = view.words[index]
        guard !word.leading.contains(where: { $0 == "«" || $0 == "\"" || $0 == "“" }) else { return false }
        if word.isCapitalized, index != sentence.lowerBound { return false }
        if index > sentence.lowerBound, view.words[index - 1].startsWithDigit { return false }
        return true
    }

    /// The day number after a month in the genitive ("5-інде") and the word after it (and after "күні").
    private func possessedDay(after monthIndex: Int) -> (day: Int, next: Int)? {
        guard let word = word(monthIndex + 1), word.startsWithDigit, let numeric = NumericWord(word.lower), let day = numeric.integer,
              numeric.rest.hasPrefix("-"), Self.possessedDayEndings.contains(String(numeric.suffix))
        else { return nil }
        return (day, isTail(monthIndex + 2) ? monthIndex + 3 : monthIndex + 2)
    }

    /// The weekday (1 = Monday) a word names with a case ending ("дүйсенбіде", "сәрсенбіге"), or bare before "күні" or
    /// "күнгі" ("Жұма күнгі жауын"). A capitalised form needs its ending: "Жұма" is also a given name.
    private func weekday(at index: Int) -> Int? {
        guard let word = word(index), let form = Self.weekdayForms[word.key] else { return nil }
        if !form.ending {
            guard !word.isCapitalized || index == sentence.lowerBound || view.words[index].leading.unicodeScalars.contains("«"),
                  let next = self.word(index + 1), next.key == Self.day || next.key == Self.dayAdjective else { return nil }
        }
        return form.day
    }

    /// The date of a weekday: in the week `weekOffset` weeks from the document's (өткен −1, келесі +1); otherwise the
    /// nearest one before the document date when the weekday's verb is in the past tense, after it when in the
    /// present or future. Nil without a full document date, without a known tense, or on the document's own weekday.
    private func weekdayDate(_ weekday: Int, weekOffset: Int?, at index: Int) -> CalendarDate? {
        guard let anchor, let anchorWeekday = anchor.weekday else { return nil }
        if let weekOffset { return anchor.adding(days: weekday - anchorWeekday + 7 * weekOffset) }
        guard let past = speechIsPast(after: index) ?? sentenceIsPast() else { return nil }
        let offset = past ? -((anchorWeekday - weekday + 7) % 7) : (weekday - anchorWeekday + 7) % 7
        return offset == 0 ? nil : anchor.adding(days: offset)
    }

    /// Whether the last finite verb of the sentence is in the past tense (false: present or future), from the
    /// morphology layer; nil when no finite verb carries a tense.
    private func sentenceIsPast() -> Bool? {
        for index in sentence.reversed() {
            if let past = tense(ofWord: index) { return past }
        }
        return nil
    }

    /// The tense of a weekday said inside reported speech: "«Жиын сенбіде өтеді», – деді ол." and "– Жиын сенбіде
    /// өтеді, – деді ол." are the coming Saturday although the sentence ends in the past "деді". The weekday is inside a
    /// quotation when one opens before it in the sentence, or when the first quotation mark after it closes one opened
    /// in an earlier sentence; inside dash speech when its sentence opens with a dash or goes on to ", – деді". The
    /// speech ends at the closing mark or at that comma and dash; the last finite verb before that end (from the weekday
    /// on) gives the tense, and speech with no finite verb ("… нығайтылуы керек") is about what is to come. Nil when
    /// the weekday is in no speech: a «name» after it ("«Мақтаарал Агро» шаруашылығына") is no quotation.
    private func speechIsPast(after weekdayIndex: Int) -> Bool? {
        func opens(_ word: Word) -> Bool {
            (word.isPunctuation ? word.leading : word.leading + word.trailing).unicodeScalars.contains { $0 == "«" || $0 == "“" }
        }
        func closes(_ word: Word) -> Bool {
            (word.isPunctuation ? word.leading : word.trailing).unicodeScalars.contains { $0 == "»" || $0 == "”" }
        }
        var balance = 0
        for index in sentence.lowerBound..<weekdayIndex {
            let word = view.words[index]
            if opens(word) { balance += 1 }
            if closes(word) { balance -= 1 }
        }
        let first = view.words[sentence.lowerBound]
        var inDashSpeech = first.isPunctuation ? first.hasDash : first.leading.unicodeScalars.contains { WordView.dashes.contains($0) }
        var inQuote = balance > 0 || view.words[weekdayIndex].leading.unicodeScalars.contains { $0 == "«" || $0 == "“" }
        var tense: Bool?
        var index = weekdayIndex + 1
        while index < sentence.upperBound {
            let word = view.words[index]
            if !word.isPunctuation, let past = self.tense(ofWord: index) { tense = past }
            if !inQuote, balance == 0, opens(word) { return nil }
            if closes(word) {
                if inQuote || balance == 0 { inQuote = true; break }
            }
            let commaDash = word.trailing.hasPrefix(",") && (word.hasDash
                || index + 1 < sentence.upperBound && view.words[index + 1].isPunctuation && view.words[index + 1].hasDash)
            if commaDash, !inQuote {
                let verb = view.words[index].hasDash ? index + 1 : index + 2
                if inDashSpeech || verb < sentence.upperBound && Self.speechVerbStarts.contains(view.words[verb].key) {
                    inDashSpeech = true
                    break
                }
            }
            index += 1
        }
        guard index < sentence.upperBound, inQuote || inDashSpeech else { return nil }
        return tense ?? false
    }

    /// First words of the reporting verbs ("деді", "деп", "дейді"; `speech-verbs.tsv`).
    private static let speechVerbStarts = WordKey.set(FactLexicon.speechVerbs.compactMap(\.first))

    /// Whether word `index` is a finite verb in the past tense (true), the present or future (false), or neither (nil).
    private func tense(ofWord index: Int) -> Bool? {
        guard let token = tokens[safe: view.words[index].coreTokens.lowerBound], let feats = token.feats,
              token.upos == .VERB || token.upos == .AUX, feats.contains("VerbForm=Fin")
        else { return nil }
        if feats.contains("Tense=Past") { return true }
        if feats.contains("Tense=Pres") || feats.contains("Tense=Fut") { return false }
        return nil
    }

    /// A date at words `words.lowerBound..<next`, extended by a following clock ("ертең сағат 9-да").
    private mutating func withClock(_ date: CalendarDate, words start: Int, next: Int) -> Match {
        lastDate = date
        if let hour = hourWord(at: next), let clock = clock(at: hour + 1) {
            if let (end, endNext) = clockRangeEnd(after: hour + 1) {
                return Match(expressions: [Found(words: start..<endNext, value: date.value + "T" + clock + "/" + date.value + "T" + end)], next: endNext)
            }
            return Match(expressions: [Found(words: start..<(hour + 2), value: date.value + "T" + clock)], next: hour + 2)
        }
        return Match(expressions: [Found(words: start..<next, value: date.value)], next: next)
    }

    /// "14.10.2025", "15.09.2024-те": a day, month and four-digit year written with full stops, as web pages date
    /// themselves; nil for an impossible date.
    private mutating func numericDate(at index: Int) -> CalendarDate? {
        guard let word = word(index), let numeric = NumericWord(word.lower), numeric.rest.isEmpty || numeric.rest.hasPrefix("-") else { return nil }
        let parts = numeric.number.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), parts[1].count == 2, parts[2].count == 4,
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]), (1900...2100).contains(year),
              (1...12).contains(month), (1...CalendarDate.days(in: month, year: year)).contains(day)
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// "11:20" standing alone in a page's date line: a clock time written with a colon.
    static func bareClock(_ word: Word) -> String? {
        guard let numeric = NumericWord(word.lower), numeric.rest.isEmpty else { return nil }
        let parts = numeric.number.split(separator: ":")
        guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
              hour <= 23, minute <= 59 else { return nil }
        return String(twoDigits: hour) + ":" + String(twoDigits: minute)
    }

    /// "11.00-де", "15:30" → "11:00"; nil for an impossible time.
    private func clock(at index: Int) -> String? {
        guard let word = word(index), let numeric = NumericWord(word.lower) else { return nil }
        // "сағат 9-да": a whole hour written with its case ending.
        if let hour = numeric.integer, hour <= 23, numeric.number.count <= 2, numeric.rest.hasPrefix("-"), numeric.suffix.count >= 2,
           numeric.suffix.allSatisfy(\.isLetter) {
            return String(twoDigits: hour) + ":00"
        }
        let parts = numeric.number.split(whereSeparator: { $0 == "." || $0 == ":" })
        guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]), hour <= 23, minute <= 59,
              numeric.suffix.allSatisfy(\.isLetter)
        else { return nil }
        return String(twoDigits: hour) + ":" + String(twoDigits: minute)
    }

    /// "сағат 09.00-ден 18.00-ге дейін": the end of a clock range after the clock word at `index` (which must carry the
    /// ablative), and the word after "дейін".
    private func clockRangeEnd(after index: Int) -> (String, Int)? {
        guard let start = word(index), let numeric = NumericWord(start.lower), Self.ablative.contains(String(numeric.suffix)),
              let end = clock(at: index + 1), let endWord = word(index + 1), let endNumeric = NumericWord(endWord.lower),
              Self.dative.contains(String(endNumeric.suffix)), let closing = word(index + 2), Self.until.contains(closing.key)
        else { return nil }
        return (end, index + 3)
    }

    /// "D қараша [күні] [сағат HH.MM]", "D-D2 қарашада", "D және D2 қараша күндері", optionally followed by "YYYY жыл…".
    private mutating func dayMonth(at index: Int, year knownYear: Int? = nil, wordsDay: (day: Int, next: Int)? = nil) -> Match? {
        guard let (day, rangeEnd) = wordsDay.map({ ($0.day, nil) }) ?? dayNumber(index) else { return nil }
        var secondDay = rangeEnd
        var monthIndex = wordsDay?.next ?? index + 1
        if rangeEnd == nil, wordsDay == nil, word(index + 1)?.bare == "және", let (other, otherEnd) = dayNumber(index + 2), otherEnd == nil {
            secondDay = other
            monthIndex = index + 3
        }
        guard let month = month(monthIndex) else { return nil }
        // An ordinal day ("2-нші", "екінші") before маусым may be "the 2nd season"; only a month that stands alone.
        if knownYear == nil, wordsDay != nil || word(index).flatMap({ NumericWord($0.lower) }).map(ordinalDigits) == true,
           !Months.standsAlone.contains(month) {
            return nil
        }
        var next = monthIndex + 1
        var year: Int? = knownYear
        if let yearWord = word(next), let numeric = NumericWord(yearWord.lower), numeric.rest.isEmpty, let value = numeric.integer,
           (1000...2100).contains(value), startsWithYearNoun(next + 1) {
            year = value
            next += 2
        } else if let yearWord = word(next), yearWord.lower.utf8.count == 4, let value = Int(yearWord.lower), (1900...2100).contains(value),
                  monthForm(monthIndex)?.ending.isEmpty == true, word(monthIndex)?.trailing.isEmpty == true,
                  word(next + 1) == nil || yearWord.trailing.hasPrefix(",") || yearWord.trailing.hasPrefix(".") {
            // A dateline or byline writes the year bare after the month: "15 қыркүйек 2025, 10:20".
            year = value
            next += 1
        }
        if let previous = word(index - 1), previous.bare == "жылғы" || previous.bare == "жылдың",
           let yearWord = word(index - 2), let numeric = NumericWord(yearWord.lower), numeric.rest.isEmpty,
           let value = numeric.integer, (1000...2100).contains(value) {
            year = value
        }
        let limit = CalendarDate.days(in: month, year: year)
        guard (1...limit).contains(day) else { return nil }
        if let end = secondDay, !(day < end && end <= limit) { return nil }
        let first = resolvedYear(CalendarDate(year: year, month: month, day: day))
        // "15 қазаннан 17 қазанға дейін": a range written with the ablative and the dative.
        if secondDay == nil, let form = monthForm(monthIndex), Self.ablative.contains(form.ending),
           let (endDay, endRange) = dayNumber(next), endRange == nil, let endForm = monthForm(next + 1), Self.dative.contains(endForm.ending),
           let closing = word(next + 2), Self.until.contains(closing.key) {
            let last = resolvedYear(CalendarDate(year: year, month: endForm.month, day: endDay))
            guard (1...CalendarDate.days(in: endForm.month, year: year)).contains(endDay),
                  (endForm.month, endDay) > (month, day)
            else { return nil }
            lastDate = nil
            return Match(expressions: [Found(words: index..<(next + 3), value: first.value + "/" + last.value)], next: next + 3)
        }
        if isTail(next) { next += 1 }
        if let end = secondDay {
            let last = resolvedYear(CalendarDate(year: year, month: month, day: end))
            // Two separate days ("5 және 8 қараша") are two expressions; consecutive ones one range.
            if monthIndex == index + 3, end != day + 1 {
                return Match(expressions: [
                    Found(words: index..<(index + 1), value: first.value),
                    Found(words: (index + 2)..<next, value: last.value),
                ], next: next)
            }
            lastDate = nil
            return Match(expressions: [Found(words: index..<next, value: first.value + "/" + last.value)], next: next)
        }
        lastDate = first
        if let hour = hourWord(at: next), let clock = clock(at: hour + 1) {
            if let (end, endNext) = clockRangeEnd(after: hour + 1) {
                return Match(expressions: [Found(words: index..<endNext, value: first.value + "T" + clock + "/" + first.value + "T" + end)], next: endNext)
            }
            return Match(expressions: [Found(words: index..<(hour + 2), value: first.value + "T" + clock)], next: hour + 2)
        }
        // "30 наурыз, жексенбі күні", "5 желтоқсан, жұма, 18:30": the weekday (and a listing's clock) after the date.
        if next > index, word(next - 1)?.trailing.hasPrefix(",") == true, let weekday = word(next), Self.weekdayForms[weekday.key] != nil {
            var after = next + 1
            if isTail(after) { after += 1 }
            if word(after - 1)?.trailing.hasPrefix(",") == true, let clockWord = word(after), let clock = Self.bareClock(clockWord) {
                return Match(expressions: [Found(words: index..<(after + 1), value: first.value + "T" + clock)], next: after + 1)
            }
            return Match(expressions: [Found(words: index..<after, value: first.value)], next: after)
        }
        return Match(expressions: [Found(words: index..<next, value: first.value)], next: next)
    }

    /// "2016 жылғы қазан айында", "2016 жылғы 5 қарашада", "2025 жылдың алғашқы жартыжылдығында", "2016 жылы".
    private mutating func yearFirst(at index: Int) -> Match? {
        guard let word = word(index), word.startsWithDigit, let numeric = NumericWord(word.lower), let year = numeric.integer,
              (1000...2100).contains(year)
        else { return nil }
        // "2024–2025 жылдары": a range of years (the plural жылдар is right here).
        if let dash = numeric.rest.unicodeScalars.first, WordView.dashes.contains(dash), !ordinalDigits(numeric) {
            guard let second = NumericWord(String(numeric.rest.dropFirst())), second.rest.isEmpty, let end = second.integer,
                  end > year, end <= 2100, let years = self.word(index + 1), years.bare.startsWithBytes("жыл"),
                  startsWithYearNoun(index + 1) || years.bare.startsWithBytes("жылдар")
            else { return nil }
            return Match(expressions: [Found(words: index..<(index + 2), value: String(format4: year) + "/" + String(format4: end))], next: index + 2)
        }
        guard numeric.rest.isEmpty || ordinalDigits(numeric), startsWithYearNoun(index + 1) else { return nil }
        return yearMatch(year, at: index, after: index + 2)
    }

    /// "екі мың жиырмасыншы жылы" → 2020 (a year in words with жыл), "он бесінші наурызда" → `XXXX-03-15` (a day in
    /// words before a month). Ordinals only: a cardinal before жыл is a duration ("екі жыл").
    private mutating func wordNumberDate(at index: Int) -> Match? {
        guard let (value, next) = ordinalNumberWords(at: index) else { return nil }
        if (1000...2100).contains(value), startsWithYearNoun(next) { return yearMatch(value, at: index, after: next + 1) }
        // маусым is also "season" ("екінші маусымда" = "in the second season"): a day in words needs a month that
        // stands alone.
        if let month = month(next), Months.standsAlone.contains(month) {
            // An impossible day ("отыз бесінші наурызда") is nothing, not the month alone.
            guard (1...31).contains(value) else { return Match(expressions: [], next: next + 1) }
            return dayMonth(at: index, wordsDay: (value, next))
        }
        return nil
    }

    /// "20-сыншы ғасырда", "жиырма бірінші ғасырдағы", "ХХ ғасырда" → TIMEX3 century "19" (the 20th century is the
    /// 1900s): found at the noun (a rare word, so the common words pay nothing), with the ordinal or Roman numeral
    /// before it.
    private func century(at noun: Int) -> Match? {
        guard let previous = word(noun - 1) else { return nil }
        var start = noun - 1
        var number: Int?
        if previous.startsWithDigit {
            if let numeric = NumericWord(previous.lower), ordinalDigits(numeric) { number = numeric.integer }
        } else if let roman = Self.romanNumeral(previous.bare) {
            number = roman
        } else {
            while start > sentence.lowerBound, let before = word(start - 1), Self.numberForms[before.key] != nil { start -= 1 }
            while start < noun, number == nil {
                if let (value, next) = ordinalNumberWords(at: start), next == noun { number = value } else { start += 1 }
            }
        }
        guard let number, (1...30).contains(number) else { return nil }
        return Match(expressions: [Found(words: start..<(noun + 1), value: String(twoDigits: number - 1))], next: noun + 1)
    }

    /// "ХХ", "XXI" (Latin or Cyrillic letters) → 20, 21; nil for anything else.
    private static func romanNumeral(_ lower: String) -> Int? {
        guard lower.utf8.count <= 12 else { return nil }
        var total = 0, previous = 0
        for scalar in lower.unicodeScalars.reversed() {
            let value: Int
            switch scalar {
            case "i", "і", "ı": value = 1
            case "v": value = 5
            case "x", "х": value = 10
            default: return nil
            }
            total += value < previous ? -value : value
            previous = max(previous, value)
        }
        return total
    }

    /// The rest of a date after its year and жыл at `index..<after`: "… 5 қарашада", "… қазан айында", "… бірінші
    /// тоқсанында", or the year alone.
    private mutating func yearMatch(_ year: Int, at index: Int, after: Int) -> Match {
        if dayNumber(after) != nil, self.month(after + 1) != nil, var match = dayMonth(at: after, year: year) {
            match.expressions[0].words = index..<match.expressions[0].words.upperBound
            return match
        }
        // "… жылы төртінші мамырда": the day in words.
        if Self.numberForms[view.words[min(after, view.words.count - 1)].key] != nil, let (day, next) = ordinalNumberWords(at: after),
           (1...31).contains(day), self.month(next) != nil, var match = dayMonth(at: after, year: year, wordsDay: (day, next)) {
            match.expressions[0].words = index..<match.expressions[0].words.upperBound
            return match
        }
        if let month = self.month(after) {
            var next = after + 1
            if let following = self.word(next), following.bare.hasPrefix("ай"), following.bare.count <= 6 { next += 1 }
            if next == after + 1, monthPart(after: after) { next += 1 }
            return Match(expressions: [Found(words: index..<next, value: CalendarDate(year: year, month: month, day: nil).value)], next: next)
        }
        if let (period, next) = period(at: after) {
            return Match(expressions: [Found(words: index..<next, value: String(format4: year) + "-" + period)], next: next)
        }
        // "2025 жылдың соңына дейін": a part of the year names the year.
        if let part = self.word(after), Self.partWords.contains(part.key) {
            return Match(expressions: [Found(words: index..<(after + 1), value: String(format4: year))], next: after + 1)
        }
        return Match(expressions: [Found(words: index..<after, value: String(format4: year))], next: after)
    }

    /// "90 жылдардың басында", "90- шы жылдардың ортасында", "1990 жылдары" → "199X".
    private func decade(at index: Int) -> Match? {
        guard let word = word(index), let numeric = NumericWord(word.lower), let number = numeric.integer, number % 10 == 0,
              numeric.suffix.isEmpty || Self.numberOrdinals.contains(String(numeric.suffix))
        else { return nil }
        var next = index + 1
        if let ordinal = self.word(next), Self.digitOrdinals.contains(ordinal.bare), word.trailing.contains("-") { next += 1 }
        guard let years = self.word(next), years.bare.startsWithBytes("жылдар") else { return nil }
        let century: Int
        switch number {
        case 10...90: century = 1900 + number
        case 1000...2090: century = number
        default: return nil
        }
        next += 1
        if let part = self.word(next), Self.partWords.contains(part.key) { next += 1 }
        return Match(expressions: [Found(words: index..<next, value: String(century / 10) + "X")], next: next)
    }

    /// "алғашқы жартыжылдығында" → "H1", "бірінші тоқсанында" → "Q1", "соңғы тоқсанында" → "Q4".
    private func period(at index: Int) -> (code: String, next: Int)? {
        // "37-аптасында", "37-ші аптасында" → "W37" (ISO week).
        if let numberWord = word(index), numberWord.startsWithDigit, let numeric = NumericWord(numberWord.lower), let week = numeric.integer {
            // A bare number before апта is a duration ("5 апта"); the ordinal is hyphenated or has -ші.
            var suffix = String(numeric.suffix)
            var next = index + 1
            if Self.numberOrdinals.contains(suffix), let following = word(index + 1) {
                suffix = following.bare
                next += 1
            } else if !numeric.rest.hasPrefix("-") {
                return nil
            }
            guard (1...53).contains(week), Self.weekStems.contains(where: { suffix.startsWithBytes($0) }) else { return nil }
            return ("W" + String(twoDigits: week), next)
        }
        guard let ordinalWord = word(index), let ordinal = Self.timeWords[ordinalWord.key], ordinal.kind == "ordinal",
              let periodWord = word(index + 1), let number = Int(ordinal.value)
        else { return nil }
        let lower = periodWord.bare
        guard let code = FactLexicon.timeWords.first(where: { $0.value.kind == "period" && lower.hasPrefix($0.key) })?.value.value,
              // тоқсан alone is also the number 90; the period noun carries a possessive ("тоқсаны", "тоқсанында").
              code != "Q" || lower.count > "тоқсан".count
        else { return nil }
        let count = code == "H" ? 2 : 4
        let position = number == -1 ? count : number
        guard (1...count).contains(position) else { return nil }
        return (code + String(position), index + 2)
    }

    /// бүгін, кеше, ертең, биыл, былтыр, өткен/келесі жылы, бүгінгі күні, қазіргі кезде.
    private mutating func relative(at index: Int) -> Match? {
        guard let word = word(index) else { return nil }
        let lower = word.bare
        var entry = Self.timeWords[word.key]
        if entry == nil {
            if lower.startsWithBytes("биыл") { entry = FactLexicon.timeWords["биыл"] }
            if lower.startsWithBytes("былтыр") { entry = FactLexicon.timeWords["былтыр"] }
        }
        guard let entry else { return nil }
        if entry.kind == "season" {
            // "күзде" → XXXX-FA; "2016 жылдың күзінде" is taken by the year first.
            let year = anchor?.year.map { String(format4: $0) } ?? "XXXX"
            return Match(expressions: [Found(words: index..<(index + 1), value: year + "-" + entry.value)], next: index + 1)
        }
        guard let offset = Int(entry.value) else { return nil }
        switch entry.kind {
        case "future":
            guard let next = self.word(index + 1), next.bare.startsWithBytes(entry.condition) else { return nil }
            return Match(expressions: [Found(words: index..<(index + 2), value: "FUTURE_REF")], next: index + 2)
        case "present":
            guard let next = self.word(index + 1), next.bare.hasPrefix(entry.condition) else { return nil }
            return Match(expressions: [Found(words: index..<(index + 2), value: "PRESENT_REF")], next: index + 2)
        case "day":
            var next = index + 1
            if entry.condition != "-" {
                guard let following = self.word(next), following.bare.hasPrefix(entry.condition) else { return nil }
                next += 1
            }
            guard let date = anchor?.adding(days: offset) else { return nil }
            return withClock(date, words: index, next: next)
        case "year":
            var next = index + 1
            // "жыл соңына дейін", "жылдың басында": the document's year, named only by жыл and a part of it.
            if entry.condition == "needs-part" {
                guard let part = self.word(next), Self.partWords.contains(part.key), let year = anchor?.year else { return nil }
                return Match(expressions: [Found(words: index..<(next + 1), value: String(format4: year + offset))], next: next + 1)
            }
            // "өткен аптада", "келесі айда": a week or month counted from the document date.
            if entry.condition == "needs-year", let following = self.word(next), let unit = Self.spanWords[following.key] {
                guard let anchor else { return nil }
                let value = unit == "W" ? anchor.adding(days: 7 * offset)?.isoWeekValue : anchor.adding(months: offset)?.value
                guard let value else { return nil }
                return Match(expressions: [Found(words: index..<(next + 1), value: value)], next: next + 1)
            }
            // "өткен сенбіде", "келесі дүйсенбіде": a weekday of the week before or after the document's.
            if entry.condition == "needs-year", let weekday = weekday(at: next) {
                guard let date = weekdayDate(weekday, weekOffset: offset, at: next) else { return nil }
                return withClock(date, words: index, next: isTail(next + 1) ? next + 2 : next + 1)
            }
            if entry.condition == "needs-year" {
                guard startsWithYearNoun(next) else { return nil }
                next += 1
            } else if startsWithYearNoun(next) {
                next += 1
            }
            let year = anchor?.year.map { String(format4: $0 + offset) }
            if let (period, end) = period(at: next) {
                return Match(expressions: [Found(words: index..<end, value: (year ?? "XXXX") + "-" + period)], next: end)
            }
            // "ағымдағы жылдың 15 наурызында", "биылғы қаңтарда": a date or month of that year.
            if dayNumber(next) != nil, month(next + 1) != nil, var match = dayMonth(at: next, year: anchor?.year.map { $0 + offset }) {
                match.expressions[0].words = index..<match.expressions[0].words.upperBound
                return match
            }
            // "келер жылдың жиырма төртінші шілдесінде": the day in words, of that year too (never of the document's).
            if self.word(next).map({ Self.numberForms[$0.key] != nil }) == true, let (day, end) = ordinalNumberWords(at: next), (1...31).contains(day),
               month(end) != nil, var match = dayMonth(at: next, year: anchor?.year.map { $0 + offset }, wordsDay: (day, end)) {
                match.expressions[0].words = index..<match.expressions[0].words.upperBound
                return match
            }
            // The month alone must read as one ("биылғы маусымда" is "this season") unless "ай" follows it.
            if let month = month(next), !monthPart(after: next) {
                let named = self.word(next + 1).map { $0.bare.hasPrefix("ай") && $0.bare.count <= 6 } ?? false
                if named || Months.standsAlone.contains(month) {
                    let end = named ? next + 2 : next + 1
                    let date = CalendarDate(year: anchor?.year.map { $0 + offset }, month: month, day: nil)
                    return Match(expressions: [Found(words: index..<end, value: date.value)], next: end)
                }
            }
            guard let year else { return nil }
            // "өткен жылдың соңында": a part of the year names the year (the part would be TIMEX3 `mod`).
            if next > index + 1, let part = self.word(next), Self.partWords.contains(part.key) { next += 1 }
            return Match(expressions: [Found(words: index..<next, value: year)], next: next)
        default:
            return nil
        }
    }
}
