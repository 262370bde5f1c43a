import Foundation

/// The seed articles bundled in `Resources/Samples/` (copies of `../shared/corpus/seeds/*.txt`).
enum SampleTexts {
    /// Every bundled seed as (file stem, text), in file-name order.
    static func seeds() throws -> [(name: String, text: String)] {
        guard let directory = Bundle.module.url(forResource: "Samples", withExtension: nil, subdirectory: "Resources")
            ?? Bundle.module.resourceURL?.appendingPathComponent("Resources/Samples")
        else { throw ValidationErrorMessage("the bundled sample articles are missing") }
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        return try files.map { ($0.deletingPathExtension().lastPathComponent, try String(contentsOf: $0, encoding: .utf8)) }
    }
}

/// A packaging error with a message.
struct ValidationErrorMessage: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
