import Foundation

/// Runs the slow half of an ingest (reading and analysing) on a background thread while the calling
/// thread runs the fast half (writing), so analysis of the next files overlaps the writing of the previous.
///
/// Results reach `consume` in input order. At most `capacity` produced results wait to be consumed, so
/// memory stays bounded however many inputs there are. When `consume` throws, production stops after
/// the input in progress and the error is rethrown once the background thread has finished.
public enum OverlappedIngest {
    /// Produces each input's output on a background thread and consumes them in input order on the calling thread.
    public static func run<Input: Sendable, Output: Sendable>(
        _ inputs: [Input],
        capacity: Int = 2,
        produce: @escaping @Sendable (Input) -> Output,
        consume: (Output) throws -> Void
    ) throws {
        let channel = Channel<Output>(capacity: max(1, capacity))
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            for input in inputs {
                guard channel.put(produce(input)) else { break }
            }
            channel.close()
            finished.signal()
        }
        thread.stackSize = 8 << 20 // analysis recursion needs more than a secondary thread's default 512 KiB
        thread.start()
        defer { finished.wait() }
        while let output = channel.take() {
            do {
                try consume(output)
            } catch {
                channel.cancel()
                throw error
            }
        }
    }
}

/// A bounded first-in first-out hand-over between one producer and one consumer thread.
private final class Channel<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var buffer: [Element] = []
    private let capacity: Int
    private var closed = false
    private var cancelled = false

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Waits for room and adds `element`; false when the consumer has given up.
    func put(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while buffer.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        buffer.append(element)
        condition.broadcast()
        return true
    }

    /// The next element, waiting for one; nil once the producer has closed the channel and all were taken.
    func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while buffer.isEmpty && !closed { condition.wait() }
        guard !buffer.isEmpty else { return nil }
        let element = buffer.removeFirst()
        condition.broadcast()
        return element
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        buffer.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
