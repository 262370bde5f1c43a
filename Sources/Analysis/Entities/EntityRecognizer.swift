import Foundation
import KazakhData
public import TextModel

/// Tags a sentence's words with BIO entity tags using a trained ``EntityModel``.
///
/// The tagger reads each token's normalised form (``Token/norm``) and the analyser's context-free reading of it;
/// training, evaluation on gold tokens and the pipeline go through the same ``tagIndices(_:)-(ArraySlice<Token>)``.
public struct EntityRecognizer: Sendable {
    /// The trained model whose weights score the tags.
    public let model: EntityModel
    let features: EntityFeatures
    /// `B-PERSON` tag index, for joining names split at particles ("Джуд ван дер Мерве").
    let personBegin: Int?
    /// `B-` tags of the classes a lower-case word never starts (see ``dropLowercaseNames(_:_:)``).
    let capitalisedBegins: Set<Int>
    /// `B-POSITION` tag index, for role words mistaken for one-word names (see ``relabelRoleWords(_:_:)``).
    let positionBegin: Int?
    /// Lemmas of the head nouns of positions ("министр", "әкім"; `role-words.tsv`).
    let roleLemmas: Set<String>
    /// The abstract-noun endings -лық/-лік/-дық/-дік/-тық/-тік (`morphology-derivations.tsv`, row `NOUN_LYK`).
    let abstractEndings: [String]
    /// Score rows of each described form (its own form-only features and those it gives its neighbours).
    let formRows: FormRowCache
    /// The rows the sentence boundary gives the words next to it.
    let boundaryRows: [Float]

    /// Creates a recogniser for `model`, precomputing the tag indices and score rows it needs; the features are
    /// those of the model's feature-set version unless given.
    public init(model: EntityModel, features: EntityFeatures? = nil) {
        self.model = model
        let features = features ?? EntityFeatures(version: model.featureVersion)
        self.features = features
        personBegin = model.classes.firstIndex(of: EntityLabel.person.rawValue).map { 1 + 2 * $0 }
        capitalisedBegins = Set([EntityLabel.person, .gpe].compactMap { model.classes.firstIndex(of: $0.rawValue) }.map { 1 + 2 * $0 })
        positionBegin = model.classes.firstIndex(of: EntityLabel.position.rawValue).map { 1 + 2 * $0 }
        roleLemmas = Set(FactLexicon.taggerRoleStems)
        abstractEndings = MorphologyTables.derivationForms(of: ["NOUN_LYK"])
        formRows = FormRowCache(tagCount: model.tagCount)
        boundaryRows = FormRowCache.rows(of: EntityFeatures.boundary, features: features, model: model)
    }

    /// Bare words as tokens annotated by the morphology stage, in context, as the pipeline hands them to the
    /// tagger (which fills the analyser's cache with the sentence's forms).
    public static func annotatedTokens<S: StringProtocol>(_ words: [S]) -> [Token] {
        var offset = 0
        var tokens = words.map { word -> Token in
            let length = word.unicodeScalars.count
            defer { offset += length + 1 }
            return Token(text: String(word), start: offset, end: offset + length)
        }
        MorphologyAnnotator().annotate(&tokens, sentence: tokens.indices)
        return tokens
    }

    /// Tag indices (see ``EntityModel``) for bare words, annotated with the morphology stage first as in the pipeline.
    public func tagIndices<S: StringProtocol>(_ words: [S]) -> [Int] {
        tagIndices(Self.annotatedTokens(words))
    }

    /// Tag indices (see ``EntityModel``) for the tokens of one sentence.
    public func tagIndices(_ tokens: [Token]) -> [Int] {
        tagIndices(tokens[...])
    }

    /// Tag indices (see ``EntityModel``) for the tokens of one sentence; a slice, so the pipeline tags a
    /// document's sentence without copying its tokens.
    public func tagIndices(_ tokens: ArraySlice<Token>) -> [Int] {
        guard !tokens.isEmpty else { return [] }
        var tags = BIOViterbi.decode(emissions: emissions(tokens), count: tokens.count, transitions: model.decoderTransitions)
        let words = SentenceForms(tokens: tokens)
        joinParticleNames(words, &tags)
        joinBracketedSurnames(words, &tags)
        splitFourWordNames(words, &tags)
        dropLowercaseNames(words, &tags)
        relabelRoleWords(words, &tags)
        trimAbstractNounEndings(words, &tags)
        trimLocativeEndings(words, &tags)
        splitPositionsAtNames(words, &tags)
        return tags
    }

