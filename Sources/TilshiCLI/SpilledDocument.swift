import Formats
import Foundation
import Pipeline
import TextModel

/// A long document's `analyze` output, written piece by piece to temporary files and then copied to the output.
///
/// A document longer than ``Pipeline/maximumPieceScalars`` is analysed in pieces; merged, its tokens alone take
/// about 100 bytes of memory per byte of text (a 64 MiB input would need gigabytes), and its JSON holds the layers in
/// key order with the tokens last. So each piece's layers go, as compact JSON elements, to one file per layer (or as
/// CoNLL-U sentences, or the text report's sentences, to one file; the text report keeps the facts its summary needs
/// first, but not the tokens), and only the current piece is in memory; the output is then assembled from the
/// files in order, re-indented on the fly for `--format json`. The bytes are those of the merged document's
/// rendering. The files live in a fresh temporary folder removed when the value is released.
final class SpilledDocument: Sendable {
    /// What the spill holds: JSON layers (written as `json` or `jsonl`), CoNLL-U text, or the sentences of the
    /// `text` report (its facts stay in memory: the summary before the sentences needs all of them).
    enum Kind: Sendable, Equatable { case json, conllu, text(summaryOnly: Bool) }

    let kind: Kind
    let id: String
    let text: String
    let metadata: DocumentMetadata
    let language: Language
    /// The fact layers (entities, times, amounts, quotes, meetings, events) of a `text` spill, with the counts of
    /// sentences and tokens its first line gives.
    private let facts: Document?
    private let sentences: Int
    private let tokens: Int
    private let folder: URL

    /// Bytes copied from a file to the output at a time.
    private static let chunkBytes = 1 << 20

    /// Analyses `text` with `pipeline` piece by piece, spilling each piece's output; throws a failure naming `input`
    /// when the temporary files cannot be written (a full disk): nothing partial is ever printed.
    init(id: String, text: String, metadata: DocumentMetadata, pipeline: Pipeline, kind: Kind, input: String) throws {
        self.kind = kind
        self.id = id
        self.text = text
        self.metadata = metadata
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tilshi-analyze-\(UUID().uuidString)", isDirectory: true)
        self.folder = folder
        var facts: Document?
        var sentences = 0, tokens = 0
        var language = Language.other
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            switch kind {
            case .text(let summaryOnly):
                let file = try Self.create(folder.appendingPathComponent("text"))
                defer { try? file.close() }
                var gathered = Document(id: id, text: "", metadata: metadata)
                language = try pipeline.analyzePieces(id: id, text: text, metadata: metadata) { piece in
                    if !summaryOnly {
                        var out = ""
                        TextReport.appendSentences(of: piece.document, firstNumber: sentences + 1, offset: piece.scalarOffset, to: &out)
                        try file.write(contentsOf: Data(out.utf8))
                    }
                    sentences += piece.document.sentences.count
                    tokens += piece.document.tokens.count
                    let shifted = piece.shiftedLayers
                    gathered.entities += shifted.entities
                    gathered.times += shifted.times
                    gathered.amounts += shifted.amounts
                    gathered.quotes += shifted.quotes
                    gathered.meetings += shifted.meetings
                    gathered.events += shifted.events
                }
                gathered.language = language
                facts = gathered
            case .conllu:
                let file = try Self.create(folder.appendingPathComponent("conllu"))
                defer { try? file.close() }
                language = try pipeline.analyzePieces(id: id, text: text, metadata: metadata) { piece in
                    let formatted = CoNLLU.format(CoNLLU.sentences(of: piece.document, firstNumber: sentences + 1))
                    sentences += piece.document.sentences.count
                    try file.write(contentsOf: Data(formatted.utf8))
                }
            case .json:
                let files = try JSONLayer.allCases.map { try Self.create(folder.appendingPathComponent("\($0)")) }
                defer { for file in files { try? file.close() } }
                var started = [Bool](repeating: false, count: files.count)
                language = try pipeline.analyzePieces(id: id, text: text, metadata: metadata) { piece in
                    let shifted = piece.shiftedLayers
                    for layer in JSONLayer.allCases {
                        var bytes = shifted.jsonElements(of: layer)
                        guard !bytes.isEmpty else { continue }
                        if started[layer.rawValue] { bytes.insert(UInt8(ascii: ","), at: 0) }
                        started[layer.rawValue] = true
                        try files[layer.rawValue].write(contentsOf: bytes)
                    }
                }
            }
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw TextInput.Failure(input: input, reason: "cannot write the temporary output of a long document in \(folder.deletingLastPathComponent().path) (\(error.localizedDescription))")
        }
        self.language = language
        self.facts = facts
        self.sentences = sentences
        self.tokens = tokens
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    private static func create(_ url: URL) throws -> FileHandle {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        return try FileHandle(forWritingTo: url)
    }

