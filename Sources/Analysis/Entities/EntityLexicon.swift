import KazakhData
import TextModel

/// Names seen in the training data with the classes they were tagged with, matched by word stems
/// ("Алматыда" finds "Алматы"), so a name the model met once in one case form is recognised in another.
///
/// Built by ``EntityTrainer`` and stored inside the model file. During training each sentence sees a lexicon
/// built from the *other* folds only (jackknifing), so the model learns how far to trust a lexicon hit on a
/// sentence the lexicon has not memorised, which is the situation at tagging time.
public struct EntityLexicon: Sendable, Equatable {
    /// One name: the stem hashes of its words and a bit per class it was tagged with.
    struct Entry: Sendable, Equatable {
        var words: [UInt64]
        var classMask: UInt32
    }

    /// Classes worth remembering by name; numbers, dates and amounts are recognised by their shape instead.
    static let nameClasses: Set<String> = Set(EntityLabel.kazNERD.filter(\.isLexiconClass).map(\.rawValue))
    /// Longest name kept, in words.
    static let maximumWords = 6

    let entries: [Entry]
    let index: [UInt64: [Int]]
    /// The first words of ``index``, so most words skip the dictionary lookup.
    let firstWords: FirstWordFilter

    init(entries: [Entry]) {
        self.entries = entries
        var index: [UInt64: [Int]] = [:]
        for (position, entry) in entries.enumerated() { index[entry.words[0], default: []].append(position) }
        self.index = index
        firstWords = FirstWordFilter(index.keys)
    }

    static let empty = EntityLexicon(entries: [])

    /// The lexicon of the gold spans of `examples` plus the hand gazetteer (`ner-gazetteer.tsv`) names the
    /// training data lacks, so a well-known name missing there ("КБТУ") gets the weight learnt for lexicon hits;
    /// `classes` fixes the bit of each class.
    static func build(_ examples: some Sequence<EntityTrainer.Example>, classes: [String]) -> EntityLexicon {
        let bit = Dictionary(uniqueKeysWithValues: classes.enumerated().filter { nameClasses.contains($1) && $0 < 32 }.map { ($1, $0) })
        var masks: [[UInt64]: UInt32] = [:]
        for example in examples {
            var start: Int?
            var label = ""
            func close(_ end: Int) {
                if let begin = start, let b = bit[label], end - begin <= maximumWords {
                    let words = example.words[begin..<end].map { EntityFeatures.stemHash($0.unicodeScalars.map(LetterCase.lower)) }
                    masks[words, default: 0] |= 1 << UInt32(b)
                }
                start = nil
            }
            for (i, tag) in example.tags.enumerated() {
                let name = tag.count > 2 ? String(tag.dropFirst(2)) : ""
                if tag.hasPrefix("I-"), start != nil, name == label { continue }
                close(i)
                if tag != "O" {
                    start = i
                    label = name
                }
            }
            close(example.tags.count)
        }
        // Hand-listed names fill gaps only: where the training data tagged a name, its own labels are kept.
        var handMasks: [[UInt64]: UInt32] = [:]
        for entry in EntityGazetteer.entries {
            guard let b = bit[entry.label] else { continue }
            handMasks[entry.words.map { EntityFeatures.stemHash($0.unicodeScalars.map(LetterCase.lower)) }, default: 0] |= 1 << UInt32(b)
        }
        for (words, mask) in handMasks where masks[words] == nil { masks[words] = mask }
        let entries = masks.map { Entry(words: $0.key, classMask: $0.value) }
            .sorted { $0.words.lexicographicallyPrecedes($1.words) }
        return EntityLexicon(entries: entries)
    }

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
