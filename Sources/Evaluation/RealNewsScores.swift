import Foundation
package import TextModel

/// Scores of the real-news gold (`realnews-blind.tsv`, `realnews-dev.tsv`): everything ``FactScores`` counts, plus
/// the names of each article as a set of (class, canonical), the agency credit lines (`source` rows), and the page
/// dateline as the document date.
///
/// Reuses ``FactGold`` for reading and ``FactScores`` for times, amounts, quotes, meetings, events and entity rows, so
/// the two commands count those the same way. Two real-news rules differ from the other gold files: a time found
/// inside the dateline span is not a false hit (the dateline is scored as the document date instead), and an
/// unmatched quote that is a credit line ("…, деп хабарлайды Kazinform.") is counted on its own.
package struct RealNewsScores {
    /// The name classes the gold annotates; other labels (POSITION, DATE, MONEY, …) are not names here.
    package static let nameClasses = ["PERSON", "ORGANISATION", "GPE", "LOCATION", "FACILITY", "EVENT", "PRODUCT", "LAW", "PROJECT"]

    package init() {}

    package var facts = FactScores()
    /// Name sets per class, and over all classes.
    package var names: [String: Score] = [:]
    package var allNames = Score()
    /// Credit-line outlets: the document's `metadata.source` after analysis against the `source` rows.
    package var sources = Score()
    /// Gold datelines, and how many gave the right document date (`published`): the whole value, or its date part.
    package var datelines = 0
    package var datelineExact = 0
    package var datelineDate = 0
    /// Predicted quotes that are credit lines (an outlet's "деп хабарлайды" sentence) rather than speech.
    package var creditQuotes = 0
    /// Gold times whose span was found, and of those, how many with the right value.
    package var timeSpansFound = 0
    /// One line per miss (`-`), false hit (`+`) or wrong attribute (`!`), prefixed with the item id.
    package var errors: [String] = []

    /// Scores one analysed article against its gold item.
    package mutating func add(_ document: Document, gold item: FactGold.Item) {
        let id = item.id
        let datelineRow = item.facts.first { $0.kind == "dateline" }
        let datelineRange = datelineRow.flatMap { Self.range(of: $0.text, in: document) }
        var scored = document
        if let datelineRange {
            // The dateline is scored as the document date, so times read inside it are neither hits nor false hits.
            scored.times.removeAll { $0.start >= datelineRange.lowerBound && $0.end <= datelineRange.upperBound }
        }
        let goldSources = item.facts.filter { $0.kind == "source" }
        let creditIndices = Set(scored.quotes.indices.filter { Self.isCredit(scored.quotes[$0], in: document, sources: goldSources) })
        facts.add(scored, gold: item, scoreMeetings: true, scoreEvents: true)
        // A credit line taken as a quote is a false quote; name it as such in the error list.
        for index in creditIndices.sorted() {
            let quote = scored.quotes[index]
            let goldMatch = item.facts.contains { $0.kind == "quote" && quote.text.hasPrefix($0.text) }
            guard !goldMatch else { continue }
            creditQuotes += 1
            errors.append("\(id) + credit «\(quote.text.prefix(40))…» (\(quote.speaker ?? "null")) is a credit line, not a quote")
        }
        for fact in item.facts where fact.kind == "time" {
            if scored.times.contains(where: { $0.text == fact.text }) { timeSpansFound += 1 }
        }

        addNames(document, gold: item)

        let predictedSource = document.metadata.source
        let sourceMatched = goldSources.contains { $0.value == predictedSource }
        sources.add(predicted: predictedSource == nil ? 0 : 1, gold: goldSources.isEmpty ? 0 : 1, matched: sourceMatched ? 1 : 0)
        if let gold = goldSources.first, !sourceMatched {
            errors.append("\(id) ! source \(predictedSource ?? "none"), gold \(gold.value)")
        } else if goldSources.isEmpty, let predictedSource {
            errors.append("\(id) + source \(predictedSource)")
        }

        if let datelineRow {
            datelines += 1
            let published = document.metadata.published ?? "-"
            if published == datelineRow.value { datelineExact += 1 }
            if published.prefix(10) == datelineRow.value.prefix(10) {
                datelineDate += 1
            }
            if published != datelineRow.value {
                errors.append("\(id) ! dateline \(datelineRow.text): document date \(published), gold \(datelineRow.value)")
            }
        }
    }

    /// Names as a set per article: a (class, canonical) pair is a hit when both sides hold it.
    private mutating func addNames(_ document: Document, gold item: FactGold.Item) {
        let classes = Set(Self.nameClasses)
        let gold = Set(item.facts.filter { $0.kind == "name" }.map { NamePair(label: $0.extra ?? "", canonical: $0.value) })
        let predicted = Set(document.entities.filter { classes.contains($0.label.rawValue) }.map {
            NamePair(label: $0.label.rawValue, canonical: $0.canonical)
        })
        for label in Self.nameClasses {
            let goldOfClass = gold.filter { $0.label == label }
            let predictedOfClass = predicted.filter { $0.label == label }
            let matched = goldOfClass.intersection(predictedOfClass)
            names[label, default: Score()].add(predicted: predictedOfClass.count, gold: goldOfClass.count, matched: matched.count)
        }
        allNames.add(predicted: predicted.count, gold: gold.count, matched: gold.intersection(predicted).count)
        for pair in gold.subtracting(predicted).sorted() { errors.append("\(item.id) - name   \(pair.label) \(pair.canonical)") }
        for pair in predicted.subtracting(gold).sorted() { errors.append("\(item.id) + name   \(pair.label) \(pair.canonical)") }
    }

    /// A quote is a credit line when its speaker is a gold outlet, or when the words after it are a reporting verb
    /// of an outlet ("деп хабарлайды", "деп жазады") followed by a gold outlet.
    private static func isCredit(_ quote: Quote, in document: Document, sources: [FactGold.Fact]) -> Bool {
        let outlets = sources.flatMap { [$0.text.lowercased(), $0.value.lowercased()] }
        if let speaker = quote.speaker?.lowercased(), outlets.contains(where: { speaker == $0 || speaker.contains($0) || $0.contains(speaker) }) {
            return true
        }
        let after = document.slice(quote.end, quote.end + 60).lowercased()
        return outlets.contains { after.contains($0) } && (after.contains("хабарла") || after.contains("жазад"))
    }

    /// The scalar range of the first occurrence of `text` in the document.
    private static func range(of text: String, in document: Document) -> Range<Int>? {
        guard let found = document.text.range(of: text) else { return nil }
        let start = document.text.unicodeScalars.distance(from: document.text.unicodeScalars.startIndex, to: found.lowerBound)
        return start..<(start + text.unicodeScalars.count)
    }

    /// The report lines of one set.
    package func report() -> [String] {
        var lines = ["  names    \(allNames)"]
        for label in Self.nameClasses {
            guard let score = names[label], score.gold + score.predicted > 0 else { continue }
            lines.append("    \(label.padding(toLength: 13, withPad: " ", startingAt: 0)) \(score)")
        }
        let goldTimes = facts.times.gold
        lines.append(String(format: "  time values right %d/%d (%.1f %%); spans found %d/%d", facts.times.matched, goldTimes,
                            goldTimes == 0 ? 0 : 100 * Double(facts.times.matched) / Double(goldTimes), timeSpansFound, goldTimes))
        lines += facts.report(meetings: true, events: true, entities: true)
        lines.append("  credit lines taken as quotes: \(creditQuotes)")
        lines.append("  sources  \(sources)")
        lines.append("  datelines → document date: exact \(datelineExact)/\(datelines), date right \(datelineDate)/\(datelines)")
        return lines
    }

    /// Every error line: the fact scorer's, then the real-news ones, grouped by item in gold order.
    package var allErrors: [String] {
        (facts.errors + errors).enumerated().sorted { lhs, rhs in
            let left = lhs.element.prefix { $0 != " " }, right = rhs.element.prefix { $0 != " " }
            return left == right ? lhs.offset < rhs.offset : left < right
        }.map(\.element)
    }
}

/// One name of an article: its class and canonical form.
private struct NamePair: Hashable, Comparable {
    var label: String
    var canonical: String
    static func < (lhs: NamePair, rhs: NamePair) -> Bool { (lhs.label, lhs.canonical) < (rhs.label, rhs.canonical) }
}
