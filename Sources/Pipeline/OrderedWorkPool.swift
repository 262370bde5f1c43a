import Foundation
public import TextModel

/// Runs independent pieces of work (analysing documents) on several threads and hands the results back in input
/// order, with a bounded number of results in flight, so memory stays bounded however long the input is.
///
/// The analysis pipeline is `Sendable` and its caches are guarded by locks, so one pipeline serves every worker.
/// With one job everything runs on the calling thread, exactly as a plain loop would. The output of a run never
/// depends on the number of jobs: each result is produced from its input alone and consumed in input order.
///
/// ```swift
/// try OrderedWorkPool.run(files, jobs: 4, produce: { analyse($0) }, consume: { write($0) })
/// ```
public enum OrderedWorkPool {
    /// The number of jobs to use by default: every core the process may use.
    public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// How many results may be finished or in progress ahead of the one the consumer waits for, by default.
    public static func defaultWindow(jobs: Int) -> Int { max(4, 4 * jobs) }

    /// The total ``run(_:jobs:window:weight:maxWeight:produce:consume:)`` `weight` of finished outputs waiting for the
    /// consumer above which no new input is started, by default: 64 MiB when the weight is a size in bytes.
    public static let defaultMaxWeight = 64 << 20

    /// Produces an output for each element of `inputs` on up to `jobs` threads and consumes the outputs on the
    /// calling thread in input order.
    ///
    /// `inputs` is iterated lazily, one element at a time under a lock, never more than `window` elements ahead of
    /// the consumer. With `weight` (an output's size in bytes, say), no new input is started either while the finished
    /// outputs waiting for the consumer weigh more than `maxWeight` together: a few huge documents then hold no more
    /// memory than many small ones. When `consume` throws, no new input is started, the workers finish what they
    /// hold, and the error is rethrown.
    public static func run<Inputs: Sequence, Output>(
        _ inputs: Inputs,
        jobs: Int,
        window: Int? = nil,
        weight: (@Sendable (Output) -> Int)? = nil,
        maxWeight: Int = defaultMaxWeight,
        produce: @escaping @Sendable (Inputs.Element) -> Output,
        consume: (Output) throws -> Void
    ) throws where Inputs.Element: Sendable, Inputs.Iterator: SendableMetatype, Output: Sendable {
        let jobs = max(1, jobs)
        if jobs == 1 {
            for input in inputs { try consume(produce(input)) }
            return
        }
        let state = PoolState<Inputs.Iterator, Output>(
            iterator: inputs.makeIterator(), window: max(jobs, window ?? defaultWindow(jobs: jobs)), workers: jobs,
            weight: weight, maxWeight: maxWeight)
        for _ in 0..<jobs {
            let thread = Thread { state.work(produce) }
            // Analysis recurses deeper than a secondary thread's default 512 KiB stack allows.
            thread.stackSize = 8 << 20
            thread.start()
        }
        defer { state.waitForWorkers() }
        while let output = state.next() {
            do {
                try consume(output)
            } catch {
                state.cancel()
                throw error
            }
        }
    }

    /// ``run(_:jobs:window:produce:consume:)`` collecting the outputs in input order, from async code: the work
    /// runs on the pool's own threads, so the caller's executor (a server's event loop, the cooperative pool) is
    /// never blocked.
    public static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], jobs: Int = defaultJobs, produce: @escaping @Sendable (Input) -> Output
    ) async -> [Output] {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                var outputs: [Output] = []
                outputs.reserveCapacity(inputs.count)
                // `consume` never throws here.
                try? run(inputs, jobs: min(jobs, max(1, inputs.count)), window: inputs.count, produce: produce) {
                    outputs.append($0)
                }
                continuation.resume(returning: outputs)
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}

/// The shared state of one ``OrderedWorkPool`` run: the finished outputs by input index and the consumer's position
/// (guarded by `condition`), and the input iterator (guarded by `inputLock`, so reading an input, which may mean
/// reading a file, never holds up workers filing their outputs).
private final class PoolState<Iterator: IteratorProtocol, Output>: @unchecked Sendable {
    private let condition = NSCondition()
    private let window: Int
    /// Inputs taken and not yet produced.
    private var inFlight = 0
    /// Index of the next output the consumer takes.
    private var consumed = 0
    private var finished: [Int: (output: Output, weight: Int)] = [:]
    /// Total weight of `finished`; while it is over `maxWeight`, no new input is started.
    private var finishedWeight = 0
    private let weight: ((Output) -> Int)?
    private let maxWeight: Int
    private var exhausted = false
    private var cancelled = false
    private var workers: Int

    private let inputLock = NSLock()
    private var iterator: Iterator
    /// Index the next input taken from the iterator gets.
    private var taken = 0
    private var iteratorDone = false

    init(iterator: Iterator, window: Int, workers: Int, weight: ((Output) -> Int)?, maxWeight: Int) {
        self.iterator = iterator
        self.window = window
        self.workers = workers
        self.weight = weight
        self.maxWeight = maxWeight
    }

    /// Whether a worker must wait before starting another input. Never deadlocks: when the finished outputs weigh too
    /// much, the one the consumer waits for is among them or in progress, so the consumer frees some.
    private var isFull: Bool {
        inFlight + finished.count >= window || (!finished.isEmpty && finishedWeight > maxWeight)
    }

    /// One worker's loop: while the window has room, take the next input, produce its output, file it.
    func work(_ produce: (Iterator.Element) -> Output) {
        condition.lock()
        while true {
            while !cancelled && !exhausted && isFull { condition.wait() }
            if cancelled || exhausted { break }
            inFlight += 1
            condition.unlock()
            let (input, index) = takeInput()
            guard let input else {
                condition.lock()
                inFlight -= 1
                exhausted = true
                condition.broadcast()
                break
            }
            let output = produce(input)
            let outputWeight = weight?(output) ?? 0
            condition.lock()
            inFlight -= 1
            if !cancelled {
                finished[index] = (output, outputWeight)
                finishedWeight += outputWeight
            }
            condition.broadcast()
        }
        workers -= 1
        condition.broadcast()
        condition.unlock()
    }

    private func takeInput() -> (Iterator.Element?, Int) {
        inputLock.lock()
        defer { inputLock.unlock() }
        guard !iteratorDone, let input = iterator.next() else {
            iteratorDone = true
            return (nil, taken)
        }
        taken += 1
        return (input, taken - 1)
    }

    /// The next output in input order, waiting for it; nil when every input has been consumed.
    func next() -> Output? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let entry = finished.removeValue(forKey: consumed) {
                consumed += 1
                finishedWeight -= entry.weight
                condition.broadcast()
                return entry.output
            }
            if (exhausted && inFlight == 0) || workers == 0 { return nil }
            condition.wait()
        }
    }

    /// Stops the workers taking new inputs; what they are producing is dropped.
    func cancel() {
        condition.lock()
        cancelled = true
        finished.removeAll()
        finishedWeight = 0
        condition.broadcast()
        condition.unlock()
    }

    func waitForWorkers() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while workers > 0 { condition.wait() }
        condition.unlock()
    }
}

extension Pipeline {
    /// Analyses `documents` (each with its text and metadata, no layers yet), `jobs` at a time on the pool's own
    /// threads, from async code: results in input order, the same as analysing them one by one. For callers such
    /// as the server, whose event loops must not run the analysis.
    public func analyzeAll(_ documents: [Document], jobs: Int = OrderedWorkPool.defaultJobs) async -> [Document] {
        await OrderedWorkPool.map(documents, jobs: jobs) { document in
            var document = document
            annotate(&document)
            return document
        }
    }
}