    /// Splits a PERSON span of four capitalised words into two names of two ("Бауыржан Байбек Пьер Кабаремен
    /// кездесті": the host and the guest, side by side), or after the first full word when initials open it. None of KazNERD's 2,352 PERSON spans is four such words (its
    /// only longer names hold particles or brackets: "Мұхаммед бен Заид Әл Наһаян"), while the model, seeing two
    /// names in a row, sometimes tags them as one. (Three-word spans ending in a name in an object case, "Бақыт Жахаев
    /// Ерланды", are split later by `EntityResolver.splitObjectsOffNames`, which needs the morphology's case.)
    func splitFourWordNames<Words: RandomAccessCollection>(_ words: Words, _ tags: inout [Int]) where Words.Index == Int, Words.Element: StringProtocol {
        guard let person = personBegin else { return }
        for span in personSpans(tags) where span.count == 4 {
            let plainNames = span.allSatisfy { k in
                Self.isInitial(words[k]) || words[k].unicodeScalars.first.map { LetterCase.of($0) == .upper } == true
                    && !NameParticles.all.contains(words[k].lowercased())
                    && words[k].unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "-" }
            }
            guard plainNames else { continue }
            // "М. Әшімбаев Наталье Кочановой": a name opened by initials ends at its first full word.
            let cut = Self.isInitial(words[span.lowerBound])
                ? (span.first { !Self.isInitial(words[$0]) }).map { $0 + 1 } ?? span.upperBound
                : span.lowerBound + 2
            if cut < span.upperBound { tags[cut] = person }
        }
    }

    /// An initial as the tokenizer leaves it: one capital letter and a full stop ("М.").
    static func isInitial<S: StringProtocol>(_ word: S) -> Bool {
        let scalars = word.unicodeScalars
        guard scalars.count == 2, let first = scalars.first, scalars.last == "." else { return false }
        return LetterCase.of(first) == .upper
    }

    /// The word ranges of the PERSON spans in `tags`.
    private func personSpans(_ tags: [Int]) -> [Range<Int>] {
        guard let person = personBegin else { return [] }
        var spans: [Range<Int>] = []
        var i = 0
        while i < tags.count {
            guard tags[i] == person else {
                i += 1
                continue
            }
            var end = i + 1
            while end < tags.count, tags[end] == person + 1 { end += 1 }
            spans.append(i..<end)
            i = end
        }
        return spans
    }

    /// Ends a person's name before a last word in the locative ("Елена Рыбакина Мельбурнде өтіп жатқан …": the third
    /// word is where, not who). Of KazNERD's 1,070 PERSON spans of two or more words, two end in -да/-де/-та/-те and
    /// only one of those ("Жаңылсын Мағзумовада") is a locative; the analyser must read the word as one.
    private static let bareLocativeEndings = CaseEndings.endings(of: [.locative]).sorted()

    func trimLocativeEndings<Words: RandomAccessCollection>(_ words: Words, _ tags: inout [Int]) where Words.Index == Int, Words.Element: StringProtocol {
        dropLastWordOfPersonNames(&tags, minimumWords: 3) { last in
            let lower = words[last].lowercased()
            return Self.bareLocativeEndings.contains(where: { lower.hasSuffix($0) })
                && Morphology.shared.analyses(of: lower).first?.feats.contains("Case=Loc") == true
        }
    }

    /// Untags the last word of every PERSON span of at least `minimumWords` words for which `shouldDrop` (given the
    /// word's index) is true.
    private func dropLastWordOfPersonNames(_ tags: inout [Int], minimumWords: Int, where shouldDrop: (Int) -> Bool) {
        for span in personSpans(tags) where span.count >= minimumWords && shouldDrop(span.upperBound - 1) {
            tags[span.upperBound - 1] = 0
        }
    }

    /// Splits a POSITION span that has run over its holder's name: "Сыртқы істер министрі Мұрат Нұртілеу Франция
    /// сыртқы істер министрі" → POSITION, PERSON "Мұрат Нұртілеу", POSITION. In KazNERD a lower-case role noun
    /// followed by two capitalised words starts a PERSON there in 118 of 120 cases, and none of the 601 POSITION spans
    /// contains that pattern.
    func splitPositionsAtNames<Words: RandomAccessCollection>(_ words: Words, _ tags: inout [Int]) where Words.Index == Int, Words.Element: StringProtocol {
        guard let person = personBegin, let position = positionBegin else { return }
        func capitalised(_ k: Int) -> Bool { words[k].unicodeScalars.first.map { LetterCase.of($0) == .upper } ?? false }
        var k = 0
        while k + 2 < tags.count {
            let inSpan = (tags[k] == position || tags[k] == position + 1) && tags[k + 1] == position + 1 && tags[k + 2] == position + 1
            guard inSpan, !capitalised(k), capitalised(k + 1), capitalised(k + 2) else {
                k += 1
                continue
            }
            let lower = words[k].lowercased()
            guard FactLexicon.taggerRoleStems.contains(where: { lower.hasPrefix($0) }) else {
                k += 1
                continue
            }
            // The name is the two words (117 of 118 such names in KazNERD are exactly two: first name, surname).
            let end = k + 3
            tags[k + 1] = person
            tags[k + 2] = person + 1
            if end < tags.count, tags[end] == position + 1 { tags[end] = position }
            k = end
        }
    }

    /// Ends a person's name before a last word in -лық/-лік/-дық/-дік/-тық/-тік ("Ажар Ғиният Бүкіләлемдік денсаулық
    /// сақтау ұйымының …": the name is two words, the third opens the organisation). None of KazNERD's 1,352
    /// PERSON spans of two or more words ends in such a word; the model, seeing a capitalised word after a name,
    /// sometimes runs on.
    func trimAbstractNounEndings<Words: RandomAccessCollection>(_ words: Words, _ tags: inout [Int]) where Words.Index == Int, Words.Element: StringProtocol {
        guard !abstractEndings.isEmpty else { return }
        dropLastWordOfPersonNames(&tags, minimumWords: 2) { last in
            let lower = words[last].lowercased()
            return abstractEndings.contains(where: { lower.hasSuffix($0) && lower.count >= $0.count + 3 })
        }
    }

    /// A one-word PERSON whose lower-cased form is an inflected role noun ("Министрдің айтуынша" opening a sentence)
    /// is the role, not a name: tagged POSITION, so a quote's speaker is resolved through the role to the person
    /// holding it (or left empty) instead of being the person "Министр". The analyser must read the word as the role
    /// noun itself, so surnames that merely begin like one ("Әкімов") keep their tag.
    func relabelRoleWords<Words: RandomAccessCollection>(_ words: Words, _ tags: inout [Int]) where Words.Index == Int, Words.Element: StringProtocol {
        guard let person = personBegin, let position = positionBegin else { return }
        for i in tags.indices where tags[i] == person && (i + 1 == tags.count || tags[i + 1] != person + 1) {
            let lower = words[i].lowercased()
            guard let reading = Morphology.shared.analyses(of: lower).first, roleLemmas.contains(reading.lemma) else { continue }
            tags[i] = position
        }
    }

    /// The `tokens.count × tagCount` emission scores: per-form rows plus the word-pair and context features.
    func emissions(_ tokens: ArraySlice<Token>) -> [Float] {
        let tagCount = model.tagCount
        var emissions = [Float](repeating: 0, count: tokens.count * tagCount)
        let info = formRows.describe(tokens, features: features, model: model, boundaryRows: boundaryRows, sums: &emissions)
        var scratch: [EntityModel.Slot] = []
        let (ids, offsets) = features.extract(info, lexicon: model.lexicon, includeForm: false)
        emissions.withUnsafeMutableBufferPointer { buffer in
            model.accumulate(sentence: ids, offsets: offsets, into: buffer.baseAddress!, scratch: &scratch)
        }
        return emissions
    }

    /// Drops PERSON and GPE names whose first word has no capital letter ("астанада", "in the capital"):
    /// in KazNERD 1 of about 3,000 such names starts that way, while the model, leaning on the lexicon of
    /// stems, sometimes tags the common noun. Not in a sentence written without letter case (all lower case, as
    /// Arabic-script Kazakh read in Cyrillic, or all capitals): there no name has a capital to show.
    func dropLowercaseNames<Words: RandomAccessCollection>(_ words: Words, _ tags: inout [Int]) where Words.Index == Int, Words.Element: StringProtocol {
        guard Self.showsLetterCase(words) else { return }
        for i in tags.indices where capitalisedBegins.contains(tags[i]) {
            guard !words[i].unicodeScalars.contains(where: { LetterCase.of($0) == .upper }) else { continue }
            let inside = tags[i] + 1
            tags[i] = 0
            var j = i + 1
            while j < tags.count, tags[j] == inside {
                tags[j] = 0
                j += 1
            }
        }
    }

    /// Joins a surname in brackets to the name before it ("Айдар Серікұлы (Жұмабеков)": given name and patronymic, then
    /// the official surname), whatever the model tagged inside the brackets: one person, whose canonical name the
    /// resolver takes as given name + bracketed surname ("Айдар Жұмабеков"). Tagged as two persons, "Айдар Серікұлы"
    /// would hold the role written before it and "– деді вице-министр" would name the wrong person. The bracket must
    /// hold one capitalised word with a surname ending (-ов, -ева, -ұлы …), so "Абай (ы)" or "Петров (ыы)" in KazNERD
    /// and an organisation in brackets after a name are left alone.
    func joinBracketedSurnames<Words: RandomAccessCollection>(_ words: Words, _ tags: inout [Int]) where Words.Index == Int, Words.Element: StringProtocol {
        guard let person = personBegin else { return }
        for span in personSpans(tags) {
            let open = span.upperBound
            guard open + 2 < tags.count, words[open] == "(", words[open + 2] == ")" else { continue }
            let inner = String(words[open + 1])
            guard inner.unicodeScalars.first.map({ LetterCase.of($0) == .upper }) == true,
                  inner.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" }),
                  Nominative.hasSurnameEnding(Nominative.word(inner, isPersonName: true).fastLowercased)
            else { continue }
            for k in open...(open + 2) { tags[k] = person + 1 }
        }
    }

    /// Whether a sentence's letters show case: it has both an upper-case and a lower-case letter. A sentence all in
    /// lower case or all in capitals carries no case information, and the rules that read capitals stay out of it.
    static func showsLetterCase<Words: RandomAccessCollection>(_ words: Words) -> Bool where Words.Element: StringProtocol {
        var upper = false, lower = false
        for word in words {
            for scalar in word.unicodeScalars {
                switch LetterCase.of(scalar) {
                case .upper: upper = true
                case .lower: lower = true
                case .none: continue
                }
                if upper && lower { return true }
            }
        }
        return false
    }

    /// Joins `PERSON particles PERSON` into one person: KazNERD has almost no "ван дер"-style names to learn from.
    func joinParticleNames<Words: RandomAccessCollection>(_ words: Words, _ tags: inout [Int]) where Words.Index == Int, Words.Element: StringProtocol {
        guard let begin = personBegin else { return }
        var i = 1
        while i < tags.count {
            guard tags[i] == 0, tags[i - 1] == begin || tags[i - 1] == begin + 1 else {
                i += 1
                continue
            }
            var j = i
            while j < tags.count, tags[j] == 0, NameParticles.all.contains(words[j].lowercased()) { j += 1 }
            if j > i, j < tags.count, tags[j] == begin {
                for k in i...j { tags[k] = begin + 1 }
            }
            i = j + 1
        }
    }

    /// BIO tag names (`O`, `B-PERSON`, `I-PERSON`, …) for the words of one sentence.
    public func tags<S: StringProtocol>(_ words: [S]) -> [String] {
        tagIndices(words).map(model.tagName)
    }
}

