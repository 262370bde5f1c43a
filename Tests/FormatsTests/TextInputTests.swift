import Formats
import Foundation
import Testing

@Suite struct TextInputTests {
    @Test func rejectsInvalidUTF8NamingTheInput() {
        #expect(throws: TextInput.Failure(input: "bad.txt", reason: "is not valid UTF-8 (bad byte at offset 4)")) {
            try TextInput.decode(Data([0x41, 0x42, 0xD0, 0x90, 0xFF, 0x41]), input: "bad.txt")
        }
    }

    @Test func rejectsBinaryAndEmptyInput() {
        #expect(throws: TextInput.Failure.self) { try TextInput.decode(Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]), input: "a.out") }
        #expect(throws: TextInput.Failure(input: "e.txt", reason: "is empty")) { try TextInput.decode(Data(), input: "e.txt") }
        #expect(throws: TextInput.Failure(input: "w.txt", reason: "is empty (only whitespace)")) {
            try TextInput.decode(Data(" \n\t".utf8), input: "w.txt")
        }
    }

    @Test func stripsByteOrderMark() throws {
        #expect(try TextInput.decode(Data("\u{FEFF}Алматы".utf8), input: "bom.txt") == "Алматы")
    }

    @Test func missingFileAndDirectoryAreNamed() {
        #expect(throws: TextInput.Failure(input: "/no/such/file.txt", reason: "no such file")) { try TextInput.read("/no/such/file.txt") }
        #expect(throws: TextInput.Failure(input: "/tmp", reason: "is a directory")) { try TextInput.read("/tmp") }
    }

    @Test func aNulByteFarIntoTheTextIsRefused() {
        // 20 KiB of Kazakh text, then one NUL: past the 8 KiB a binary sniffer would look at.
        var bytes = Array(String(repeating: "Алматыда жаңбыр жауды. ", count: 500).utf8)
        let offset = bytes.count
        bytes += [0] + Array(" Ертең күн ашық болады.".utf8)
        #expect(offset > 8192)
        #expect(throws: TextInput.Failure(input: "late.txt", reason: "looks like a binary file (contains a NUL byte at offset \(offset))")) {
            try TextInput.decode(Data(bytes), input: "late.txt")
        }
    }

    @Test func aStreamStopsAtTheLimitWhileReading() throws {
        // Given a pipe that has more bytes than the limit and is never closed
        let pipe = Pipe()
        let chunk = Data(String(repeating: "Қазақстан ", count: 400).utf8)
        for _ in 0..<4 { pipe.fileHandleForWriting.write(chunk) }
        defer { try? pipe.fileHandleForWriting.close() }
        // Then reading stops with a clear error once the limit is passed, without waiting for the end of the stream
        // (reading it whole first would never return here)
        #expect(throws: TextInput.Failure.self) {
            try TextInput.readBounded(pipe.fileHandleForReading, input: "-", limit: 2 * chunk.count)
        }
        // And a stream within the limit is read whole
        let small = Pipe()
        small.fileHandleForWriting.write(chunk)
        try small.fileHandleForWriting.close()
        #expect(try TextInput.readBounded(small.fileHandleForReading, input: "-", limit: 2 * chunk.count) == chunk)
    }
}
