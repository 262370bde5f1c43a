import KazakhData
public import TextModel

/// Rewrites Latin-script (and Arabic-script) Kazakh paragraphs of the normalised view in Cyrillic, so every later
/// stage — tokens, morphology, entities, facts — runs the Cyrillic Kazakh models on them, while every offset still
/// maps back into the original text.
///
/// Runs after ``LanguageIdentifier``: only paragraphs identified as `kk` whose ``Script`` is `latin` or `arabic`
/// are rewritten; Cyrillic paragraphs, Latin English, Turkish or Uzbek (`en`, `other`) are left alone. Inside a
/// Latin paragraph, URLs, e-mail addresses, domains and evidently English words and phrases stay as written
/// (``Transliterator/toCyrillic(_:preserveForeign:)``). A rewritten word's Cyrillic letters share out the original
/// word's range in order, so a token's ``Token/text`` is the original spelling and its ``Token/norm`` the Cyrillic
/// one; the alphabet of unmarked words is taken from the paragraph, else from the document's other Latin paragraphs.
public struct ScriptView: Annotator {
    /// The stage's name in a pipeline (`script-view`).
    public let name = "script-view"

    /// Creates the stage; its tables are bundled.
    public init() {}

    /// Replaces the normalised view's Latin- and Arabic-script Kazakh paragraphs with their Cyrillic reading.
    public func annotate(_ document: inout Document) {
        let targets = document.paragraphs.filter { $0.language == .kk && ($0.script == .latin || $0.script == .arabic) }
        guard !targets.isEmpty else { return }
        let normalized = document.normalized
        func normalizedRange(_ paragraph: Paragraph) -> Range<Int> {
            let lower = normalized.originalStart.partitionPoint { $0 >= paragraph.start }
            let upper = normalized.originalStart.partitionPoint { $0 >= paragraph.end }
            return lower..<max(lower, upper)
        }
        let ranges = targets.map(normalizedRange)
        // The document's alphabet, for paragraphs too short to show their own marks (a headline "Almaty jańalyqtary").
        var latinText: [Unicode.Scalar] = []
        for (paragraph, range) in zip(targets, ranges) where paragraph.script == .latin {
            latinText.append(contentsOf: normalized.scalars[range])
            latinText.append("\n")
        }
        let (context, digraphContext) = latinText.isEmpty
            ? (nil, false) : LatinReader(scalars: latinText, preserveForeign: true).documentContext()

        var view = NormalizedText(originalCount: normalized.originalCount, reservingCapacity: normalized.count)
        var position = 0
        func copy(_ range: Range<Int>) {
            for index in range {
                view.append(normalized.scalars[index], from: normalized.originalStart[index], to: normalized.originalEnd[index])
            }
        }
        for (paragraph, range) in zip(targets, ranges) {
            copy(position..<range.lowerBound)
            let scalars = Array(normalized.scalars[range])
            var pieces = paragraph.script == .latin
                ? LatinReader(scalars: scalars, preserveForeign: true, contextAlphabet: context, digraphContext: digraphContext).pieces()
                : ArabicReader(scalars: scalars).pieces()
            if paragraph.script == .arabic || !scalars.contains(where: \.properties.isUppercase) { Self.restoreCapitals(&pieces) }
            for piece in pieces {
                let source = (range.lowerBound + piece.range.lowerBound)..<(range.lowerBound + piece.range.upperBound)
                if !piece.rewritten {
                    copy(source)
                    continue
                }
                // Output letter j stands for input letters [j·n/m, (j+1)·n/m): in order, never overlapping while
                // the output is not longer than the input (which Latin → Cyrillic hardly ever is).
                let n = source.count, m = piece.output.count
                guard n > 0, m > 0 else { continue }
                for (j, scalar) in piece.output.enumerated() {
                    let low = min(n - 1, j * n / m)
                    let high = j == m - 1 ? n : max(low + 1, (j + 1) * n / m)
                    view.append(scalar, from: normalized.originalStart[source.lowerBound + low],
                                to: normalized.originalEnd[source.lowerBound + high - 1])
                }
            }
            position = range.upperBound
        }
        copy(position..<normalized.count)
        document.normalized = view
    }