/// The normalised forms of a sentence's tokens by position from 0, read in place: the rules that run after decoding
/// look at a few tagged words only, and copying every form into an array retained and released each one.
struct SentenceForms: RandomAccessCollection {
    let tokens: ArraySlice<Token>
    var startIndex: Int { 0 }
    var endIndex: Int { tokens.count }
    subscript(position: Int) -> String { tokens[tokens.startIndex + position].norm }
}

/// Per described form: its description and five score rows,
/// so a frequent word costs one lookup and a few vector additions instead of three dozen hashed weight lookups.
///
/// Row 0 holds the word's own form-only features (``EntityFeatures/appendStaticIDs(of:to:)``); rows 1–4 the
/// features it gives, as a neighbour, the word after it ("the previous word is …"), the word before it, the word
/// two after and the word two before (``EntityFeatures/appendNeighbourIDs(of:_:to:)``).
final class FormRowCache: @unchecked Sendable {
    private let lock = NSLock()
    private let tagCount: Int
    private var index = FormKeyTable()
    private var words: [EntityFeatures.Word] = []
    private var rows: [Float] = []
    /// Counts the times the cache was emptied, so a caller holding entry indices from before knows they are stale.
    private var generation = 0
    static let rowsPerForm = 5
    /// Emptied past this many forms (≈ 50 MB of rows with KazNERD's 51 tags), so endless input cannot grow it
    /// without bound.
    static let limit = 50_000