    /// Writes the output through `write`: CoNLL-U as it is; JSON as one compact line with its newline when `level`
    /// is nil (`jsonl`), else laid out as `.prettyPrinted` JSON `level` containers deep, without a final newline.
    func write(level: Int?, to write: (String) -> Void) throws {
        var output = UTF8Chunks()
        switch kind {
        case .text(let summaryOnly):
            guard let facts else { return }
            guard !summaryOnly else { return write(TextReport.summary(facts) + "\n") }
            write(TextReport.head(facts, sentences: sentences, tokens: tokens))
            try copy("text") { write(output.take($0)) }
            write(TextReport.facts(facts))
        case .conllu:
            try copy("conllu") { write(output.take($0)) }
        case .json:
            var pretty = level.map { PrettyJSONStream(level: $0) }
            var laidOut: [UInt8] = []
            func emit(_ bytes: some Collection<UInt8>) {
                guard var stream = pretty else { return write(output.take(bytes)) }
                laidOut.removeAll(keepingCapacity: true)
                stream.feed(bytes, into: &laidOut)
                pretty = stream
                write(output.take(laidOut))
            }
            // The text goes out escaped chunk by chunk, not as one escaped copy in the skeleton: the skeleton is made
            // with an empty text, split at its `""`.
            let skeleton = Document.jsonSkeleton(id: id, text: "", metadata: metadata, language: language)
            for layer in JSONLayer.allCases {
                let part = skeleton[layer.rawValue]
                if layer.rawValue == JSONLayer.times.rawValue, let quotes = Self.emptyString(in: part) {
                    emit(part[..<(quotes + 1)])
                    var utf8 = text.utf8[...]
                    while !utf8.isEmpty {
                        emit(Self.jsonEscaped(utf8.prefix(Self.chunkBytes)))
                        utf8 = utf8.dropFirst(Self.chunkBytes)
                    }
                    emit(part[(quotes + 1)...])
                } else {
                    emit(part)
                }
                try copy("\(layer)") { emit($0) }
            }
            emit(skeleton[JSONLayer.allCases.count])
            if level == nil { write("\n") }
        }
        write(output.take([]))
    }

    /// The index of the opening quote of the empty string (the text's) in the skeleton part `],"text":"",…`.
    private static func emptyString(in part: [UInt8]) -> Int? {
        let key = Array(#""text":"""#.utf8)
        guard part.count >= key.count else { return nil }
        for start in 0...(part.count - key.count) where part[start..<(start + key.count)].elementsEqual(key) {
            return start + key.count - 2
        }
        return nil
    }

    /// UTF-8 bytes escaped as the document's JSON writer escapes a string's (quotes, backslashes, control
    /// characters), without the surrounding quotes; escaping is byte by byte, so any cut of the text escapes alike.
    static func jsonEscaped(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        let hex = Array("0123456789abcdef".utf8)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): out += [0x5C, 0x22]
            case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x08: out += [0x5C, UInt8(ascii: "b")]
            case 0x0C: out += [0x5C, UInt8(ascii: "f")]
            case 0..<0x20: out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        return out
    }

    /// Hands the file's contents to `body` in chunks.
    private func copy(_ name: String, _ body: (Data) -> Void) throws {
        let file = try FileHandle(forReadingFrom: folder.appendingPathComponent(name))
        defer { try? file.close() }
        while let chunk = try file.read(upToCount: Self.chunkBytes), !chunk.isEmpty { body(chunk) }
    }
}

/// Cuts a byte stream into strings at character boundaries: a chunk of a file may end inside a multi-byte UTF-8
/// sequence, whose bytes wait for the next chunk instead of becoming replacement characters.
struct UTF8Chunks {
    private var pending: [UInt8] = []

    /// The complete characters of what was pending plus `bytes`; an incomplete sequence at the end stays pending.
    mutating func take(_ bytes: some Collection<UInt8>) -> String {
        pending.append(contentsOf: bytes)
        var cut = pending.count
        var index = pending.count - 1
        while index >= 0 && index >= pending.count - 4 {
            let byte = pending[index]
            if byte & 0xC0 != 0x80 {
                let width = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                if index + width > pending.count { cut = index }
                break
            }
            index -= 1
        }
        let text = String(decoding: pending[0..<cut], as: UTF8.self)
        pending.removeFirst(cut)
        return text
    }
}
