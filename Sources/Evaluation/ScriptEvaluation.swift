package import Foundation
import Analysis
package import Pipeline
package import TextModel

/// `tilshi eval scripts`: the same annotated Kazakh articles in Cyrillic, four Latin schemes and the Arabic script,
/// plus Russian and mixed articles; word tokens analysed, entity P/R/F1 per version, Kazakh-model entities on
/// Russian paragraphs, and word round trips per scheme.
package enum ScriptEvaluation {
    /// One annotated article of `Resources/Scripts/*.txt`.
    package struct Article: Sendable {
        package var id: String
        package var text: String
        /// (KazNERD class, mention as written in Cyrillic).
        package var mentions: [(label: String, text: String)]
    }

    /// Parses the article format ("=== id", text lines, "@ LABEL<TAB>mention"); comments start with "#".
    package static func articles(_ contents: String) -> [Article] {
        var articles: [Article] = []
        for line in contents.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasPrefix("=== ") {
                articles.append(Article(id: String(line.dropFirst(4)), text: "", mentions: []))
            } else if line.hasPrefix("@ "), !articles.isEmpty {
                let fields = line.dropFirst(2).split(separator: "\t", maxSplits: 1).map(String.init)
                if fields.count == 2 { articles[articles.count - 1].mentions.append((fields[0], fields[1])) }
            } else if !articles.isEmpty {
                articles[articles.count - 1].text += (articles[articles.count - 1].text.isEmpty ? "" : "\n") + line
            }
        }
        return articles
    }

    /// Natively written articles grouped by the scheme their id names ("lat2018-03" → "lat2018"), in first-seen order.
    package static func bySchemes(_ articles: [Article]) -> [(scheme: String, articles: [Article])] {
        var groups: [(scheme: String, articles: [Article])] = []
        for article in articles {
            let scheme = article.id.split(separator: "-").dropLast().joined(separator: "-")
            if let index = groups.firstIndex(where: { $0.scheme == scheme }) {
                groups[index].articles.append(article)
            } else {
                groups.append((scheme, [article]))
            }
        }
        return groups
    }

    /// A way of writing an article: its name and the function writing Cyrillic text in it.
    package struct Version: Sendable {
        package var name: String
        package var write: @Sendable (String) -> String

        package init(name: String, write: @escaping @Sendable (String) -> String) {
            self.name = name
            self.write = write
        }
    }

    /// Cyrillic, the 2021, 2018, 2017 and digraph Latin schemes, and the Arabic script.
    /// Reads a version back into Cyrillic (Arabic script, or any Latin scheme).
    package static func readBack(_ text: String) -> String {
        text.unicodeScalars.contains { (0x600...0x6FF).contains($0.value) }
            ? Transliterator.arabicToCyrillic(text, capitals: true) : Transliterator.toCyrillic(text, preserveForeign: true)
    }

    package static let versions: [Version] = [
        Version(name: "cyrillic") { $0 },
        Version(name: "latin-2021") { Transliterator.toLatin($0) },
        Version(name: "latin-2018") { Transliterator.toLatin($0, scheme: .latin2018) ?? $0 },
        Version(name: "latin-2017") { Transliterator.toLatin($0, scheme: .latin2017) ?? $0 },
        Version(name: "latin-digraph") { Transliterator.toLatin($0, scheme: .digraph) ?? $0 },
        Version(name: "arabic") { Transliterator.toArabic($0) },
    ]

    /// Counts and scores of one set of analysed articles.
    package struct Score: Sendable {
        package var words = 0, analysedWords = 0
        package var truePositives = 0, predicted = 0, gold = 0
        package var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
        package var recall: Double { gold == 0 ? 0 : Double(truePositives) / Double(gold) }
        package var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        package var analysedShare: Double { words == 0 ? 0 : Double(analysedWords) / Double(words) }
        /// Missed and spurious spans ("label text"), for `--errors`.
        package var errors: [String] = []
        /// Word tokens without an analysis ("id: text → norm"), for `--errors`.
        package var unanalysed: [String] = []
    }

    /// Gold spans: every whole-word occurrence of each mention, as (label, start, end) in scalars of `text`.
    package static func goldSpans(_ text: String, _ mentions: [(label: String, text: String)]) -> Set<Span> {
        let scalars = Array(text.unicodeScalars)
        var spans: Set<Span> = []
        for mention in mentions {
            let needle = Array(mention.text.unicodeScalars)
            guard !needle.isEmpty, needle.count <= scalars.count else { continue }
            for start in 0...(scalars.count - needle.count) where scalars[start..<(start + needle.count)].elementsEqual(needle) {
                let end = start + needle.count
                let before = start == 0 || !scalars[start - 1].properties.isAlphabetic
                let after = end == scalars.count || !scalars[end].properties.isAlphabetic
                if before && after { spans.insert(Span(label: mention.label, start: start, end: end)) }
            }
        }
        return spans
    }

    /// A labelled span in scalars.
    package struct Span: Hashable, Sendable {
        package var label: String, start: Int, end: Int
    }

    /// Analyses every article in `version` and scores tokens and entities.
    /// With `language`, only spans starting in paragraphs of that language count (gold and predicted).
    /// The classes the articles annotate: names, not values or roles (POSITION, DATE, MONEY … are not scored).
    package static let nameClasses: Set<String> = ["PERSON", "GPE", "LOCATION", "ORGANISATION", "FACILITY", "EVENT", "NORP"]

    package static func score(_ articles: [Article], _ version: Version, pipeline: Pipeline = .default, language: Language? = nil) -> Score {
        var score = Score()
        for article in articles {
            let text = version.write(article.text)
            let document = pipeline.analyze(id: article.id, text: text)
            for token in document.tokens where token.kind == .word {
                score.words += 1
                if token.lemma != nil, let upos = token.upos, upos != .X {
                    score.analysedWords += 1
                } else {
                    score.unanalysed.append("\(article.id): \(token.text) → \(token.norm)")
                }
            }
            func counts(_ span: Span) -> Bool {
                guard let language else { return true }
                return document.paragraphs.contains { $0.language == language && $0.start <= span.start && span.start < $0.end }
            }
            let gold = goldSpans(text, article.mentions.map { ($0.label, version.write($0.text)) }).filter(counts)
            let predicted = Set(document.entities.filter { nameClasses.contains($0.label.rawValue) }
                .map { Span(label: $0.label.rawValue, start: $0.start, end: $0.end) }).filter(counts)
            score.gold += gold.count
            score.predicted += predicted.count
            score.truePositives += gold.intersection(predicted).count
            for span in gold.subtracting(predicted) { score.errors.append("\(article.id) missed \(span.label) \(document.slice(span.start, span.end))") }
            for span in predicted.subtracting(gold) { score.errors.append("\(article.id) spurious \(span.label) \(document.slice(span.start, span.end))") }
        }
        return score
    }

    /// Entities whose start lies in a Russian paragraph, from `pipeline` (Kazakh models only: the Russian name
    /// finder is left out by the caller), over `articles`.
    package static func entitiesOnRussian(_ articles: [Article], pipeline: Pipeline) -> (entities: Int, facts: Int, russianParagraphs: Int) {
        var entities = 0, facts = 0, paragraphs = 0
        for article in articles {
            let document = pipeline.analyze(id: article.id, text: article.text)
            let russian = document.paragraphs.filter { $0.language == .ru }
            paragraphs += russian.count
            func inRussian(_ start: Int) -> Bool { russian.contains { $0.start <= start && start < $0.end } }
            entities += document.entities.filter { inRussian($0.start) }.count
            facts += document.times.filter { inRussian($0.start) }.count + document.amounts.filter { inRussian($0.start) }.count
                + document.quotes.filter { inRussian($0.start) }.count
        }
        return (entities, facts, paragraphs)
    }

    /// Words whose Cyrillic → version → Cyrillic round trip (whole articles, so a word is read with its text's
    /// alphabet) is exact, and equal up to ``Transliterator/roundTripFold(_:)``; an article whose word count changes
    /// counts all its words as failures.
    package static func roundTrips(_ articles: [Article], _ version: Version, read: (String) -> String)
        -> (words: Int, exact: Int, folded: Int, mismatches: [String]) {
        var words = 0, exact = 0, folded = 0
        var mismatches: [String] = []
        func split(_ text: String) -> [String] {
            text.split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init)
        }
        for article in articles {
            let original = split(article.text)
            let back = split(read(version.write(article.text)))
            words += original.count
            guard back.count == original.count else {
                mismatches.append("\(article.id): \(original.count) words became \(back.count): \(version.write(article.text))")
                continue
            }
            for (word, result) in zip(original, back) {
                if result == word { exact += 1 }
                if Transliterator.roundTripFold(result) == Transliterator.roundTripFold(word) {
                    folded += 1
                } else {
                    mismatches.append("\(article.id): \(word) → \(version.write(word)) → \(result)")
                }
            }
        }
        return (words, exact, folded, mismatches)
    }
}
