import KazakhData
public import TextModel

/// Finds person, place and organisation names in Russian paragraphs, which the Kazakh models never see.
///
/// A first, measurable method (no Russian training data is bundled): in each sentence of a `ru` paragraph, runs of
/// capitalised words (and all-capital acronyms) are candidates. Each word gets its candidate nominatives from the
/// Russian case endings (`russian-case-endings.tsv`: "Досаеву" → Досаев, "Москве" → Москва). A run — or, failing
/// that, each word — is looked up among the names the document already knows (its Kazakh entities' canonical names
/// and their surnames), the Russian spellings of known names (`russian-names.tsv`) and the gazetteer, comparing
/// with Kazakh letters folded to their Russian look-alikes (`russian-letter-folds.tsv`: ә→а, қ→к, …), so
/// "Токаев" finds Тоқаев. A match takes the known canonical name and class. An unknown run of two or three words
/// whose last word ends like a surname (-ов -ев -ин -ова -ева -ина -ский) is a PERSON with its nominative as the
/// canonical name; an unknown all-capital acronym is an ORGANISATION; any other unknown word is left alone (a
/// capitalised first word of a sentence is usually not a name: "Вторник", "Встреча").
public struct RussianNameFinder: Annotator {
    /// The stage's name in a pipeline (`russian-names`).
    public let name = "russian-names"

    /// Creates the stage; its tables are bundled.
    public init() {}

    /// Adds the names of Russian sentences to `entities`, keeping them in text order.
    public func annotate(_ document: inout Document) {
        let russian = document.paragraphs.filter { $0.language == .ru }
        guard !russian.isEmpty else { return }
        let known = Self.knownNames(document)
        var found: [Entity] = []
        for sentence in document.sentences {
            guard russian.contains(where: { $0.start <= sentence.start && sentence.start < $0.end }) else { continue }
            found.append(contentsOf: names(in: sentence.tokenRange, of: document, known: known))
        }
        guard !found.isEmpty else { return }
        document.entities = (document.entities + found).sorted { $0.start < $1.start }
    }

    /// A name the document or the tables know, by its folded key.
    struct Known {
        var canonical: String
        var label: EntityLabel
    }

    static let tableNames: [String: Known] = {
        var names: [String: Known] = [:]
        for entry in EntityGazetteer.entries {
            let name = entry.words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
            names[fold(name)] = Known(canonical: name, label: EntityLabel(entry.label))
        }
        for row in RussianNames.names { names[fold(row.russian)] = Known(canonical: row.canonical, label: EntityLabel(row.label)) }
        return names
    }()

    static func knownNames(_ document: Document) -> [String: Known] {
        var names = tableNames
        for entity in document.entities where !entity.label.isLiteral {
            let known = Known(canonical: entity.canonical, label: entity.label)
            names[fold(entity.canonical)] = known
            if entity.label == .person, let surname = entity.canonical.split(separator: " ").last, surname != Substring(entity.canonical) {
                names[fold(String(surname))] = known
            }
        }
        return names
    }

    /// Lower case with Kazakh-only letters folded to their Russian look-alikes (``RussianNames/folded(_:)``).
    static func fold(_ text: String) -> String { RussianNames.folded(text) }

    /// The word itself and its candidate nominatives (``RussianNames/nominatives(of:)``).
    static func nominatives(_ word: String) -> [String] { RussianNames.nominatives(of: word) }

    static let surnameEndings = ["ов", "ев", "ин", "ова", "ева", "ина", "ский", "ская", "ұлы", "қызы", "улы", "кызы"]

    static func isCapitalised(_ token: Token) -> Bool {
        guard token.kind == .word || token.kind == .abbreviation, let first = token.norm.unicodeScalars.first,
              (0x400...0x4FF).contains(first.value) else { return false }
        return first.properties.isUppercase && token.norm.unicodeScalars.count >= 2
    }

    static func isAcronym(_ token: Token) -> Bool {
        let letters = token.norm.unicodeScalars.filter(\.properties.isAlphabetic)
        return letters.count >= 2 && letters.count == token.norm.unicodeScalars.count && letters.allSatisfy(\.properties.isUppercase)
    }

