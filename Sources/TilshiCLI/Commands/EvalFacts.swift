import ArgumentParser
import Corpora
import Foundation
import Pipeline
import TextModel

extension TilshiCommand.Eval {
    /// `tilshi eval facts`: precision and recall of times, amounts and quotes (with speakers) on hand-annotated seeds.
    public struct Facts: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "facts",
            abstract: "Precision/recall of times, amounts and quote speakers on the hand-annotated seed articles.",
            discussion: """
                Times match on text and TIMEX3 value, amounts on text and value (unit agreement is reported on the \
                matches), quotes on their first words; a quote's speaker is right, null, or wrong (the costly error).
                """
        )

        @Option(help: "Gold facts (TSV: seed, kind, text, value, unit). Default: the bundled seed annotations.")
        public var gold: String?

        @Option(help: "Directory of the seed articles named NNN_*.txt. Default: the bundled samples.")
        public var samples: String?

        public init() {}

        struct Row {
            let seed: String
            let kind: String
            let text: String
            let value: String
            let unit: String?
        }

        public func run() async throws {
            let resources = Bundle.module.url(forResource: "Resources", withExtension: nil)
            let goldPath = gold ?? resources?.appendingPathComponent("Gold/facts-seeds.tsv").path ?? ""
            let samplesPath = samples ?? resources?.appendingPathComponent("Samples").path ?? ""
            let rows = try TextInput.read(goldPath).split(whereSeparator: \.isNewline).compactMap { line -> Row? in
                guard !line.hasPrefix("#") else { return nil }
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard fields.count >= 4 else { return nil }
                return Row(seed: fields[0], kind: fields[1], text: fields[2], value: fields[3], unit: fields.count > 4 ? fields[4] : nil)
            }
            let files = (try? FileManager.default.contentsOfDirectory(atPath: samplesPath)) ?? []
            var times = Score(), amounts = Score(), quotes = Score()
            var unitAgree = 0, speakerRight = 0, speakerNull = 0, speakerWrong = 0
            for seed in Set(rows.map(\.seed)).sorted() {
                guard let name = files.first(where: { $0.hasPrefix(seed + "_") && $0.hasSuffix(".txt") }) else {
                    throw ValidationError("no sample file for seed \(seed) in \(samplesPath)")
                }
                let text = try TextInput.read(URL(fileURLWithPath: samplesPath).appendingPathComponent(name).path)
                let document = Pipeline.default.analyze(id: seed, text: text)
                let goldRows = rows.filter { $0.seed == seed }

                var predictedTimes = document.times.map { $0.text + "\t" + $0.value }
                let goldTimes = goldRows.filter { $0.kind == "time" }
                times.add(predicted: predictedTimes.count, gold: goldTimes.count, matched: goldTimes.filter { row in
                    Self.take(row.text + "\t" + row.value, from: &predictedTimes)
                }.count)

                var predictedAmounts = document.amounts
                let goldAmounts = goldRows.filter { $0.kind == "amount" }
                var matchedAmounts = 0
                for row in goldAmounts {
                    guard let index = predictedAmounts.firstIndex(where: { $0.text == row.text && Double(row.value) == $0.value }) else { continue }
                    matchedAmounts += 1
                    if (predictedAmounts[index].unit ?? "-") == (row.unit ?? "-") { unitAgree += 1 }
                    predictedAmounts.remove(at: index)
                }
                amounts.add(predicted: document.amounts.count, gold: goldAmounts.count, matched: matchedAmounts)

                var predictedQuotes = document.quotes
                let goldQuotes = goldRows.filter { $0.kind == "quote" }
                var matchedQuotes = 0
                for row in goldQuotes {
                    guard let index = predictedQuotes.firstIndex(where: { $0.text.hasPrefix(row.text) }) else { continue }
                    matchedQuotes += 1
                    switch predictedQuotes[index].speaker {
                    case nil: speakerNull += 1
                    case row.value: speakerRight += 1
                    default: speakerWrong += 1
                    }
                    predictedQuotes.remove(at: index)
                }
                quotes.add(predicted: document.quotes.count, gold: goldQuotes.count, matched: matchedQuotes)
            }
            print("facts on \(Set(rows.map(\.seed)).count) seed articles (kk-default pipeline, no document date)")
            print("times    \(times)")
            print("amounts  \(amounts); unit agrees on \(unitAgree)/\(amounts.matched) matches")
            print("quotes   \(quotes); speaker right \(speakerRight), null \(speakerNull), wrong \(speakerWrong) of \(quotes.matched)")
        }

        private static func take(_ key: String, from list: inout [String]) -> Bool {
            guard let index = list.firstIndex(of: key) else { return false }
            list.remove(at: index)
            return true
        }
    }
}

/// Counts for precision and recall.
struct Score: CustomStringConvertible {
    var predicted = 0
    var gold = 0
    var matched = 0

    mutating func add(predicted: Int, gold: Int, matched: Int) {
        self.predicted += predicted
        self.gold += gold
        self.matched += matched
    }

    var description: String {
        let precision = predicted == 0 ? 0 : Double(matched) / Double(predicted)
        let recall = gold == 0 ? 0 : Double(matched) / Double(gold)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        return String(format: "P %.3f  R %.3f  F1 %.3f  (%d matched, %d predicted, %d gold)", precision, recall, f1, matched, predicted, gold)
    }
}