    init(tagCount: Int) { self.tagCount = tagCount }

    /// The five score rows of one described word.
    static func rows(of word: EntityFeatures.Word, features: EntityFeatures, model: EntityModel) -> [Float] {
        let tagCount = model.tagCount
        var rows = [Float](repeating: 0, count: rowsPerForm * tagCount)
        var ids: [UInt32] = []
        var scratch: [EntityModel.Slot] = []
        rows.withUnsafeMutableBufferPointer { buffer in
            features.appendStaticIDs(of: word, to: &ids)
            model.accumulate(ids[...], into: buffer.baseAddress!, scratch: &scratch)
            for (row, role) in [(1, EntityFeatures.Neighbour.previous), (2, .next), (3, .previous2), (4, .next2)] {
                ids.removeAll(keepingCapacity: true)
                features.appendNeighbourIDs(of: word, role, to: &ids)
                model.accumulate(ids[...], into: buffer.baseAddress! + row * tagCount, scratch: &scratch)
            }
        }
        return rows
    }

    /// The descriptions of `tokens`; writes into `sums` (`tokens.count × tagCount`), per token, the sum of its form
    /// rows: its own row 0 plus what each neighbour gives it (rows 1–4 of the words before and after it; the
    /// boundary's rows past the sentence's ends).
    ///
    /// Sums straight from the cached rows, so a sentence's rows are never copied (copying five rows per token was a
    /// visible share of the tagger). The additions run in the same order as always, so the scores stay bit-identical.
    /// Forms not seen before are described and scored outside the lock.
    func describe(_ tokens: ArraySlice<Token>, features: EntityFeatures, model: EntityModel,
                  boundaryRows: [Float], sums: inout [Float]) -> [EntityFeatures.Word] {
        let stride = Self.rowsPerForm * tagCount
        let count = tokens.count
        let keys = tokens.map(EntityFeatures.key(of:))
        // Entry of each token's form in the cache, or -1 while it is missing.
        var entries = [Int](repeating: -1, count: count)
        var missing: [Int] = []
        lock.lock()
        let generationSeen = generation
        // Each description (≈ 270 bytes) is written once, from the cache or as a placeholder for a missing form,
        // instead of filling the array with placeholders first and copying over them.
        var info = [EntityFeatures.Word](unsafeUninitializedCapacity: count) { buffer, initialized in
            for (i, key) in keys.enumerated() {
                if let entry = index.find(key) {
                    (buffer.baseAddress! + i).initialize(to: words[entry])
                    entries[i] = entry
                } else {
                    (buffer.baseAddress! + i).initialize(to: EntityFeatures.boundary)
                    missing.append(i)
                }
            }
            initialized = count
        }
        lock.unlock()
        // Rows of the missing forms, and of any form the cache forgets before the sums are taken.
        var ownRows: [Float] = []
        var ownRowStart = [Int](repeating: -1, count: missing.isEmpty ? 0 : count)
        if !missing.isEmpty {
            ownRows.reserveCapacity(missing.count * stride)
            for i in missing {
                info[i] = features.describe(tokens[tokens.startIndex + i])
                ownRowStart[i] = ownRows.count
                ownRows.append(contentsOf: Self.rows(of: info[i], features: features, model: model))
            }
        }
        lock.lock()
        if !missing.isEmpty {
            if index.count >= Self.limit {
                index.removeAll()
                words.removeAll(keepingCapacity: true)
                rows.removeAll(keepingCapacity: true)
                generation &+= 1
            }
            for i in missing where index.find(keys[i]) == nil {
                index.insert(keys[i], entry: words.count)
                words.append(info[i])
                rows.append(contentsOf: ownRows[ownRowStart[i]..<(ownRowStart[i] + stride)])
            }
        }
        if generation != generationSeen {
            // The cache was emptied since the lookup (past its limit): the forms found then are scored afresh.
            if ownRowStart.isEmpty { ownRowStart = [Int](repeating: -1, count: count) }
            for i in 0..<count where ownRowStart[i] < 0 {
                ownRowStart[i] = ownRows.count
                ownRows.append(contentsOf: Self.rows(of: info[i], features: features, model: model))
            }
        }
        sums.withUnsafeMutableBufferPointer { out in
            rows.withUnsafeBufferPointer { cached in
                ownRows.withUnsafeBufferPointer { fresh in
                    boundaryRows.withUnsafeBufferPointer { boundary in
                        let b = boundary.baseAddress!
                        // Rows of token i: from the token's own scoring when it has one, else from the cache.
                        func rows(_ i: Int) -> UnsafePointer<Float> {
                            if !ownRowStart.isEmpty, ownRowStart[i] >= 0 { return fresh.baseAddress! + ownRowStart[i] }
                            return cached.baseAddress! + entries[i] * stride
                        }
                        for i in 0..<count {
                            let out = out.baseAddress! + i * tagCount
                            let own = rows(i)
                            let previous = i > 0 ? rows(i - 1) + 1 * tagCount : b + 1 * tagCount
                            let next = i + 1 < count ? rows(i + 1) + 2 * tagCount : b + 2 * tagCount
                            let previous2 = i > 1 ? rows(i - 2) + 3 * tagCount : b + 3 * tagCount
                            let next2 = i + 2 < count ? rows(i + 2) + 4 * tagCount : b + 4 * tagCount
                            for t in 0..<tagCount {
                                out[t] = own[t] + previous[t] + next[t] + previous2[t] + next2[t]
                            }
                        }
                    }
                }
            }
        }
        lock.unlock()
        return info
    }
}

