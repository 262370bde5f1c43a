import Evaluation
import TilshiCLI
import Analysis
import ArgumentParser
import Formats
import Foundation
import TextModel

extension TilshiCommand {
    /// `tilshi train clusters`: rebuilds `word-clusters.tsv` from the unlabelled Kazakh text available here.
    struct TrainClusters: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clusters",
            abstract: "Learn word clusters (bit-strings) from unlabelled Kazakh text and write word-clusters.tsv.",
            discussion: """
                Text: the KazNERD file's train part only (its held-out and dev parts stay unseen, so NER figures on \
                them stay clean), UD KTB train + dev, the written NER set, the doc rows of the real-news DEVELOPMENT \
                half (never the blind half) and the seed articles. Only words are read, no tags. Deterministic: the \
                same inputs give byte-identical output. The bundled table is: \(rebuildCommand)
                """
        )

        static let rebuildCommand = "swift run -c release tilshi train clusters --out Sources/KazakhData/Resources/word-clusters.tsv"

        @Option(help: "KazNERD IOB2 file (its train part is read).")
        var kaznerd: String = NERCommandSupport.defaultData

        @Option(help: "Directory with kk_ktb-ud-train.conllu and kk_ktb-dev.conllu.")
        var ud: String = "../shared/data/ud-kazakh-ktb"

        @Option(help: "The written NER set (IOB2).")
        var written: String = "Sources/Evaluation/Resources/NER/tilshi-written.iob2"

        @Option(help: "Real-news development gold (its doc rows are read).")
        var realnews: String = "Sources/Evaluation/Resources/Gold/realnews-dev.tsv"

        @Option(help: "Directory of seed articles (*.txt).")
        var seeds: String = "../shared/corpus/seeds"

        @Option(help: "Where to write the table.")
        var out: String

        @Option(help: "Forms seen fewer times than this get no cluster.")
        var minCount: Int = WordClusterer.Options().minimumCount

        init() {}

        func validate() throws {
            guard minCount >= 1 else { throw ValidationError("--min-count must be at least 1") }
            guard !realnews.contains("blind") else { throw ValidationError("\(realnews): the blind real-news half must not be used") }
        }

        func run() async throws {
            var sentences: [[String]] = []
            var sources: [String] = []
            let kaz = try NERCommandSupport.readGold(kaznerd)
            let kazTrain = EntityDataSplit.train.part(of: kaz).map(\.tokens)
            sentences += kazTrain
            sources.append("KazNERD \((kaznerd as NSString).lastPathComponent) train part (\(kazTrain.count) sentences)")
            for name in ["kk_ktb-ud-train.conllu", "kk_ktb-dev.conllu"] {
                let ktb = try TilshiCommand.EvalUD.readCoNLLU(ud + "/" + name).map { $0.words.map(\.form) }
                sentences += ktb
                sources.append("UD \(name) (\(ktb.count))")
            }
            let writtenSentences = try NERCommandSupport.readGold(written).map(\.tokens)
            sentences += writtenSentences
            sources.append("tilshi-written.iob2 (\(writtenSentences.count))")
            var rawTexts: [(String, String)] = []
            for line in try TextInput.read(realnews).split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                if fields.count > 2, fields[1] == "doc" {
                    rawTexts.append((String(fields[0]), fields[2].replacingOccurrences(of: "\\n", with: "\n")))
                }
            }
            sources.append("\((realnews as NSString).lastPathComponent) doc rows (\(rawTexts.count) articles)")
            let seedFiles = ((try? FileManager.default.contentsOfDirectory(atPath: seeds)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
            for name in seedFiles { rawTexts.append((name, try TextInput.read(seeds + "/" + name))) }
            sources.append("seed articles (\(seedFiles.count))")
            for (id, text) in rawTexts {
                var document = Document(id: id, text: text)
                Normalizer().annotate(&document)
                Tokenizer().annotate(&document)
                SentenceSegmenter().annotate(&document)
                for sentence in document.sentences {
                    sentences.append(document.tokens[sentence.tokenRange].map(\.norm))
                }
            }
            var options = WordClusterer.Options()
            options.minimumCount = minCount
            let clusters = WordClusterer(options: options).clusters(sentences)
            let tokenCount = sentences.reduce(0) { $0 + $1.count }
            var text = """
                # Word clusters learnt from unlabelled Kazakh text by WordClusterer (Sources/Evaluation): lower-cased form,
                # then its cluster bit-string (prefixes name coarser clusters). PPMI context vectors (±2 words), random
                # projection to \(options.dimensions) dimensions, top-down principal-direction splits refined by 2-means, depth ≤ \(options.maximumDepth).
                # Text (\(sentences.count) sentences, \(tokenCount) tokens; words only, no labels): \(sources.joined(separator: "; ")).
                # Forms seen at least \(minCount) times: \(clusters.count). Generated and deterministic; rebuild with:
                # \(Self.rebuildCommand)
                # form\tbits

                """
            for entry in clusters { text += "\(entry.form)\t\(entry.bits)\n" }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out))
            } catch {
                StandardError.report("\(out): cannot write the clusters (\(error.localizedDescription))")
                throw ExitCode.failure
            }
            print("\(out): \(clusters.count) forms in \(Set(clusters.map(\.bits)).count) clusters from \(tokenCount) tokens")
        }
    }
}
