import Pipeline

/// Runs the slow half of an ingest (reading and analysing) on worker threads while the calling thread runs the
/// fast half (writing), so analysis of the next inputs overlaps the writing of the previous.
///
/// Results reach `consume` in input order. At most `capacity` produced results wait to be consumed, so memory
/// stays bounded however many inputs there are. When `consume` throws, production stops after the inputs in
/// progress and the error is rethrown once the workers have finished. A thin wrapper over ``OrderedWorkPool``
/// (which `tilshi ingest` uses directly, one document per job).
public enum OverlappedIngest {
    /// Produces each input's output on worker threads and consumes them in input order on the calling thread.
    public static func run<Input: Sendable, Output: Sendable>(
        _ inputs: [Input],
        capacity: Int = 2,
        jobs: Int = 2,
        produce: @escaping @Sendable (Input) -> Output,
        consume: (Output) throws -> Void
    ) throws {
        // At least two jobs: one job would run `produce` on the calling thread, with no overlap.
        try OrderedWorkPool.run(inputs, jobs: max(2, jobs), window: max(1, capacity), produce: produce, consume: consume)
    }
}
