import Foundation
import Testing
import TextModel

/// The pieces a long document's JSON is assembled from (skeleton, per-layer elements, a chunked re-indenter) give
/// exactly the bytes of the whole document's ``Document/jsonLine()`` and ``Document/prettyJSON(level:)``.
@Suite struct DocumentJSONStreamTests {
    /// The skeleton around every layer's elements, for a document with each layer and one with none.
    @Test func skeletonAndLayerElementsMakeTheJSONLine() {
        for document in [DocumentPrettyJSONTests.document(id: "id/1"), Document(id: "", text: "")] {
            let skeleton = Document.jsonSkeleton(id: document.id, text: document.text, metadata: document.metadata, language: document.language)
            #expect(skeleton.count == JSONLayer.allCases.count + 1)
            var assembled: [UInt8] = []
            for layer in JSONLayer.allCases {
                assembled += skeleton[layer.rawValue]
                assembled += document.jsonElements(of: layer)
            }
            assembled += skeleton[JSONLayer.allCases.count]
            #expect(String(decoding: assembled, as: UTF8.self) == document.jsonLine())
        }
    }

    /// Elements of two halves of a layer joined by a comma are the elements of the whole layer (how pieces append).
    @Test func layerElementsOfPiecesJoinWithACommaIntoTheWholeLayer() {
        let whole = DocumentPrettyJSONTests.document(id: "a")
        var first = whole, second = whole
        first.tokens = Array(whole.tokens.prefix(1))
        second.tokens = Array(whole.tokens.dropFirst())
        #expect(first.jsonElements(of: .tokens) + [UInt8(ascii: ",")] + second.jsonElements(of: .tokens) == whole.jsonElements(of: .tokens))
        #expect(Document(id: "e", text: "").jsonElements(of: .entities).isEmpty)
    }

    /// Fed in chunks of every size from 1 byte (cutting strings, escapes and multi-byte letters), the stream lays the
    /// JSON out byte for byte as the whole-string re-indenter does, at each nesting level.
    @Test func chunkedReindentingEqualsTheWholeStringReindenting() {
        let documents = [DocumentPrettyJSONTests.document(id: "x\"{[,:]}"), Document(id: "", text: "")]
        for document in documents {
            let compact = Array(document.jsonLine().utf8)
            for level in [0, 1] {
                let expected = document.prettyJSON(level: level)
                for size in [1, 2, 3, 5, 64, compact.count] {
                    var stream = PrettyJSONStream(level: level)
                    var out: [UInt8] = []
                    var start = 0
                    while start < compact.count {
                        let end = min(compact.count, start + size)
                        stream.feed(compact[start..<end], into: &out)
                        start = end
                    }
                    stream.finish(into: &out)
                    #expect(String(decoding: out, as: UTF8.self) == expected, "level \(level), chunks of \(size)")
                }
            }
        }
        var stream = PrettyJSONStream()
        var out: [UInt8] = []
        stream.feed(Array(#"{"a":[],"b":{},"c":[1,{"d":"x\"}{,:"}]}"#.utf8), into: &out)
        #expect(String(decoding: out, as: UTF8.self) == PrettyJSON.reindent(#"{"a":[],"b":{},"c":[1,{"d":"x\"}{,:"}]}"#))
    }
}
