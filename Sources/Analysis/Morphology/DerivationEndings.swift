import KazakhData
import TextModel

/// Derivational endings (`morphology-derivations.tsv`: -лық, -шы, -сыз, …) in flat arrays, longest first, for
/// the checks the candidate generator makes once per segmentation of every new word form: no arrays or strings
/// are retained or compared in the loop, and the last scalar rejects nearly every ending at once.
struct DerivationEndings: Sendable {
    /// Ending scalars, back to back; ending `i` is `scalars[starts[i]..<starts[i] + lengths[i]]`.
    private let scalars: [Unicode.Scalar]
    private let starts: [Int]
    private let lengths: [Int]
    private let lastScalars: [Unicode.Scalar]
    /// The row id of each ending, its feature hash, and the part of speech it implies.
    let ids: [String]
    let idCodes: [UInt64]
    let upos: [UPOS]

    init(rows: [MorphologyTables.DerivationRow]) {
        var endings: [(String, [Unicode.Scalar], UPOS)] = []
        for row in rows {
            guard let upos = UPOS(rawValue: row.upos) else { continue }
            for form in row.forms where !form.isEmpty { endings.append((row.id, Array(form.unicodeScalars), upos)) }
        }
        // Longest endings first, so шылық wins over лық.
        endings.sort { $0.1.count > $1.1.count }
        scalars = endings.flatMap(\.1)
        lengths = endings.map(\.1.count)
        var starts: [Int] = []
        var offset = 0
        for length in lengths {
            starts.append(offset)
            offset += length
        }
        self.starts = starts
        lastScalars = endings.map { $0.1.last! }
        ids = endings.map(\.0)
        idCodes = ids.map(MorphologyFeatures.code)
        upos = endings.map(\.2)
    }

    /// The first (longest) ending of `stem` that leaves at least two scalars before it, optionally only among
    /// endings implying `only`.
    func firstMatch(in stem: [Unicode.Scalar], only: UPOS? = nil) -> Int? {
        guard let last = stem.last else { return nil }
        return stem.withUnsafeBufferPointer { stem in
            scalars.withUnsafeBufferPointer { scalars in
                for index in lastScalars.indices where lastScalars[index] == last {
                    if let only, upos[index] != only { continue }
                    let length = lengths[index], offset = stem.count - length
                    guard offset > 1 else { continue }
                    let start = starts[index]
                    var matches = true
                    for position in 0..<length - 1 where stem[offset + position] != scalars[start + position] {
                        matches = false
                        break
                    }
                    if matches { return index }
                }
                return nil
            }
        }
    }
}
