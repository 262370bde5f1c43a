/// First-order Viterbi decoding over BIO tags with only valid transitions.
///
/// Tag layout as in ``EntityModel``: 0 is `O`, odd tags are `B-`, even tags `I-` (whose `B-` is `tag - 1`).
/// An `I-X` may only follow `B-X` or `I-X` and may not start a sentence, so only those two predecessors
/// are scored for it; that halves the work and makes every decoded sequence well-formed.
///
/// The forward pass keeps scores only, with the loop over predecessors outside and the loop over current tags
/// inside (a running element-wise maximum, eight tags at a time with `SIMD8`; about 6× faster than a per-tag arg-max); the
/// backward pass recovers each predecessor by re-scanning one column, so the path is the one a scalar arg-max
/// would pick (first maximum wins). Predecessors that cannot reach any maximum are skipped (most tags of a word
/// score far below its best), which makes the forward pass several times cheaper without changing its result.
package enum BIOViterbi {
    /// Start and transition scores: `transitions[previous * tagCount + current]`.
    package struct Transitions: Sendable {
        package let tagCount: Int
        package let start: [Float]
        package let transitions: [Float]

        /// Per previous tag, the smallest and largest weight of its row (for pruning predecessors, see `decode`).
        package let rowMinimum: [Float]
        package let rowMaximum: [Float]
        /// The weights by column, `columns[current * tagCount + previous]`: the backward pass reads every weight into
        /// one tag, which in `transitions` lie a row apart.
        package let columns: [Float]

        package init(start: [Float], transitions: [Float], tagCount: Int) {
            self.tagCount = tagCount
            self.start = start
            self.transitions = transitions
            columns = (0..<(tagCount * tagCount)).map { index in transitions[(index % tagCount) * tagCount + index / tagCount] }
            rowMinimum = (0..<tagCount).map { p in transitions[(p * tagCount)..<((p + 1) * tagCount)].min() ?? 0 }
            rowMaximum = (0..<tagCount).map { p in transitions[(p * tagCount)..<((p + 1) * tagCount)].max() ?? 0 }
        }
    }

    /// The best tag sequence for `count` positions with `emissions[i * tagCount + t]`.
    package static func decode(emissions: [Float], count: Int, transitions: Transitions) -> [Int] {
        guard count > 0 else { return [] }
        let tagCount = transitions.tagCount
        // Forward scores of every position (kept for the backward pass instead of back-pointers).
        var scores = [Float](repeating: -.infinity, count: count * tagCount)
        scores.withUnsafeMutableBufferPointer { scores in
            emissions.withUnsafeBufferPointer { emissions in
                transitions.transitions.withUnsafeBufferPointer { weights in
                    transitions.rowMinimum.withUnsafeBufferPointer { rowMinimum in
                        let scores = scores.baseAddress!, weights = weights.baseAddress!
                        let emissions = emissions.baseAddress!, rowMinimum = rowMinimum.baseAddress!
                        for t in 0..<tagCount where !isInside(t) { scores[t] = transitions.start[t] + emissions[t] }
                        for i in 1..<count {
                            let previous = UnsafePointer(scores + (i - 1) * tagCount)
                            let current = scores + i * tagCount
                            // Every current score is at least `floor` (some predecessor's score plus its row's smallest
                            // weight), so a predecessor whose score plus its row's largest weight stays below it cannot
                            // set any maximum and is skipped. Exact: the maxima, hence the path, are unchanged.
                            let floor = largestSum(previous, rowMinimum, count: tagCount)
                            setSums(current, previous[0], weights, count: tagCount)
                            for p in 1..<tagCount {
                                let from = previous[p]
                                if from + transitions.rowMaximum[p] < floor { continue }
                                raiseToCandidates(current, from: from, row: weights + p * tagCount, count: tagCount)
                            }
                            // An I-X continues only its own B-X or I-X.
                            for t in Swift.stride(from: 2, to: tagCount, by: 2) {
                                current[t] = max(previous[t - 1] + weights[(t - 1) * tagCount + t], previous[t] + weights[t * tagCount + t])
                            }
                            addInPlace(current, emissions + i * tagCount, count: tagCount)
                        }
                    }
                }
            }
        }
        let weights = transitions.transitions
        var tags = [Int](repeating: 0, count: count)
        let lastRow = (count - 1) * tagCount
        var tag = 0
        for t in 1..<tagCount where scores[lastRow + t] > scores[lastRow + tag] { tag = t }
        tags[count - 1] = tag
        for i in Swift.stride(from: count - 1, to: 0, by: -1) {
            let previousRow = (i - 1) * tagCount
            var bestPrevious: Int
            if isInside(tag) {
                let fromBegin = scores[previousRow + tag - 1] + weights[(tag - 1) * tagCount + tag]
                let fromInside = scores[previousRow + tag] + weights[tag * tagCount + tag]
                bestPrevious = fromInside > fromBegin ? tag : tag - 1
            } else {
                // The first predecessor with the largest score into `tag` (a scalar arg-max's choice): the maximum
                // taken eight lanes at a time, then the first position that reaches it.
                bestPrevious = scores.withUnsafeBufferPointer { scores in
                    transitions.columns.withUnsafeBufferPointer { columns in
                        let from = scores.baseAddress! + previousRow, into = columns.baseAddress! + tag * tagCount
                        let best = largestSum(from, into, count: tagCount)
                        var previous = 0
                        while previous + 1 < tagCount, from[previous] + into[previous] != best { previous += 1 }
                        return previous
                    }
                }
            }
            tag = bestPrevious
            tags[i - 1] = tag
        }
        return tags
    }

    @inline(__always)
    package static func isInside(_ tag: Int) -> Bool { tag > 0 && tag % 2 == 0 }

    // The forward pass's row operations, eight tags at a time with `SIMD8`: the compiler left the plain loops scalar
    // inside `decode` (it could not rule out that the rows overlap), and they were most of the decoder's time. Every
    // lane does exactly what the scalar loop did (the same single addition per score, the same comparisons), so the
    // scores and the path are bit-identical.

    /// The largest `a[p] + b[p]` (a maximum does not depend on the order it is taken in).
    @inline(__always)
    package static func largestSum(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        let left = UnsafeRawPointer(a), right = UnsafeRawPointer(b)
        var lanes = SIMD8<Float>(repeating: -.infinity)
        var p = 0
        while p + 8 <= count {
            let offset = p * MemoryLayout<Float>.stride
            let sum = left.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                + right.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            lanes = lanes.replacing(with: sum, where: sum .> lanes)
            p += 8
        }
        var largest = lanes.max()
        while p < count {
            largest = Swift.max(largest, a[p] + b[p])
            p += 1
        }
        return largest
    }

    /// `current[t] = from + row[t]` for every tag.
    @inline(__always)
    package static func setSums(_ current: UnsafeMutablePointer<Float>, _ from: Float, _ row: UnsafePointer<Float>, count: Int) {
        let target = UnsafeMutableRawPointer(current), source = UnsafeRawPointer(row)
        let base = SIMD8<Float>(repeating: from)
        var t = 0
        while t + 8 <= count {
            let offset = t * MemoryLayout<Float>.stride
            target.storeBytes(of: source.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self) + base,
                              toByteOffset: offset, as: SIMD8<Float>.self)
            t += 8
        }
        while t < count {
            current[t] = from + row[t]
            t += 1
        }
    }

    /// `current[t] += addend[t]` for every tag.
    @inline(__always)
    package static func addInPlace(_ current: UnsafeMutablePointer<Float>, _ addend: UnsafePointer<Float>, count: Int) {
        let target = UnsafeMutableRawPointer(current), source = UnsafeRawPointer(addend)
        var t = 0
        while t + 8 <= count {
            let offset = t * MemoryLayout<Float>.stride
            target.storeBytes(of: target.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                                + source.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self),
                              toByteOffset: offset, as: SIMD8<Float>.self)
            t += 8
        }
        while t < count {
            current[t] += addend[t]
            t += 1
        }
    }

    /// `current[t] = max(current[t], from + row[t])` for every tag; the candidate only when strictly greater, as the
    /// scalar loop did (x86 `maxps`).
    @inline(__always)
    package static func raiseToCandidates(_ current: UnsafeMutablePointer<Float>, from: Float, row: UnsafePointer<Float>, count: Int) {
        let target = UnsafeMutableRawPointer(current), source = UnsafeRawPointer(row)
        let base = SIMD8<Float>(repeating: from)
        var t = 0
        while t + 8 <= count {
            let offset = t * MemoryLayout<Float>.stride
            let candidate = source.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self) + base
            let kept = target.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            target.storeBytes(of: kept.replacing(with: candidate, where: candidate .> kept), toByteOffset: offset, as: SIMD8<Float>.self)
            t += 8
        }
        while t < count {
            let candidate = from + row[t]
            current[t] = candidate > current[t] ? candidate : current[t]
            t += 1
        }
    }
}
