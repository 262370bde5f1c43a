import Foundation
import KazakhData

/// Tags a sentence's words with BIO entity tags using a trained ``EntityModel``.
public struct EntityRecognizer: Sendable {
    public let model: EntityModel
    let features: EntityFeatures
    /// `B-PERSON` tag index, for joining names split at particles ("Джуд ван дер Мерве").
    let personBegin: Int?
    /// `B-` tags of the classes a lower-case word never starts (see ``dropLowercaseNames(_:_:)``).
    let capitalisedBegins: Set<Int>
    /// Emission scores of each form's form-only features, computed once per distinct form.
    let formScores: FormScoreCache

    public init(model: EntityModel, features: EntityFeatures = EntityFeatures()) {
        self.model = model
        self.features = features
        personBegin = model.classes.firstIndex(of: "PERSON").map { 1 + 2 * $0 }
        capitalisedBegins = Set(["PERSON", "GPE"].compactMap { model.classes.firstIndex(of: $0) }.map { 1 + 2 * $0 })
        formScores = FormScoreCache(tagCount: model.tagCount)
    }

    /// Tag indices (see ``EntityModel``) for the words of one sentence.
    public func tagIndices<S: StringProtocol>(_ words: [S]) -> [Int] {
        guard !words.isEmpty else { return [] }
        let (ids, offsets, info) = features.extract(words, lexicon: model.lexicon, includeStatic: false)
        let tagCount = model.tagCount
        var emissions = formScores.scores(of: info, features: features, model: model)
        var scratch: [EntityModel.Slot] = []
        emissions.withUnsafeMutableBufferPointer { buffer in
            for i in words.indices {
                model.accumulate(ids[offsets[i]..<offsets[i + 1]], into: buffer.baseAddress! + i * tagCount, scratch: &scratch)
            }
        }
        var tags = BIOViterbi.decode(emissions: emissions, count: words.count, transitions: model.decoderTransitions)
        joinParticleNames(words, &tags)
        dropLowercaseNames(words, &tags)
        return tags
    }

    /// Drops PERSON and GPE names whose first word has no capital letter ("астанада", "in the capital"):
    /// in KazNERD 1 of about 3,000 such names starts that way, while the model, leaning on the lexicon of
    /// stems, sometimes tags the common noun.
    func dropLowercaseNames<S: StringProtocol>(_ words: [S], _ tags: inout [Int]) {
        for i in tags.indices where capitalisedBegins.contains(tags[i]) {
            guard !words[i].unicodeScalars.contains(where: { LetterCase.of($0) == .upper }) else { continue }
            let inside = tags[i] + 1
            tags[i] = 0
            var j = i + 1
            while j < tags.count, tags[j] == inside {
                tags[j] = 0
                j += 1
            }
        }
    }

    /// Joins `PERSON particles PERSON` into one person: KazNERD has almost no "ван дер"-style names to learn from.
    func joinParticleNames<S: StringProtocol>(_ words: [S], _ tags: inout [Int]) {
        guard let begin = personBegin else { return }
        var i = 1
        while i < tags.count {
            guard tags[i] == 0, tags[i - 1] == begin || tags[i - 1] == begin + 1 else {
                i += 1
                continue
            }
            var j = i
            while j < tags.count, tags[j] == 0, NameParticles.all.contains(words[j].lowercased()) { j += 1 }
            if j > i, j < tags.count, tags[j] == begin {
                for k in i...j { tags[k] = begin + 1 }
            }
            i = j + 1
        }
    }

    /// BIO tag names (`O`, `B-PERSON`, `I-PERSON`, …) for the words of one sentence.
    public func tags<S: StringProtocol>(_ words: [S]) -> [String] {
        tagIndices(words).map(model.tagName)
    }
}

/// Emission scores of the form-only features (``EntityFeatures/appendStaticIDs(of:to:)``) of each distinct word form,
/// so a frequent word costs one row copy instead of two dozen hashed weight lookups.
final class FormScoreCache: @unchecked Sendable {
    private let lock = NSLock()
    private let tagCount: Int
    private var rows: [UInt64: Int] = [:]
    private var scores: [Float] = []
    /// Emptied past this many forms (≈ 20 MB of scores), so endless input cannot grow it without bound.
    static let limit = 100_000

    init(tagCount: Int) { self.tagCount = tagCount }

    /// A `words.count × tagCount` emission matrix holding the form-only scores of each word.
    func scores(of words: [EntityFeatures.Word], features: EntityFeatures, model: EntityModel) -> [Float] {
        var emissions = [Float](repeating: 0, count: words.count * tagCount)
        var missing: [Int] = []
        lock.lock()
        for (i, word) in words.enumerated() {
            if let row = rows[word.exact] {
                for t in 0..<tagCount { emissions[i * tagCount + t] = scores[row + t] }
            } else {
                missing.append(i)
            }
        }
        lock.unlock()
        guard !missing.isEmpty else { return emissions }
        var scratch: [EntityModel.Slot] = []
        var ids: [UInt32] = []
        emissions.withUnsafeMutableBufferPointer { buffer in
            for i in missing {
                ids.removeAll(keepingCapacity: true)
                features.appendStaticIDs(of: words[i], to: &ids)
                model.accumulate(ids[...], into: buffer.baseAddress! + i * tagCount, scratch: &scratch)
            }
        }
        lock.lock()
        if rows.count >= Self.limit {
            rows.removeAll(keepingCapacity: true)
            scores.removeAll(keepingCapacity: true)
        }
        for i in missing where rows[words[i].exact] == nil {
            rows[words[i].exact] = scores.count
            scores.append(contentsOf: emissions[(i * tagCount)..<((i + 1) * tagCount)])
        }
        lock.unlock()
        return emissions
    }
}
