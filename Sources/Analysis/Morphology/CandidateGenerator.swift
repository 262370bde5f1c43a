import KazakhData
package import TextModel

/// Generates every plausible analysis of a word form, without context: special tokens (punctuation,
/// numbers, Latin script, acronym + suffix), memorised and irregular forms, and suffix-grammar segmentations
/// whose stem is known or guessable.
package struct CandidateGenerator: Sendable {
    package let grammar: SuffixGrammar
    let derivations: DerivationEndings
    package let lexicon: StemLexicon
    /// Feature strings of readings already described (the same few thousand combinations recur in every text).
    let featureMemo = FeatureMemo()
    // Keyed by UTF-8 bytes: looked up once per new word form, and hashing a non-ASCII `String` normalises it.
    let irregular: [FormKey: [MorphAnalysis]]
    let memorised: [FormKey: [MorphAnalysis]]

    /// At most this many grammar readings per form are kept (known stems first).
    package static let maximumCandidates = 24
    /// Last letters of a guessed stem that is not a verb: the possessive ы/і ("кітабы") and the stops voiced before a
    /// vowel (б, ғ, г), which end forms, not verb stems.
    private static let unlikelyVerbFinals: [Unicode.Scalar] = (CaseEndings.possessives.map(\.ending).filter { $0.unicodeScalars.count == 1 }
        .compactMap(\.unicodeScalars.first) + KazakhPhonology.voicedBeforeVowel.keys).sorted()

    package init(lexicon: StemLexicon, memorised: [String: [MorphAnalysis]]) {
        grammar = SuffixGrammar(rows: MorphologyTables.suffixes())
        derivations = DerivationEndings(rows: MorphologyTables.derivations())
        self.lexicon = lexicon
        var irregular: [FormKey: [MorphAnalysis]] = [:]
        for row in MorphologyTables.irregularForms() {
            guard let upos = UPOS(rawValue: row.upos) else { continue }
            irregular[FormKey(row.form), default: []].append(MorphAnalysis(
                lemma: row.lemma, upos: upos, feats: row.features == "_" ? "" : row.features, chain: "=", source: .irregular))
        }
        self.irregular = irregular
        self.memorised = Dictionary(uniqueKeysWithValues: memorised.map { (FormKey($0.key), $0.value) })
    }

    /// Analyses of a lowercased form seen in training data, most frequent first.
    package func memorised(lower: String) -> [MorphAnalysis] { memorised[FormKey(lower)] ?? [] }

    /// Whether `stem` carries a derivational ending implying `upos`.
    package func hasDerivation(of stem: [Unicode.Scalar], upos: UPOS) -> Bool {
        derivations.firstMatch(in: stem, only: upos) != nil
    }

    /// The derivational ending of a stem (its id and the part of speech it implies), if any.
    package func derivation(of stem: [Unicode.Scalar]) -> (id: String, upos: UPOS)? {
        derivations.firstMatch(in: stem).map { (derivations.ids[$0], derivations.upos[$0]) }
    }

    /// Every candidate analysis of `form`, whose lowercase is `lower` and memorised readings `memorised`.
    package func candidates(of form: String, lower: String, memorised: [MorphAnalysis]) -> [MorphAnalysis] {
        var out: [MorphAnalysis] = []
        func add(_ analysis: MorphAnalysis) {
            if !out.contains(where: { $0.sameReading(analysis) }) { out.append(analysis) }
        }
        memorised.forEach(add)
        if let special = specialCandidates(form) {
            special.forEach(add)
            return out
        }
        if let forms = irregular[FormKey(lower)] { forms.forEach(add) }
        let original = Array(form.unicodeScalars)
        let scalars = Array(lower.unicodeScalars)
        guard scalars.count == original.count else {
            add(MorphAnalysis(lemma: form, upos: .X, feats: "", source: .guess))
            return out
        }
        // A hyphenated suffix after an acronym or name: ЮНЕСКО-ның, АҚШ-пен.
        if let hyphen = scalars.lastIndex(of: "-"), hyphen > 0, hyphen < scalars.count - 1 {
            hyphenated(original: original, lower: scalars, hyphen: hyphen).forEach(add)
        }
        let capitalised = original.first.map { $0.properties.isUppercase } ?? false
        // Readings are described cheaply first and built (strings and all) only for the few that are kept.
        var grammarReadings: [PendingReading] = []
        // The bare word.
        stemReadings(stem: scalars, original: original, category: nil, rows: [], capitalised: capitalised, into: &grammarReadings)
        for segmentation in grammar.segmentations(of: scalars, minimumStem: 1) {
            let stem = Array(scalars[..<segmentation.stemLength])
            let alternations = segmentation.vowelInitial ? Self.alternations(of: stem) : []
            // A stem ending in б/ғ/г before a vowel is (almost always) a voiced п/қ/к: guess only the alternated stem.
            let voicedFinal = !alternations.isEmpty && KazakhPhonology.voicedBeforeVowel[stem.last!] != nil
            stemReadings(stem: stem, original: original, category: segmentation.stemCategory, rows: segmentation.rows,
                         capitalised: capitalised, allowGuess: !voicedFinal, into: &grammarReadings)
            for (number, alternated) in alternations.enumerated() {
                stemReadings(stem: alternated, original: original, category: segmentation.stemCategory, rows: segmentation.rows,
                             capitalised: capitalised, allowGuess: voicedFinal && number == 0, into: &grammarReadings)
            }
        }
        // Known stems before guesses, shorter chains first within a source (stable, deterministic).
        let ranked = grammarReadings.enumerated().sorted {
            ($0.element.source.rawValue, $0.offset) < ($1.element.source.rawValue, $1.offset)
        }
        for (_, pending) in ranked.prefix(Self.maximumCandidates) {
            if let built = reading(stem: pending.stem, original: original, upos: pending.upos, inherent: pending.inherent,
                                   rows: pending.rows, category: pending.category, source: pending.source,
                                   readingIndex: pending.readingIndex) { add(built) }
        }
        if out.isEmpty { add(MorphAnalysis(lemma: form, upos: capitalised ? .PROPN : .NOUN, feats: "Case=Nom", source: .guess)) }
        return out
    }

    /// Readings of one segmentation: each lexicon reading of the stem that fits the category, else guesses.
    private func stemReadings(stem: [Unicode.Scalar], original: [Unicode.Scalar], category: SuffixGrammar.Category?,
                              rows: [Int], capitalised: Bool, allowGuess: Bool = true, into out: inout [PendingReading]) {
        // Appends to the caller's array (no array per segmentation); `found` tells whether this stem gave any.
        let before = out.count
        var found: Bool { out.count > before }
        let entries = lexicon.readings(of: stem)
        for entry in entries {
            if let category {
                let verbal = entry.upos == .VERB || entry.upos == .AUX
                if category == .V0 ? !verbal : !Self.inflectsAsNominal.contains(entry.upos) { continue }
            }
            expand(stem: stem, upos: entry.upos, inherent: entry.features, rows: rows, category: category, source: entry.source,
                   into: &out)
        }
        let derivedADJ = hasDerivation(of: stem, upos: .ADJ)
        // Lexicalised adjectives in -лы/-сыз/-лық are often listed as nouns (or not at all): міндетті, медициналық.
        if allowGuess, found, derivedADJ, category != .V0, !entries.contains(where: { $0.upos == .ADJ }) {
            expand(stem: stem, upos: .ADJ, inherent: [], rows: rows, category: .N0, source: .guess, into: &out)
        }
        if found || !allowGuess { return }
        // Guesses: unknown stems need a vowel and two letters.
        guard stem.count >= 2, KazakhPhonology.hasVowel(stem) || capitalised else { return }
        if category == .V0 {
            // Unknown verbs: at least three letters, not ending like a possessive or a voiced stop, and with a
            // tense/mood suffix (a bare guessed stem + voice is almost always a misparsed noun).
            let final = rows.last.map { grammar.rows[$0].yields }
            guard stem.count >= 3, !Self.unlikelyVerbFinals.contains(stem.last!), final != .V0, final != .VN else { return }
            expand(stem: stem, upos: .VERB, inherent: [], rows: rows, category: .V0, source: .guess, into: &out)
            return
        }
        let derived = derivation(of: stem)
        var guesses: [UPOS] = capitalised ? [.PROPN, .NOUN] : [.NOUN]
        if derivedADJ { guesses.append(.ADJ) }
        if let derived, derived.upos == .VERB, category == nil { guesses.append(.VERB) }
        for upos in guesses {
            expand(stem: stem, upos: upos, inherent: [], rows: rows, category: upos == .VERB ? .V0 : .N0, source: .guess,
                   into: &out)
        }
    }

    /// Stems a vowel-initial suffix may have altered: voiced final consonant (кітаб- → кітап) and a dropped
    /// vowel of the last syllable (халқ- → халық, ауз- → ауыз, орн- → орын).
    package static func alternations(of stem: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        guard let last = stem.last else { return [] }
        var out: [[Unicode.Scalar]] = []
        if let voiceless = KazakhPhonology.voicedBeforeVowel[last] { out.append(stem.dropLast() + [voiceless]) }
        if stem.count >= 3, !KazakhPhonology.isVowel(last), !KazakhPhonology.isVowel(stem[stem.count - 2]),
           KazakhPhonology.letterClass(stem[stem.count - 2]) != nil {
            let vowel: Unicode.Scalar = KazakhPhonology.stemHarmony(stem, end: stem.count) == .front ? "і" : "ы"
            let restored: Unicode.Scalar = KazakhPhonology.voicedBeforeVowel[last] ?? last
            out.append(stem.dropLast() + [vowel, restored])
        }
        return out
    }

    package static let inflectsAsNominal: Set<UPOS> = [.NOUN, .PROPN, .ADJ, .PRON, .NUM, .DET, .ADV]

    /// Builds the analysis of `stem` + suffix rows (innermost first), applying KTB's feature conventions.
    package func reading(stem: [Unicode.Scalar], original: [Unicode.Scalar], upos: UPOS, inherent: [String], rows: [Int],
                 category: SuffixGrammar.Category?, source: MorphAnalysis.Source, readingIndex: Int = 0) -> MorphAnalysis? {
        let key = FeatureMemo.Key(upos: upos, inherent: inherent, rows: rows, category: category, readingIndex: readingIndex)
        let described: (feats: String, chain: String)
        if let memorised = featureMemo.value(for: key) {
            described = memorised
        } else {
            described = features(of: key)
            featureMemo.store(described, for: key)
        }
        // Proper nouns keep the surface capitalisation of the stem; other lemmas are lowercase (KTB).
        var lemmaScalars = stem
        if upos == .PROPN {
            for index in 0..<min(stem.count, original.count)
            where MorphologyCase.lowercasedFirst(original[index]) == stem[index] {
                lemmaScalars[index] = original[index]
            }
        }
        return MorphAnalysis(
            lemma: String(morphologyScalars: lemmaScalars), upos: upos, feats: described.feats, chain: described.chain, source: source)
    }

    /// The UD features and suffix chain of a reading (the part of ``reading(stem:original:upos:inherent:rows:category:source:readingIndex:)``
    /// that does not depend on the stem, so it is memoised).
    private func features(of key: FeatureMemo.Key) -> (feats: String, chain: String) {
        let (upos, inherent, rows, category, readingIndex) = (key.upos, key.inherent, key.rows, key.category, key.readingIndex)
        var bundle = inherent.compactMap { pair -> (String, String)? in
            guard let eq = pair.firstIndex(of: "=") else { return nil }
            return (String(pair[..<eq]), String(pair[pair.index(after: eq)...]))
        }
        var names = ""
        var finalCategory = category
        var hasCase = false
        var participle = false
        for rowIndex in rows {
            let row = grammar.rows[rowIndex]
            if !names.isEmpty { names += "+" }
            names += row.id
            for (name, value) in row.readings[min(readingIndex, row.readings.count - 1)] {
                FeatureBundle.set(name, value, in: &bundle)
            }
            if row.yields == .PART { participle = true }
            if row.yields == .NC || row.yields == .NP || row.yields == .NP3 || row.yields == .NPL {
                if participle { FeatureBundle.set("VerbForm", "Ger", in: &bundle) }
                if row.yields == .NC { hasCase = true }
            }
            finalCategory = row.yields
        }
        let verbal = upos == .VERB || upos == .AUX
        if verbal {
            if rows.isEmpty || finalCategory == .V0 || finalCategory == .VN {
                for (name, value) in [("Mood", "Imp"), ("Number", "Sing"), ("Person", "2"), ("VerbForm", "Fin")] {
                    FeatureBundle.set(name, value, in: &bundle)
                }
            }
            if FeatureBundle.has("VerbForm", in: bundle), bundle.first(where: { $0.0 == "VerbForm" })!.1 == "Ger", !hasCase {
                FeatureBundle.set("Case", "Nom", in: &bundle)
            }
        } else {
            let caseBearing = upos == .NOUN || upos == .PROPN || upos == .PRON
            if !hasCase && (caseBearing || (!rows.isEmpty && upos != .NUM)) {
                FeatureBundle.set("Case", "Nom", in: &bundle)
            }
        }
        return (FeatureBundle.format(bundle), names)
    }

    /// A reading not built yet: what ``reading(stem:original:upos:inherent:rows:category:source:readingIndex:)`` needs.
    package struct PendingReading {
        let stem: [Unicode.Scalar]
        let upos: UPOS
        let inherent: [String]
        let rows: [Int]
        let category: SuffixGrammar.Category?
        let source: MorphAnalysis.Source
        let readingIndex: Int
    }

    /// Appends every feature reading of one segmentation (rows with `;` alternatives give several).
    private func expand(stem: [Unicode.Scalar], upos: UPOS, inherent: [String], rows: [Int], category: SuffixGrammar.Category?,
                        source: MorphAnalysis.Source, into out: inout [PendingReading]) {
        var count = 1
        if !rows.isEmpty {
            count = 0
            for row in rows { count = max(count, grammar.rows[row].readings.count) }
        }
        for readingIndex in 0..<count {
            out.append(PendingReading(stem: stem, upos: upos, inherent: inherent, rows: rows, category: category, source: source,
                                      readingIndex: readingIndex))
        }
    }

    // MARK: special tokens

    private func specialCandidates(_ form: String) -> [MorphAnalysis]? {
        let scalars = Array(form.unicodeScalars)
        guard let first = scalars.first else { return [MorphAnalysis(lemma: form, upos: .X, feats: "", source: .special)] }
        // One pass instead of filtered copies: this runs for every new word form.
        var letterCount = 0, hasDigit = false, latin = true, roman = true
        for scalar in scalars {
            if ("0"..."9").contains(scalar) { hasDigit = true }
            guard Self.isAlphabetic(scalar) else { continue }
            letterCount += 1
            if scalar.value >= 0x250 { latin = false }
            if !"IVXLCM".unicodeScalars.contains(scalar) { roman = false }
        }
        if letterCount == 0 && !hasDigit {
            let symbols: Set<Unicode.Scalar> = ["/", "%", "$", "€", "₸", "№", "+", "=", "<", ">", "&", "*", "@", "#", "§", "°", "^", "~", "|"]
            if scalars.allSatisfy({ symbols.contains($0) }) {
                return [MorphAnalysis(lemma: form, upos: .SYM, feats: "", source: .special),
                        MorphAnalysis(lemma: form, upos: .PUNCT, feats: "", source: .special)]
            }
            return [MorphAnalysis(lemma: form, upos: .PUNCT, feats: "", source: .special)]
        }
        if ("0"..."9").contains(first) {
            // 2010, 2,3, 55-ші, 35-те: the number is the lemma; ordinal and case suffixes become features.
            var end = 0
            while end < scalars.count, ("0"..."9").contains(scalars[end]) || ((scalars[end] == "," || scalars[end] == ".") && end + 1 < scalars.count && ("0"..."9").contains(scalars[end + 1])) {
                end += 1
            }
            let number = String(morphologyScalars: scalars[..<end])
            var rest = Array(scalars[end...])
            if rest.first == "-" { rest.removeFirst() }
            let suffix = String(morphologyScalars: rest).lowercased()
            if suffix.isEmpty {
                return [MorphAnalysis(lemma: number, upos: .NUM, feats: "NumType=Card", source: .special),
                        MorphAnalysis(lemma: number, upos: .NUM, feats: "NumType=Ord", source: .special)]
            }
            if Self.ordinalSuffixes.contains(suffix) {
                return [MorphAnalysis(lemma: number, upos: .NUM, feats: "NumType=Ord", chain: "ORD", source: .special)]
            }
            var out: [MorphAnalysis] = []
            let word = Array(number.unicodeScalars.suffix(1)) + Array(suffix.unicodeScalars)
            for segmentation in grammar.segmentations(of: Self.spokenDigit(word), minimumStem: 1) where segmentation.stemLength == 1 && segmentation.stemCategory == .N0 {
                if let reading = reading(stem: Array(number.unicodeScalars), original: Array(number.unicodeScalars), upos: .NUM,
                                         inherent: ["NumType=Card"], rows: segmentation.rows, category: .N0, source: .special) {
                    out.append(reading)
                }
            }
            return out.isEmpty ? [MorphAnalysis(lemma: number, upos: .NUM, feats: "NumType=Card", source: .special)] : out
        }
        if latin && letterCount > 0 {
            var out: [MorphAnalysis] = []
            if roman && letterCount == scalars.count {
                out.append(MorphAnalysis(lemma: form, upos: .NUM, feats: "NumType=Ord", source: .special))
            }
            let capitalised = first.properties.isUppercase
            out.append(MorphAnalysis(lemma: form, upos: capitalised ? .PROPN : .X, feats: capitalised ? "Case=Nom" : "", source: .special))
            out.append(MorphAnalysis(lemma: form, upos: .X, feats: "", source: .special))
            return out
        }
        if scalars.last == "." && letterCount <= 3 {
            // Initials and abbreviations: Г., т.б.
            return [MorphAnalysis(lemma: form, upos: .PROPN, feats: "Case=Nom", source: .special),
                    MorphAnalysis(lemma: form, upos: .NOUN, feats: "Case=Nom", source: .special),
                    MorphAnalysis(lemma: form, upos: .X, feats: "", source: .special)]
        }
        return nil
    }

    /// `scalar.properties.isAlphabetic`, answered without the Unicode tables for ASCII and Cyrillic letters.
    @inline(__always)
    private static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x400...0x481, 0x48A...0x4FF: true
        case 0x0...0x7F: false
        default: scalar.properties.isAlphabetic
        }
    }

    /// How a digit ends when read aloud, for suffix allomorphy (5 = бес → -ке; 2 = екі → -ге).
    private static func spokenDigit(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard let digit = word.first else { return word }
        let spoken: [Unicode.Scalar: Unicode.Scalar] = [
            "0": "л", "1": "р", "2": "і", "3": "ш", "4": "т", "5": "с", "6": "ы", "7": "і", "8": "з", "9": "з",
        ]
        return [spoken[digit] ?? "а"] + word.dropFirst()
    }

    package static let ordinalSuffixes: Set<String> = Set(OrdinalEndings.endings(after: [.consonant, .vowel, .digits]))

    private func hyphenated(original: [Unicode.Scalar], lower: [Unicode.Scalar], hyphen: Int) -> [MorphAnalysis] {
        let head = Array(lower[..<hyphen])
        let joined = head + lower[(hyphen + 1)...]
        let headOriginal = Array(original[..<hyphen])
        let acronym = headOriginal.count >= 2 && headOriginal.allSatisfy { !$0.properties.isLowercase }
        let capitalised = headOriginal.first?.properties.isUppercase ?? false
        var out: [MorphAnalysis] = []
        for segmentation in grammar.segmentations(of: joined, minimumStem: hyphen) where segmentation.stemLength == hyphen && segmentation.stemCategory == .N0 {
            for upos in capitalised || acronym ? [UPOS.PROPN, .NOUN] : [.NOUN] {
                if var analysis = reading(stem: head, original: headOriginal, upos: upos, inherent: [], rows: segmentation.rows,
                                          category: .N0, source: .special) {
                    if upos != .PROPN && acronym { analysis.lemma = String(morphologyScalars: headOriginal) }
                    out.append(analysis)
                }
            }
        }
        return out
    }
}
