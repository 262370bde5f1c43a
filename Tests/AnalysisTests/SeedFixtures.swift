import Analysis
import Foundation
import Testing
import TextModel
import TilshiTesting

/// Seed articles (``SeedArticles``) and helpers shared by the analysis tests.
enum Seeds {
    static func text(_ number: Int) -> String {
        SeedArticles.text(number)
    }

    /// All five seed texts, in file-name order.
    static func texts() throws -> [String] {
        try SeedArticles.texts()
    }

    /// The seed numbered `prefix` ("000" … "004"), tokenised and sentence-split.
    static func analysed(_ prefix: String) throws -> Document {
        let number = try #require(Int(prefix), "no seed \(prefix)")
        var document = Document(id: prefix, text: SeedArticles.text(number))
        Tokenizer().annotate(&document)
        SentenceSegmenter().annotate(&document)
        return document
    }

    /// A tokenised, sentence-split document.
    static func document(_ text: String, published: String? = nil) -> Document {
        var document = Document(id: "t", text: text, metadata: DocumentMetadata(published: published))
        Tokenizer().annotate(&document)
        SentenceSegmenter().annotate(&document)
        return document
    }

    /// Adds a hand-built entity for every occurrence of `surface` (what the NER stage will provide).
    static func tag(_ document: inout Document, _ surface: String, _ label: EntityLabel) {
        let target = Array(surface.unicodeScalars)
        let scalars = document.scalars
        var index = 0
        while index + target.count <= scalars.count {
            if Array(scalars[index..<(index + target.count)]) == target {
                let end = index + target.count
                let first = document.tokens.partitionPoint { $0.end > index }
                let last = document.tokens.partitionPoint { $0.start >= end }
                // Only whole tokens: a surface that cuts a word is not a mention.
                if first < last, document.tokens[first].start == index, document.tokens[last - 1].end == end {
                    document.entities.append(Entity(text: surface, label: label, canonical: surface, start: index, end: end, tokenRange: first..<last))
                }
                index = end
            } else {
                index += 1
            }
        }
        document.entities.sort { $0.start < $1.start }
    }

    /// `text` through the fact stages (resolve, times, amounts, quotes, meetings, events) with the entities given by
    /// hand, as the NER stage would tag them, so fact tests do not depend on the tagger model.
    static func facts(_ text: String, tags: [(String, String)] = [], published: String? = nil) -> Document {
        var document = document(text, published: published)
        tag(&document, tags)
        for stage: any Annotator in [EntityResolver(), TimeExtractor(), AmountExtractor(), QuoteExtractor(), MeetingExtractor(), EventExtractor()] {
            stage.annotate(&document)
        }
        return document
    }

    /// The times found in `text`, as "text = TIMEX3 value".
    static func times(_ text: String, published: String? = nil) -> [String] {
        facts(text, published: published).times.map { "\($0.text) = \($0.value)" }
    }

    /// Tags several surfaces at once: `[("Бауыржан Байбек", "PERSON"), …]`.
    static func tag(_ document: inout Document, _ mentions: [(String, String)]) {
        for (surface, label) in mentions { tag(&document, surface, EntityLabel(label)) }
    }
}
