import Formats
import Testing

@Suite struct InputLimitsTests {
    @Test func sizesParseWithBinarySuffixes() {
        #expect(InputLimits.parseSize("64M") == 64 << 20)
        #expect(InputLimits.parseSize("512k") == 512 << 10)
        #expect(InputLimits.parseSize("1G") == 1 << 30)
        #expect(InputLimits.parseSize(" 1000 ") == 1000)
        for bad in ["", "M", "-5", "0", "1.5M", "64MB", "99999999999999999G"] {
            #expect(InputLimits.parseSize(bad) == nil, "\(bad)")
        }
    }

    @Test func theDefaultsAreSixtyFourMiBPerDocumentAndOneMoreForALine() {
        #expect(InputLimits.default.maximumDocumentBytes == 64 << 20)
        #expect(InputLimits.default.maximumLineBytes == 65 << 20)
        #expect(InputLimits(maximumDocumentBytes: 1000).maximumLineBytes == 1000 + (1 << 20))
    }

    @Test func aDocumentOrLineOverTheLimitIsRefusedNamingTheInputAndBothSizes() throws {
        let limits = InputLimits(maximumDocumentBytes: 12, maximumLineBytes: 20)
        try limits.check(document: "Алматы", input: "a.txt")  // 12 bytes: at the limit
        #expect(throws: TextInput.Failure(input: "b.txt", reason: "document is too large (13 bytes of text; the limit is 12, --max-document-size)")) {
            try limits.check(document: "Алматы.", input: "b.txt")
        }
        try limits.check(lineBytes: 20, input: "c.jsonl:3")
        #expect(throws: TextInput.Failure(input: "c.jsonl:4", reason: "line is too long (21 bytes; the limit is 20, --max-line-size)")) {
            try limits.check(lineBytes: 21, input: "c.jsonl:4")
        }
    }
}