    func names(in range: Range<Int>, of document: Document, known: [String: Known]) -> [Entity] {
        let tokens = document.tokens
        var entities: [Entity] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard Self.isCapitalised(tokens[index]) else { index += 1; continue }
            var end = index + 1
            while end < range.upperBound, end - index < 4, Self.isCapitalised(tokens[end]), !Self.isAcronym(tokens[end]) != Self.isAcronym(tokens[index]) || !Self.isAcronym(tokens[index]) {
                end += 1
            }
            entities.append(contentsOf: resolve(index..<end, sentenceStart: index == range.lowerBound, document, known))
            index = end
        }
        return entities
    }

    /// Entities for the capitalised run `run`, read left to right: the longest known stretch at each word ("Казахстана
    /// Касым-Жомарт Токаев" is a place, then a person), else a person-like stretch of two or three words ending in a
    /// surname, else a lone acronym or surname-like word. A sentence's capitalised first word is a name only when it
    /// is known ("Президент Токаев": the title is skipped).
    func resolve(_ run: Range<Int>, sentenceStart: Bool, _ document: Document, _ known: [String: Known]) -> [Entity] {
        let tokens = document.tokens
        func entity(_ range: Range<Int>, _ canonical: String, _ label: EntityLabel) -> Entity {
            Entity(text: document.slice(tokens[range.lowerBound].start, tokens[range.upperBound - 1].end), label: label,
                   canonical: canonical, start: tokens[range.lowerBound].start, end: tokens[range.upperBound - 1].end, tokenRange: range)
        }
        let words = run.map { tokens[$0].norm }
        var entities: [Entity] = []
        var offset = 0
        outer: while offset < words.count {
            for length in stride(from: words.count - offset, through: 1, by: -1) {
                if let match = lookUp(Array(words[offset..<(offset + length)]), known) {
                    let start = run.lowerBound + offset
                    entities.append(entity(start..<(start + length), match.canonical, match.label))
                    offset += length
                    continue outer
                }
            }
            let initial = sentenceStart && offset == 0
            if !initial, let person = personName(Array(words[offset...].prefix(3))) {
                let start = run.lowerBound + offset
                entities.append(entity(start..<(start + person.words), person.canonical, .person))
                offset += person.words
                continue
            }
            let index = run.lowerBound + offset
            if Self.isAcronym(tokens[index]) {
                entities.append(entity(index..<(index + 1), words[offset], .organisation))
            }
            offset += 1
        }
        return entities
    }

    /// A person's name at the start of `words` (two or three words, or one): the words up to the last one whose
    /// nominative ends like a surname. The surname's nominative takes a stripped case ending only when the given
    /// names share it ("Ерболата Досаева" → Ерболат Досаев); otherwise the words stay as written ("Айгуль Серикова").
    func personName(_ words: [String]) -> (canonical: String, words: Int)? {
        for count in stride(from: words.count, through: 1, by: -1) {
            let last = words[count - 1]
            let given = words[..<(count - 1)]
            for candidate in Self.nominatives(last).dropFirst() + [last] where Self.surnameEndings.contains(where: { candidate.hasSuffix($0) }) {
                if candidate == last { return (words[..<count].joined(separator: " "), count) }
                let stripped = String(last.suffix(last.count - Self.commonPrefix(last, candidate)))
                guard !given.isEmpty, given.allSatisfy({ $0.hasSuffix(stripped) }) else { continue }
                return ((given.map { String($0.dropLast(stripped.count)) } + [candidate]).joined(separator: " "), count)
            }
        }
        return nil
    }

    static func commonPrefix(_ a: String, _ b: String) -> Int {
        zip(a, b).prefix { $0 == $1 }.count
    }

    /// The known name of `words`, trying each ending rule on all the words at once (and the words as written).
    func lookUp(_ words: [String], _ known: [String: Known]) -> Known? {
        if let match = known[Self.fold(words.joined(separator: " "))] { return match }
        // Words of a name may take different endings ("Национального банка"): every combination, for short runs.
        if words.count <= 3 {
            var combinations: [[String]] = [[]]
            for word in words { combinations = combinations.flatMap { prefix in Self.nominatives(word).map { prefix + [$0] } } }
            for forms in combinations {
                if let match = known[Self.fold(forms.joined(separator: " "))] { return match }
            }
            return nil
        }
        for rule in RussianNames.caseEndings {
            let forms = words.map { RussianNames.nominative(of: $0, by: rule) ?? $0 }
            if let match = known[Self.fold(forms.joined(separator: " "))] { return match }
            // Only the last word inflected ("Касым-Жомарта Токаева" both are; "Национального банка" both are).
            if words.count > 1, let last = forms.last,
               let match = known[Self.fold((words.dropLast() + [last]).joined(separator: " "))] { return match }
        }
        return nil
    }
}
