import KazakhData

/// Tags a sentence's words with BIO entity tags using a trained ``EntityModel``.
public struct EntityRecognizer: Sendable {
    public let model: EntityModel
    let features: EntityFeatures
    /// `B-PERSON` tag index, for joining names split at particles ("Джуд ван дер Мерве").
    let personBegin: Int?

    public init(model: EntityModel, features: EntityFeatures = EntityFeatures()) {
        self.model = model
        self.features = features
        personBegin = model.classes.firstIndex(of: "PERSON").map { 1 + 2 * $0 }
    }

    /// Tag indices (see ``EntityModel``) for the words of one sentence.
    public func tagIndices<S: StringProtocol>(_ words: [S]) -> [Int] {
        guard !words.isEmpty else { return [] }
        let (ids, offsets) = features.extract(words)
        let tagCount = model.tagCount
        var emissions = [Float](repeating: 0, count: words.count * tagCount)
        var scratch: [EntityModel.Slot] = []
        emissions.withUnsafeMutableBufferPointer { buffer in
            for i in words.indices {
                model.accumulate(ids[offsets[i]..<offsets[i + 1]], into: buffer.baseAddress! + i * tagCount, scratch: &scratch)
            }
        }
        var tags = BIOViterbi.decode(emissions: emissions, count: words.count, tagCount: tagCount,
                                     start: model.start, transitions: model.transitions)
        joinParticleNames(words, &tags)
        return tags
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
