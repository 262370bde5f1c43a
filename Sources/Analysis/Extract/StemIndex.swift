import TextModel

/// Stems bucketed by their first scalar, matched by UTF-8 prefix: a word is compared only with the few stems that
/// share its first letter, and never through `String.hasPrefix` (which pays for Unicode equivalence; the text is
/// already NFC here).
struct StemIndex<Payload: Sendable>: Sendable {
    struct Entry: Sendable {
        let stem: String
        let payload: Payload
    }

    /// Buckets of the stems that begin with a scalar below U+0500 (ASCII, Latin-1, Cyrillic), indexed by that scalar:
    /// every word of every document asks, and a dictionary lookup hashed each one with Swift's seeded hasher.
    private var directBuckets = [[Entry]](repeating: [], count: 0x500)
    /// Buckets of the stems that begin with any other scalar.
    private var buckets: [UInt32: [Entry]] = [:]

    init(_ entries: [(stem: String, payload: Payload)]) {
        for (stem, payload) in entries.sorted(by: { $0.stem.utf8.count > $1.stem.utf8.count }) {
            guard let first = stem.unicodeScalars.first else { continue }
            if first.value < 0x500 {
                directBuckets[Int(first.value)].append(Entry(stem: stem, payload: payload))
            } else {
                buckets[first.value, default: []].append(Entry(stem: stem, payload: payload))
            }
        }
    }

    /// The stems that begin with the first scalar of `word`, longest first; nil when there are none.
    private func bucket(of word: String) -> [Entry]? {
        guard let first = word.unicodeScalars.first else { return nil }
        if first.value < 0x500 {
            let bucket = directBuckets[Int(first.value)]
            return bucket.isEmpty ? nil : bucket
        }
        return buckets[first.value]
    }

    /// Every stem that begins `word`, longest first, with the rest of the word after it.
    func matches(_ word: String) -> [(entry: Entry, rest: Substring)] {
        guard let bucket = bucket(of: word) else { return [] }
        var found: [(entry: Entry, rest: Substring)] = []
        for entry in bucket where word.startsWithBytes(entry.stem) {
            found.append((entry, Substring(word.utf8.dropFirst(entry.stem.utf8.count))))
        }
        return found
    }

    /// The longest stem that begins `word`.
    func longest(_ word: String) -> (entry: Entry, rest: Substring)? {
        guard let bucket = bucket(of: word) else { return nil }
        for entry in bucket where word.startsWithBytes(entry.stem) {
            return (entry, Substring(word.utf8.dropFirst(entry.stem.utf8.count)))
        }
        return nil
    }
}

extension String {
    /// `hasPrefix` by UTF-8 bytes, for NFC text. Compares the contiguous buffers directly: the generic
    /// `Sequence.starts(with:)` over two UTF-8 views was a visible share of the time and amount extractors.
    func startsWithBytes(_ prefix: String) -> Bool {
        let count = prefix.utf8.count
        guard count > 0 else { return true }
        guard utf8.count >= count else { return false }
        let fast = utf8.withContiguousStorageIfAvailable { word in
            prefix.utf8.withContiguousStorageIfAvailable { stem in
                for index in 0..<count where word[index] != stem[index] { return false }
                return true
            }
        }
        if let fast, let result = fast { return result }
        return utf8.starts(with: prefix.utf8)
    }
    /// `hasSuffix` by UTF-8 bytes, for NFC text.
    func endsWithBytes(_ suffix: String) -> Bool { utf8.count >= suffix.utf8.count && utf8.reversed().starts(with: suffix.utf8.reversed()) }
}

extension Unicode.Scalar {
    /// `properties.isUppercase` without the Unicode property lookup for ASCII and Cyrillic (Kazakh included).
    var isUppercaseFast: Bool {
        switch value {
        case 0..<0x80: return value >= 0x41 && value <= 0x5A
        case 0x400...0x42F: return true
        case 0x430...0x45F, 0x482...0x489: return false
        case 0x460...0x4BF, 0x4D0...0x4FF: return value % 2 == 0
        default: return properties.isUppercase
        }
    }
}
