/// Cheap character-class tests on single Unicode scalars, with ASCII and Cyrillic fast tracks.
///
/// The tokenizer and segmenter call these once or twice per scalar; `Unicode.Scalar.Properties`
/// lookups are only reached for scripts other than Latin and Cyrillic.
enum ScalarClass {
    @inline(__always)
    static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
    }

    @inline(__always)
    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x30 && s.value <= 0x39
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        isASCIILetter(s) || isDigit(s)
    }

    /// Letters of any script, combining marks (stress accents, Arabic vowels) and non-ASCII digits.
    @inline(__always)
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return isASCIILetter(s) }
        if v >= 0x0400 && v <= 0x04FF { return v < 0x0482 || v > 0x0489 }
        if v == 0x00D7 || v == 0x00F7 { return false }
        if v >= 0x00C0 && v <= 0x024F { return true }
        // Latin-1 punctuation (« » ­ ·) and general punctuation (– — “ ” „ … and the invisible spaces), which every
        // Kazakh news text is full of, hold no letters and no marks; ª µ º are the only letters below U+00C0.
        if v < 0x00C0 { return v == 0x00AA || v == 0x00B5 || v == 0x00BA }
        if v >= 0x2000 && v <= 0x206F { return false }
        if v == 0x0259 || v == 0x018F { return true }  // ə Ə, used for Kazakh ә by some writers
        return isLetterByProperties(s)
    }

    /// The Unicode-table part of ``isLetter(_:)``, kept out of line: inlined, its general-category switch made every
    /// caller set up the stdlib's enum metadata on each call, even for the common scalars that never reach it.
    @inline(never)
    private static func isLetterByProperties(_ s: Unicode.Scalar) -> Bool {
        let properties = s.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Letters and digits: what a word is made of.
    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        isDigit(s) || isLetter(s) || (s.value >= 0x80 && !isPunctuationBlock(s) && isDecimalByProperties(s))
    }

    /// Whether a scalar outside ASCII is a decimal digit (Arabic-Indic, Devanagari …), from the Unicode tables;
    /// out of line for the reason given at ``isLetterByProperties(_:)``.
    @inline(never)
    private static func isDecimalByProperties(_ s: Unicode.Scalar) -> Bool {
        s.properties.numericType == .decimal
    }

    /// Latin-1 punctuation and symbols (U+0080–U+00BF) and general punctuation (U+2000–U+206F): no decimal digits
    /// there, so the Unicode table is not asked for the quotes and dashes between words.
    @inline(__always)
    private static func isPunctuationBlock(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x00C0 || (v >= 0x2000 && v <= 0x206F)
    }

    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v == 0x20 || (v >= 0x09 && v <= 0x0D) { return true }
        if v < 0x80 { return false }
        // Below U+1680 (Ogham space) only U+0085 and U+00A0 are White_Space: Cyrillic text never reaches the
        // Unicode property lookup.
        if v < 0x1680 { return v == 0x85 || v == 0xA0 }
        return v == 0x200B || v == 0xFEFF || s.properties.isWhitespace
    }

    @inline(__always)
    static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x0A || v == 0x0D || v == 0x0B || v == 0x0C || v == 0x85 || v == 0x2028 || v == 0x2029
    }

    /// Hyphens that join word parts: hyphen-minus, hyphen, non-breaking hyphen.
    @inline(__always)
    static func isHyphen(_ s: Unicode.Scalar) -> Bool {
        s == "-" || s == "\u{2010}" || s == "\u{2011}"
    }

    /// Soft hyphen, zero-width non-joiner and joiner, word joiner: invisible inside a word.
    @inline(__always)
    static func isInvisibleJoiner(_ s: Unicode.Scalar) -> Bool {
        s == "\u{00AD}" || s == "\u{200C}" || s == "\u{200D}" || s == "\u{2060}"
    }

    /// Apostrophes that may sit inside a word (`O'Brien`, Latin-script Kazakh `sh'`).
    @inline(__always)
    static func isApostrophe(_ s: Unicode.Scalar) -> Bool {
        s == "'" || s == "\u{2019}" || s == "\u{02BC}"
    }

    /// Sentence-final marks; runs of them (`...`, `?!`, `!!!`) form one token.
    @inline(__always)
    static func isTerminal(_ s: Unicode.Scalar) -> Bool {
        s == "." || s == "!" || s == "?" || s == "…" || s == "\u{203C}" || s == "\u{2047}" || s == "\u{2048}" || s == "\u{2049}"
    }

    /// Marks that open a quotation or bracket and so may begin a sentence.
    @inline(__always)
    static func isOpening(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "«", "“", "„", "‹", "‘", "(", "[", "{", "\"": return true
        default: return false
        }
    }

    /// Marks that close a quotation or bracket and stay with the sentence they end.
    @inline(__always)
    static func isClosing(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "»", "”", "›", "’", ")", "]", "}", "\"", "'": return true
        default: return false
        }
    }

    /// Dashes that introduce direct speech or a new turn (`— Құдай оңдап…`).
    @inline(__always)
    static func isDash(_ s: Unicode.Scalar) -> Bool {
        s == "-" || s == "–" || s == "—" || s == "\u{2012}" || s == "\u{2015}"
    }

    /// Unicode's `Uppercase`; the rest of the Cyrillic block (Kazakh Ә Ғ Қ Ң Ө Ұ Ү Һ І) through ``LetterCase``,
    /// without the Unicode tables: the tokenizer asks for the letters of every word.
    @inline(__always)
    static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        if v >= 0x0410 && v <= 0x042F { return true }
        if v >= 0x0430 && v <= 0x045F { return false }
        if v >= 0x0400 && v <= 0x04FF { return LetterCase.of(s) == .upper }
        return s.properties.isUppercase
    }

    /// Unicode's `Lowercase`, with the same fast paths as ``isUppercase(_:)``.
    @inline(__always)
    static func isLowercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        if v >= 0x0430 && v <= 0x045F { return true }
        if v >= 0x0410 && v <= 0x042F { return false }
        if v >= 0x0400 && v <= 0x04FF { return LetterCase.of(s) == .lower }
        return s.properties.isLowercase
    }

    /// Lower-case form of a scalar (one scalar; multi-scalar mappings keep the original).
    @inline(__always)
    static func lowered(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 32)! : s }
        if v >= 0x0410 && v <= 0x042F { return Unicode.Scalar(v + 32)! }
        if v >= 0x0430 && v <= 0x045F { return s }
        let mapping = s.properties.lowercaseMapping.unicodeScalars
        return mapping.count == 1 ? mapping.first! : s
    }

    /// Emoji that stand alone as pictographs (not digits or `#`, which are emoji-capable too).
    @inline(__always)
    static func isPictograph(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x2100 && s.properties.isEmoji
    }
}
