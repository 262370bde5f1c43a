import Foundation
import Hummingbird
import NIOCore
import SearchStore
import Testing
import TilshiTesting
@testable import NewsServer

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Slow clients against a real socket: the deadlines live in the channel pipeline, which the in-process client skips.
@Suite(.serialized) struct TimeoutTests {
    /// Runs the application on a free loopback port, calls `test` with the port, then stops the server.
    static func withServer(_ configuration: ServerConfiguration, _ test: @Sendable (Int) async throws -> Void) async throws {
        var configuration = configuration
        configuration.port = 0
        let router = try buildRouter(configuration, database: TestCollection.shared)
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        let app = buildApplication(configuration, router: router) { channel in
            portSink.yield(channel.localAddress?.port ?? 0)
        }
        let server = Task { try await app.run() }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else { Issue.record("the server did not start"); return }
        try await test(port)
    }

    @Test func aClientSendingItsHeadSlowlyIsDisconnected() async throws {
        let configuration = ServerConfiguration(idleTimeout: .seconds(30), headerTimeout: .milliseconds(300), bodyTimeout: .seconds(30))
        try await Self.withServer(configuration) { port in
            // A whole request is answered (the server works)
            let quick = try RawClient(port: port)
            try quick.send("GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            #expect(quick.readUntilClosed().text.hasPrefix("HTTP/1.1 200"))
            // A head that never ends, one header line after another well inside the idle timeout, is cut off
            let slow = try RawClient(port: port)
            try slow.send("GET /api/health HTTP/1.1\r\nHost: localhost\r\n")
            for index in 0..<40 {
                guard (try? slow.send("X-Slow-\(index): 1\r\n")) != nil else { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            let result = slow.readUntilClosed()
            #expect(result.closed)
            #expect(result.text.isEmpty)
        }
    }

    @Test func aClientSendingItsBodySlowlyIsDisconnected() async throws {
        let configuration = ServerConfiguration(
            writeToken: TestCollection.writeToken, idleTimeout: .seconds(30), headerTimeout: .seconds(30), bodyTimeout: .milliseconds(300)
        )
        try await Self.withServer(configuration) { port in
            let slow = try RawClient(port: port)
            try slow.send(
                "POST /api/documents HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 4000\r\n"
                    + "Authorization: Bearer \(TestCollection.writeToken)\r\n\r\nАлматы"
            )
            // One byte at a time, each long before the idle timeout would notice
            for _ in 0..<40 {
                guard (try? slow.send("а")) != nil else { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(slow.readUntilClosed().closed)
        }
    }

    @Test func connectionsBeyondTheLimitWaitUntilOneCloses() async throws {
        let configuration = ServerConfiguration(idleTimeout: .seconds(30), headerTimeout: .seconds(30), maxConnections: 1)
        try await Self.withServer(configuration) { port in
            // Given one open connection (the limit)
            let first = try RawClient(port: port)
            try first.send("GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(first.readResponseHead().hasPrefix("HTTP/1.1 200"))
            // When a second one sends a request, it is not answered while the first stays open
            let second = try RawClient(port: port)
            try second.send("GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            #expect(second.readUntilClosed(timeout: 0.5).text.isEmpty)
            // Then once the first closes, the second is served
            first.close()
            #expect(second.readUntilClosed().text.hasPrefix("HTTP/1.1 200"))
        }
    }
}

/// A blocking TCP client on loopback, byte-exact, for requests no HTTP library would send.
final class RawClient: @unchecked Sendable {
    private let socket: Int32

    init(port: Int) throws {
        #if canImport(Glibc)
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else { throw POSIXError(.ECONNREFUSED) }
    }

    deinit {
        close()
        #if canImport(Glibc)
        _ = Glibc.close(socket)
        #else
        _ = Darwin.close(socket)
        #endif
    }

    /// Ends the connection both ways (the server sees the end of the stream).
    func close() { shutdown(socket, Int32(SHUT_RDWR)) }

    private func setReceiveTimeout(_ seconds: Double) {
        var time = timeval()
        time.tv_sec = .init(seconds)
        time.tv_usec = .init((seconds - Double(Int(seconds))) * 1_000_000)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        let sent = bytes.withUnsafeBytes { Self.sendNoSignal(socket, $0.baseAddress, $0.count) }
        guard sent == bytes.count else { throw POSIXError(.EPIPE) }
    }

    private static func sendNoSignal(_ socket: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.send(socket, bytes, count, Int32(MSG_NOSIGNAL))
        #else
        Darwin.send(socket, bytes, count, 0)
        #endif
    }

    /// Reads until the server closes the connection (`closed`) or nothing arrives for `timeout` seconds. The default is
    /// long: a full parallel test run can keep the cooperative pool, where handlers run, busy for minutes, and the
    /// read returns as soon as the answer or the close arrives.
    func readUntilClosed(timeout: Double = 300) -> (closed: Bool, text: String) {
        setReceiveTimeout(timeout)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received += buffer[..<count]
                continue
            }
            let closed = count == 0 || errno == ECONNRESET
            return (closed, String(decoding: received, as: UTF8.self))
        }
    }

    /// Reads until the end of a response head (the connection stays open).
    func readResponseHead() -> String {
        setReceiveTimeout(300)
        var received: [UInt8] = []
        var byte: UInt8 = 0
        while !received.ends(with: Array("\r\n\r\n".utf8)), recv(socket, &byte, 1, 0) == 1 { received.append(byte) }
        return String(decoding: received, as: UTF8.self)
    }
}

extension Array where Element: Equatable {
    fileprivate func ends(with suffix: [Element]) -> Bool { count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix }
}
