import ArgumentParser
import Formats
import Foundation
import Pipeline
import Testing
import TilshiTesting
import TextModel
@testable import TilshiCLI

@Suite struct AnalyzeCommandTests {
    @Test func parsesFormatsAndRejectsUnknownPipeline() throws {
        let command = try TilshiCommand.Analyze.parse(["a.txt", "--format", "jsonl"])
        #expect(command.files == ["a.txt"])
        #expect(command.format == .jsonl)
        #expect(throws: (any Error).self) { try TilshiCommand.Analyze.parse(["--pipeline", "nope"]) }
        #expect(throws: (any Error).self) { try TilshiCommand.Analyze.parse(["--format", "xml"]) }
    }

    @Test func documentIDIsTheFileStem() {
        #expect(TilshiCommand.Analyze.documentID(for: "../shared/corpus/seeds/000_44aa7e2efce9c335.txt") == "000_44aa7e2efce9c335")
        #expect(TilshiCommand.Analyze.documentID(for: "-") == "stdin")
    }

    /// Runs `analyze` in process on `inputs`; returns what it wrote, the error lines and the failure count.
    func run(_ arguments: [String], inputs: [String]) throws -> (output: String, errors: [String], failures: Int) {
        let command = try TilshiCommand.Analyze.parse(arguments + inputs)
        var output = ""
        var errors: [String] = []
        let failures = try command.analyzeAll(inputs, write: { output += $0 }, report: { errors.append($0) })
        return (output, errors, failures)
    }

    /// A fresh temporary directory holding the named files.
    func directory(with files: [String: Data]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tilshi-analyze-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (name, data) in files {
            try data.write(to: root.appendingPathComponent(name))
        }
        return root
    }

