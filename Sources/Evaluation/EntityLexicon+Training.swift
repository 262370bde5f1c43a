import Analysis
import KazakhData

extension EntityLexicon {
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
}
