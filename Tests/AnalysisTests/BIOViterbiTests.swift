@testable import Analysis
@testable import Evaluation
import Testing

@Suite struct BIOViterbiTests {
    /// Every well-formed BIO sequence of `length` over `tagCount` tags (tiny sizes only).
    static func validSequences(length: Int, tagCount: Int) -> [[Int]] {
        var result: [[Int]] = [[]]
        for _ in 0..<length {
            result = result.flatMap { prefix in
                (0..<tagCount).compactMap { tag -> [Int]? in
                    guard BIOViterbi.isInside(tag) else { return prefix + [tag] }
                    guard let last = prefix.last, last == tag || last == tag - 1 else { return nil }
                    return prefix + [tag]
                }
            }
        }
        return result
    }

    /// `dominance` > 0 lifts one random tag per position far above the others, as a trained model's emissions do,
    /// so the decoder's pruning of hopeless predecessors is exercised (and must not change the best path).
    @Test(arguments: [(5, 1, 0), (5, 4, 0), (7, 5, 0), (21, 3, 0), (7, 5, 30), (9, 4, 60), (21, 3, 40), (16, 3, 0), (17, 3, 50)])
    func simdDecoderFindsTheBestValidSequence(tagCount: Int, length: Int, dominance: Int) {
        var random = SplitMix64(seed: UInt64(tagCount * 100 + length + dominance * 10_000))
        func value() -> Float { Float(random.next() % 2001) / 100 - 10 }
        let start = (0..<tagCount).map { _ in value() }
        let transitions = (0..<(tagCount * tagCount)).map { _ in value() }
        var emissions = (0..<(length * tagCount)).map { _ in value() }
        if dominance > 0 {
            for i in 0..<length { emissions[i * tagCount + Int(random.next() % UInt64(tagCount))] += Float(dominance) }
        }
        let decoded = BIOViterbi.decode(emissions: emissions, count: length,
                                        transitions: .init(start: start, transitions: transitions, tagCount: tagCount))
        func score(_ tags: [Int]) -> Float {
            var total = start[tags[0]] + emissions[tags[0]]
            for i in 1..<tags.count { total += transitions[tags[i - 1] * tagCount + tags[i]] + emissions[i * tagCount + tags[i]] }
            return total
        }
        let best = Self.validSequences(length: length, tagCount: tagCount).map(score).max()!
        #expect(decoded.count == length)
        #expect(abs(score(decoded) - best) < 1e-3)
        for (previous, current) in zip([0] + decoded, decoded) where BIOViterbi.isInside(current) {
            #expect(previous == current || previous == current - 1)
        }
    }

    /// The decoder's eight-lane row operations give bit for bit what their scalar loops give, on every row length
    /// around the lane width and on KazNERD's 51 tags, with infinities (the scores of impossible tags) mixed in.
    @Test func rowOperationsMatchTheScalarLoops() {
        var random = SplitMix64(seed: 51)
        func value() -> Float {
            let draw = random.next() % 1000
            if draw < 30 { return -.infinity }
            return Float(Int(draw) - 500) / 37
        }
        for count in Array(1...25) + [51] {
            let a = (0..<count).map { _ in value() }, b = (0..<count).map { _ in value() }
            let from = value()
            var expectedLargest = -Float.infinity
            for p in 0..<count { expectedLargest = max(expectedLargest, a[p] + b[p]) }
            #expect(BIOViterbi.largestSum(a, b, count: count).bitPattern == expectedLargest.bitPattern)

            var raised = a, set = a, added = a
            raised.withUnsafeMutableBufferPointer { BIOViterbi.raiseToCandidates($0.baseAddress!, from: from, row: b, count: count) }
            set.withUnsafeMutableBufferPointer { BIOViterbi.setSums($0.baseAddress!, from, b, count: count) }
            added.withUnsafeMutableBufferPointer { BIOViterbi.addInPlace($0.baseAddress!, b, count: count) }
            for t in 0..<count {
                let candidate = from + b[t]
                #expect(raised[t].bitPattern == (candidate > a[t] ? candidate : a[t]).bitPattern)
                #expect(set[t].bitPattern == (from + b[t]).bitPattern)
                #expect(added[t].bitPattern == (a[t] + b[t]).bitPattern)
            }
        }
    }
}
