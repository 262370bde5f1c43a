package import Foundation

/// Executables of this package, found next to the test bundle (SwiftPM builds them with the tests).
package enum BuiltExecutable {
    /// The executable `name` (`tilshi`, `LibraryExample`), or nil when it was not built.
    package static func url(_ name: String) -> URL? {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [folder, folder.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Runs `executable` with `arguments` and returns its standard output and exit status.
    package static func run(_ executable: URL, _ arguments: [String] = []) throws -> (output: String, status: Int32) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }
}
