import Analysis
import Foundation

/// Builds `script-readings.tsv` (``KazakhData/ScriptReadings``): the corpus forms whose Arabic-script or digraph
/// spelling the letter rules read wrongly, in letters or in case.
///
/// Every word of the input sentences is counted by its lower-case form; inside a sentence (not its first word, not
/// right after an opening quote or a dash) its case is counted too, and a form the corpus capitalises more often
/// than not is written capitalised (all capitals when so written: "ЮНЕСКО"). Forms are then grouped by their
/// spelling in each script; the most frequent form of a group is the group's reading, and it gets a row when the
/// rules read the spelling differently (another letter, or lower case for a capitalised form). Deterministic:
/// the same sentences give the same table.
package enum ScriptReadingsBuilder {
    /// Counts of one lower-case form.
    struct Counts {
        var total = 0
        /// Surface spellings inside sentences, by count.
        var inside: [String: Int] = [:]
    }

    /// The table's rows, most frequent first: (form, count, scripts).
    /// `names` (gazetteer entries) count as words inside a sentence, as written.
    package static func build(sentences: [[String]], names: [[String]] = [], minimumCount: Int = 2) -> [(form: String, count: Int, scripts: [String])] {
        var counts: [String: Counts] = [:]
        for name in names {
            for word in name.flatMap(parts) where isWord(word) {
                counts[word.lowercased(), default: Counts()].total += 1
                counts[word.lowercased(), default: Counts()].inside[word, default: 0] += 1
            }
        }
        for sentence in sentences {
            var opensSentence = true
            for token in sentence {
                guard isWord(token) || token.contains("-") && parts(token).count > 1 else {
                    if token == "«" || token == "\"" || token == "-" || token == "–" || token == "—" || token == "(" { opensSentence = true }
                    if token == "." || token == "!" || token == "?" { opensSentence = true }
                    continue
                }
                // A hyphenated name is also counted by its parts ("Қасым-Жомарт": Қасым, Жомарт), which the Arabic
                // reader looks up one by one.
                for word in parts(token) where isWord(word) {
                    let lower = word.lowercased()
                    counts[lower, default: Counts()].total += 1
                    if !opensSentence { counts[lower, default: Counts()].inside[word, default: 0] += 1 }
                }
                opensSentence = false
            }
        }
        // The written form of each lower-case form: its most frequent spelling inside sentences when that one is
        // capitalised and capitalised spellings outnumber lower-case ones; else the lower-case form.
        var forms: [(lower: String, form: String, count: Int)] = []
        for (lower, entry) in counts {
            var form = lower
            let capitalised = entry.inside.filter { $0.key != lower }.values.reduce(0, +)
            let small = entry.inside[lower] ?? 0
            if capitalised > small, let best = entry.inside.filter({ $0.key != lower }).max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) {
                form = best.key
            }
            forms.append((lower, form, entry.total))
        }
        // Most frequent first, ties by form, so groups pick the same winner on every run.
        forms.sort { ($0.count, $1.lower) > ($1.count, $0.lower) }
        var rows: [String: (count: Int, scripts: [String])] = [:]
        var order: [String] = []
        for (script, key, read) in [
            ("arab", arabicKey as (String) -> String, { Transliterator.arabicRuleReading($0) } as (String) -> String),
            ("digraph", digraphKey, { Transliterator.digraphRuleReading($0) }),
        ] {
            var seen: Set<String> = []
            for entry in forms {
                let spelling = key(entry.lower)
                guard !spelling.isEmpty, seen.insert(spelling).inserted else { continue }
                guard entry.count >= minimumCount || entry.form != entry.lower else { continue }
                guard read(spelling) != entry.form else { continue }
                if rows[entry.form] == nil { order.append(entry.form) }
                rows[entry.form, default: (entry.count, [])].scripts.append(script)
            }
        }
        return order.map { ($0, rows[$0]!.count, rows[$0]!.scripts) }.sorted { ($0.count, $1.form) > ($1.count, $0.form) }
    }

    /// The Arabic-script spelling the table is looked up by (``Transliterator/arabicLookupKey(_:)``).
    static func arabicKey(_ lower: String) -> String {
        Transliterator.arabicLookupKey(Transliterator.toArabic(lower))
    }

    /// The digraph spelling, lower case.
    static func digraphKey(_ lower: String) -> String {
        (Transliterator.toLatin(lower, scheme: .digraph) ?? lower).lowercased()
    }

    /// The word and, for a hyphenated word, its parts.
    static func parts(_ token: String) -> [String] {
        let pieces = token.split(separator: "-").map(String.init)
        return pieces.count > 1 ? [token] + pieces : [token]
    }

    /// A word of Cyrillic letters (a hyphen inside allowed), at least two letters.
    static func isWord(_ token: String) -> Bool {
        let scalars = Array(token.unicodeScalars)
        guard scalars.count >= 2, scalars.first != "-", scalars.last != "-" else { return false }
        return scalars.allSatisfy { $0 == "-" || (0x400...0x4FF).contains($0.value) }
    }

    /// The file's text with its header.
    package static func table(_ rows: [(form: String, count: Int, scripts: [String])], sources: [String], command: String) -> String {
        var text = """
            # Kazakh word forms the letter rules of the Arabic script and of the informal digraph Latin spelling read
            # wrongly (letters lost by the spelling: а/ә о/ө ұ/ү ы/і in both, и/і and у in digraphs; or the capital of a
            # proper noun, which the Arabic script does not write). Generated, do not edit: \(command)
            # Sources (word forms and their case inside sentences only, no tags):
            """
        text += "\n"
        for source in sources { text += "#   \(source)\n" }
        text += """
            # A form is capitalised when the corpus capitalises it more often than not inside sentences; a spelling
            # shared by several forms reads as the most frequent one. Forms seen once get a row only when capitalised.
            # form\tcount\tscripts read from this table (arab, digraph)

            """
        for row in rows { text += "\(row.form)\t\(row.count)\t\(row.scripts.joined(separator: ","))\n" }
        return text
    }
}