    /// Whether a word ends like a surname (`surname-endings.tsv`: -ов, -ева, -ұлы…), with or without a case ending,
    /// after a stem of at least two letters. The endings that also end common words (-ин, -ын: "айтқанын"; -бай,
    /// -бек) are not used here.
    static func endsLikeSurname<Word: BidirectionalCollection<Unicode.Scalar>>(_ word: Word) -> Bool {
        surnameShapes.matches(word, minimumStem: 2)
    }

    static let surnameEndings = FactLexicon.surnameEndings.filter { !["ин", "ын", "ина", "ына", "бай", "бек"].contains($0) }
    /// Every surname ending alone and followed by each case ending of a name.
    static let surnameShapes = SuffixMatcher(surnameEndings + surnameEndings.flatMap { ending in
        ReadingLexicon.nameEndings.map { ending + $0 }
    })
    /// The place nouns of `place-nouns.tsv` as scalars.
    static let placeNounStems: [[Unicode.Scalar]] = FactLexicon.placeNouns.map { Array($0.unicodeScalars) }

    /// Whether `word` is the name in "X ауданы", "X қаласында": a place noun of `place-nouns.tsv` in its possessive
    /// (stem + ы/і or сы/сі, then any case ending) follows, and that construction needs a name before it. Stop words
    /// ("осы ауданда") and words of fewer than three letters are not names.
    static func namesAPlace(_ word: [Unicode.Scalar], text: String, before next: [Unicode.Scalar]?) -> Bool {
        guard let next, word.count >= 3, word.allSatisfy(\.properties.isAlphabetic) else { return false }
        let following = next.map(\.fastLowercase)
        let isPossessivePlaceNoun = placeNounStems.contains { stem in
            guard following.count > stem.count, following.starts(with: stem) else { return false }
            let rest = following[stem.count...]
            let first = rest.first, second = rest.dropFirst().first
            return first == "ы" || first == "і" || first == "с" && (second == "ы" || second == "і")
        }
        return isPossessivePlaceNoun && !StopWords.kazakh.contains(text)
    }

    /// Whether `word` is a given name: a surname-shaped word follows ("мұрат бекұлы", "ерлан сейітқалиев"), and `word`
    /// is not a stop word or a role noun ("министр сүлейменов").
    /// A common word with a case ending ("отырысында") is no given name either: a name takes its case on the surname.
    static func namesAPerson(_ word: [Unicode.Scalar], text: String, before next: [Unicode.Scalar]?) -> Bool {
        guard let next, word.count >= 3, word.allSatisfy(\.properties.isAlphabetic), endsLikeSurname(next.lazy.map(\.fastLowercase)) else { return false }
        if ReadingLexicon.shared.common.contains(text), caseEndings.matches(word, minimumStem: 3) { return false }
        return !StopWords.kazakh.contains(text) && !FactLexicon.roleStems.contains { text.hasPrefix($0) }
    }

    /// The case and plural endings of names (`case-suffixes.tsv`).
    static let caseEndings = SuffixMatcher(ReadingLexicon.nameEndings)

    /// For every piece, the index of the next word piece when only spaces come between, else nil.
    static func nextWords(_ pieces: [TransliterationPiece]) -> [Int?] {
        var next = [Int?](repeating: nil, count: pieces.count)
        var following: Int?
        for index in pieces.indices.reversed() {
            next[index] = following
            let piece = pieces[index]
            if piece.rewritten {
                following = index
            } else if !piece.output.allSatisfy(\.properties.isWhitespace) {
                following = nil
            }
        }
        return next
    }

    /// Whether `word` may be a name by itself: letters only, at least `minimum` of them, no stop word or common word.
    static func mayBeName(_ word: [Unicode.Scalar]?, minimum: Int, lexicon: ReadingLexicon) -> Bool {
        guard let word, word.count >= minimum, word.allSatisfy(\.properties.isAlphabetic) else { return false }
        let text = String(String.UnicodeScalarView(word.map(\.fastLowercase)))
        return !StopWords.kazakh.contains(text) && !lexicon.common.contains(text)
    }

