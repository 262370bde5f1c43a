package import Formats
package import TextModel

/// Scores extracted times and amounts against the numeric-expression spans of an IOB2 NER gold file (KazNERD:
/// DATE, TIME, MONEY, PERCENTAGE, QUANTITY, CARDINAL), by character span.
///
/// KazNERD marks spans by its own conventions, not ours (its DATE holds durations and ages, "10 жылдан астам",
/// "тоғыз жаста"; its CARDINAL stops before the counted noun that our amounts include), so two figures are kept:
/// **exact** (same start and end) and **overlap** (the spans share a character). A time answers DATE and TIME, an
/// amount MONEY, PERCENTAGE, QUANTITY and CARDINAL; a fact that overlaps only a gold span of the other kind is a false
/// hit of its kind and is also counted in ``crossKind``.
///
/// Per-class precision needs each predicted fact in one class: the class of the first gold span of its kind it
/// overlaps, otherwise the class its value suggests (a clock time → TIME, other times → DATE; percent → PERCENTAGE,
/// a currency code → MONEY, anything else → CARDINAL, since a counted noun does not tell a measure from a count).
package struct FactSpanEvaluation: Sendable {
    /// The fact kinds scored.
    package enum Kind: String, Sendable, CaseIterable {
        case times, amounts
    }

    /// The gold classes and the fact kind that answers each.
    package static let classes: [(label: String, kind: Kind)] = [
        ("DATE", .times), ("TIME", .times), ("MONEY", .amounts), ("PERCENTAGE", .amounts), ("QUANTITY", .amounts), ("CARDINAL", .amounts),
    ]

    /// Counts for one class or kind.
    package struct Counts: Sendable, Equatable {
        /// Gold spans, those some prediction matches exactly, those some prediction overlaps.
        package var gold = 0, goldExact = 0, goldOverlap = 0
        /// Predicted facts, those equal to a gold span, those overlapping one.
        package var predicted = 0, predictedExact = 0, predictedOverlap = 0
        package init() {}
        package var recallExact: Double { gold == 0 ? 0 : Double(goldExact) / Double(gold) }
        package var recallOverlap: Double { gold == 0 ? 0 : Double(goldOverlap) / Double(gold) }
        package var precisionExact: Double { predicted == 0 ? 0 : Double(predictedExact) / Double(predicted) }
        package var precisionOverlap: Double { predicted == 0 ? 0 : Double(predictedOverlap) / Double(predicted) }
    }

    package private(set) var perClass: [String: Counts] = [:]
    package private(set) var perKind: [Kind: Counts] = [:]
    /// Predicted facts that overlap no gold span of their kind but one of the other kind (an amount on a DATE).
    package private(set) var crossKind: [Kind: Int] = [:]
    /// Sentences scored.
    package private(set) var sentences = 0
    /// One line per miss (`-`), partial match (`~`) and false hit (`+`), when `recordsErrors` is set.
    package private(set) var errors: [String] = []
    package var recordsErrors: Bool

    package init(recordsErrors: Bool = false) {
        self.recordsErrors = recordsErrors
    }

    private struct Predicted {
        var kind: Kind
        var range: Range<Int>
        var text: String
        var label: String
        var inferredClass: String
    }

    /// Adds one gold sentence, its composed text and the document the pipeline made of that text.
    package mutating func add(gold sentence: IOB2Sentence, text: IOB2Detokenized, document: Document) {
        sentences += 1
        let kindOf = Dictionary(uniqueKeysWithValues: Self.classes.map { ($0.label, $0.kind) })
        let gold = NEREvaluation.spans(sentence.tags).compactMap { span -> (label: String, kind: Kind, range: Range<Int>)? in
            guard let kind = kindOf[span.label] else { return nil }
            return (span.label, kind, text.range(of: span.start..<span.end))
        }
        var predicted: [Predicted] = document.times.map {
            Predicted(kind: .times, range: $0.start..<$0.end, text: $0.text, label: $0.value, inferredClass: $0.timex.hasClock ? "TIME" : "DATE")
        }
        predicted += document.amounts.map { amount in
            let unit = amount.unit ?? "-"
            let inferred = unit == "percent" ? "PERCENTAGE" : Self.isCurrencyCode(unit) ? "MONEY" : "CARDINAL"
            return Predicted(kind: .amounts, range: amount.start..<amount.end, text: amount.text, label: "\(Self.number(amount.value)) \(unit)", inferredClass: inferred)
        }
        func slice(_ range: Range<Int>) -> String { document.slice(range.lowerBound, range.upperBound) }
        for span in gold {
            let answers = predicted.filter { $0.kind == span.kind && $0.range.overlaps(span.range) }
            let exact = answers.contains { $0.range == span.range }
            perClass[span.label, default: Counts()].gold += 1
            perKind[span.kind, default: Counts()].gold += 1
            if exact {
                perClass[span.label, default: Counts()].goldExact += 1
                perKind[span.kind, default: Counts()].goldExact += 1
            }
            if !answers.isEmpty {
                perClass[span.label, default: Counts()].goldOverlap += 1
                perKind[span.kind, default: Counts()].goldOverlap += 1
            }
            guard recordsErrors, !exact else { continue }
            if answers.isEmpty {
                errors.append("- \(span.label) «\(slice(span.range))»  in: \(text.text)")
            } else {
                let ours = answers.map { "«\($0.text)» \($0.label)" }.joined(separator: ", ")
                errors.append("~ \(span.label) «\(slice(span.range))» ours \(ours)  in: \(text.text)")
            }
        }
        for fact in predicted {
            let matches = gold.filter { $0.kind == fact.kind && $0.range.overlaps(fact.range) }
            let label = matches.first?.label ?? fact.inferredClass
            let exact = matches.contains { $0.range == fact.range }
            perClass[label, default: Counts()].predicted += 1
            perKind[fact.kind, default: Counts()].predicted += 1
            if exact {
                perClass[label, default: Counts()].predictedExact += 1
                perKind[fact.kind, default: Counts()].predictedExact += 1
            }
            if !matches.isEmpty {
                perClass[label, default: Counts()].predictedOverlap += 1
                perKind[fact.kind, default: Counts()].predictedOverlap += 1
            } else {
                let other = gold.first { $0.kind != fact.kind && $0.range.overlaps(fact.range) }
                if other != nil { crossKind[fact.kind, default: 0] += 1 }
                if recordsErrors {
                    let note = other.map { " (gold \($0.label) «\(slice($0.range))»)" } ?? ""
                    errors.append("+ \(fact.kind.rawValue) «\(fact.text)» \(fact.label)\(note)  in: \(text.text)")
                }
            }
        }
    }

    /// A table: one line per class, then one per kind, then the cross-kind counts.
    package func report() -> [String] {
        func row(_ name: String, _ cells: [String]) -> String {
            name.padded(18) + zip(cells, [6, 9, 9, 8, 9, 9]).map { $0.leftPadded($1) }.joined()
        }
        func row(_ name: String, _ counts: Counts) -> String {
            row(name, ["\(counts.gold)", String(ratio: counts.recallExact), String(ratio: counts.recallOverlap), "\(counts.predicted)",
                       String(ratio: counts.precisionExact), String(ratio: counts.precisionOverlap)])
        }
        var lines = [row("class", ["gold", "R exact", "R ovl", "pred", "P exact", "P ovl"])]
        for (label, _) in Self.classes { lines.append(row(label, perClass[label] ?? Counts())) }
        for kind in Kind.allCases { lines.append(row(kind.rawValue, perKind[kind] ?? Counts())) }
        for kind in Kind.allCases {
            lines.append("\(kind.rawValue) overlapping only a gold span of the other kind: \(crossKind[kind] ?? 0)")
        }
        return lines
    }

    /// A three-letter upper-case unit is an ISO 4217 currency code ("KZT", "USD").
    static func isCurrencyCode(_ unit: String) -> Bool {
        unit.utf8.count == 3 && unit.utf8.allSatisfy { (0x41...0x5A).contains($0) }
    }

    /// "1500", "2.5": no trailing ".0" for whole numbers.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

extension String {
    /// A ratio with three decimals ("0.968"), without Foundation's locale-dependent formatting.
    fileprivate init(ratio value: Double) {
        let scaled = Int((value * 1000).rounded())
        let fraction = String(scaled % 1000)
        self = "\(scaled / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    fileprivate func padded(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
