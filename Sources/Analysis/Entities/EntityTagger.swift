import Foundation
import KazakhData
public import TextModel

/// The `entities` stage: tags each sentence's tokens with the bundled NER model and fills
/// ``Document/entities`` with spans, their KazNERD class and their nominative (canonical) name.
///
/// Reads ``Token/norm`` (the analyser's context-free reading of each form is a feature, so it runs with or
/// without the morphology stage); when no sentence layer exists, the whole token list is one sentence. When the
/// morphology stage has filled ``Token/lemma``, the canonical name uses the last word's lemma.
public struct EntityTagger: Annotator {
    /// The stage's name in a pipeline (`entities`).
    public let name = "entities"
    /// A Kazakh model: not run on Russian paragraphs.
    public var isKazakhModel: Bool { true }
    private let recognizer: EntityRecognizer?

    /// A tagger using the bundled model (`Resources/ner.model`), loaded once on first use.
    public init() { recognizer = nil }

    /// A tagger using `model`.
    public init(model: EntityModel) { recognizer = EntityRecognizer(model: model) }

    /// The bundled model, loaded lazily once per process.
    public static let bundledModel: Result<EntityModel, EntityModelError> = Result { () throws(EntityModelError) in
        guard let url = DataFile.url(for: "ner.model") else {
            throw EntityModelError(path: "ner.model", reason: "the bundled NER model is missing from the KazakhData resources")
        }
        return try EntityModel(contentsOf: url)
    }

    private static let bundledRecognizer: EntityRecognizer = {
        switch bundledModel {
        case .success(let model): return EntityRecognizer(model: model)
        case .failure(let error): fatalError("tilshi: \(error)")
        }
    }()

    /// Fills `entities` with the mentions tagged in each sentence, with their class and canonical name.
    public func annotate(_ document: inout Document) {
        let recognizer = self.recognizer ?? Self.bundledRecognizer
        let ranges = document.sentences.isEmpty ? [0..<document.tokens.count] : document.sentences.map(\.tokenRange)
        var entities: [Entity] = []
        for range in ranges where !range.isEmpty {
            let tags = recognizer.tagIndices(document.tokens[range])
            for span in Self.spans(tags) {
                let tokens = document.tokens[(range.lowerBound + span.start)..<(range.lowerBound + span.end)]
                let start = tokens.first!.start, end = tokens.last!.end
                let label = EntityLabel(recognizer.model.classes[span.classIndex])
                let words = Self.words(of: tokens)
                let canonical = label.isLiteral
                    ? words.joined(separator: " ") : NominativeName.canonical(words: words, lastLemma: tokens.last!.lemma)
                entities.append(Entity(
                    text: document.slice(start, end), label: label,
                    canonical: canonical, start: start, end: end,
                    tokenRange: (range.lowerBound + span.start)..<(range.lowerBound + span.end)))
            }
        }
        document.entities = entities
    }


    /// Words of a span as written (normalised), joining tokens that touch ("ван дер Мерве", "Қ.Тоқаев").
    static func words(of tokens: ArraySlice<Token>) -> [String] {
        var words: [String] = []
        var current = ""
        for token in tokens {
            current += token.norm
            if token.spaceAfter || token.end == tokens.last!.end {
                words.append(current)
                current = ""
            }
        }
        return words
    }

    /// Entity spans of a decoded (well-formed) BIO tag sequence.
    static func spans(_ tags: [Int]) -> [(start: Int, end: Int, classIndex: Int)] {
        var result: [(Int, Int, Int)] = []
        var i = 0
        while i < tags.count {
            guard tags[i] % 2 == 1 else {
                i += 1
                continue
            }
            let begin = i
            i += 1
            while i < tags.count, tags[i] == tags[begin] + 1 { i += 1 }
            result.append((begin, i, (tags[begin] - 1) / 2))
        }
        return result
    }
}
