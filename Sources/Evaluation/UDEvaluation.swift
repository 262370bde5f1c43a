package import Formats
/// Word-level accuracy of lemma, UPOS and universal features, as defined by the CoNLL 2018 shared task
/// evaluation script (`conll18_ud_eval.py`) for gold-tokenised input: every word counts, punctuation
/// included; a gold lemma `_` matches anything; UFeats compares the set of *universal* features only
/// (layered features such as `Number[psor]` are not universal and are ignored, as in the script).
package enum UDEvaluation {
    /// Correct-word counts; add them up over folds or files.
    package struct Scores: Sendable, Equatable {
        package var words = 0
        package var lemma = 0
        package var upos = 0
        package var ufeats = 0
        /// Words whose lemma, UPOS and universal features are all correct.
        package var allTags = 0

        package init() {}

        package var lemmaAccuracy: Double { ratio(lemma) }
        package var uposAccuracy: Double { ratio(upos) }
        package var ufeatsAccuracy: Double { ratio(ufeats) }
        package var allTagsAccuracy: Double { ratio(allTags) }

        private func ratio(_ count: Int) -> Double { words == 0 ? 0 : Double(count) / Double(words) }

        package static func + (lhs: Scores, rhs: Scores) -> Scores {
            var sum = lhs
            sum.words += rhs.words
            sum.lemma += rhs.lemma
            sum.upos += rhs.upos
            sum.ufeats += rhs.ufeats
            sum.allTags += rhs.allTags
            return sum
        }
    }

    /// Errors when the system output does not have the gold words.
    package struct MismatchError: Error, CustomStringConvertible {
        package let description: String
    }

    /// The universal features of CoNLL 2018 (`UNIVERSAL_FEATURES` in the evaluation script).
    package static let universalFeatureNames: Set<String> = [
        "PronType", "NumType", "Poss", "Reflex", "Foreign", "Abbr", "Gender", "Animacy", "Number", "Case", "Definite",
        "Degree", "VerbForm", "Mood", "Tense", "Aspect", "Voice", "Evident", "Polarity", "Person", "Polite",
    ]

    /// The universal features of a FEATS value, sorted (`_` and empty give none).
    package static func universalFeatures(_ feats: String) -> [String] {
        if feats == "_" || feats.isEmpty { return [] }
        return feats.split(separator: "|").map(String.init).filter { feature in
            guard let name = feature.split(separator: "=", maxSplits: 1).first else { return false }
            return universalFeatureNames.contains(String(name))
        }.sorted()
    }

    /// Scores `system` against `gold`; both must have the same sentences and word forms (gold tokenisation).
    package static func score(gold: [CoNLLUSentence], system: [CoNLLUSentence]) throws -> Scores {
        guard gold.count == system.count else {
            throw MismatchError(description: "gold has \(gold.count) sentences, system \(system.count)")
        }
        var scores = Scores()
        for (number, (goldSentence, systemSentence)) in zip(gold, system).enumerated() {
            guard goldSentence.words.count == systemSentence.words.count else {
                throw MismatchError(description: "sentence \(number + 1): gold has \(goldSentence.words.count) words, system \(systemSentence.words.count)")
            }
            for (goldWord, systemWord) in zip(goldSentence.words, systemSentence.words) {
                guard goldWord.form == systemWord.form else {
                    throw MismatchError(description: "sentence \(number + 1): gold word '\(goldWord.form)' but system '\(systemWord.form)'")
                }
                scores.words += 1
                let lemma = goldWord.lemma == "_" || goldWord.lemma == systemWord.lemma
                let upos = goldWord.upos == systemWord.upos
                let ufeats = universalFeatures(goldWord.feats) == universalFeatures(systemWord.feats)
                if lemma { scores.lemma += 1 }
                if upos { scores.upos += 1 }
                if ufeats { scores.ufeats += 1 }
                if lemma && upos && ufeats { scores.allTags += 1 }
            }
        }
        return scores
    }
}
