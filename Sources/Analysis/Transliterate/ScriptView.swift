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
        let context = latinText.isEmpty ? nil : LatinReader(scalars: latinText, preserveForeign: true).markedAlphabet()
        let digraphContext = !latinText.isEmpty && LatinReader(scalars: latinText, preserveForeign: true).scheme() == .digraph

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

    /// Whether a word ends like a surname (`surname-endings.tsv`: -ов, -ева, -ұлы…), with or without a case ending.
    /// The endings that also end common words (-ин, -ын: "айтқанын"; -бай, -бек) are not used here.
    static func endsLikeSurname(_ word: [Unicode.Scalar]) -> Bool {
        let text = String(String.UnicodeScalarView(word))
        return surnameEndings.contains { ending in
            text.hasSuffix(ending) && text.count > ending.count + 1
                || ReadingLexicon.nameEndings.contains { text.hasSuffix(ending + $0) && text.count > ending.count + $0.count + 1 }
        }
    }

    /// The next word piece after `index` when only spaces come between, else nil.
    static func nextWord(after index: Int, in pieces: [TransliterationPiece]) -> [Unicode.Scalar]? {
        var next = index + 1
        while next < pieces.count, !pieces[next].rewritten, pieces[next].output.allSatisfy(\.properties.isWhitespace) { next += 1 }
        return next < pieces.count && pieces[next].rewritten ? pieces[next].output : nil
    }

    /// Whether `word` is the name in "X ауданы", "X қаласында": a place noun of `place-nouns.tsv` in its possessive
    /// (stem + ы/і or сы/сі, then any case ending) follows, and that construction needs a name before it. Stop words
    /// ("осы ауданда") and words of fewer than three letters are not names.
    static func namesAPlace(_ word: [Unicode.Scalar], before next: [Unicode.Scalar]?) -> Bool {
        guard let next, word.count >= 3, word.allSatisfy(\.properties.isAlphabetic) else { return false }
        let text = String(String.UnicodeScalarView(word))
        guard !StopWords.kazakh.contains(text) else { return false }
        let following = String(String.UnicodeScalarView(next)).lowercased()
        return FactLexicon.placeNouns.contains { stem in
            guard following.hasPrefix(stem), following.count > stem.count else { return false }
            let rest = following.dropFirst(stem.count)
            return rest.hasPrefix("ы") || rest.hasPrefix("і") || rest.hasPrefix("сы") || rest.hasPrefix("сі")
        }
    }

    /// Whether `word` is a given name: a surname-shaped word follows ("мұрат бекұлы", "ерлан сейітқалиев"), and `word`
    /// is not a stop word or a role noun ("министр сүлейменов").
    static func namesAPerson(_ word: [Unicode.Scalar], before next: [Unicode.Scalar]?) -> Bool {
        guard let next, word.count >= 3, word.allSatisfy(\.properties.isAlphabetic), endsLikeSurname(next.map(\.fastLowercase)) else { return false }
        let text = String(String.UnicodeScalarView(word))
        return !StopWords.kazakh.contains(text) && !FactLexicon.roleStems.contains { text.hasPrefix($0) }
    }

    static let surnameEndings = FactLexicon.surnameEndings.filter { !["ин", "ын", "ина", "ына", "бай", "бек"].contains($0) }

    /// Capitals for a paragraph written without any (the Arabic script has none; some Latin text is all lower
    /// case), because the NER model reads them: a proper noun ``ReadingLexicon`` knows gets its capital, and so
    /// does the first word of each sentence, as Cyrillic text writes them.
    static func restoreCapitals(_ pieces: inout [TransliterationPiece]) {
        let lexicon = ReadingLexicon.shared
        var sentenceStart = true
        // Whether the last word was a proper noun (its capital from the table, not from the sentence start).
        var afterName = false
        for index in pieces.indices {
            let output = pieces[index].output
            guard pieces[index].rewritten, let first = output.first, first.properties.isAlphabetic else {
                // Text between words: a sentence ends at . ! ? (Arabic ؟ is already ?); a number starts one's first word.
                for scalar in output {
                    if scalar == "." || scalar == "!" || scalar == "?" { sentenceStart = true }
                    else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { sentenceStart = false }
                    if !scalar.properties.isWhitespace { afterName = false }
                }
                continue
            }
            let wasName = afterName
            afterName = false
            if first.properties.isUppercase {
                afterName = !sentenceStart || lexicon.proper[String(String.UnicodeScalarView(output)).lowercased()] != nil
            } else if let form = lexicon.proper[String(String.UnicodeScalarView(output))] {
                pieces[index].output = form
                afterName = true
            } else if sentenceStart || wasName && Self.endsLikeSurname(output)
                        || Self.namesAPlace(output, before: Self.nextWord(after: index, in: pieces))
                        || Self.namesAPerson(output, before: Self.nextWord(after: index, in: pieces)) {
                // A surname the table does not know, right after a known name ("Тимур сүлейменов"), a first word,
                // the name of a district or town the table does not know ("дөрбілжін ауданында"), or a given name
                // before a surname-shaped word ("мұрат бекұлы").
                let upper = Array(first.properties.uppercaseMapping.unicodeScalars)
                if upper.count == 1 { pieces[index].output[0] = upper[0] }
                afterName = wasName || Self.namesAPerson(output, before: Self.nextWord(after: index, in: pieces))
            }
            sentenceStart = false
        }
    }
}
