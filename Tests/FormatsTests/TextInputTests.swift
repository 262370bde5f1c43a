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
}
