import Formats
import Foundation
import Pipeline
import Testing
import TextModel
@testable import TilshiCLI

/// A document longer than one piece is written by `analyze` from files spilled piece by piece (so its memory is one
/// piece's, not the whole document's), in exactly the bytes the merged document renders to.
@Suite(.serialized) struct AnalyzeLongDocumentTests {
    static let text = [
        "Алматы қаласының әкімі Бауыржан Байбек Пьер Кабаремен кездесті.",
        "Астанада 5 қарашада сағат 11.00-де кітап көрмесі ашылады. Көрмеге 1,5 млн. теңге бөлінді.",
        "«Кітап – біздің байлығымыз», – деді Байбек. Ол \"жаңа\" кітапхананы аралады.",
        "Шымкентте халықаралық марафон өтті. Жарысқа 3 000 адам қатысты.",
    ].joined(separator: "\n")

    static var small: Pipeline {
        var pipeline = Pipeline.default
        pipeline.maximumPieceScalars = 120
        return pipeline
    }

    @Test func spilledOutputIsTheMergedDocumentsRenderingByteForByte() throws {
        let metadata = DocumentMetadata(title: "Ұзын «құжат»", published: "2025-11-05")
        let merged = Self.small.analyze(id: "long", text: Self.text, metadata: metadata)
        #expect(Pipeline.pieceEnds(of: merged.scalars, limit: 120).count >= 3)
        #expect(!merged.entities.isEmpty && !merged.times.isEmpty && !merged.amounts.isEmpty && !merged.quotes.isEmpty)
        let cases: [(SpilledDocument.Kind, Int?, String)] = [
            (.json, 0, merged.prettyJSON()),
            (.json, 1, merged.prettyJSON(level: 1)),
            (.json, nil, merged.jsonLine() + "\n"),
            (.conllu, nil, CoNLLU.format(CoNLLU.sentences(of: merged))),
            (.text(summaryOnly: false), nil, TextReport.render(merged)),
            (.text(summaryOnly: true), nil, TextReport.summary(merged) + "\n"),
        ]
        for (kind, level, expected) in cases {
            let spilled = try SpilledDocument(id: "long", text: Self.text, metadata: metadata, pipeline: Self.small, kind: kind, input: "long.txt")
            var output = ""
            try spilled.write(level: level) { output += $0 }
            #expect(output == expected, "\(kind), level \(String(describing: level))")
        }
    }

    @Test func theAnalyzeCommandSpillsOnlyDocumentsLongerThanOnePiece() throws {
        let long = AnalysisUnit(work: .text(Self.text, input: "long.txt"))
        let outcome = TilshiCommand.Analyze.outcome(of: long, format: .jsonl, inputFormat: .auto, pipeline: Self.small, keepsDocument: false)
        #expect(outcome.rendered == nil && outcome.spilled != nil && outcome.reports.isEmpty)
        let short = AnalysisUnit(work: .text("Алматыда концерт өтті.", input: "short.txt"))
        let whole = TilshiCommand.Analyze.outcome(of: short, format: .jsonl, inputFormat: .auto, pipeline: Self.small, keepsDocument: false)
        #expect(whole.rendered != nil && whole.spilled == nil)
        for format in [TilshiCommand.Analyze.OutputFormat.json, .conllu, .text, .summary] {
            let spilled = TilshiCommand.Analyze.outcome(of: long, format: format, inputFormat: .auto, pipeline: Self.small, keepsDocument: true)
            #expect(spilled.spilled != nil && spilled.rendered == nil && spilled.document == nil, "\(format)")
        }
        // Gold CoNLL-U input keeps its own path.
        #expect(TilshiCommand.Analyze.spillKind(format: .conllu, inputFormat: .conllu) == nil)
    }

    @Test func theTemporaryFilesGoWithTheSpill() throws {
        var folders: Set<String> = []
        func analyzeFolders() throws -> Set<String> {
            Set(try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path).filter { $0.hasPrefix("tilshi-analyze-") })
        }
        let before = try analyzeFolders()
        do {
            let spilled = try SpilledDocument(id: "long", text: Self.text, metadata: DocumentMetadata(), pipeline: Self.small, kind: .json, input: "long.txt")
            folders = try analyzeFolders().subtracting(before)
            #expect(folders.count == 1)
            _ = spilled
        }
        #expect(try analyzeFolders().intersection(folders).isEmpty)
    }

    @Test func theTextIsEscapedInChunksAsTheJSONWriterEscapesItWhole() {
        let text = "«Сәлем»\t\"а\\б\"\n\u{01}\u{1F}\r\u{08}\u{0C}/ә"
        let escaped = String(decoding: SpilledDocument.jsonEscaped(Array(text.utf8)), as: UTF8.self)
        #expect(Document(id: "", text: text).jsonLine().contains(#""text":""# + escaped + #"","times""#))
    }

    @Test func chunksOfBytesBecomeStringsOnlyAtCharacterBoundaries() {
        var chunks = UTF8Chunks()
        let bytes = Array("ә€😀a".utf8)  // 2, 3, 4 and 1 bytes
        var text = ""
        for byte in bytes { text += chunks.take([byte]) }
        text += chunks.take([])
        #expect(text == "ә€😀a")
        #expect(!text.contains("\u{FFFD}"))
    }
}