    /// Whether `word` (any case) is a role noun of `role-words.tsv` in any form ("төрағасы", "ректоры", "министрі").
    static func isRoleWord(_ word: [Unicode.Scalar]) -> Bool {
        let text = String(String.UnicodeScalarView(word.map(\.fastLowercase)))
        return FactLexicon.roleStems.contains { text.hasPrefix($0) }
    }

    /// Capitals for a paragraph written without any (the Arabic script has none; some Latin text is all lower
    /// case), because the NER model reads them, as Cyrillic text writes them: a proper noun ``ReadingLexicon``
    /// knows, the first word of each sentence, a surname-shaped word after a name, a given name before one, the
    /// name before a place noun ("X ауданында"), a Chinese family name and the given name after it ("ли жұн"), and
    /// two words after a role noun ("ректоры лю хуа"). The last three never capitalise a common word
    /// (``ReadingLexicon/common``): "бас қаласы" keeps "бас", "төрағасы бүгін" keeps "бүгін".
    static func restoreCapitals(_ pieces: inout [TransliterationPiece]) {
        let lexicon = ReadingLexicon.shared
        let next = nextWords(pieces)
        var previous = [Int?](repeating: nil, count: pieces.count)
        for (index, following) in next.enumerated() { if let following { previous[following] = index } }
        var sentenceStart = true
        // Whether the last word was a proper noun (its capital from the table, not from the sentence start).
        var afterName = false
        // Whether the last word started a name whose next word belongs to it (a Chinese family name, a name after
        // a role noun).
        var nameGoesOn = false
        for index in pieces.indices {
            let output = pieces[index].output
            guard pieces[index].rewritten, let first = output.first, first.properties.isAlphabetic else {
                // Text between words: a sentence ends at . ! ? (Arabic ؟ is already ?); a number starts one's first word.
                for scalar in output {
                    if scalar == "." || scalar == "!" || scalar == "?" { sentenceStart = true }
                    else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { sentenceStart = false }
                    if !scalar.properties.isWhitespace { afterName = false; nameGoesOn = false }
                }
                continue
            }
            let wasName = afterName, nameWentOn = nameGoesOn
            afterName = false
            nameGoesOn = false
            let text = String(String.UnicodeScalarView(output))
            if first.properties.isUppercase {
                afterName = !sentenceStart || lexicon.proper[text.lowercased()] != nil
            } else if let form = lexicon.proper[text] {
                pieces[index].output = form
                afterName = true
            } else {
                let following = next[index].map { pieces[$0].output }
                let givenName = namesAPerson(output, text: text, before: following)
                // Most words are common words, which the rules below never capitalise: asked first.
                let common = lexicon.common.contains(text)
                let unknown = !common && !StopWords.kazakh.contains(text)
                    && output.count >= 2 && output.allSatisfy(\.properties.isAlphabetic)
                // "ли жұн", "ши жинпиңмен": a listed family name before a word that is no common Kazakh word.
                let chineseName = FactLexicon.chineseSurnames.contains(text) && mayBeName(following, minimum: 2, lexicon: lexicon)
                // "төрағасы ван жиңго", "ректоры лю хуа": two words after a role noun that are no common words.
                let afterRole = unknown && mayBeName(following, minimum: 2, lexicon: lexicon)
                    && previous[index].map { isRoleWord(pieces[$0].output) } == true
                let continued = nameWentOn && unknown
                if sentenceStart || givenName || wasName && endsLikeSurname(output) || chineseName || afterRole || continued
                    || !common && namesAPlace(output, text: text, before: following) {
                    // A surname the table does not know, right after a known name ("Тимур сүлейменов"), a first word,
                    // the name of a district or town the table does not know ("дөрбілжін ауданында"), or a given name
                    // before a surname-shaped word ("мұрат бекұлы").
                    let upper = Array(first.properties.uppercaseMapping.unicodeScalars)
                    if upper.count == 1 { pieces[index].output[0] = upper[0] }
                    afterName = wasName || givenName || chineseName || afterRole || continued
                    nameGoesOn = chineseName || afterRole
                }
            }
            sentenceStart = false
        }
    }
}
