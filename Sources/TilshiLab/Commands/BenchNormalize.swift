import Evaluation
import SampleArticles
import TilshiCLI
import Analysis
import ArgumentParser
import Foundation
import TextModel

extension TilshiCommand.Bench {
    /// `tilshi bench normalize`: throughput of the normaliser on Cyrillic and ASCII text.
    struct Normalize: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "normalize",
            abstract: "Normaliser and language-identification throughput (MB/s of UTF-8 input) on the seed articles."
        )

        @Option(help: "Approximate input size per run, in MB (the seeds are repeated up to it).")
        var megabytes: Int = 20

        init() {}

        func run() async throws {
            let seeds = try SampleArticles.all().map(\.text).joined(separator: "\n")
            let ascii = String(Transliterator.toLatin(seeds).unicodeScalars.filter(\.isASCII))
            let messy = seeds.replacingOccurrences(of: "а", with: "a").replacingOccurrences(of: " ", with: "\u{00A0}")
            for (name, sample) in [("Cyrillic (seeds)", seeds), ("ASCII (seeds in Latin)", ascii), ("dirty (Latin a, NBSP)", messy)] {
                let text = String(repeating: sample + "\n", count: max(1, megabytes * 1_000_000 / max(1, sample.utf8.count)))
                let scalars = Array(text.unicodeScalars)
                let normalizer = Normalizer()
                // CPU time, not wall time: the figure stays meaningful on a machine shared with other jobs.
                let before = clock()
                let count = normalizer.normalize(scalars).count
                let seconds = Double(clock() - before) / Double(CLOCKS_PER_SEC)
                let megabytes = Double(text.utf8.count) / 1e6
                print(String(format: "%@: %.1f MB in %.3f s CPU = %.0f MB/s (%d scalars out)", name, megabytes, seconds, megabytes / seconds, count))
            }
            // Language identification reads the normalised view; measured on the Cyrillic seeds.
            let text = String(repeating: seeds + "\n", count: max(1, megabytes * 1_000_000 / max(1, seeds.utf8.count)))
            var document = Document(id: "bench", text: text)
            Normalizer().annotate(&document)
            let before = clock()
            LanguageIdentifier().annotate(&document)
            let seconds = Double(clock() - before) / Double(CLOCKS_PER_SEC)
            let megabytes = Double(text.utf8.count) / 1e6
            print(String(format: "language identification (seeds): %.1f MB in %.3f s CPU = %.0f MB/s (%d paragraphs)", megabytes, seconds, megabytes / seconds, document.paragraphs.count))
        }
    }
}
