import KazakhData
import TextModel

/// The nominative of an inflected Kazakh (or Russian) name: "Алматының" → "Алматы", "Боковамен" → "Бокова",
/// "ЮНЕСКО-ның" → "ЮНЕСКО", "Ирине Боковой" → "Ирина Бокова".
///
/// Stripping is conservative: a weak ending (-да, -ты, -тан, …) is removed only when the stem is attested as a name
/// elsewhere in scope and its vowel harmony fits ("Алматыда" → "Алматы" when "Алматы" occurs; never "Қазақстан" →
/// "Қазақс" or "Енгида" → "Енги").
public enum Nominative {
    /// Vowels of clear harmony: я and ё (loan names) are vowels but no evidence either way.
    private static let backVowels = characters(Letters.letters(with: [.back]))
    private static let frontVowels = characters(Letters.letters(with: [.front]))
    private static let vowels = characters(Letters.letters(with: Set(Letters.Harmony.allCases)))
    /// Endings after a hyphen on acronyms and numbers ("ЮНЕСКО-ның", "АҚШ-тан"): the cases, also after a possessive
    /// ("-ына"; the dative "-а" after the 1st/2nd person), the 3rd-person possessive itself ("-сы") and its
    /// accusative ("-ын").
    private static let hyphenEndings: Set<String> = {
        var endings = CaseEndings.endings(of: CaseEndings.allCases, afterPossessive: true)
        endings.formUnion(CaseEndings.endingsAfterPersonalPossessive(of: CaseEndings.allCases))
        endings.formUnion(CaseEndings.possessives.map(\.ending))
        endings.formUnion(CaseEndings.possessedForms(of: [.accusative], afterVowel: false))
        return endings
    }()

    private static func characters(_ scalars: [Unicode.Scalar]) -> Set<Character> { Set(scalars.map(Character.init)) }

    /// The nominative of one word. `attested` says whether a lower-cased stem occurs elsewhere in scope;
    /// `isPersonName` that the word ends a person's name, where some weak endings need no other evidence.
    public static func word(_ word: String, isPersonName: Bool = false, attested: (String) -> Bool = { _ in false }) -> String {
        let lower = word.fastLowercased
        // Most names end in no listed ending: the exception list is consulted only when something would be stripped.
        let hasHyphen = word.utf8.contains(UInt8(ascii: "-"))
        guard let lastByte = lower.utf8.last, hasHyphen || !suffixesByLastByte[Int(lastByte)].isEmpty,
              !FactLexicon.nameExceptions.contains(lower),
              // A gazetteer name is a nominative already ("Өскемен", not "Өске" + "-мен").
              !NominativeName.knownNames.contains(FeatureHash.of(lower.unicodeScalars))
        else { return word }
        if hasHyphen, let hyphen = word.lastIndex(of: "-") {
            let head = word[..<hyphen]
            let tail = String(word[word.index(after: hyphen)...]).fastLowercased
            // A code ("ЮНЕСКО", "COVID-19") or a Latin-script name ("Satbayev University-де"): a Kazakh ending after the
            // hyphen is case, never part of the name.
            let headIsCode = head.contains { $0.isNumber } || head.count >= 2 && head.allSatisfy { !$0.isLetter || $0.isUppercase }
                || head.count >= 2 && head.unicodeScalars.allSatisfy(\.isASCII) && head.contains { $0.isLetter }
            if headIsCode, tail.isEmpty || hyphenEndings.contains(tail) { return String(head) }
        }
        // Byte comparisons on NFC text: this runs for every mention of every document.
        let scalarCount = lower.unicodeScalars.count
        let bytes = Array(lower.utf8)
        for suffix in suffixesByLastByte[Int(lastByte)]
        where bytes.count > suffix.bytes.count && bytes[(bytes.count - suffix.bytes.count)...].elementsEqual(suffix.bytes) {
            let stemLength = scalarCount - suffix.scalars
            guard stemLength >= 3 else { continue }
            let stem = String(scalars: lower.unicodeScalars.prefix(stemLength))
            // Loan surnames break vowel harmony ("Тасмағамбетовтің"), so harmony only guards the weak endings.
            // Russian-style surnames keep their own vowels ("Күрішбаевты", "Тоқаевты"), so a surname ending passes too.
            let accepted = suffix.entry.strong
                || isPersonName && suffix.entry.strongOnPersonsAfterVowel && stem.last.map(vowels.contains) == true
                    && harmonyFits(stem: stem, suffix: suffix.entry.suffix)
                || attested(stem) && (harmonyFits(stem: stem, suffix: suffix.entry.suffix) || hasSurnameEnding(stem))
                // No Kazakh word ends in ь: a loan name's stem does, and what follows is a case ending ("Кремльде",
                // "Ливерпульде", "Брюссельдің").
                || stem.unicodeScalars.last == "ь"
            if accepted { return String(scalars: word.unicodeScalars.prefix(stemLength)) }
        }
        return word
    }

