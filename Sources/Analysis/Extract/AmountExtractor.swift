import KazakhData
public import TextModel

/// Finds quantities: digits or number words, a scale (мың, млн, млрд), a unit (теңге → `KZT`, % → `percent`,
/// есе → `times`, or the counted noun: "1,14 млн турист" → `турист`) and a modifier ("180 мыңнан астам" →
/// `more_than`).
///
/// Not amounts: words already inside a time expression (run after ``TimeExtractor``), ordinals ("35-ші"),
/// anniversaries ("1000 жылдығы"), clock times, numbers before a month name, years in names ("Универсиада 2017"),
/// and numbers too large to be news facts (over 10^15).
public struct AmountExtractor: Annotator {
    /// The stage's name in a pipeline (`amounts`).
    public let name = "amounts"
    /// A Kazakh model: not run on Russian paragraphs.
    public var isKazakhModel: Bool { true }

    /// Creates the stage; its word lists are bundled.
    public init() {}

    /// Endings that make adjectives of nouns ("мемлекеттік", "жылғы"): -лық and -ғы (`morphology-derivations.tsv`).
    private static let adjectiveEndings = MorphologyTables.derivationForms(of: ["NOUN_LYK", "ADJ_GY"])
    /// The accusative after a consonant ("орынды"), which also ends adjectives ("нақты").
    private static let consonantAccusative = CaseEndings.endingsAfterConsonant(of: [.accusative]).sorted()
    /// "-ші", "-інші", "-сыншы" ("20-сыншы мектеп" is the school number 20, not 20 schools).
    private static let ordinalSuffixes: [String] = OrdinalEndings.afterDigits
    /// The oblique case endings after a bare stem (no two of them end one word, so their order does not matter).
    private static let nounEndings: [String] = CaseEndings.oblique.sorted { $0.count > $1.count || $0.count == $1.count && $0 < $1 }
    /// Endings a number word takes ("бестен", "екіге", "үшеуі" is not a cardinal and is left out): the oblique case
    /// endings but the accusative -ды, which this list has never had ("отызды" is not read as a number today).
    private static let numberEndings: Set<String> = CaseEndings.oblique.subtracting(["ды"])

    private static let months = StemIndex(Months.kazakh.map { (stem: $0.key, payload: $0.value) })
    /// Number stems that take no ending in counts (жүз, он, алты, …: they clash with other words).
    private static let clashingStems = StemIndex(NumberWords.cardinals.filter { !$0.value.takesSuffixes && $0.value.kind != .scale && $0.value.value >= 1 }
        .map { (stem: $0.key, payload: $0.value) })
    /// Every clashing stem with each number ending ("жүзден", "оннан"), by word key: one hash lookup per word.
    private static let clashingForms: Set<UInt64> = Set(NumberWords.cardinals.filter { !$0.value.takesSuffixes && $0.value.kind != .scale && $0.value.value >= 1 }
        .flatMap { stem in numberEndings.map { WordKey.of(stem.key + $0) } })
    private static let numberStems = StemIndex(NumberWords.cardinals.filter { $0.value.takesSuffixes }.map { (stem: $0.key, payload: $0.value) })
    private static let units = StemIndex(FactLexicon.unitStems.filter { !$0.stem.contains(" ") }.map { (stem: $0.stem, payload: $0.unit) })
    /// Units written as several words ("АҚШ доллары"): the leading words exactly, the last one as a stem.
    private static let unitPhrases: [(words: [String], unit: String)] = FactLexicon.unitStems.filter { $0.stem.contains(" ") }
        .map { ($0.stem.split(separator: " ").map(String.init), $0.unit) }
    private static let genitiveEndings: Set<String> = CaseEndings.endings(of: [.genitive])
    private static let numberWordKeys = Dictionary(uniqueKeysWithValues: NumberWords.cardinals.map { (WordKey.of($0.key), $0.value) })
    private static let modifiers = Dictionary(uniqueKeysWithValues: FactLexicon.amountModifiers.map { (WordKey.of($0.key), $0.value) })
    private static let notUnitKeys = WordKey.set(FactLexicon.notUnits)
    private static let hour = WordKey.of("сағат")
    private static let one = WordKey.of("бір")
    private static let countAttributes = WordKey.set(FactLexicon.countAttributes)
    /// Endings a hyphen may join to a number: case endings, alone or after a possessive ("5-інде", "100-ден").
    private static let inflections: Set<String> = {
        let cases = CaseEndings.endings(of: CaseEndings.allCases, afterPossessive: true).union([""])
        return Set(([""] + CaseEndings.possessives.map(\.ending)).flatMap { possessive in cases.map { possessive + $0 } }).subtracting([""])
    }()
    static func isInflection(_ tail: Substring) -> Bool { inflections.contains(String(tail).lowercased()) }
    private static let point = WordKey.of(NumberWords.cardinals.first { $0.value.kind == .point }?.key ?? "бүтін")
    private static let ablativeEndings: Set<String> = CaseEndings.endings(of: [.ablative])
    /// The plural endings (all of one length, so at most one ends a word).
    private static let pluralEndings: Set<String> = CaseEndings.endings(of: [.plural])

