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

    /// Runs `executable` with `arguments` (in `folder` when given), its standard output discarded, and returns its
    /// exit status and standard error: what the CLI tests of error messages read. `environment` adds to (or
    /// overrides) the test process's own.
    package static func runForErrors(
        _ executable: URL, _ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]
    ) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new } }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Starts `executable` with `arguments` (output discarded) and kills it with SIGKILL as soon as `progress` reports
    /// more than zero (polled every few milliseconds, for at most two minutes): a crash at the first committed unit
    /// of work. Returns the last progress read before the kill.
    @discardableResult
    package static func killAtFirstProgress(_ executable: URL, _ arguments: [String], progress: () -> Int) throws -> Int {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var seen = 0
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline {
            seen = progress()
            if seen > 0 { break }
            Thread.sleep(forTimeInterval: 0.005)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return seen
    }
}
