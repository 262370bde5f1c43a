import TextModel

extension String {
    /// A string from Unicode scalars, UTF-8-encoded straight into the string's storage: much cheaper than
    /// `String(String.UnicodeScalarView(scalars))`, which appends scalar by scalar (this runs for every stem
    /// lookup and lemma on the analyser's cold path).
    package init<C: Collection<Unicode.Scalar>>(morphologyScalars scalars: C) {
        // Exact size: cached lemmas keep their storage, so no slack.
        let capacity = scalars.reduce(0) { $0 + UTF8.width($1) }
        self.init(unsafeUninitializedCapacity: capacity) { buffer in
            var written = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[written] = byte
                    written += 1
                }
            }
            return written
        }
    }
}

/// Lowercasing for the analyser's cold path: `String.lowercased()` goes through the full Unicode case tables and
/// is a large share of analysing a new form, while nearly every word is ASCII or Cyrillic, whose lower-case
/// mappings are single scalars (``Unicode/Scalar/fastLowercase``). Anything else falls back to
/// `lowercased()`, so results are always exactly those of `String.lowercased()`.
enum MorphologyCase {
    /// Whether `fastLowercase` of `scalar` is exactly what `String.lowercased()` produces for it.
    @inline(__always)
    static func hasFastMapping(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII, Cyrillic, and the caseless punctuation news text mixes with them (« » — “ ” …).
        scalar.value < 0x80 || (0x400...0x4FF).contains(scalar.value) || (0xA0...0xBF).contains(scalar.value)
            || (0x2010...0x205E).contains(scalar.value)
    }

    /// `text.lowercased()`.
    static func lowercased(_ text: String) -> String {
        var changed = false
        for scalar in text.unicodeScalars {
            guard hasFastMapping(scalar) else { return text.lowercased() }
            if scalar.fastLowercase != scalar { changed = true }
        }
        return changed ? String(morphologyScalars: text.unicodeScalars.lazy.map(\.fastLowercase)) : text
    }

    /// The scalars of `text.lowercased()`.
    static func lowercasedScalars(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard hasFastMapping(scalar) else { return Array(text.lowercased().unicodeScalars) }
            out.append(scalar.fastLowercase)
        }
        return out
    }

    /// The first scalar of `String(scalar).lowercased()`.
    @inline(__always)
    static func lowercasedFirst(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        hasFastMapping(scalar) ? scalar.fastLowercase : String(scalar).lowercased().unicodeScalars.first
    }
}
