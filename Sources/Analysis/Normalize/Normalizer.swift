import Foundation
import TextModel

/// Builds the normalised view of a document's text, keeping a map back to the original scalar offsets.
///
/// In order, for every scalar of the original text:
/// 1. **Character classes** (`character-classes.tsv`): typographic double quotes → `"`, single quotes and
///    primes → `'`, dashes and minus signs → `-`, exotic spaces and tabs → space, CR/CRLF and Unicode line
///    separators → `\n`; soft hyphens, zero-width characters and BOMs are dropped (the neighbouring scalars'
///    ranges still cover them, so a token spanning a soft hyphen maps back over it). `«` `»` are kept.
/// 2. **NFC**: combining sequences are composed ("и" + U+0306 → "й"); a composed scalar maps to the whole
///    original range it came from. Text with no scalar that can compose skips this entirely.
/// 3. **Homoglyph repair** (`homoglyphs.tsv`): inside a word that mixes Latin and Cyrillic letters, the
///    letters of the minority script that have a look-alike in the majority script are replaced ("Kазақстан"
///    with a Latin K → "Қазақстан"'s Cyrillic К; "Almaty" with a Cyrillic а → Latin a). The majority is decided
///    by the letters that have no look-alike, then by all letters; a tie changes nothing. Words written in one
///    script only are never touched.
///
/// Every replacement is one scalar for one scalar, except composition (many → one), CRLF (two → one) and
/// dropping (one → none), so ``NormalizedText/originalRange(_:_:)`` always yields the exact original span.
public struct Normalizer: Annotator {
    public let name = "normalize"

    public init() {}

    public func annotate(_ document: inout Document) {
        document.normalized = normalize(document.scalars)
    }

    /// The normalised form of a string (convenience for tests and queries).
    public func normalize(_ text: String) -> String {
        let normalized = normalize(Array(text.unicodeScalars))
        return normalized.string(0, normalized.count)
    }

    /// Normalises original scalars into a view with its offset map.
    public func normalize(_ original: [Unicode.Scalar]) -> NormalizedText {
        let tables = NormalizationTables.shared
        var normalized: NormalizedText
        if let firstChange = firstScalarNeedingWork(original, tables) {
            normalized = mapCharacters(original, from: firstChange, tables)
        } else {
            normalized = NormalizedText(identityOf: original)
        }
        repairHomoglyphs(&normalized, tables)
        return normalized
    }

    /// Index of the first scalar that pass 1 would change, or nil when the text maps to itself.
    private func firstScalarNeedingWork(_ original: [Unicode.Scalar], _ tables: NormalizationTables) -> Int? {
        tables.actions.withUnsafeBufferPointer { actions in
            for index in original.indices {
                let value = original[index].value
                if value < 0x10000 {
                    if actions[Int(value)] != 0 { return index }
                } else if NormalizationTables.mayCompose(value) {
                    return index
                }
            }
            return nil
        }
    }

    /// Pass 1: character classes, line breaks and NFC, from `start` on (everything before maps to itself).
    private func mapCharacters(_ original: [Unicode.Scalar], from start: Int, _ tables: NormalizationTables) -> NormalizedText {
        var scalars: [Unicode.Scalar] = []
        var starts: [Int] = []
        var ends: [Int] = []
        scalars.reserveCapacity(original.count)
        starts.reserveCapacity(original.count)
        ends.reserveCapacity(original.count)
        scalars.append(contentsOf: original[0..<start])
        starts.append(contentsOf: 0..<start)
        ends.append(contentsOf: 1..<(start + 1))

        tables.actions.withUnsafeBufferPointer { actions in
            var index = start
            while index < original.count {
                let scalar = original[index]
                let value = scalar.value
                let action: NormalizationTables.Action
                if value < 0x10000 {
                    action = NormalizationTables.Action(rawValue: actions[Int(value)])!
                } else {
                    action = NormalizationTables.mayCompose(value) ? .compose : .keep
                }
                switch action {
                case .keep:
                    scalars.append(scalar); starts.append(index); ends.append(index + 1)
                case .space:
                    scalars.append(" "); starts.append(index); ends.append(index + 1)
                case .newline:
                    scalars.append("\n"); starts.append(index); ends.append(index + 1)
                case .doubleQuote:
                    scalars.append("\""); starts.append(index); ends.append(index + 1)
                case .singleQuote:
                    scalars.append("'"); starts.append(index); ends.append(index + 1)
                case .dash:
                    scalars.append("-"); starts.append(index); ends.append(index + 1)
                case .drop:
                    break
                case .carriageReturn:
                    let end = index + 1 < original.count && original[index + 1] == "\n" ? index + 2 : index + 1
                    scalars.append("\n"); starts.append(index); ends.append(end)
                    index = end
                    continue
                case .compose:
                    index = compose(original, at: index, &scalars, &starts, &ends)
                    continue
                }
                index += 1
            }
        }
        var normalized = NormalizedText(originalCount: original.count, reservingCapacity: scalars.count)
        for position in scalars.indices {
            normalized.append(scalars[position], from: starts[position], to: ends[position])
        }
        return normalized
    }

