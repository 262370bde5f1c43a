/// Word clusters learnt from unlabelled Kazakh text (`word-clusters.tsv`, written by `tilshi train clusters`).
///
/// Each row is a lower-cased word form and its cluster's bit-string: the path from the root of a binary
/// hierarchy of clusters, so a prefix of the bit-string names a coarser cluster ("0110" ⊃ "011010"). The NER
/// tagger uses prefixes as features: words that occur in the same contexts share them even when one was never
/// seen in labelled data.
public enum WordClusters {
    /// (lower-cased form, bit-string) pairs in file order (most frequent form first).
    public static let entries: [(form: String, bits: String)] = DataFile.requiredRows(fileName)
        .compactMap { $0.count >= 2 && !$0[1].isEmpty ? ($0[0], $0[1]) : nil }

    /// The bundled table's file name.
    public static let fileName = "word-clusters.tsv"
}
