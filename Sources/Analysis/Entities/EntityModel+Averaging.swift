/// Why models could not be averaged.
package struct EntityModelAveragingError: Error, CustomStringConvertible, Equatable {
    package let reason: String
    package var description: String { "cannot average NER models: \(reason)" }
}

extension EntityModel {
    /// The mean of models trained on the same data with different shuffling seeds (a bagging-like ensemble that
    /// costs nothing at tagging time): every weight, start and transition score is averaged, a feature missing from
    /// one model counting as 0 there, weights under `pruneBelow` are dropped, and the rest is re-quantised to Int16.
    ///
    /// The models must share classes, feature-set version and training-name lexicon, i.e. come from the same data
    /// (the lexicon depends on the data, not on the seed); anything else is refused.
    package static func averaged(_ models: [EntityModel], pruneBelow: Float) throws(EntityModelAveragingError) -> EntityModel {
        guard let first = models.first else { throw EntityModelAveragingError(reason: "no models given") }
        for model in models.dropFirst() {
            guard model.classes == first.classes else { throw EntityModelAveragingError(reason: "their classes differ") }
            guard model.featureVersion == first.featureVersion else {
                throw EntityModelAveragingError(reason: "feature-set versions \(first.featureVersion) and \(model.featureVersion) differ")
            }
            guard model.lexicon == first.lexicon else {
                throw EntityModelAveragingError(reason: "their name lexicons differ (trained on different data)")
            }
        }
        let tagCount = first.tagCount
        let share = 1 / Float(models.count)
        // Union of the sorted feature ids, merged model by model; weights are dequantised and summed per (id, tag).
        var sums: [UInt32: [Float]] = [:]
        for model in models {
            for (index, id) in model.featureIDs.enumerated() {
                var row = sums[id] ?? [Float](repeating: 0, count: tagCount)
                for entry in Int(model.entryOffsets[index])..<Int(model.entryOffsets[index + 1]) {
                    row[Int(model.entryTags[entry])] += Float(model.entryWeights[entry]) * model.scale * share
                }
                sums[id] = row
            }
        }
        let ids = sums.keys.sorted()
        var largest: Float = .leastNormalMagnitude
        for row in sums.values {
            for value in row { largest = max(largest, abs(value)) }
        }
        let scale = largest / Float(Int16.max)
        var featureIDs: [UInt32] = []
        var offsets: [UInt32] = [0]
        var tags: [UInt8] = []
        var weights: [Int16] = []
        for id in ids {
            let row = sums[id]!
            let before = tags.count
            for (tag, value) in row.enumerated() where abs(value) >= pruneBelow {
                let quantised = Int16((value / scale).rounded())
                guard quantised != 0 else { continue }
                tags.append(UInt8(tag))
                weights.append(quantised)
            }
            if tags.count > before {
                featureIDs.append(id)
                offsets.append(UInt32(tags.count))
            }
        }
        func mean(_ vectors: [[Float]]) -> [Float] {
            (0..<vectors[0].count).map { i in vectors.reduce(0) { $0 + $1[i] } * share }
        }
        return EntityModel(classes: first.classes, start: mean(models.map(\.start)), transitions: mean(models.map(\.transitions)),
                           scale: scale, featureIDs: featureIDs, entryOffsets: offsets, entryTags: tags, entryWeights: weights,
                           lexicon: first.lexicon, featureVersion: first.featureVersion)
    }
}
