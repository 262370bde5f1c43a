@testable import Analysis
import Foundation
import KazakhData
import Testing
import TextModel

/// The analyser's fast paths (flat form cache, byte-keyed lookups, fast lowercasing, memoised features) give
/// exactly what the plain computations give, on the seed articles, also when several threads analyse at once.
@Suite struct MorphologyCacheTests {
    /// Word forms of every seed sentence, in order.
    static func seedSentences() throws -> [[String]] {
        var sentences: [[String]] = []
        for prefix in ["000", "001", "002", "003", "004"] {
            let document = try Seeds.analysed(prefix)
            for sentence in document.sentences where !sentence.tokenRange.isEmpty {
                sentences.append(document.tokens[sentence.tokenRange].map(\.norm))
            }
        }
        return sentences
    }

    @Test func fastLowercasingIsExactlyTheStandardLibrarys() throws {
        let words = try Self.seedSentences().flatMap { $0 }
        // Latin, Greek (final sigma is context-dependent), a decomposed й, Cyrillic extensions, a one-to-two mapping.
        let odd = ["İSTANBUL", "ΟΔΟΣ", "и\u{306}ЙЫ", "ӀӁҊҌ", "ǅungla", "ÆØÅ", "ẞ", "ҚАЗАҚСТАН", "Ёлка", "ABC-ның", "",
                   "«ҚАЗАҚСТАН» — №1…", "“Ақ Жол” ‰ ‹Әке›", "Ä«Ü»"]
        for word in words + odd {
            #expect(Array(MorphologyCase.lowercased(word).utf8) == Array(word.lowercased().utf8), "\(word)")
            #expect(MorphologyCase.lowercasedScalars(word) == Array(word.lowercased().unicodeScalars), "\(word)")
        }
    }

    @Test func chosenAnalysesAreCandidatesOfTheirForms() throws {
        let morphology = Morphology.shared
        for sentence in try Self.seedSentences().prefix(60) {
            let chosen = morphology.analyze(sentence)
            #expect(chosen.count == sentence.count)
            for (form, analysis) in zip(sentence, chosen) {
                let candidates = morphology.analyses(of: form)
                #expect(candidates.prefix(Morphology.contextWidth).contains(analysis), "\(form): \(analysis)")
                #expect(morphology.lemma(of: form) == candidates.first?.lemma)
            }
        }
    }

    @Test func concurrentAnalysisMatchesSequential() async throws {
        let sentences = Array(try Self.seedSentences().prefix(80))
        let model = MorphologyModel.parse(try #require(MorphologyTables.modelText()))
        let sequential = Morphology(model: model)
        let expected = sentences.map { sequential.analyze($0) }
        // A fresh analyser, so the threads race on cache misses (analysed outside the lock) and insertions.
        let shared = Morphology(model: model)
        let results = await withTaskGroup(of: [[MorphAnalysis]].self) { group in
            for worker in 0..<4 {
                group.addTask {
                    // Each worker starts at a different sentence, so the same forms are missed at the same time.
                    let order = sentences.indices.map { (worker * 17 + $0) % sentences.count }
                    var out = [[MorphAnalysis]](repeating: [], count: sentences.count)
                    for index in order { out[index] = shared.analyze(sentences[index]) }
                    return out
                }
            }
            var all: [[[MorphAnalysis]]] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 4)
        for result in results { #expect(result == expected) }
    }
}
