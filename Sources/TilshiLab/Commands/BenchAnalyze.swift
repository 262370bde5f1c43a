import Evaluation
import SampleArticles
import TilshiCLI
import Analysis
import ArgumentParser
import Formats
import Foundation
import TextModel

#if canImport(Glibc)
import Glibc
#endif

extension TilshiCommand {
    /// `tilshi bench analyze`: morphology speed (tokens/s, one core) and the analyser's resident memory.
    struct BenchAnalyze: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "analyze",
            abstract: "Measure lemmatisation + tagging speed over all KazNERD sentences, and the analyser's memory.",
            discussion: """
                Runs the morphology stage (candidate analysis with a per-form cache, plus in-context disambiguation) \
                over every sentence, --repeat times, on one thread. Build with -c release for real figures.
                """
        )

        @Option(help: "KazNERD IOB2 file whose tokens are analysed.")
        var data: String = "../shared/data/kaznerd/kaznerd-valid.iob2"

        @Option(help: "How many times to run over the whole file.")
        var `repeat`: Int = 10

        init() {}

        func validate() throws {
            if self.repeat < 1 { throw ValidationError("--repeat must be positive") }
        }

        func run() async throws {
            let sentences = try Self.sentences(data)
            let tokenCount = sentences.reduce(0) { $0 + $1.count }
            let before = MemoryStatus.current()
            let loadStart = DispatchTime.now()
            let morphology = Morphology.shared
            _ = morphology.lemma(of: "қала")
            let loadSeconds = Self.seconds(since: loadStart)
            let loaded = MemoryStatus.current()

            var checksum = 0
            var passSeconds: [Double] = []
            var passCPU: [Double] = []
            for _ in 0..<self.repeat {
                let start = DispatchTime.now()
                let cpuStart = Self.threadCPUSeconds()
                for sentence in sentences {
                    for analysis in morphology.analyze(sentence) { checksum &+= analysis.lemma.utf8.count }
                }
                passCPU.append(Self.threadCPUSeconds() - cpuStart)
                passSeconds.append(Self.seconds(since: start))
            }
            let after = MemoryStatus.current()
            let total = passSeconds.reduce(0, +)
            let warm = passSeconds.count > 1 ? passSeconds.dropFirst().reduce(0, +) / Double(passSeconds.count - 1) : total
            print("data: \(data): \(sentences.count) sentences, \(tokenCount) tokens; repeated \(self.repeat)×")
            print(String(format: "load: %.2f s (model, tables, lexicon)", loadSeconds))
            print(String(format: "first pass (cold cache): %.0f tokens/s", Double(tokenCount) / passSeconds[0]))
            print(String(format: "later passes (warm cache): %.0f tokens/s", Double(tokenCount) / warm))
            print(String(format: "overall: %.0f tokens/s over %d tokens", Double(tokenCount * self.repeat) / total, tokenCount * self.repeat))
            let cpuTotal = passCPU.reduce(0, +)
            let cpuWarm = passCPU.count > 1 ? passCPU.dropFirst().reduce(0, +) / Double(passCPU.count - 1) : cpuTotal
            print(String(format: "per CPU second of this thread (unaffected by other load): cold %.0f, warm %.0f, overall %.0f tokens/s",
                         Double(tokenCount) / passCPU[0], Double(tokenCount) / cpuWarm, Double(tokenCount * self.repeat) / cpuTotal))
            print("memory: VmRSS before load \(before.rss / 1024) MiB, after load \(loaded.rss / 1024) MiB, after run \(after.rss / 1024) MiB; "
                + "analyser ≈ \((after.rss - before.rss) / 1024) MiB; VmHWM \(after.hwm / 1024) MiB")
            print("checksum: \(checksum)")
        }

        /// CPU time consumed by the calling thread (so a busy shared machine does not distort the figure).
        static func threadCPUSeconds() -> Double {
            #if canImport(Glibc)
            var spec = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
            return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
            #else
            return Double(clock()) / Double(CLOCKS_PER_SEC)
            #endif
        }

        static func seconds(since start: DispatchTime) -> Double {
            Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        }

        /// Token forms of a KazNERD IOB2 file, one array per sentence.
        static func sentences(_ path: String) throws -> [[String]] {
            var sentences: [[String]] = []
            var current: [String] = []
            for occurrence in try TrainMorphology.kaznerdOccurrences(path) {
                if occurrence.sentenceInitial && !current.isEmpty {
                    sentences.append(current)
                    current = []
                }
                current.append(occurrence.form)
            }
            if !current.isEmpty { sentences.append(current) }
            return sentences
        }
    }
}

/// Resident memory of this process, from `/proc/self/status` (Linux; zeros elsewhere), in KiB.
struct MemoryStatus {
    var rss = 0
    var hwm = 0

    static func current() -> MemoryStatus {
        var status = MemoryStatus()
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return status }
        for line in text.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 2, let value = Int(fields[1]) else { continue }
            if fields[0] == "VmRSS:" { status.rss = value }
            if fields[0] == "VmHWM:" { status.hwm = value }
        }
        return status
    }
}
