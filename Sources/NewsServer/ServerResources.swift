import Foundation

/// The files the server ships with (`Resources/`): templates, interface strings, CSS/JS, the OpenAPI document.
///
/// Read once at start-up; every request is served from memory.
struct ServerResources: Sendable {
    /// Mustache templates by name (file name without `.mustache`).
    var templates: [String: String]
    /// `strings.tsv`: interface strings in Kazakh and English.
    var strings: String
    /// Static files by name (`style.css`, `app.js`), served under `/static/`.
    var assets: [String: Data]
    /// The OpenAPI 3.1 document served at `/openapi.json`.
    var openAPI: Data

    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "server resource missing from the bundle: \(name)" }
    }

    static func load() throws -> ServerResources {
        // The strings file locates the copied `Resources` folder however the platform lays out bundles.
        guard let root = Bundle.module.url(forResource: "strings", withExtension: "tsv", subdirectory: "Resources")?.deletingLastPathComponent()
        else { throw Missing(name: "Resources/strings.tsv") }
        let manager = FileManager.default
        var templates: [String: String] = [:]
        let templateFolder = root.appendingPathComponent("Templates")
        for name in try manager.contentsOfDirectory(atPath: templateFolder.path) where name.hasSuffix(".mustache") {
            let url = templateFolder.appendingPathComponent(name)
            templates[String(name.dropLast(".mustache".count))] = try String(contentsOf: url, encoding: .utf8)
        }
        var assets: [String: Data] = [:]
        let publicFolder = root.appendingPathComponent("Public")
        for name in try manager.contentsOfDirectory(atPath: publicFolder.path) where !name.hasPrefix(".") {
            assets[name] = try Data(contentsOf: publicFolder.appendingPathComponent(name))
        }
        return ServerResources(
            templates: templates,
            strings: try String(contentsOf: root.appendingPathComponent("strings.tsv"), encoding: .utf8),
            assets: assets,
            openAPI: try Data(contentsOf: root.appendingPathComponent("openapi.json"))
        )
    }
}
