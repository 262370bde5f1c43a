/// The fixed train/dev/held-out split of a NER gold file used by `tilshi train ner` and `tilshi eval ner`.
///
/// Contiguous blocks by sentence order: the first 80 % trains, the next 10 % ("held-out") is never used for
/// any decision, the last 10 % ("dev") selects the epoch. Contiguous rather than every-n-th, so sentences of one
/// article that sit next to each other in the file cannot land on both sides and inflate the scores.
package enum EntityDataSplit: String, Sendable, CaseIterable {
    case train, heldout, dev, all

    /// The indices of this part among `count` sentences.
    package func range(count: Int) -> Range<Int> {
        let trainEnd = count * 8 / 10
        let heldoutEnd = count * 9 / 10
        switch self {
        case .train: return 0..<trainEnd
        case .heldout: return trainEnd..<heldoutEnd
        case .dev: return heldoutEnd..<count
        case .all: return 0..<count
        }
    }

    /// This part of `items`.
    package func part<T>(of items: [T]) -> ArraySlice<T> {
        items[range(count: items.count)]
    }
}
