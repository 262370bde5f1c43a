import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SampleArticles
import SearchStore

extension TilshiCommand {
    /// `tilshi demo`: builds a collection from the bundled sample articles and serves it.
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build a collection from the bundled Kazakh sample articles and serve it: the quickest way to see Tilshi.",
            discussion: "Open the printed URL in a browser and search, e.g. Алматы."
        )

        @Option(help: "Where to keep the demo collection (default: a new file in the temporary folder for each run, removed when it stops).")
        var db: String?

        @OptionGroup var server: ServerOptions

        init() {}

        func run() async throws {
            // The port is checked before anything is written: a second demo on a busy port fails at once and
            // leaves the first one's collection alone.
            if let problem = PortCheck.problem(host: server.host, port: server.port) {
                StandardError.report("\(server.host):\(server.port) \(problem); choose another port with --port")
                throw ExitCode.failure
            }
            let folder = db == nil
                ? FileManager.default.temporaryDirectory.appendingPathComponent("tilshi-demo-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
                : nil
            if let folder { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
            defer { if let folder { try? FileManager.default.removeItem(at: folder) } }
            let path = db ?? folder!.appendingPathComponent("demo.sqlite").path
            let database = try NewsDatabase.open(path: path)
            let report = try database.ingest(try SampleArticles.demoDocuments())
            FileHandle.standardOutput.write(Data("tilshi: demo collection \(path): \(report.added.count) articles added, \(report.duplicates) already there\n".utf8))
            try await ServerLauncher.run(database: database, options: server, collection: path)
        }
    }
}

/// Whether a TCP port can be listened on, asked of the system before a server is started.
enum PortCheck {
    /// Nil when `host:port` is free; otherwise why not ("is already in use"), in words.
    static func problem(host: String, port: Int) -> String? {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let info = list else { return "is not an address of this machine" }
        defer { freeaddrinfo(list) }
        let descriptor = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var yes: Int32 = 1
        // As the server does: a port left in TIME_WAIT by a stopped server is free.
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        if bind(descriptor, info.pointee.ai_addr, info.pointee.ai_addrlen) != 0 {
            return errno == EADDRINUSE ? "is already in use" : "cannot be listened on (\(String(cString: strerror(errno))))"
        }
        return nil
    }
}
