import Foundation
import Pipeline
import Testing
import TextModel

@Suite struct OrderedWorkPoolTests {
    /// Sentences of very different lengths, so workers finish out of order.
    static let texts: [String] = (0..<40).map { index in
        let sentence = index % 3 == 0
            ? "Алматыда халықаралық кітап көрмесі ашылды, оған жүзден астам баспа қатысып отыр."
            : "Ертең концерт өтеді."
        return Array(repeating: sentence, count: 1 + (index * 7) % 11).joined(separator: " ")
    }

    @Test func outputsComeInInputOrderWhateverTheJobs() throws {
        let expected = Self.texts.enumerated().map { Pipeline.default.analyze(id: "d\($0)", text: $1).jsonLine() }
        for jobs in [1, 2, 3, 8] {
            var seen: [String] = []
            try OrderedWorkPool.run(Array(Self.texts.enumerated()), jobs: jobs, produce: { index, text in
                Pipeline.default.analyze(id: "d\(index)", text: text).jsonLine()
            }, consume: { seen.append($0) })
            #expect(seen == expected, "jobs \(jobs)")
        }
    }

    @Test func noMoreThanTheWindowIsProducedAheadOfTheConsumer() throws {
        let counter = Counter()
        var consumed = 0
        try OrderedWorkPool.run(0..<500, jobs: 3, window: 6, produce: { value in
            counter.started()
            return value
        }, consume: { value in
            #expect(value == consumed)
            consumed += 1
            counter.consumed(consumed)
        })
        #expect(consumed == 500)
        // Started but not yet consumed: the window, plus the one the consumer holds while it is being handed over.
        #expect(counter.maximumAhead <= 7)
    }

    @Test func finishedOutputsAreBoundedByWeight() throws {
        let counter = Counter()
        var consumed = 0
        // Each output weighs 1,000; at most 2,500 may wait: two or three finished outputs plus what the three workers
        // hold, far below the window of 50.
        try OrderedWorkPool.run(0..<300, jobs: 3, window: 50, weight: { _ in 1_000 }, maxWeight: 2_500, produce: { value in
            counter.started()
            return value
        }, consume: { value in
            #expect(value == consumed)
            consumed += 1
            counter.consumed(consumed)
        })
        #expect(consumed == 300)
        // Finished and waiting: at most three over the limit plus one filed by each worker; in progress: three; plus the
        // one the consumer holds.
        #expect(counter.maximumAhead <= 3 + 3 + 3 + 1)
    }

    @Test func aThrowingConsumerStopsTheWorkers() {
        struct Stop: Error {}
        let counter = Counter()
        #expect(throws: Stop.self) {
            try OrderedWorkPool.run(0..<10_000, jobs: 2, window: 4, produce: { value in
                counter.started()
                return value
            }, consume: { value in
                if value == 5 { throw Stop() }
            })
        }
        #expect(counter.startedCount < 20)
    }

    @Test func inputsAreTakenLazily() throws {
        var taken = 0
        let inputs = (0..<100).lazy.map { value -> Int in
            taken += 1
            return value
        }
        var sum = 0
        try OrderedWorkPool.run(inputs, jobs: 2, window: 4, produce: { $0 * 2 }, consume: { sum += $0 })
        #expect(sum == 9_900)
        #expect(taken == 100)
    }

    @Test func mapFromAsyncCodeKeepsOrder() async {
        let documents = await OrderedWorkPool.map(Array(Self.texts.prefix(10).enumerated()), jobs: 2) { index, text in
            Pipeline.default.analyze(id: "d\(index)", text: text)
        }
        #expect(documents.map(\.id) == (0..<10).map { "d\($0)" })
        #expect(documents[0].jsonLine() == Pipeline.default.analyze(id: "d0", text: Self.texts[0]).jsonLine())
    }

    @Test func pipelineAnalyzesManyDocumentsFromAsyncCodeAsOneByOne() async {
        let documents = Self.texts.prefix(12).enumerated().map { Document(id: "d\($0)", text: $1, metadata: DocumentMetadata(published: "2025-11-03")) }
        let analysed = await Pipeline.default.analyzeAll(documents, jobs: 3)
        #expect(analysed.map { $0.jsonLine() } == documents.map { Pipeline.default.analyze(id: $0.id, text: $0.text, metadata: $0.metadata).jsonLine() })
    }
}

/// Counts inputs started and consumed from several threads, remembering how far production ran ahead.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var startedTotal = 0
    private var consumedTotal = 0
    private var ahead = 0

    func started() {
        lock.withLock {
            startedTotal += 1
            ahead = max(ahead, startedTotal - consumedTotal)
        }
    }

    func consumed(_ count: Int) {
        lock.withLock { consumedTotal = count }
    }

    var maximumAhead: Int { lock.withLock { ahead } }
    var startedCount: Int { lock.withLock { startedTotal } }
}
