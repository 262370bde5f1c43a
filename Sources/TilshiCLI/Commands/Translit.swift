import Analysis
import ArgumentParser
import Formats

extension TilshiCommand {
    /// `tilshi translit [FILE...] [--to latn|cyrl|arab] [--scheme]`: Kazakh Cyrillic ⇄ Latin (2021 alphabet) ⇄ Arabic script.
    struct Translit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Transliterate Kazakh between Cyrillic, the 2021 Latin alphabet and the Arabic script (төте жазу).",
            discussion: """
                Latin input may be in the 2021, 2018 (acute), 2017 (apostrophe), digraph (sh zh ch gh ng), caron or \
                Turkish-style scheme; --scheme prints the detected scheme of each input instead. Arabic-script input \
                (--to cyrl) is read with the hamza convention; --to arab writes it. Without --to, each input is \
                converted from the script most of its letters are in to the other one (Arabic → Cyrillic). \
                Bad inputs are reported on one line each and skipped; the exit code is 1 if any failed.
                """
        )

        /// Target script of `translit`.
        enum Target: String, ExpressibleByArgument, CaseIterable, Sendable {
            case latn, cyrl, arab
        }

        @Argument(help: "Files to transliterate; '-' reads standard input (the default when none is given).")
        var files: [String] = []

        @Option(help: "Target script: latn (2021 Latin alphabet), cyrl or arab. Default: the other script of each input.")
        var to: Target?

        @Flag(name: .customLong("keep-foreign"), help: "When writing Cyrillic, leave URLs, e-mails and English words in Latin.")
        var keepForeign = false

        @Flag(help: "Print the detected Latin scheme of each input (2021, 2018, 2017, digraph, caron, turkish, none).")
        var scheme = false

        init() {}

        func run() async throws {
            var output = StandardOutput()
            var failures = 0
            for input in files.isEmpty ? ["-"] : files {
                do {
                    let text = try TextInput.read(input)
                    if scheme {
                        output.write((Transliterator.latinScheme(of: text)?.rawValue ?? "none") + "\n")
                    } else {
                        output.write(Self.convert(text, to: to, keepForeign: keepForeign))
                    }
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
            let arabic = text.unicodeScalars.filter { (0x600..<0x700).contains($0.value) }.count
            let target = target ?? (arabic * 2 > text.unicodeScalars.count { $0.properties.isAlphabetic } ? .cyrl
                : Transliterator.dominantScript(text) == .latin ? .cyrl : .latn)
            switch target {
            case .latn: return Transliterator.toLatin(arabic > 0 ? Transliterator.arabicToCyrillic(text, capitals: true) : text)
            case .cyrl:
                let cyrillic = arabic > 0 ? Transliterator.arabicToCyrillic(text, capitals: true) : text
                return Transliterator.toCyrillic(cyrillic, preserveForeign: keepForeign)
            case .arab:
                let latin = Transliterator.dominantScript(text) == .latin
                return Transliterator.toArabic(latin ? Transliterator.toCyrillic(text, preserveForeign: keepForeign) : text)
            }
        }
    }
}
