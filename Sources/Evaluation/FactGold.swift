import Foundation
package import TextModel

/// Hand-written fact gold: items (a text with an optional document date) and the facts a reader finds in them.
///
/// Two layouts share one reader. Seed gold (`facts-seeds.tsv`) names a bundled article by its number and lists times,
/// amounts and quotes only. Item gold (`facts-extra.tsv`, `facts-heldout.tsv`) carries its own texts in `doc` rows and
/// annotates meetings as well, so meetings are scored only where the gold says it lists them all.
package struct FactGold {
    package struct Item {
        package var id: String
        /// The item's text; nil for a seed row set (the article is read from the samples folder).
        package var text: String?
        package var published: String?
        package var facts: [Fact] = []
    }

    package struct Fact: Equatable {
        package var kind: String
        package var text: String
        package var value: String
        package var extra: String?
    }

    package var items: [Item] = []
    /// Whether meetings are annotated (item layout).
    package var scoresMeetings: Bool { items.contains { $0.text != nil } }
    /// Whether events are annotated: only files with `event` rows list every event, so only they are scored on them.
    package var scoresEvents: Bool { items.contains { $0.facts.contains { $0.kind == "event" } } }
    /// Whether entity mentions are annotated (canonical name and role of chosen mentions).
    package var scoresEntities: Bool { items.contains { $0.facts.contains { $0.kind == "entity" } } }

    /// Parses gold TSV: `id kind text value [extra]`; `doc` rows start an item, `\n` in a doc text is a line break.
    package init(tsv: String) {
        var order: [String] = []
        var byID: [String: Item] = [:]
        for line in tsv.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 4 else { continue }
            let id = fields[0]
            if byID[id] == nil {
                order.append(id)
                byID[id] = Item(id: id)
            }
            if fields[1] == "doc" {
                byID[id]?.text = fields[2].replacingOccurrences(of: "\\n", with: "\n")
                byID[id]?.published = fields[3] == "-" || fields[3].isEmpty ? nil : fields[3]
            } else {
                byID[id]?.facts.append(Fact(kind: fields[1], text: fields[2], value: fields[3], extra: fields.count > 4 ? fields[4] : nil))
            }
        }
        items = order.compactMap { byID[$0] }
    }
}

