import Evaluation
import SampleArticles
import TilshiCLI
import Analysis
import ArgumentParser
import Formats
import Foundation
import Pipeline
import TextModel

extension TilshiCommand.Bench {
    /// `tilshi bench facts [FILE...]`: throughput of the fact stages (resolve, times, amounts, quotes, meetings,
    /// events) and of the whole `kk-default` pipeline, in tokens per second on one core.
    struct Facts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "facts",
            abstract: "Tokens per second of the fact extractors and of the whole kk-default pipeline (one core)."
        )

        @Argument(help: "News files to use (default: the bundled sample articles).")
        var files: [String] = []

        @Option(help: "How many times the inputs are analysed.")
        var repeats: Int = 200

        init() {}

        func validate() throws {
            guard repeats > 0 else { throw ValidationError("--repeats must be positive") }
        }

        func run() async throws {
            var texts: [String] = []
            if files.isEmpty {
                texts = try SampleArticles.all().map(\.text)
            } else {
                for file in files { texts.append(try TextInput.read(file)) }
            }
            let stages: [any Annotator] = [EntityResolver(), TimeExtractor(), AmountExtractor(), QuoteExtractor(), MeetingExtractor(), EventExtractor()]
            // The inputs go through every stage before the facts (normaliser … entity tagger), so the fact stages see
            // real tokens, lemmas and entities.
            let factNames = Set(stages.map(\.name))
            let before = Pipeline(name: "before-facts", annotators: Pipeline.default.annotators.filter { !factNames.contains($0.name) })
            let tokenized = texts.enumerated().map { index, text in before.analyze(id: "\(index)", text: text) }
            let tokensPerRound = tokenized.reduce(0) { $0 + $1.tokens.count }
            let clock = ThreadCPUClock()
            var facts = 0
            let factsTime = clock.measure {
                for _ in 0..<repeats {
                    for document in tokenized {
                        var copy = document
                        for stage in stages { stage.annotate(&copy) }
                        facts += copy.times.count + copy.amounts.count + copy.quotes.count + copy.events.count
                    }
                }
            }
            let wholeTime = clock.measure {
                for _ in 0..<repeats {
                    for (index, text) in texts.enumerated() { _ = Pipeline.default.analyze(id: "\(index)", text: text) }
                }
            }
            var perStage: [String] = []
            for stage in stages {
                let prepared = tokenized.map { document in
                    var copy = document
                    for earlier in stages { if earlier.name == stage.name { break }; earlier.annotate(&copy) }
                    return copy
                }
                let time = clock.measure {
                    for _ in 0..<repeats {
                        for document in prepared {
                            var copy = document
                            stage.annotate(&copy)
                        }
                    }
                }
                perStage.append("\(stage.name) \(String(format: "%.0f", Double(tokensPerRound * repeats) / max(1e-9, time)))")
            }
            let tokens = Double(tokensPerRound * repeats)
            func rate(_ seconds: Double) -> String { String(format: "%.0f tokens/s (%.3f s CPU)", tokens / seconds, seconds) }
            print("CPU time of this thread (one core), so other processes on the machine do not skew the figures")
            print("inputs: \(texts.count) documents, \(tokensPerRound) tokens × \(repeats) repeats; \(facts / repeats) facts per round")
            print("fact stages only: \(rate(factsTime))")
            print("kk-default pipeline: \(rate(wholeTime))")
            print("per stage (tokens/s): " + perStage.joined(separator: ", "))
        }
    }
}

/// Measures the CPU time of the calling thread: the benchmark's "one core", whatever else the machine runs.
struct ThreadCPUClock {
    func measure(_ work: () -> Void) -> Double {
        let start = Self.now()
        work()
        return Self.now() - start
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
