package import Foundation

/// The gold files bundled with the evaluation tools (`Resources/`): hand-written fact gold (`Gold/`) and the
/// Russian/English language-id sample (`LanguageID/`). Public corpora (KazNERD, UD KTB) are read from `shared/`.
package enum BundledGold {
    /// The fact gold item sets scored after the seeds, with the names `tilshi eval facts` prints, in that order.
    package static let factItemSets: [(name: String, path: String)] = [
        ("extra (dev)", "Gold/facts-extra.tsv"),
        ("heldout", "Gold/facts-heldout.tsv"),
        ("heldout2", "Gold/facts-heldout2.tsv"),
        ("heldout3", "Gold/facts-heldout3.tsv"),
    ]

    /// The real-news halves `tilshi eval realnews` scores: `blind` is never tuned on, `dev` may be.
    package static let realNewsSets: [(name: String, path: String)] = [
        ("blind", "Gold/realnews-blind.tsv"),
        ("dev", "Gold/realnews-dev.tsv"),
    ]

    /// The bundled file at `path` (relative to `Resources/`, e.g. `Gold/facts-seeds.tsv`).
    package static func url(_ path: String) throws -> URL {
        guard let resources = Bundle.module.url(forResource: "Resources", withExtension: nil) else { throw Missing(path: path) }
        let url = resources.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { throw Missing(path: path) }
        return url
    }

    /// A bundled gold file is missing from this build.
    package struct Missing: Error, CustomStringConvertible {
        package var path: String
        package var description: String { "the bundled gold file \(path) is missing from this build" }
    }
}
