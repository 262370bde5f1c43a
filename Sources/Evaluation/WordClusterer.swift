import Analysis

/// Learns a binary hierarchy of word clusters from unlabelled sentences (`tilshi train clusters`).
///
/// Each frequent lower-cased form gets a context vector: positive PMI of the words at offsets −2, −1, +1, +2
/// (the most frequent forms by identity, the rest pooled, the sentence edge as its own context), reduced by a
/// fixed ±1 random projection and length-normalised. The words are then split top-down: each cluster in two along
/// its first principal direction (power iteration), refined by a few rounds of 2-means, until a cluster is small or
/// the bit-string is long. A word's bit-string is its path (0 = first half); its prefixes name coarser clusters, as
/// Brown clusters' do, which is how the tagger uses them. Sequential `Double` arithmetic with a fixed seed and
/// ties broken by the form: the same sentences give the same table, byte for byte.
package struct WordClusterer: Sendable {
    /// Settings; the defaults built the bundled `word-clusters.tsv`.
    package struct Options: Sendable {
        /// Forms seen fewer times than this get no cluster.
        package var minimumCount = 3
        /// The most frequent forms used as contexts by identity.
        package var contextWords = 600
        /// Dimensions of the random projection.
        package var dimensions = 128
        /// Longest bit-string.
        package var maximumDepth = 12
        /// A cluster this small is not split further.
        package var leafSize = 8
        /// Rounds of 2-means after each principal-direction split.
        package var refinements = 4
        package var seed: UInt64 = 20_261_207
        package init() {}
    }

    package let options: Options
    package init(options: Options = Options()) { self.options = options }

    /// The lower-cased form as the tagger's features read it (``LetterCase/lower(_:)`` per scalar).
    package static func lower(_ form: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: form.unicodeScalars.map(LetterCase.lower))
        return String(scalars)
    }

    /// (form, count, bit-string) for every form seen at least ``Options/minimumCount`` times, most frequent first
    /// (ties by form).
    package func clusters(_ sentences: [[String]]) -> [(form: String, count: Int, bits: String)] {
        let lowered = sentences.map { $0.map(Self.lower) }
        var counts: [String: Int] = [:]
        for sentence in lowered { for form in sentence { counts[form, default: 0] += 1 } }
        let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let vocabulary = ranked.filter { $0.value >= options.minimumCount }
        guard vocabulary.count >= 2 else { return vocabulary.map { ($0.key, $0.value, "0") } }
        let wordIndex = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1.key, $0) })
        let contextCount = min(options.contextWords, ranked.count)
        let contextIndex = Dictionary(uniqueKeysWithValues: ranked.prefix(contextCount).enumerated().map { ($1.key, $0) })
        // Per offset: contextCount identities, "other" and "sentence edge".
        let slots = contextCount + 2
        let offsets = [-2, -1, 1, 2]
        var cooccurrence = [[Int: Double]](repeating: [:], count: vocabulary.count)
        var contextTotals = [Double](repeating: 0, count: offsets.count * slots)
        var total = 0.0
        for sentence in lowered {
            for (i, form) in sentence.enumerated() {
                guard let w = wordIndex[form] else { continue }
                for (k, offset) in offsets.enumerated() {
                    let j = i + offset
                    let slot = j < 0 || j >= sentence.count ? contextCount + 1 : (contextIndex[sentence[j]] ?? contextCount)
                    let context = k * slots + slot
                    cooccurrence[w][context, default: 0] += 1
                    contextTotals[context] += 1
                    total += 1
                }
            }
        }
        // A fixed ±1 projection row per context, drawn from the seed.
        let d = options.dimensions
        var random = SplitMix64(seed: options.seed)
        var projection = [Double](repeating: 0, count: contextTotals.count * d)
        for index in projection.indices { projection[index] = random.next() & 1 == 0 ? 1 : -1 }
        var vectors = [Double](repeating: 0, count: vocabulary.count * d)
        for w in vocabulary.indices {
            let wordTotal = cooccurrence[w].values.reduce(0, +)
            // Sorted contexts: the sum is taken in the same order on every run.
            for (context, count) in cooccurrence[w].sorted(by: { $0.key < $1.key }) {
                let pmi = (count * total / (wordTotal * contextTotals[context])).log()
                guard pmi > 0 else { continue }
                for k in 0..<d { vectors[w * d + k] += pmi * projection[context * d + k] }
            }
            var norm = 0.0
            for k in 0..<d { norm += vectors[w * d + k] * vectors[w * d + k] }
            norm = norm.squareRoot()
            if norm > 0 { for k in 0..<d { vectors[w * d + k] /= norm } }
        }
        var bits = [String](repeating: "", count: vocabulary.count)
        split(Array(vocabulary.indices), path: "", vectors: vectors, bits: &bits)
        return vocabulary.enumerated().map { ($1.key, $1.value, bits[$0]) }
    }

    /// Splits `members` in two and recurses, writing each leaf's path into `bits`.
    private func split(_ members: [Int], path: String, vectors: [Double], bits: inout [String]) {
        let d = options.dimensions
        func leaf() { for m in members { bits[m] = path.isEmpty ? "0" : path } }
        guard members.count > options.leafSize, path.count < options.maximumDepth else { return leaf() }
        var mean = [Double](repeating: 0, count: d)
        for m in members { for k in 0..<d { mean[k] += vectors[m * d + k] } }
        for k in 0..<d { mean[k] /= Double(members.count) }
        // First principal direction of the centred members, by power iteration from a fixed start.
        var direction = (0..<d).map { 1 + Double($0 % 7) / 7 }
        for _ in 0..<12 {
            var next = [Double](repeating: 0, count: d)
            for m in members {
                var dot = 0.0
                for k in 0..<d { dot += (vectors[m * d + k] - mean[k]) * direction[k] }
                for k in 0..<d { next[k] += dot * (vectors[m * d + k] - mean[k]) }
            }
            var norm = 0.0
            for k in 0..<d { norm += next[k] * next[k] }
            norm = norm.squareRoot()
            guard norm > 0 else { break }
            direction = next.map { $0 / norm }
        }
        var side = members.map { m -> Bool in
            var dot = 0.0
            for k in 0..<d { dot += (vectors[m * d + k] - mean[k]) * direction[k] }
            return dot > 0
        }
        // 2-means refinement from the two halves.
        for _ in 0..<options.refinements {
            var centres = [[Double]](repeating: [Double](repeating: 0, count: d), count: 2)
            var sizes = [0, 0]
            for (index, m) in members.enumerated() {
                let c = side[index] ? 1 : 0
                sizes[c] += 1
                for k in 0..<d { centres[c][k] += vectors[m * d + k] }
            }
            guard sizes[0] > 0, sizes[1] > 0 else { break }
            var changed = false
            for (index, m) in members.enumerated() {
                var distance = [0.0, 0.0]
                for c in 0..<2 {
                    for k in 0..<d {
                        let delta = vectors[m * d + k] - centres[c][k] / Double(sizes[c])
                        distance[c] += delta * delta
                    }
                }
                let right = distance[1] < distance[0]
                if right != side[index] { changed = true }
                side[index] = right
            }
            if !changed { break }
        }
        let left = zip(members, side).filter { !$0.1 }.map(\.0)
        let right = zip(members, side).filter { $0.1 }.map(\.0)
        guard !left.isEmpty, !right.isEmpty else { return leaf() }
        split(left, path: path + "0", vectors: vectors, bits: &bits)
        split(right, path: path + "1", vectors: vectors, bits: &bits)
    }
}

private extension Double {
    /// Natural logarithm without Foundation (series on the mantissa; exact enough for PMI weights).
    func log() -> Double {
        guard self > 0 else { return -.infinity }
        var x = self
        var exponent = 0.0
        while x > 2 { x /= 2; exponent += 1 }
        while x < 1 { x *= 2; exponent -= 1 }
        // ln(x) = 2 atanh((x − 1) / (x + 1)), x in [1, 2].
        let y = (x - 1) / (x + 1), y2 = y * y
        var term = y, sum = 0.0
        for n in stride(from: 1.0, through: 41, by: 2) {
            sum += term / n
            term *= y2
        }
        return 2 * sum + exponent * 0.693_147_180_559_945_3
    }
}