    /// Fills `amounts` with the quantities found ("1,8 млрд. теңге" → 1.8e9 `KZT`).
    public func annotate(_ document: inout Document) {
        let view = WordView.shared(for: document)
        let words = view.words
        var covered = [Bool](repeating: false, count: words.count)
        for time in document.times {
            let first = document.tokens.partitionPoint { $0.end > time.start }
            let last = document.tokens.partitionPoint { $0.start >= time.end }
            for token in first..<max(first, last) { covered[view.wordOfToken[token]] = true }
        }
        var amounts: [Amount] = []
        var index = 0
        while index < words.count {
            if words[index].startsWithDigit || words[index].leading.hasSuffix("+"), let end = Self.telephoneNumberEnd(from: index, words: words) {
                index = end
                continue
            }
            if !covered[index], let amount = amount(at: index, view: view, covered: covered, document: document) {
                amounts.append(amount.amount)
                index = amount.next
            } else {
                index += 1
            }
        }
        document.amounts = amounts
    }

    /// The end of the words that spell a telephone number from `index` ("8 (7172) 74-55-12", "+7 701 123 45 67"), or
    /// nil: digit groups joined by spaces, hyphens or brackets, seven digits or more, with a "+", a bracket, a
    /// hyphenated run of three groups or a two-digit group after the first — which a grouped quantity ("1 500 000
    /// теңге") or a range ("2024-2026") never has.
    static func telephoneNumberEnd(from index: Int, words: [Word]) -> Int? {
        var end = index
        var digits = 0
        var groupLengths: [Int] = []
        var marked = false
        while end < words.count {
            let word = words[end]
            guard !word.core.isEmpty, word.core.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }),
                  word.leading.allSatisfy({ $0 == "+" || $0 == "(" })
            else { break }
            let groups = word.core.split(separator: "-")
            if !word.leading.isEmpty || groups.count >= 3 { marked = true }
            groupLengths += groups.map(\.count)
            digits += groups.reduce(0) { $0 + $1.count }
            end += 1
            if word.trailing.contains(")") { marked = true }
            guard word.trailing.allSatisfy({ $0 == ")" }) else { break }
        }
        guard end > index, digits >= 7, marked || groupLengths.dropFirst().contains(2) else { return nil }
        return end
    }

    private struct Found {
        var amount: Amount
        var next: Int
    }

    private func amount(at index: Int, view: WordView, covered: [Bool], document: Document) -> Found? {
        let words = view.words
        // Cheap test first: a quantity starts with a digit or a number word.
        let symbolUnit = Self.leadingCurrency(words, index)
        guard words[index].startsWithDigit || symbolUnit != nil || Self.numberWordKeys[words[index].key] != nil
                || Self.numberStems.longest(words[index].bare) != nil || Self.clashingForms.contains(words[index].key)
        else { return nil }
        let sentence = view.sentence(of: index)
        func word(_ position: Int) -> Word? {
            sentence.contains(position) && !covered[position] && !words[position].isPunctuation ? words[position] : nil
        }
        guard let first = word(index) else { return nil }
        var value: Double
        var next: Int
        var tail: Substring = ""  // what follows the number inside its word ("%-ға", "-тан", "ы")
        var fromWords = false
        if first.startsWithDigit || symbolUnit != nil, let numeric = NumericWord(symbolUnit == nil ? first.lower : String(first.lower.unicodeScalars.dropFirst())) {
            // A number that opens a quoted name ("«100 нақты қадам»") is part of the name.
            guard !first.leading.contains(where: { $0 == "«" || $0 == "\"" || $0 == "“" }) else { return nil }
            guard let number = Self.decimal(numeric.number) else { return nil }
            value = number
            tail = numeric.rest
            next = index + 1
            // "4 500": groups of three digits separated by spaces.
            while tail.isEmpty, let group = word(next), let groupNumber = NumericWord(group.lower), groupNumber.number.count == 3,
                  groupNumber.number.allSatisfy(\.isNumber), numeric.number.count <= 3, numeric.number.allSatisfy(\.isNumber),
                  let groupValue = Double(groupNumber.number) {
                value = value * 1000 + groupValue
                tail = groupNumber.rest
                next += 1
            }
            if word(index - 1)?.key == Self.hour { return nil }
            // "ақпанның 5-інде": a day after its month in the genitive is a date, even an impossible one.
            if numeric.rest.hasPrefix("-"), let previous = word(index - 1), let (_, rest) = Self.months.longest(previous.bare),
               Self.genitiveEndings.contains(String(rest)) {
                return nil
            }
            // "10.00-ден 18.00-ге дейін": a clock time with a case ending is a time even without "сағат".
            if Self.isClockTime(numeric) { return nil }
        } else if let parsed = numberWords(from: index, word: word) {
            value = parsed.value
            next = parsed.next
            tail = parsed.tail
            fromWords = true
        } else {
            return nil
        }
        let hyphenated = tail.hasPrefix("-")
        if hyphenated { tail = tail.dropFirst() }
        // "40-шақырымында", "5-сыныпта": a noun hyphenated to a number makes it an ordinal ("the 40th kilometre"); only
        // case and possessive endings follow a count that way ("100-ден", "5-інде").
        if hyphenated, !tail.isEmpty, tail.allSatisfy(\.isLetter), !Self.isInflection(tail) { return nil }
        // "айдың 5-і күні", "13-ші айдың 45-і күні": a possessive number before "күні" names a day of a month (a date,
        // even an impossible one), never a count of days.
        if hyphenated, tail == "і" || tail == "ы", let following = word(next), following.bare.hasPrefix("күн") { return nil }
        // Ordinals and anything glued that is not a suffix ("2-ші", "2-ншісі", "картасы-2020", "5а").
        // (The hyphen first: the Character-level `hasPrefix` costs more and rarely matters.)
        if !tail.isEmpty && Self.ordinalSuffixes.contains(where: { tail.hasPrefix($0) })
            || words[next - 1].trailing == "-" && word(next)?.bare.hasPrefix("ш") == true {
            return nil
        }
        // "Екі мың жиырмасыншы жылы": number words that end in an ordinal are an ordinal, not a count.
        if fromWords, let following = word(next), Self.isOrdinalNumberWord(following.bare) { return nil }
        var unit: String?
        var modifier: String?
        if tail.hasPrefix("%") {
            unit = "percent"
            tail = tail.dropFirst()
        } else if !tail.isEmpty, !tail.allSatisfy(\.isLetter) {
            return nil
        }
        // Scale words: "1,8 млрд.", "180 мыңнан", "323 мыңы".
        var scaled = false
        while tail.isEmpty || fromWords, unit == nil, let scaleWord = word(next), let scale = Self.scale(scaleWord.bare) {
            value *= scale.value
            tail = scale.suffix
            next += 1
            scaled = true
            if !tail.isEmpty { break }
        }
        guard value.isFinite, value <= 1e15 else { return nil }
        // "4,1 млн" is 4,100,000, not the binary product 4099999.9999999995.
        if scaled { value = (value * 1e6).rounded() / 1e6 }
        // "$150 млн", "€40 млн": the currency sign written before the number.
        if let symbolUnit {
            guard unit == nil else { return nil }
            unit = symbolUnit
        }
        // A month name after the number is a (possibly impossible) date, never a quantity.
        if let following = word(next), Self.months.longest(following.bare) != nil { return nil }
        if let previous = word(index - 1), let entry = Self.modifiers[previous.key], entry.position == .before {
            modifier = entry.code
        }
        // Nothing after a closing quote or a comma belongs to the amount ("«Қазақстан -2030» стратегиясында");
        // an abbreviation's full stop before a lower-case word does not close it ("1,8 млрд. теңге").
        func isOpen() -> Bool {
            let trailing = words[next - 1].trailing
            return trailing.isEmpty || trailing == "." && word(next).map { !$0.isCapitalized } == true
        }
        var modifierAfter = false
        if isOpen(), let following = word(next), let entry = Self.modifiers[following.key], entry.position == .after {
            modifier = entry.code
            // "дейін" ("up to") after a lone number word is mostly a clock or a day ("кешкі сегізге дейін").
            modifierAfter = entry.code != "up_to"
            next += 1
        }
        if isOpen(), unit == nil, let following = word(next), Self.unitCode(following.bare) == nil,
           let (code, length) = unitPhrase(at: next, word: word) {
            unit = code
            next += length
            if isOpen(), modifier == nil, let after = word(next), let entry = Self.modifiers[after.key], entry.position == .after {
                modifier = entry.code
                next += 1
            }
        }
        if isOpen(), unit == nil, let following = word(next), let code = Self.unitCode(following.bare) {
            unit = code
            next += 1
            if isOpen(), modifier == nil, let after = word(next), let entry = Self.modifiers[after.key], entry.position == .after {
                modifier = entry.code
                next += 1
            }
        }
        var counted = false
        if isOpen(), unit == nil, let following = word(next) {
            let lower = following.bare
            if lower.hasPrefix("жылдық") || lower.hasPrefix("жылдығ") || lower.hasPrefix("жылдар") || lower.hasPrefix("бөлі") { return nil }
            if lower.hasPrefix("жыл"), value >= 1000 { return nil }
            // "7 алтын медаль": an attribute noun before the counted noun.
            if Self.countAttributes.contains(following.key), following.trailing.isEmpty, let head = word(next + 1),
               let noun = countedNoun(head, document: document, afterNumberWord: fromWords, next: word(next + 2)) {
                unit = noun
                counted = true
                next += 2
            } else if let noun = countedNoun(following, document: document, afterNumberWord: fromWords, next: word(next + 1)) {
                unit = noun
                counted = true
                next += 1
            }
            // "5 млн тоннадан астам", "200 адамға жуық": the modifier after the counted noun.
            if counted, isOpen(), modifier == nil, let after = word(next), let entry = Self.modifiers[after.key], entry.position == .after {
                modifier = entry.code
                next += 1
            }
        }
        // A bare four-digit number in a name ("Универсиада 2017", "ALA CRAFT 2025", "«Жылу – 2025» атты семинар") is a
        // year, not a quantity.
        if !fromWords, !scaled, unit == nil || counted, modifier == nil, value >= 1900, value <= 2100, value.rounded() == value {
            let before = index > sentence.lowerBound ? words[index - 1] : nil
            if before?.isCapitalized == true || unit == nil && (word(next) == nil || word(next)?.isCapitalized == true) { return nil }
            if unit == nil, words[next - 1].trailing.hasPrefix("»") { return nil }
        }
        // "бір" alone is an article ("бір рет"); a lone number word needs a unit or a scale to be a quantity.
        // … unless a modifier after it makes it a count: "алпыстан астам", "үш жүзден астам" ("more than 300").
        if fromWords, unit == nil, !scaled, !modifierAfter { return nil }
        if fromWords, value < 2, !scaled, unit != "times", unit != "percent" { return nil }
        let span = view.span(index..<next)
        return Found(
            amount: Amount(text: document.slice(span.start, span.end), value: value, unit: unit, modifier: modifier, start: span.start, end: span.end),
            next: next
        )
    }

    /// Currency signs from the unit table ("$" → USD, "€" → EUR), written before a number in "$150 млн".
    private static let currencySigns: [Unicode.Scalar: String] = {
        var signs: [Unicode.Scalar: String] = [:]
        for (stem, unit) in FactLexicon.unitStems where stem.unicodeScalars.count == 1 && unit != "percent" {
            let scalar = stem.unicodeScalars.first!
            if !scalar.properties.isAlphabetic { signs[scalar] = unit }
        }
        return signs
    }()

    /// The unit of a currency sign that opens a word followed by a digit ("$150"), or nil.
    /// Takes the array and an index, not a `Word`: it runs on every word, and a `Word` by value retains five strings.
    static func leadingCurrency(_ words: [Word], _ index: Int) -> String? {
        guard !words[index].startsWithDigit, let first = words[index].core.utf8.first, first == 0x24 || first == 0xC2 || first == 0xE2 else { return nil }
        // (The first UTF-8 byte of "$", "£" and "€"; a letter never starts so.)
        var scalars = words[index].core.unicodeScalars.makeIterator()
        guard let sign = scalars.next(), let unit = currencySigns[sign], let digit = scalars.next(), ("0"..."9").contains(digit) else { return nil }
        return unit
    }

    /// "1,8" → 1.8, "1.8" → 1.8, "1.000.000" → 1000000, "1000" → 1000.
    static func decimal(_ number: Substring) -> Double? {
        guard number.count <= 24 else { return nil }
        let groups = number.split(whereSeparator: { $0 == "." || $0 == "," || $0 == ":" })
        if number.contains(":") { return nil }
        if groups.count == 1 { return Double(groups[0]) }
        if groups.count == 2 { return Double(groups[0] + "." + groups[1]) }
        guard groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        return Double(groups.joined())
    }

    /// A scale word and the suffix after it ("мыңнан" → 1000, "нан").
    static func scale(_ lower: String) -> (value: Double, suffix: Substring)? {
        if let entry = numberWordKeys[WordKey.of(lower)], entry.kind == .scale { return (entry.value, "") }
        if let (match, suffix) = numberStems.longest(lower), match.payload.kind == .scale {
            let entry = match.payload
            // "мыңдаған" ("thousands of") is not a number.
            if suffix.count <= 4, !suffix.hasPrefix("даға") { return (entry.value, suffix) }
        }
        return nil
    }

    /// Composes number words: "екі мың он бес" → 2015; the last word may carry a case suffix ("бестен").
    /// With `wholeOnly` (the numerator of a decimal) no scale word, half or point is read.
    private func numberWords(from index: Int, wholeOnly: Bool = false, word: (Int) -> Word?) -> (value: Double, next: Int, tail: Substring)? {
        // "тоғыз" in "екі бүтін оннан тоғыз": the numerator of a decimal read from its start, never a number of its own.
        if !wholeOnly, let previous = word(index - 1) {
            if decimalDenominator(previous) != nil, word(index - 2)?.key == Self.point { return nil }
            // Inside a run of number words that could not be read ("сексен алты" after "бүтін жүзден"), the rest of
            // the run is no number of its own.
            if previous.trailing.isEmpty, Self.numberWordKeys[previous.key] != nil { return nil }
        }
        var total = 0.0
        var current = 0.0
        var next = index
        var tail: Substring = ""
        var lastKind: NumberWords.Word.Kind?
        reading: while let candidate = word(next) {
            var entry = Self.numberWordKeys[candidate.key]
            var suffix: Substring = ""
            if entry == nil {
                if let (match, rest) = Self.numberStems.longest(candidate.bare), match.payload.kind != .scale, !rest.isEmpty,
                   Self.numberEndings.contains(String(rest)) {
                    entry = match.payload
                    suffix = rest
                } else if Self.clashingForms.contains(candidate.key), let (match, rest) = Self.clashingStems.longest(candidate.bare),
                          let after = word(next + 1), Self.modifiers[after.key]?.position == .after {
                    // A stem that clashes with other words (жүз/жүзеге, он/онда) takes an ending only before a
                    // modifier that says it is a count: "жүзден астам", "оннан аса".
                    entry = match.payload
                    suffix = rest
                }
            }
            // A scale word opens a number only as "мың" before more number words ("мың тоғыз жүз" = 1900).
            guard let entry, entry.kind != .scale || lastKind != nil
                    || entry.value == 1000 && suffix.isEmpty && word(next + 1).map({ Self.numberWordKeys[$0.key] != nil }) == true
            else { break }
            if wholeOnly, entry.kind == .scale || entry.kind == .half || entry.kind == .point { break }
            switch entry.kind {
            case .unit, .ten:
                if lastKind == .unit || lastKind == .half || (lastKind == .ten && entry.kind == .ten) { break reading }
                current += entry.value
            case .hundred:
                if lastKind == .half { break reading }
                current = max(current, 1) * entry.value
            case .scale:
                // "жарты миллион": a fraction before the scale counts as written; "мың" alone is one thousand.
                total += (current > 0 ? current : 1) * entry.value
                current = 0
            case .half:
                // "екі жарым": a half after a whole number; "жарым" alone is no number.
                guard current > 0, lastKind == .unit || lastKind == .ten || lastKind == .hundred else { break reading }
                current += entry.value
            case .point:
                // "екі бүтін оннан тоғыз" = 2.9; a decimal that cannot be read is no number at all (never "2").
                guard current > 0 || lastKind == .unit, suffix.isEmpty, let denominatorWord = word(next + 1),
                      let denominator = decimalDenominator(denominatorWord),
                      let numerator = numberWords(from: next + 2, wholeOnly: true, word: word), numerator.value < denominator
                else { return nil }
                current += numerator.value / denominator
                lastKind = .point
                next = numerator.next
                tail = numerator.tail
                if !tail.isEmpty { break reading }
                continue reading
            case .fraction:
                // Not among NumberWords.cardinals, so never met here.
                break reading
            }
            lastKind = entry.kind
            next += 1
            tail = suffix
            if !suffix.isEmpty { break }
        }
        guard next > index else { return nil }
        // A fraction "бестен бір" (one fifth) is not a count.
        if tail.hasSuffix("ен") || tail.hasSuffix("ан"), word(next)?.key == Self.one { return nil }
        return (total + current, next, tail)
    }

    /// "оннан" → 10, "жүзден" → 100: the denominator of a decimal in words, a power of ten in the ablative.
    private func decimalDenominator(_ word: Word) -> Double? {
        guard let (match, rest) = Self.allNumberStems.longest(word.bare), [10, 100, 1000].contains(match.payload.value),
              Self.ablativeEndings.contains(String(rest))
        else { return nil }
        return match.payload.value
    }

    /// "жиырмасыншы", "бірінші", "мыңыншы": a number word with the ordinal ending (-ыншы/-інші/-ншы/-нші after its stem).
    static func isOrdinalNumberWord(_ lower: String) -> Bool {
        allNumberStems.matches(lower).contains { _, rest in
            afterVowelOrdinals.contains { rest.contains($0) } || digitOrdinals.contains { rest.hasPrefix($0) }
        }
    }
    private static let afterVowelOrdinals = OrdinalEndings.endings(after: [.vowel])
    private static let digitOrdinals = OrdinalEndings.endings(after: [.digits])

    /// Every number word as a stem, whether or not it takes case endings in counts ("бір" → "бірінші").
    private static let allNumberStems = StemIndex(NumberWords.cardinals.map { (stem: $0.key, payload: $0.value) })

    /// A several-word unit starting at `index` ("АҚШ долларына" → USD) and its length in words.
    private func unitPhrase(at index: Int, word: (Int) -> Word?) -> (unit: String, length: Int)? {
        guard let first = word(index) else { return nil }
        phrases: for (words, unit) in Self.unitPhrases where first.bare == words[0] {
            for offset in 1..<words.count {
                guard word(index + offset - 1)?.trailing.isEmpty == true, let next = word(index + offset) else { continue phrases }
                if offset == words.count - 1 {
                    guard next.bare.startsWithBytes(words[offset]), next.bare.count - words[offset].count <= 4 else { continue phrases }
                } else if next.bare != words[offset] {
                    continue phrases
                }
            }
            return (unit, words.count)
        }
        return nil
    }

    /// The unit a word names, by the longest unit stem it starts with; a stem whose unit is "-" ("метро") names none.
    static func unitCode(_ lower: String) -> String? {
        for (match, rest) in units.matches(lower) where rest.count <= 4 { return match.payload == "-" ? nil : match.payload }
        return nil
    }

    /// The counted noun after a number: its lemma when morphology ran, otherwise the word without its case ending.
    private func countedNoun(_ word: Word, document: Document, afterNumberWord: Bool, next: Word? = nil) -> String? {
        guard !word.isCapitalized, word.core.allSatisfy({ $0.isLetter || $0 == "-" }), !Self.notUnitKeys.contains(word.key) else { return nil }
        if word.coreTokens.count == 1, let token = document.tokens[safe: word.coreTokens.lowerBound], let lemma = token.lemma {
            if isCompoundModifier(token, before: next, document: document) { return word.bare }
            if let upos = token.upos, upos != .NOUN {
                // "30 мың тұрғын газбен қамтылды", "7 ұпай жинады": the tagger's adjective (or a proper noun in lower
                // case) is the counted noun when the form has a bare noun reading and no nominative noun follows
                // for it to describe ("тұрғын үй" stays an attribute).
                guard upos == .ADJ || upos == .PROPN, !(word.trailing.isEmpty && Self.startsNominativeNounPhrase(next, document: document)),
                      !Self.adjectiveEndings.contains(where: { word.bare.hasSuffix($0) }),
                      upos == .PROPN || Morphology.shared.analyses(of: word.bare).contains(where: { $0.upos == .NOUN && $0.lemma.fastLowercased == word.bare && $0.source != .guess })
                else { return nil }
                return word.bare
            }
            // Only a plural form may lose a plural ending: "пәтер" (flat) ends like one.
            let noun = token.feats?.contains("Number=Plur") == true ? stripPlural(lemma.fastLowercased) : lemma.fastLowercased
            return Self.softSignStem(noun) ?? noun
        }
        // An adjective ("мемлекеттік", "дәстүрлі") describes the counted noun that follows: too uncertain to name.
        let bare = word.bare
        if Self.adjectiveEndings.contains(where: { bare.hasSuffix($0) }) || (bare.hasSuffix("лы") || bare.hasSuffix("лі")) && bare.count > 4 {
            return nil
        }
        // -ды/-ты is the accusative of a noun ("4500 орынды") or an adjective ("нақты", "екі жақты"): keep it only on a
        // long stem after digits.
        if Self.consonantAccusative.contains(where: { bare.hasSuffix($0) }), afterNumberWord || bare.count < 6 { return nil }
        return stripNounEnding(bare)
    }

    /// "11.00-де", "18.30-ға": hours 0–24 and two-digit minutes 0–59 after a full stop or colon, with a hyphenated
    /// case ending. Decimals in Kazakh are written with a comma ("1,8"), so a dot before exactly two digits and an
    /// ending reads as a clock.
    static func isClockTime(_ numeric: NumericWord) -> Bool {
        guard numeric.rest.hasPrefix("-"), numeric.rest.count > 1,
              let separator = numeric.number.firstIndex(where: { $0 == "." || $0 == ":" }) else { return false }
        let hours = numeric.number[..<separator]
        let minutes = numeric.number[numeric.number.index(after: separator)...]
        guard (1...2).contains(hours.count), minutes.count == 2, hours.allSatisfy(\.isNumber), minutes.allSatisfy(\.isNumber),
              let hour = Int(hours), let minute = Int(minutes)
        else { return false }
        return hour <= 24 && minute <= 59
    }

    /// "медальге" → "медаль": a loanword ending in the soft sign keeps it before a case ending, where the analyser,
    /// knowing no such stem, leaves the whole form as its lemma. Nil when the word has no soft sign before an ending.
    static func softSignStem(_ lower: String) -> String? {
        guard let sign = lower.lastIndex(of: "ь"), sign != lower.index(before: lower.endIndex) else { return nil }
        let ending = lower[lower.index(after: sign)...]
        guard CaseEndings.strippableSuffixes.contains(String(ending)) else { return nil }
        return String(lower[...sign])
    }

    /// Whether `next` is a noun in the nominative (bare or possessed), which a word before it may describe.
    private static func startsNominativeNounPhrase(_ next: Word?, document: Document) -> Bool {
        guard let next, let first = document.tokens[safe: next.coreTokens.lowerBound] else { return false }
        return (first.upos == .NOUN || first.upos == .PROPN) && (first.feats?.contains("Case=Nom") ?? true)
    }

    /// "25 алма ағашы": a bare word read as an imperative ("алма", "don't take") right after a number and before a
    /// possessed noun is the first noun of a compound ("apple tree"); an order cannot stand between a number and
    /// the noun it counts.
    private func isCompoundModifier(_ token: Token, before next: Word?, document: Document) -> Bool {
        guard token.upos == .AUX || token.upos == .VERB, token.feats?.contains("Mood=Imp") == true, let next,
              next.coreTokens.count == 1, let head = document.tokens[safe: next.coreTokens.lowerBound]
        else { return false }
        return head.upos == .NOUN && head.feats?.contains("Person[psor]=3") == true
    }

    private func stripNounEnding(_ lower: String) -> String {
        var stem = lower
        for ending in Self.nounEndings where stem.hasSuffix(ending) && stem.count - ending.count >= 2 {
            stem = String(stem.dropLast(ending.count))
            break
        }
        return stripPlural(stem)
    }

    /// "кооперативтер" → "кооператив" (a lemma should not keep the plural, and counted nouns are singular).
    private func stripPlural(_ word: String) -> String {
        for plural in Self.pluralEndings where word.hasSuffix(plural) && word.count - plural.count >= 2 {
            return String(word.dropLast(plural.count))
        }
        return word
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
