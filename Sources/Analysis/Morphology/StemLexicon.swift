public import TextModel
import KazakhData

/// Stems with part of speech and inherent features, from three sources: hand-checked stems, stems induced
/// from a raw corpus, and lemmas seen in training data. Keys are lowercased stems.
public struct StemLexicon: Sendable {
    /// One reading of a stem.
    public struct Entry: Sendable, Equatable {
        /// The stem's part of speech.
        public var upos: UPOS
        /// Inherent features (`PronType=Dem`, `NumType=Card`, …) as name/value pairs.
        public var features: [String]
        /// Which of the lexicon's sources gave the reading.
        public var source: MorphAnalysis.Source
        /// How often the reading was seen: a corpus stem's frequency, summed when a stem is added again.
        public var count: Int
    }

    // Keyed by scalars: lookups are on the analyser's cold path, dozens per word form, and its stems are scalar
    // arrays already (no `String` is built to look one up).
    private var entries: [StemKey: [Entry]] = [:]

    /// Creates an empty lexicon.
    public init() {}

    /// Adds a reading of `stem`; a reading already present from a more trusted source is kept.
    public mutating func add(_ stem: String, upos: UPOS, features: String = "_", source: MorphAnalysis.Source, count: Int = 1) {
        let key = StemKey(scalars: Array(stem.lowercased().unicodeScalars))
        let feats = features == "_" || features.isEmpty ? [] : features.split(separator: "|").map(String.init)
        if let index = entries[key]?.firstIndex(where: { $0.upos == upos }) {
            entries[key]![index].count += count
            if source.rawValue < entries[key]![index].source.rawValue { entries[key]![index].source = source }
            if entries[key]![index].features.isEmpty { entries[key]![index].features = feats }
            return
        }
        entries[key, default: []].append(Entry(upos: upos, features: feats, source: source, count: count))
    }

    /// Readings of a lowercased stem.
    public func readings(of stem: String) -> [Entry] { readings(of: Array(stem.unicodeScalars)) }

    /// Readings of a lowercased stem given as scalars.
    func readings(of stem: [Unicode.Scalar]) -> [Entry] { entries[StemKey(scalars: stem)] ?? [] }

    /// A stem as a dictionary key, hashed with FNV-1a over its scalar values (one `Hasher` round, not one per scalar).
    private struct StemKey: Hashable {
        let scalars: [Unicode.Scalar]

        func hash(into hasher: inout Hasher) { hasher.combine(MorphologyFeatures.code(scalars[...])) }
    }

    /// Hand-checked stems only (`morphology-hand-stems.tsv`).
    public static func handChecked() -> StemLexicon {
        var lexicon = StemLexicon()
        for row in MorphologyTables.handStems() {
            if let upos = UPOS(rawValue: row.upos) { lexicon.add(row.stem, upos: upos, features: row.features, source: .handStem) }
        }
        return lexicon
    }

    /// Hand-checked stems plus the induced corpus stems bundled in `KazakhData`.
    public static func bundled() -> StemLexicon {
        var lexicon = handChecked()
        for row in MorphologyTables.corpusStems() {
            if let upos = UPOS(rawValue: row.upos) { lexicon.add(row.stem, upos: upos, source: .corpusStem, count: row.count) }
        }
        return lexicon
    }
}
