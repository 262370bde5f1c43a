import Analysis
import ArgumentParser
import Formats

extension TilshiCommand {
    /// `tilshi translit [FILE...] [--to latn|cyrl]`: Kazakh Cyrillic ⇄ Latin (2021 alphabet).
    struct Translit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Transliterate Kazakh between Cyrillic and the 2021 Latin alphabet (reads 2017/2018 Latin too).",
            discussion: """
                Without --to, each input is converted from the script most of its letters are in to the other one. \
                Bad inputs are reported on one line each and skipped; the exit code is 1 if any failed.
                """
        )

        /// Target script of `translit`.
        enum Target: String, ExpressibleByArgument, CaseIterable, Sendable {
            case latn, cyrl
        }

        @Argument(help: "Files to transliterate; '-' reads standard input (the default when none is given).")
        var files: [String] = []

        @Option(help: "Target script: latn (2021 Latin alphabet) or cyrl. Default: the other script of each input.")
        var to: Target?

        @Flag(name: .customLong("keep-foreign"), help: "When writing Cyrillic, leave URLs, e-mails and English words in Latin.")
        var keepForeign = false

        init() {}

        func run() async throws {
            var output = StandardOutput()
            var failures = 0
            for input in files.isEmpty ? ["-"] : files {
                do {
                    let text = try TextInput.read(input)
                    output.write(Self.convert(text, to: to, keepForeign: keepForeign))
                } catch {
                    failures += 1
                    StandardError.report("\(error)")
                }
            }
            output.flush()
            if failures > 0 { throw ExitCode.failure }
        }

        /// Converts `text` to `target`, or, when `target` is nil, away from the script most of its letters are in.
        static func convert(_ text: String, to target: Target?, keepForeign: Bool) -> String {
            let target = target ?? (Transliterator.dominantScript(text) == .latin ? .cyrl : .latn)
            switch target {
            case .latn: return Transliterator.toLatin(text)
            case .cyrl: return Transliterator.toCyrillic(text, preserveForeign: keepForeign)
            }
        }
    }
}
