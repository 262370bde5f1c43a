import Foundation
public import TextModel

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
///    letters of the minority script are replaced by their look-alikes in the majority script ("Kазақстан" with
///    a Latin K → Cyrillic К; "Almaty" with a Cyrillic а → Latin a). The majority is decided by the letters that
///    have no look-alike, then by all letters; a tie changes nothing. Only when every minority letter has a
///    look-alike, and the word is not a foreign stem plus suffix ("SMSке"), see ``ScriptCounts``. Words written
///    in one script only are never touched.
///
/// Every replacement is one scalar for one scalar, except composition (many → fewer), CRLF (two → one) and
/// dropping (one → none); a composition that would lengthen the text is not applied. Original ranges of successive
/// normalised scalars never overlap, so ``NormalizedText/originalRange(_:_:)`` always yields the exact original span.
public struct Normalizer: Annotator {
    /// The stage's name in a pipeline (`normalize`).
    public let name = "normalize"

    /// Creates the stage; its tables are bundled.
    public init() {}

    /// Sets `normalized` to the normalised view of the original scalars.
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
            // Start one scalar early: a combining mark composes with the starter before it.
            normalized = mapCharacters(original, from: max(0, firstChange - 1), tables)
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
        var normalized = NormalizedText(originalCount: original.count, reservingCapacity: original.count)
        for index in 0..<start { normalized.append(original[index], from: index, to: index + 1) }
        let compose = NormalizationTables.Action.compose.rawValue
        tables.actions.withUnsafeBufferPointer { actions in
            original.withUnsafeBufferPointer { original in
                @inline(__always) func action(_ value: UInt32) -> UInt8 {
                    value < 0x10000 ? actions[Int(value)] : (NormalizationTables.mayCompose(value) ? compose : 0)
                }
                var index = start
                var current = original.isEmpty ? 0 : action(original[start].value)
                while index < original.count {
                    let scalar = original[index]
                    let next = index + 1 < original.count ? action(original[index + 1].value) : 0
                    if next == compose || current == compose {
                        // A combining sequence: this scalar (its starter) and the marks after it.
                        index = self.compose(original, at: index, into: &normalized)
                        current = index < original.count ? action(original[index].value) : 0
                        continue
                    }
                    switch current {
                    case 0: normalized.append(scalar, from: index, to: index + 1)
                    case NormalizationTables.Action.space.rawValue: normalized.append(" ", from: index, to: index + 1)
                    case NormalizationTables.Action.newline.rawValue: normalized.append("\n", from: index, to: index + 1)
                    case NormalizationTables.Action.doubleQuote.rawValue: normalized.append("\"", from: index, to: index + 1)
                    case NormalizationTables.Action.singleQuote.rawValue: normalized.append("'", from: index, to: index + 1)
                    case NormalizationTables.Action.dash.rawValue: normalized.append("-", from: index, to: index + 1)
                    case NormalizationTables.Action.carriageReturn.rawValue:
                        if index + 1 < original.count, original[index + 1] == "\n" {
                            normalized.append("\n", from: index, to: index + 2)
                            index += 2
                            current = index < original.count ? action(original[index].value) : 0
                            continue
                        }
                        normalized.append("\n", from: index, to: index + 1)
                    default: break  // drop
                    }
                    index += 1
                    current = next
                }
            }
        }
        return normalized
    }

    /// The slow path: composes the sequence that starts at `original[index]` (a starter followed by marks, or
    /// marks alone) with Foundation's NFC, and returns the index after it.
    private func compose(
        _ original: UnsafeBufferPointer<Unicode.Scalar>, at index: Int, into normalized: inout NormalizedText
    ) -> Int {
        var end = index + 1
        while end < original.count, NormalizationTables.mayCompose(original[end].value) { end += 1 }
        var sequence = String.UnicodeScalarView()
        sequence.append(contentsOf: original[index..<end])
        let composed = Array(String(sequence).precomposedStringWithCanonicalMapping.unicodeScalars)
        let originalCount = end - index
        if composed.count > originalCount {
            // NFC would lengthen the text (U+2ADC, the musical symbols U+1D15E–U+1D1C0 decompose): keep the original
            // scalars. Mapping several normalised scalars to one original scalar would let the tokeniser split inside
            // it and give two tokens overlapping original ranges.
            for offset in 0..<originalCount { normalized.append(original[index + offset], from: index + offset, to: index + offset + 1) }
        } else if composed.count == originalCount {
            for (offset, scalar) in composed.enumerated() { normalized.append(scalar, from: index + offset, to: index + offset + 1) }
        } else {
            // Scalars merged: the first composed scalar stands for the original scalars the merge removed, each later
            // one for one original scalar, so the original ranges stay increasing and never overlap.
            let merged = originalCount - composed.count + 1
            for (offset, scalar) in composed.enumerated() {
                let start = offset == 0 ? index : index + merged + offset - 1
                normalized.append(scalar, from: start, to: offset == 0 ? index + merged : start + 1)
            }
        }
        return end
    }

    /// Pass 2: in words that mix Latin and Cyrillic, replaces the minority script's look-alike letters.
    private func repairHomoglyphs(_ normalized: inout NormalizedText, _ tables: NormalizationTables) {
        var fixes: [(index: Int, scalar: Unicode.Scalar)] = []
        normalized.scalars.withUnsafeBufferPointer { scalars in
            tables.scripts.withUnsafeBufferPointer { scripts in
                let limit = UInt32(NormalizationTables.scriptLimit)
                var wordStart = 0
                var counts = ScriptCounts()
                for index in 0...scalars.count {
                    var script = NormalizationTables.Script.none.rawValue
                    if index < scalars.count {
                        let value = scalars[index].value
                        script = value < limit ? scripts[Int(value)] : tables.script(scalars[index]).rawValue
                    }
                    switch script {
                    case NormalizationTables.Script.latinDistinct.rawValue: counts.add(latin: true, distinct: true)
                    case NormalizationTables.Script.latinConfusable.rawValue: counts.add(latin: true, distinct: false)
                    case NormalizationTables.Script.cyrillicDistinct.rawValue: counts.add(latin: false, distinct: true)
                    case NormalizationTables.Script.cyrillicConfusable.rawValue: counts.add(latin: false, distinct: false)
                    case NormalizationTables.Script.otherLetter.rawValue: break
                    default:
                        if counts.latinAll > 0 && counts.cyrillicAll > 0, let toCyrillic = counts.repairTarget {
                            collectFixes(scalars, wordStart..<index, toCyrillic: toCyrillic, tables, into: &fixes)
                        }
                        wordStart = index + 1
                        counts = ScriptCounts()
                    }
                }
            }
        }
        for fix in fixes { normalized.replace(at: fix.index, with: fix.scalar) }
    }

    private func collectFixes(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ word: Range<Int>, toCyrillic: Bool, _ tables: NormalizationTables,
        into fixes: inout [(index: Int, scalar: Unicode.Scalar)]
    ) {
        for index in word {
            let value = scalars[index].value
            guard value < UInt32(NormalizationTables.scriptLimit) else { continue }
            let target = toCyrillic ? tables.latinToCyrillic[Int(value)] : tables.cyrillicToLatin[Int(value)]
            if target != 0, let scalar = Unicode.Scalar(target) { fixes.append((index, scalar)) }
        }
    }
}
