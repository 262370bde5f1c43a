import Analysis
import ArgumentParser
import Corpora
import Foundation
import KazakhData

extension TilshiCommand.Bench {
    /// `tilshi bench ner`: NER model load time and tagging speed (tokens per second, one core).
    public struct NER: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "ner",
            abstract: "Measure NER model load time and tagging speed in tokens/s on one core (use a release build)."
        )

        @Argument(help: "Gold IOB2 file whose tokens are tagged.")
        public var file: String = NERCommandSupport.defaultData

        @Option(help: "Model file (default: the bundled model).")
        public var model: String?

        @Option(help: "Passes over the file.")
        public var repeats: Int = 3

        public init() {}

        /// CPU time of this thread: on a shared machine, wall time measures the neighbours too.
        static func threadCPUSeconds() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }

        public func run() async throws {
            let gold = try NERCommandSupport.readGold(file)
            let loadStart = Date()
            let model: EntityModel
            if let path = self.model {
                model = try NERCommandSupport.loadModel(path)
            } else {
                guard let url = DataFile.url(for: "ner.model") else { throw ExitCode.failure }
                model = try NERCommandSupport.loadModel(url.path)
            }
            let loadSeconds = Date().timeIntervalSince(loadStart)
            // The analyser's tables load once per process; time that as loading, not tagging.
            let analyserStart = Date()
            _ = Morphology.shared.analyses(of: "қала")
            let analyserSeconds = Date().timeIntervalSince(analyserStart)
            let recognizer = EntityRecognizer(model: model)
            let tokens = gold.reduce(0) { $0 + $1.tokens.count }
            var checksum = 0
            let cpuStart = Self.threadCPUSeconds()
            let tagStart = Date()
            for _ in 0..<max(1, repeats) {
                for sentence in gold { checksum &+= recognizer.tagIndices(sentence.tokens).reduce(0, +) }
            }
            let seconds = Date().timeIntervalSince(tagStart)
            let cpuSeconds = Self.threadCPUSeconds() - cpuStart
            let rate = Double(tokens * max(1, repeats)) / cpuSeconds
            print("model load: \(String(format: "%.1f", loadSeconds * 1000)) ms (\(model.weightCount) weights); morphology analyser load: \(String(format: "%.1f", analyserSeconds * 1000)) ms")
            print("tagging: \(tokens * max(1, repeats)) tokens in \(String(format: "%.2f", cpuSeconds)) s CPU (\(String(format: "%.2f", seconds)) s wall) = \(Int(rate)) tokens/s of CPU time on one core (checksum \(checksum))")
        }
    }
}