    /// The slow path: composes the combining sequence around `original[index]` (with its starter, already
    /// emitted) and returns the index after the sequence.
    private func compose(
        _ original: [Unicode.Scalar], at index: Int,
        _ scalars: inout [Unicode.Scalar], _ starts: inout [Int], _ ends: inout [Int]
    ) -> Int {
        // The sequence starts at the last emitted starter (with any marks already emitted after it).
        var first = scalars.count
        while first > 0, scalars[first - 1].properties.canonicalCombiningClass.rawValue != 0 { first -= 1 }
        if first > 0 { first -= 1 }
        var end = index + 1
        while end < original.count, NormalizationTables.mayCompose(original[end].value) { end += 1 }

        var sequence = String.UnicodeScalarView()
        sequence.append(contentsOf: scalars[first...])
        sequence.append(contentsOf: original[index..<end])
        let composed = Array(String(sequence).precomposedStringWithCanonicalMapping.unicodeScalars)
        let inputCount = scalars.count - first + (end - index)
        let sequenceStart = first < scalars.count ? starts[first] : index
        var pieceStarts = Array(starts[first...]) + Array(index..<end)
        var pieceEnds = Array(ends[first...]) + Array((index + 1)..<(end + 1))
        if composed.count != inputCount {
            // Scalars merged: each composed scalar stands for the whole original sequence.
            pieceStarts = Array(repeating: sequenceStart, count: composed.count)
            pieceEnds = Array(repeating: end, count: composed.count)
        }
        scalars.removeSubrange(first...)
        starts.removeSubrange(first...)
        ends.removeSubrange(first...)
        scalars.append(contentsOf: composed)
        starts.append(contentsOf: pieceStarts)
        ends.append(contentsOf: pieceEnds)
        return end
    }

    /// Pass 3: in words that mix Latin and Cyrillic, replaces the minority script's look-alike letters.
    private func repairHomoglyphs(_ normalized: inout NormalizedText, _ tables: NormalizationTables) {
        let scalars = normalized.scalars
        var wordStart = 0
        var latinDistinct = 0, latinAll = 0, cyrillicDistinct = 0, cyrillicAll = 0
        var fixes: [(index: Int, scalar: Unicode.Scalar)] = []
        for index in 0...scalars.count {
            let script: NormalizationTables.Script = index < scalars.count ? tables.script(scalars[index]) : .none
            switch script {
            case .latinDistinct: latinDistinct += 1; latinAll += 1
            case .latinConfusable: latinAll += 1
            case .cyrillicDistinct: cyrillicDistinct += 1; cyrillicAll += 1
            case .cyrillicConfusable: cyrillicAll += 1
            case .otherLetter: break
            case .none:
                if latinAll > 0 && cyrillicAll > 0 {
                    collectFixes(scalars, wordStart..<index, latinDistinct: latinDistinct, latinAll: latinAll,
                                 cyrillicDistinct: cyrillicDistinct, cyrillicAll: cyrillicAll, tables, into: &fixes)
                }
                wordStart = index + 1
                latinDistinct = 0; latinAll = 0; cyrillicDistinct = 0; cyrillicAll = 0
            }
        }
        for fix in fixes { normalized.replace(at: fix.index, with: fix.scalar) }
    }

    private func collectFixes(
        _ scalars: [Unicode.Scalar], _ word: Range<Int>, latinDistinct: Int, latinAll: Int,
        cyrillicDistinct: Int, cyrillicAll: Int, _ tables: NormalizationTables,
        into fixes: inout [(index: Int, scalar: Unicode.Scalar)]
    ) {
        let toCyrillic: Bool
        if cyrillicDistinct != latinDistinct {
            toCyrillic = cyrillicDistinct > latinDistinct
        } else if cyrillicAll != latinAll {
            toCyrillic = cyrillicAll > latinAll
        } else {
            return
        }
        for index in word {
            let value = scalars[index].value
            guard value < UInt32(NormalizationTables.scriptLimit) else { continue }
            let target = toCyrillic ? tables.latinToCyrillic[Int(value)] : tables.cyrillicToLatin[Int(value)]
            if target != 0, let scalar = Unicode.Scalar(target) { fixes.append((index, scalar)) }
        }
    }
}