/// Open-addressing map from a form key to its entry in ``FormRowCache``. The keys are already hashes, so a
/// lookup mixes once and probes, instead of running Swift's seeded hashing for every token of every sentence.
struct FormKeyTable {
    /// Entry index + 1 per slot (0 is empty); power-of-two size, at most half full.
    private var slots = [Int32](repeating: 0, count: 1 << 12)
    /// The key of each slot.
    private var keys = [UInt64](repeating: 0, count: 1 << 12)
    private(set) var count = 0

    @inline(__always)
    private func home(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & (slots.count - 1)
    }

    func find(_ key: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = home(of: key)
        while slots[slot] != 0 {
            if keys[slot] == key { return Int(slots[slot]) - 1 }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Stores `entry` for a key not in the table.
    mutating func insert(_ key: UInt64, entry: Int) {
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var slot = home(of: key)
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry + 1)
        keys[slot] = key
        count += 1
    }

    mutating func removeAll() {
        for index in slots.indices { slots[index] = 0 }
        count = 0
    }

    private mutating func grow() {
        let old = zip(slots, keys).filter { $0.0 != 0 }
        slots = [Int32](repeating: 0, count: slots.count * 2)
        keys = [UInt64](repeating: 0, count: keys.count * 2)
        count = 0
        for (entry, key) in old { insert(key, entry: Int(entry) - 1) }
    }
}
