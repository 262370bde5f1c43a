/// First-order Viterbi decoding over BIO tags with only valid transitions.
///
/// Tag layout as in ``EntityModel``: 0 is `O`, odd tags are `B-`, even tags `I-` (whose `B-` is `tag - 1`).
/// An `I-X` may only follow `B-X` or `I-X` and may not start a sentence, so only those two predecessors
/// are scored for it; that halves the work and makes every decoded sequence well-formed.
enum BIOViterbi {
    /// The best tag sequence for `count` positions with `emissions[i * tagCount + t]`.
    static func decode(emissions: [Float], count: Int, tagCount: Int, start: [Float], transitions: [Float]) -> [Int] {
        guard count > 0 else { return [] }
        var score = [Float](repeating: 0, count: tagCount)
        var nextScore = [Float](repeating: 0, count: tagCount)
        var back = [UInt8](repeating: 0, count: count * tagCount)
        for t in 0..<tagCount {
            score[t] = isInside(t) ? -.infinity : start[t] + emissions[t]
        }
        for i in 1..<count {
            let base = i * tagCount
            for t in 0..<tagCount {
                var best: Float = -.infinity
                var bestPrevious = 0
                if isInside(t) {
                    let fromBegin = score[t - 1] + transitions[(t - 1) * tagCount + t]
                    let fromInside = score[t] + transitions[t * tagCount + t]
                    (best, bestPrevious) = fromInside > fromBegin ? (fromInside, t) : (fromBegin, t - 1)
                } else {
                    for previous in 0..<tagCount {
                        let candidate = score[previous] + transitions[previous * tagCount + t]
                        if candidate > best {
                            best = candidate
                            bestPrevious = previous
                        }
                    }
                }
                nextScore[t] = best + emissions[base + t]
                back[base + t] = UInt8(bestPrevious)
            }
            swap(&score, &nextScore)
        }
        var tag = 0
        for t in 1..<tagCount where score[t] > score[tag] { tag = t }
        var tags = [Int](repeating: 0, count: count)
        tags[count - 1] = tag
        for i in stride(from: count - 1, to: 0, by: -1) {
            tag = Int(back[i * tagCount + tag])
            tags[i - 1] = tag
        }
        return tags
    }

    @inline(__always)
    static func isInside(_ tag: Int) -> Bool { tag > 0 && tag % 2 == 0 }
}
