import Dispatch
import HTTPTypes
import Hummingbird
import Synchronization

/// Runs the server's heavy work (analysis of a POSTed document, searches, snippets, page rendering and every
/// database read) on a dispatch queue of its own, at most ``maxConcurrent`` jobs at once.
///
/// Handlers run on Swift's cooperative pool, which has one thread per core: a search or a pipeline run there
/// holds a thread for its whole length and `/api/health` or a stylesheet waits behind it. Here the pool only
/// awaits. Jobs beyond ``maxConcurrent`` wait in line; when ``maxQueued`` already wait, the request is refused
/// at once with 503 and `Retry-After`, so an overloaded server answers quickly instead of queueing without end.
final class WorkLimiter: Sendable {
    /// Jobs running at once (about the number of cores: more only share the same cores).
    let maxConcurrent: Int
    /// Jobs allowed to wait for a free slot; one more is refused with 503.
    let maxQueued: Int
    /// Seconds a refused client is told to wait (`Retry-After`).
    let retryAfterSeconds: Int

    private struct State {
        var running = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "tilshi.server.work", qos: .userInitiated, attributes: .concurrent)

    init(maxConcurrent: Int, maxQueued: Int, retryAfterSeconds: Int = 1) {
        self.maxConcurrent = max(1, maxConcurrent)
        self.maxQueued = max(0, maxQueued)
        self.retryAfterSeconds = max(1, retryAfterSeconds)
    }

    /// Jobs running now and jobs waiting for a slot (tests and logs).
    var load: (running: Int, waiting: Int) { state.withLock { ($0.running, $0.waiting.count) } }

    /// Runs `work` on the limiter's queue once a slot is free, and returns its result; throws 503 (with
    /// `Retry-After`) when the line is full.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await acquire()
        defer { release() }
        return try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    private enum Admission { case run, wait, refuse }

    private func acquire() async throws {
        let admission: Admission = state.withLock { state in
            if state.running < maxConcurrent {
                state.running += 1
                return .run
            }
            return state.waiting.count < maxQueued ? .wait : .refuse
        }
        switch admission {
        case .run: return
        case .refuse:
            throw HTTPError(
                .serviceUnavailable, headers: [.retryAfter: String(retryAfterSeconds)],
                message: "the server is busy (\(maxConcurrent) requests running, \(maxQueued) waiting); retry in \(retryAfterSeconds) s"
            )
        case .wait:
            // The slot is handed over by `release()`, which counts it as running before resuming this job.
            await withCheckedContinuation { continuation in
                let admitted = state.withLock { state -> Bool in
                    if state.running < maxConcurrent {
                        state.running += 1
                        return true
                    }
                    state.waiting.append(continuation)
                    return false
                }
                if admitted { continuation.resume() }
            }
        }
    }

    private func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiting.isEmpty {
                state.running -= 1
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }
}