    private static let suffixes: [(entry: CaseEndings.Ending, bytes: [UInt8], scalars: Int)] = CaseEndings.strippable.map {
        ($0, Array($0.suffix.utf8), $0.suffix.unicodeScalars.count)
    }

    /// ``suffixes`` grouped by their last UTF-8 byte (longest first within a group, as in the table), so a word is
    /// compared only with the endings that could match its last letter.
    private static let suffixesByLastByte: [[(entry: CaseEndings.Ending, bytes: [UInt8], scalars: Int)]] = {
        var groups = Array(repeating: [(entry: CaseEndings.Ending, bytes: [UInt8], scalars: Int)](), count: 256)
        for suffix in suffixes { if let last = suffix.bytes.last { groups[Int(last)].append(suffix) } }
        return groups
    }()

    /// The nominative of a multi-word name: only the last word carries Kazakh case; Russian oblique person names
    /// ("Ирине Боковой") are turned to the nominative when `isPerson`.
    public static func name(_ words: [String], isPerson: Bool, attested: (String) -> Bool = { _ in false }) -> [String] {
        guard let last = words.last else { return words }
        var result = words
        result[result.count - 1] = word(last, isPersonName: isPerson, attested: attested)
        if isPerson, result.count >= 2 { result = russianNominative(result) }
        return result
    }

    /// "Ирине Боковой" → "Ирина Бокова": only when the surname has an unambiguous female oblique ending.
    static func russianNominative(_ words: [String]) -> [String] {
        var result = words
        let surname = result[result.count - 1]
        let lowerSurname = surname.fastLowercased
        guard let rule = FactLexicon.russianNameEndings.first(where: { $0.part == "surname" && lowerSurname.endsWithBytes($0.ending) }),
              surname.count > rule.ending.count + 2
        else { return words }
        result[result.count - 1] = String(surname.dropLast(rule.ending.count)) + rule.replacement
        let given = result[0]
        let lowerGiven = given.fastLowercased
        if let givenRule = FactLexicon.russianNameEndings.first(where: { $0.part == "given" && lowerGiven.endsWithBytes($0.ending) }),
           given.count > givenRule.ending.count + 1 {
            result[0] = String(given.dropLast(givenRule.ending.count)) + givenRule.replacement
        }
        return result
    }

    /// Whether a lower-cased stem ends like a surname (`surname-endings.tsv`: -ов, -ев, -ин, -бай, -бек, -ұлы, …) and
    /// is long enough to be one (three letters before the ending).
    public static func hasSurnameEnding(_ stem: String) -> Bool {
        let count = stem.unicodeScalars.count
        return FactLexicon.surnameEndings.contains { stem.utf8.count > $0.utf8.count && stem.hasSuffix($0) && count - $0.unicodeScalars.count >= 3 }
    }

    private static func harmonyFits(stem: String, suffix: String) -> Bool {
        // The instrumental has one form for both harmonies ("Боковамен").
        if suffix == "мен" || suffix == "бен" || suffix == "пен" { return true }
        guard let suffixVowel = suffix.last(where: { vowels.contains($0) }),
              let stemVowel = stem.last(where: { vowels.contains($0) })
        else { return true }
        if backVowels.contains(suffixVowel) { return !frontVowels.contains(stemVowel) }
        if frontVowels.contains(suffixVowel) { return !backVowels.contains(stemVowel) }
        return true
    }
}
