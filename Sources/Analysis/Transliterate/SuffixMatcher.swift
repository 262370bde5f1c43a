/// A set of word endings, matched against a word's last letters by hash without building strings: the capitals
/// pass of caseless paragraphs and the Arabic reader ask it of every word, and comparing each word with every
/// ending as a `String` (hundreds of `hasSuffix` calls a word) was most of the Arabic path's time.
struct SuffixMatcher: Sendable {
    private let hashes: Set<UInt64>
    /// The endings' lengths in scalars, shortest first.
    private let lengths: [Int]

    init<Endings: Sequence<String>>(_ endings: Endings) {
        var hashes = Set<UInt64>(), lengths = Set<Int>()
        for ending in endings where !ending.isEmpty {
            hashes.insert(FeatureHash.of(ending.unicodeScalars))
            lengths.insert(ending.unicodeScalars.count)
        }
        self.hashes = hashes
        self.lengths = lengths.sorted()
    }

    /// Whether `word` ends with one of the endings and keeps at least `minimumStem` scalars before it.
    func matches<Word: BidirectionalCollection<Unicode.Scalar>>(_ word: Word, minimumStem: Int) -> Bool {
        let count = word.count
        for length in lengths {
            guard count - length >= minimumStem else { break }
            if hashes.contains(FeatureHash.of(word.suffix(length))) { return true }
        }
        return false
    }

    /// The lengths of the endings `word` ends with that leave at least `minimumStem` scalars, shortest first.
    func matchingLengths<Word: BidirectionalCollection<Unicode.Scalar>>(_ word: Word, minimumStem: Int) -> [Int] {
        let count = word.count
        return lengths.filter { count - $0 >= minimumStem && hashes.contains(FeatureHash.of(word.suffix($0))) }
    }
}
