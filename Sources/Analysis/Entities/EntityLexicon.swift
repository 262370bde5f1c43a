import KazakhData
import TextModel

/// Names seen in the training data with the classes they were tagged with, matched by word stems
/// ("Алматыда" finds "Алматы"), so a name the model met once in one case form is recognised in another.
///
/// Built by the NER trainer (`Evaluation`) and stored inside the model file. During training each sentence sees a lexicon
/// built from the *other* folds only (jackknifing), so the model learns how far to trust a lexicon hit on a
/// sentence the lexicon has not memorised, which is the situation at tagging time.
public struct EntityLexicon: Sendable, Equatable {
    /// One name: the stem hashes of its words and a bit per class it was tagged with.
    package struct Entry: Sendable, Equatable {
        package var words: [UInt64]
        package var classMask: UInt32

        package init(words: [UInt64], classMask: UInt32) {
            self.words = words
            self.classMask = classMask
        }
    }

    /// Classes worth remembering by name; numbers, dates and amounts are recognised by their shape instead.
    package static let nameClasses: Set<String> = Set(EntityLabel.kazNERD.filter(\.isLexiconClass).map(\.rawValue))
    /// Longest name kept, in words.
    package static let maximumWords = 6

    let entries: [Entry]
    let index: [UInt64: [Int]]
    /// The first words of ``index``, so most words skip the dictionary lookup.
    let firstWords: FirstWordFilter

    package init(entries: [Entry]) {
        self.entries = entries
        var index: [UInt64: [Int]] = [:]
        for (position, entry) in entries.enumerated() { index[entry.words[0], default: []].append(position) }
        self.index = index
        firstWords = FirstWordFilter(index.keys)
    }

    package static let empty = EntityLexicon(entries: [])

    /// For every word, `(class bit, isInside)` pairs of the longest lexicon names covering it.
    func matches(_ stems: [UInt64]) -> [[(bit: UInt32, inside: Bool)]] {
        var result = Array(repeating: [(bit: UInt32, inside: Bool)](), count: stems.count)
        guard !entries.isEmpty else { return result }
        var i = 0
        while i < stems.count {
            guard firstWords.mayContain(stems[i]), let positions = index[stems[i]] else {
                i += 1
                continue
            }
            var longest = 0
            var mask: UInt32 = 0
            for position in positions {
                let words = entries[position].words
                guard i + words.count <= stems.count, words.count >= longest,
                      stems[i..<(i + words.count)].elementsEqual(words) else { continue }
                if words.count > longest {
                    longest = words.count
                    mask = 0
                }
                mask |= entries[position].classMask
            }
            guard longest > 0 else {
                i += 1
                continue
            }
            for b in 0..<UInt32(32) where mask & (1 << b) != 0 {
                result[i].append((b, false))
                for k in 1..<longest { result[i + k].append((b, true)) }
            }
            i += longest
        }
        return result
    }
}

/// One bit per hashed first word of a set of names: a word whose bit is clear begins none of them, so the common
/// case (a word that starts no name) costs one load instead of a dictionary lookup with Swift's seeded hashing.
/// Bits may collide; a set bit only means "look it up".
struct FirstWordFilter: Sendable, Equatable {
    /// 2^20 bits (128 KiB): a few per cent of false hits with tens of thousands of names.
    private static let bitCount = 1 << 20
    private var bits: [UInt64]

    init(_ keys: some Sequence<UInt64>) {
        bits = [UInt64](repeating: 0, count: Self.bitCount / 64)
        for key in keys {
            let bit = Self.bit(of: key)
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    func mayContain(_ key: UInt64) -> Bool {
        let bit = Self.bit(of: key)
        return bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// The top bits after a multiplicative mix: the keys are FNV-1a hashes, whose low bits are weak.
    private static func bit(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 44)
    }
}
