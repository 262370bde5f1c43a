import Evaluation
import SampleArticles
import TilshiCLI
import Analysis
import ArgumentParser
import Formats
import Foundation
import KazakhData

extension TilshiCommand.Bench {
    /// `tilshi bench ner`: NER model load time and tagging speed (tokens per second, one core).
    struct NER: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ner",
            abstract: "Measure NER model load time and tagging speed in tokens/s on one core (use a release build)."
        )

        @Argument(help: "Gold IOB2 file whose tokens are tagged.")
        var file: String = NERCommandSupport.defaultData

        @Option(help: "Model file (default: the bundled model).")
        var model: String?

        @Option(help: "Passes over the file.")
        var repeats: Int = 3

        init() {}

        /// CPU time of this thread: on a shared machine, wall time measures the neighbours too.
        static func threadCPUSeconds() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }

        func run() async throws {
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
            // The morphology stage runs before the tagger in the pipeline; it is timed on its own here.
            let morphologyStart = Self.threadCPUSeconds()
            let sentences = gold.map { EntityRecognizer.annotatedTokens($0.tokens) }
            let morphologySeconds = Self.threadCPUSeconds() - morphologyStart
            let recognizer = EntityRecognizer(model: model)
            let tokens = gold.reduce(0) { $0 + $1.tokens.count }
            var checksum = 0
            var passSeconds: [Double] = []
            let tagStart = Date()
            for _ in 0..<max(1, repeats) {
                let passStart = Self.threadCPUSeconds()
                for sentence in sentences { checksum &+= recognizer.tagIndices(sentence).reduce(0, +) }
                passSeconds.append(Self.threadCPUSeconds() - passStart)
            }
            let seconds = Date().timeIntervalSince(tagStart)
            let cpuSeconds = passSeconds.reduce(0, +)
            let rate = Double(tokens * max(1, repeats)) / cpuSeconds
            func perSecond(_ seconds: Double) -> String { "\(Int(Double(tokens) / seconds))" }
            print("model load: \(String(format: "%.1f", loadSeconds * 1000)) ms (\(model.weightCount) weights); morphology analyser load: \(String(format: "%.1f", analyserSeconds * 1000)) ms")
            print("morphology stage (not counted below): \(tokens) tokens in \(String(format: "%.2f", morphologySeconds)) s CPU = \(perSecond(morphologySeconds)) tokens/s")
            print("tagging: \(tokens * max(1, repeats)) tokens in \(String(format: "%.2f", cpuSeconds)) s CPU (\(String(format: "%.2f", seconds)) s wall) = \(Int(rate)) tokens/s of CPU time on one core (checksum \(checksum))")
            print("per pass (tokens/s of CPU; the first starts with empty caches): " + passSeconds.map(perSecond).joined(separator: ", "))
        }
    }
}
