import Foundation
@testable import KazakhData
import Testing

/// The byte path of `DataFile.rows(in:)` against the grapheme path it stands in for.
@Suite struct DataFileRowsTests {
    @Test func everyBundledTableSplitsAsByGraphemes() throws {
        let folder = try #require(DataFile.url(for: "months.tsv")).deletingLastPathComponent()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tsv") || $0.hasSuffix(".txt") }
        #expect(names.count > 40)
        for name in names {
            let text = try DataFile.text(name)
            #expect(DataFile.rows(in: text) == DataFile.graphemeRows(in: text), "\(name)")
        }
    }

    @Test func awkwardLinesSplitAsByGraphemes() {
        let texts = [
            "# көзі: қолмен\nалма\tNOUN\t_ \n\n  \t \n  # түсінік\nқала \t PROPN\n",
            "\tбос өріс\t\t\nсоңы\t",
            "#\u{301}бұл түсінік емес\tX\n#\nа",
            " \u{301}біріккен\tб\nв",
            "жол\r\nжол\rжол\u{85}жол\u{2028}жол\u{2029}жол\u{0B}жол\u{0C}жол",
            "өріс\u{A0}\tNBSP\u{2009}\n\u{3000}\n",
            "е\u{301}\tё\nЁ\t#емес",
            "",
            "\n\n\n",
        ]
        for text in texts {
            #expect(DataFile.rows(in: text) == DataFile.graphemeRows(in: text), "\(text.debugDescription)")
        }
        #expect(DataFile.rows(in: texts[0]) == [["алма", "NOUN", "_"], ["қала", "PROPN"]])
    }
}