/// Precision/recall of each fact type against ``FactGold``, with the errors that made them.
package struct FactScores {
    package init() {}

    package var times = Score()
    package var amounts = Score()
    package var quotes = Score()
    package var meetings = Score()
    package var events = Score()
    package var unitAgree = 0
    package var speakerRight = 0
    package var speakerNull = 0
    package var speakerWrong = 0
    package var meetingWhenAgree = 0
    package var eventWhenAgree = 0
    package var eventPlaceAgree = 0
    package var eventPlaceScored = 0
    /// Entity rows: mentions found as an entity span, canonical name right, role found (of the rows that score one).
    package var entityGold = 0
    package var entityFound = 0
    package var canonicalRight = 0
    package var roleScored = 0
    package var roleRight = 0
    /// One line per miss (`-`), false hit (`+`) or wrong attribute (`!`), prefixed with the item id.
    package var errors: [String] = []

    /// Scores one analysed item. Times match on text and value; amounts on text and value (unit agreement is counted
    /// on the matches); quotes on their first words (the speaker is right, null, or wrong — the costly error);
    /// meetings on the set of participants (the `when` agreement is counted on the matches).
    /// Events match when the title contains the gold stem (case-insensitive); `when` and, unless the gold says `*`,
    /// the place are counted on the matches.
    package mutating func add(_ document: Document, gold item: FactGold.Item, scoreMeetings: Bool, scoreEvents: Bool = false) {
        let id = item.id
        var predictedTimes = document.times
        let goldTimes = item.facts.filter { $0.kind == "time" }
        var matched = 0
        for fact in goldTimes {
            if let index = predictedTimes.firstIndex(where: { $0.text == fact.text && $0.value == fact.value }) {
                predictedTimes.remove(at: index)
                matched += 1
            } else {
                errors.append("\(id) - time   \(fact.text) = \(fact.value)")
            }
        }
        errors += predictedTimes.map { "\(id) + time   \($0.text) = \($0.value)" }
        times.add(predicted: document.times.count, gold: goldTimes.count, matched: matched)

        var predictedAmounts = document.amounts
        let goldAmounts = item.facts.filter { $0.kind == "amount" }
        matched = 0
        for fact in goldAmounts {
            guard let index = predictedAmounts.firstIndex(where: { $0.text == fact.text && Double(fact.value) == $0.value }) else {
                errors.append("\(id) - amount \(fact.text) = \(fact.value) \(fact.extra ?? "-")")
                continue
            }
            matched += 1
            if (predictedAmounts[index].unit ?? "-") == (fact.extra ?? "-") {
                unitAgree += 1
            } else {
                errors.append("\(id) ! amount \(fact.text): unit \(predictedAmounts[index].unit ?? "-"), gold \(fact.extra ?? "-")")
            }
            predictedAmounts.remove(at: index)
        }
        errors += predictedAmounts.map { "\(id) + amount \($0.text) = \(Self.number($0.value)) \($0.unit ?? "-")" }
        amounts.add(predicted: document.amounts.count, gold: goldAmounts.count, matched: matched)

        var predictedQuotes = document.quotes
        let goldQuotes = item.facts.filter { $0.kind == "quote" }
        matched = 0
        for fact in goldQuotes {
            guard let index = predictedQuotes.firstIndex(where: { $0.text.hasPrefix(fact.text) }) else {
                errors.append("\(id) - quote  «\(fact.text)…» (\(fact.value))")
                continue
            }
            matched += 1
            let speaker = predictedQuotes[index].speaker
            switch speaker {
            case fact.value where fact.value != "null": speakerRight += 1
            case nil where fact.value == "null": speakerRight += 1
            case nil:
                speakerNull += 1
                errors.append("\(id) ! quote  «\(fact.text)…»: speaker null, gold \(fact.value)")
            default:
                speakerWrong += 1
                errors.append("\(id) ! quote  «\(fact.text)…»: speaker \(speaker ?? "null"), gold \(fact.value)")
            }
            predictedQuotes.remove(at: index)
        }
        errors += predictedQuotes.map { "\(id) + quote  «\($0.text.prefix(40))…» (\($0.speaker ?? "null"))" }
        quotes.add(predicted: document.quotes.count, gold: goldQuotes.count, matched: matched)

        if scoreEvents { addEvents(document, gold: item) }
        addEntities(document, gold: item)
        guard scoreMeetings else { return }
        var predictedMeetings = document.meetings
        let goldMeetings = item.facts.filter { $0.kind == "meeting" }
        matched = 0
        for fact in goldMeetings {
            let participants = Set(fact.text.components(separatedBy: "; "))
            guard let index = predictedMeetings.firstIndex(where: { Set($0.participants) == participants }) else {
                errors.append("\(id) - meeting \(fact.text)")
                continue
            }
            matched += 1
            let when = predictedMeetings[index].when ?? "-"
            if when == fact.value {
                meetingWhenAgree += 1
            } else {
                errors.append("\(id) ! meeting \(fact.text): when \(when), gold \(fact.value)")
            }
            predictedMeetings.remove(at: index)
        }
        errors += predictedMeetings.map { "\(id) + meeting \($0.participants.joined(separator: "; "))" }
        meetings.add(predicted: document.meetings.count, gold: goldMeetings.count, matched: matched)
    }

    private mutating func addEvents(_ document: Document, gold item: FactGold.Item) {
        let id = item.id
        var predicted = document.events
        let goldEvents = item.facts.filter { $0.kind == "event" }
        var matched = 0
        for fact in goldEvents {
            let stem = fact.text.lowercased()
            guard let index = predicted.firstIndex(where: { $0.title.lowercased().contains(stem) }) else {
                errors.append("\(id) - event  \(fact.text) = \(fact.value)")
                continue
            }
            matched += 1
            let event = predicted.remove(at: index)
            if (event.when ?? "-") == fact.value {
                eventWhenAgree += 1
            } else {
                errors.append("\(id) ! event  \(fact.text): when \(event.when ?? "-"), gold \(fact.value)")
            }
            let place = fact.extra ?? "*"
            guard place != "*" else { continue }
            eventPlaceScored += 1
            if (event.where ?? "-") == place {
                eventPlaceAgree += 1
            } else {
                errors.append("\(id) ! event  \(fact.text): where \(event.where ?? "-"), gold \(place)")
            }
        }
        errors += predicted.map { "\(id) + event  \($0.title) = \($0.when ?? "-")" }
        events.add(predicted: document.events.count, gold: goldEvents.count, matched: matched)
    }

    /// Entity rows name a mention as written: it must be an entity span of its own (the first unused one with that
    /// text), whose canonical name is compared, and whose person must carry the gold role phrase among its roles.
    private mutating func addEntities(_ document: Document, gold item: FactGold.Item) {
        var used = Set<Int>()
        for fact in item.facts where fact.kind == "entity" {
            entityGold += 1
            let role = fact.extra ?? "*"
            if role != "*" { roleScored += 1 }
            guard let index = document.entities.indices.first(where: {
                !used.contains($0) && document.slice(document.entities[$0].start, document.entities[$0].end) == fact.text
            }) else {
                errors.append("\(item.id) - entity \(fact.text) → \(fact.value)")
                continue
            }
            used.insert(index)
            entityFound += 1
            let entity = document.entities[index]
            if entity.canonical == fact.value {
                canonicalRight += 1
            } else {
                errors.append("\(item.id) ! entity \(fact.text): canonical \(entity.canonical), gold \(fact.value)")
            }
            guard role != "*" else { continue }
            if entity.roles.contains(role) {
                roleRight += 1
            } else {
                errors.append("\(item.id) ! entity \(fact.text): roles [\(entity.roles.joined(separator: " | "))], gold \(role)")
            }
        }
    }

    /// The report lines of one gold set.
    package func report(meetings scoredMeetings: Bool, events scoredEvents: Bool = false, entities scoredEntities: Bool = false) -> [String] {
        var lines = [
            "  times    \(times)",
            "  amounts  \(amounts); unit agrees on \(unitAgree)/\(amounts.matched)",
            "  quotes   \(quotes); speaker right \(speakerRight), null \(speakerNull), wrong \(speakerWrong) of \(quotes.matched)",
        ]
        if scoredMeetings {
            lines.append("  meetings \(meetings); when agrees on \(meetingWhenAgree)/\(meetings.matched)")
        }
        if scoredEvents {
            lines.append("  events   \(events); when agrees on \(eventWhenAgree)/\(events.matched), place on \(eventPlaceAgree)/\(eventPlaceScored)")
        }
        if scoredEntities {
            lines.append("  entities \(entityFound)/\(entityGold) mentions found as spans; canonical right \(canonicalRight)/\(entityFound), role right \(roleRight)/\(roleScored)")
        }
        return lines
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

/// Counts for precision and recall.
package struct Score: CustomStringConvertible {
    package init() {}

    package var predicted = 0
    package var gold = 0
    package var matched = 0

    package mutating func add(predicted: Int, gold: Int, matched: Int) {
        self.predicted += predicted
        self.gold += gold
        self.matched += matched
    }

    package var description: String {
        let precision = predicted == 0 ? 0 : Double(matched) / Double(predicted)
        let recall = gold == 0 ? 0 : Double(matched) / Double(gold)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        return String(format: "P %.3f  R %.3f  F1 %.3f  (%d matched, %d predicted, %d gold)", precision, recall, f1, matched, predicted, gold)
    }
}
