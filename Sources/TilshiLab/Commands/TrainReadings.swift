import Analysis
import ArgumentParser
import Evaluation
import Formats
import Foundation
import KazakhData
import TilshiCLI

extension TilshiCommand {
    /// `tilshi train readings`: rebuilds `script-readings.tsv` from word forms of the Kazakh corpora here.
    struct TrainReadings: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "readings",
            abstract: "Write script-readings.tsv: forms the Arabic-script and digraph letter rules misread, proper nouns capitalised.",
            discussion: """
                Word forms and their case inside sentences (no tags) from the whole KazNERD file, UD KTB train + dev \
                and the NER gazetteer's names. Only Arabic-script and digraph Latin text is read with the table, so the \
                Cyrillic NER figures on KazNERD are untouched by it. Deterministic. The bundled table is: \(rebuildCommand)
                """
        )

        static let rebuildCommand = "swift run tilshi train readings --out Sources/KazakhData/Resources/script-readings.tsv"

        @Option(help: "KazNERD IOB2 file (all of it is read).")
        var kaznerd: String = NERCommandSupport.defaultData

        @Option(help: "Directory with kk_ktb-ud-train.conllu and kk_ktb-dev.conllu.")
        var ud: String = "../shared/data/ud-kazakh-ktb"

        @Option(help: "Forms seen fewer times than this get no row unless capitalised.")
        var minCount: Int = 2

        @Option(help: "Where to write the table.")
        var out: String

        init() {}

        func validate() throws {
            guard minCount >= 1 else { throw ValidationError("--min-count must be at least 1") }
        }

        func run() async throws {
            var sentences: [[String]] = []
            var sources: [String] = []
            let kaz = try NERCommandSupport.readGold(kaznerd).map(\.tokens)
            sentences += kaz
            sources.append("KazNERD \((kaznerd as NSString).lastPathComponent) (\(kaz.count) sentences)")
            for name in ["kk_ktb-ud-train.conllu", "kk_ktb-dev.conllu"] {
                let ktb = try TilshiCommand.EvalUD.readCoNLLU(ud + "/" + name).map { $0.words.map(\.form) }
                sentences += ktb
                sources.append("UD \(name) (\(ktb.count) sentences)")
            }
            // Gazetteer names as sentence-inner words ("Ұлттық банк" → Ұлттық, банк as the name writes them).
            let names = EntityGazetteer.entries.map(\.words)
            sources.append("ner-gazetteer.tsv (\(names.count) names)")
            let rows = ScriptReadingsBuilder.build(sentences: sentences, names: names, minimumCount: minCount)
            let text = ScriptReadingsBuilder.table(rows, sources: sources, command: Self.rebuildCommand)
            do {
                try text.write(toFile: out, atomically: true, encoding: .utf8)
            } catch {
                throw ValidationError("\(out): cannot write the table (\(error.localizedDescription))")
            }
            let arabic = rows.filter { $0.scripts.contains("arab") }.count
            let digraph = rows.filter { $0.scripts.contains("digraph") }.count
            print("\(out): \(rows.count) forms (\(arabic) read from the table in Arabic script, \(digraph) in digraphs)")
        }
    }
}