    @Test func htmlPagesAndFeedsAreReadAsNewsUnlessTextIsAskedFor() throws {
        let page = """
            <!DOCTYPE html><html lang="kk"><head><meta charset="utf-8"><title>Кітап көрмесі ашылды | Almaty.tv</title>
            <meta property="article:published_time" content="2025-09-18T10:15:00+05:00"></head><body>
            <nav><a href="/">Басты бет</a> <a href="/news">Жаңалықтар</a></nav>
            <article><h1>Кітап көрмесі ашылды</h1>
            <p>Бүгін Алматыдағы «Атакент» көрме орталығында Халықаралық кітап көрмесі өз жұмысын бастады. Көрмеге 120-дан астам баспа қатысып отыр.</p>
            <p>«Кітап – біздің рухани байлығымыз», – деді Алматы қаласының әкімі Дархан Сатыбалды.</p>
            <div class="share">Жаңалықтармен бөлісіңіз: Facebook Telegram</div></article>
            <div class="partners">Новости партнеров</div></body></html>
            """
        let feed = """
            <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Жаңалықтар</title>
            <item><title>Концерт</title><description>Ертең Абай алаңында концерт өтеді.</description><pubDate>Fri, 03 Oct 2025 09:00:00 +0500</pubDate></item>
            <item><title>Кездесу</title><description>Алматы қаласының әкімі Бауыржан Байбек Пьер Кабаремен кездесті.</description></item>
            </channel></rss>
            """
        let root = try directory(with: ["page.html": Data(page.utf8), "news.rss": Data(feed.utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        let decoder = JSONDecoder()
        let html = try run(["--format", "jsonl"], inputs: [root.appendingPathComponent("page.html").path])
        let document = try decoder.decode(Document.self, from: Data(html.output.utf8))
        // The main text only, its date anchoring "Бүгін", the page's title kept as metadata.
        #expect(document.text.hasPrefix("Бүгін Алматыдағы"))
        #expect(!document.text.contains("<") && !document.text.contains("бөлісіңіз"))
        #expect(document.metadata.published == "2025-09-18T10:15:00+05:00")
        #expect(document.times.first { $0.text == "Бүгін" }?.value == "2025-09-18")
        #expect(document.events.first?.where == "«Атакент» көрме орталығы")
        #expect(document.quotes.first?.speaker == "Дархан Сатыбалды")
        let items = try run(["--format", "jsonl"], inputs: [root.appendingPathComponent("news.rss").path])
        let documents = try items.output.split(separator: "\n").map { try decoder.decode(Document.self, from: Data($0.utf8)) }
        #expect(documents.map(\.id) == ["news#1", "news#2"])
        #expect(documents.first?.times.first?.value == "2025-10-04")
        #expect(documents.last?.meetings.first?.participants.last == "Пьер Кабаре")
        // --input-format text analyses the markup as it is, offsets into the file itself.
        let raw = try run(["--format", "jsonl", "--input-format", "text"], inputs: [root.appendingPathComponent("page.html").path])
        #expect(try decoder.decode(Document.self, from: Data(raw.output.utf8)).text.hasPrefix("<!DOCTYPE html>"))
    }

    @Test func badInputsAreReportedOnOneLineAndTheOthersStillAnalysed() throws {
        let root = try directory(with: [
            "good.txt": Data("Тарихи сәтке Алматы қаласының басшысы Б.Байбек қатысты.".utf8),
            "invalid.txt": Data([0x41, 0xD0, 0x90, 0xFF, 0x41]),
            "binary.bin": Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x02]),
            "empty.txt": Data(),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("folder"), withIntermediateDirectories: true)
        let path = { (name: String) in root.appendingPathComponent(name).path }
        let inputs = [path("invalid.txt"), path("binary.bin"), path("good.txt"), path("empty.txt"), path("folder"), path("missing.txt")]
        let result = try run(["--format", "jsonl"], inputs: inputs)
        #expect(result.failures == 5)
        #expect(result.errors.count == 5)
        #expect(result.errors.allSatisfy { !$0.contains("\n") })
        #expect(result.errors[0] == "\(path("invalid.txt")): is not valid UTF-8 (bad byte at offset 3)")
        #expect(result.errors[1].hasPrefix("\(path("binary.bin")): looks like a binary file"))
        #expect(result.errors[2] == "\(path("empty.txt")): is empty")
        #expect(result.errors[3] == "\(path("folder")): is a directory")
        #expect(result.errors[4] == "\(path("missing.txt")): no such file")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(object["id"] as? String == "good")
        let tokens = try #require(object["tokens"] as? [[String: Any]])
        #expect(tokens.map { $0["text"] as? String } == ["Тарихи", "сәтке", "Алматы", "қаласының", "басшысы", "Б.", "Байбек", "қатысты", "."])
        #expect((object["sentences"] as? [Any])?.count == 1)
    }

    @Test func failingCommandExitsNonZero() async throws {
        let command = try TilshiCommand.Analyze.parse(["/no/such/input.txt", "--format", "jsonl"])
        await #expect(throws: ExitCode.failure) { try await command.run() }
    }

    @Test func rawTextToCoNLLUWritesSentenceIDsTextAndSpaceAfter() throws {
        let root = try directory(with: ["seed.txt": Data("Қазір 1 млрд. АҚШ долларына дейінгі қор құрылды. Ол 13%-ға өсті.\n".utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try run(["--format", "conllu"], inputs: [root.appendingPathComponent("seed.txt").path])
        #expect(result.failures == 0)
        let sentences = try CoNLLU.parse(result.output)
        #expect(sentences.count == 2)
        #expect(sentences[0].comments == ["# sent_id = seed-1", "# text = Қазір 1 млрд. АҚШ долларына дейінгі қор құрылды."])
        #expect(sentences[0].words.map(\.form) == ["Қазір", "1", "млрд.", "АҚШ", "долларына", "дейінгі", "қор", "құрылды", "."])
        #expect(sentences[0].words[7].misc == "SpaceAfter=No")
        #expect(sentences[1].text == "Ол 13%-ға өсті.")
        #expect(sentences[1].words.map(\.form) == ["Ол", "13%-ға", "өсті", "."])
    }

    static let gold = """
        # sent_id = x:1
        # text = Біз мүдделіміз.
        1\tБіз\tбіз\tPRON\tprn\tCase=Nom\t2\tnsubj\t_\t_
        2-3\tмүдделіміз\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
        2\tмүдделі\tмүдделі\tADJ\tadj\t_\t0\troot\t_\t_
        3\tміз\tе\tAUX\tcop\t_\t2\tcop\t_\t_
        4\t.\t.\tPUNCT\tsent\t_\t2\tpunct\t_\t_

        # sent_id = x:2
        1\tДауа\tдауа\tNOUN\tn\t_\t2\tnsubj\t_\t_
        2\tжоқ\tжоқ\tADJ\tadj\t_\t0\troot\t_\tSpaceAfter=No
        3\t...\t...\tPUNCT\tsent\t_\t2\tpunct\t_\t_

        """

    @Test func goldCoNLLUKeepsTokensMultiwordTokensAndRebuildsText() throws {
        let root = try directory(with: ["gold.conllu": Data(Self.gold.utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try run(["--input-format", "conllu", "--format", "conllu"], inputs: [root.appendingPathComponent("gold.conllu").path])
        #expect(result.failures == 0)
        let sentences = try CoNLLU.parse(result.output)
        #expect(sentences.count == 2)
        #expect(sentences[0].words.map(\.form) == ["Біз", "мүдделі", "міз", "."])
        #expect(sentences[0].multiwordTokens.map(\.form) == ["мүдделіміз"])
        #expect(sentences[0].text == "Біз мүдделіміз.")
        // The second sentence had no "# text": it is rebuilt from the tokens and SpaceAfter=No.
        #expect(sentences[1].comments == ["# sent_id = x:2", "# text = Дауа жоқ..."])
        // Gold syntax is copied; the tagger's own columns are not copied from the gold file.
        #expect(sentences[0].words.map(\.head) == ["2", "0", "2", "2"])
        #expect(sentences[0].words.allSatisfy { $0.xpos == "_" })
    }

    @Test func goldDocumentOffsetsSliceBackToTokens() throws {
        let analysed = GoldTokenAnalysis.analyze(try CoNLLU.parse(Self.gold), id: "gold", pipeline: .default)
        let document = analysed.document
        #expect(document.text == "Біз мүдделіміз.\nДауа жоқ...\n")
        #expect(document.tokens.map(\.text) == ["Біз", "мүдделіміз", ".", "Дауа", "жоқ", "..."])
        for token in document.tokens {
            #expect(document.slice(token.start, token.end) == token.text)
        }
        #expect(document.sentences.map(\.tokenRange) == [0..<3, 3..<6])
    }

    @Test func goldTokensTakeTheNormalisedForm() throws {
        // "қаласiның" with a Latin i: the normaliser repairs it, the gold token keeps its surface.
        let gold = "# text = Алматы қаласiның әкімі\n1\tАлматы\t_\t_\t_\t_\t_\t_\t_\t_\n2\tқаласiның\t_\t_\t_\t_\t_\t_\t_\t_\n3\tәкімі\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
        let analysed = GoldTokenAnalysis.analyze(try CoNLLU.parse(gold), id: "g", pipeline: .default)
        #expect(analysed.document.tokens.map(\.text) == ["Алматы", "қаласiның", "әкімі"])
        #expect(analysed.document.tokens.map(\.norm) == ["Алматы", "қаласіның", "әкімі"])
        #expect(analysed.sentences[0].words.map(\.form) == ["Алматы", "қаласiның", "әкімі"])
    }

    @Test func malformedAndEmptyCoNLLUAreReported() throws {
        let root = try directory(with: [
            "bad.conllu": Data("# text = x\n1\tx\tx\n".utf8),
            "comments.conllu": Data("# just a comment\n".utf8),
            "good.conllu": Data(Self.gold.utf8),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let path = { (name: String) in root.appendingPathComponent(name).path }
        let result = try run(["--input-format", "conllu", "--format", "conllu"],
                             inputs: [path("bad.conllu"), path("comments.conllu"), path("good.conllu")])
        #expect(result.failures == 2)
        #expect(result.errors[0].hasPrefix("\(path("bad.conllu")): malformed CoNLL-U (line 2:"))
        #expect(result.errors[1] == "\(path("comments.conllu")): has no CoNLL-U word lines")
        #expect(try CoNLLU.parse(result.output).count == 2)
    }

    @Test func seedsAnalyseToOneJSONObjectEach() throws {
        let inputs = try SeedArticles.paths()
        #expect(inputs.count == 5)
        let result = try run(["--format", "jsonl"], inputs: inputs)
        #expect(result.failures == 0)
        let objects = try result.output.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.count == 5)
        #expect(objects.map { ($0["sentences"] as? [Any])?.count ?? 0 } == [26, 16, 25, 24, 15])
        for object in objects {
            for key in ["id", "language", "text", "sentences", "tokens", "entities", "times", "amounts", "quotes", "meetings", "events"] {
                #expect(object[key] != nil, "missing \(key)")
            }
        }
    }
}
