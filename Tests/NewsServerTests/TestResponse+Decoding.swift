import Foundation
import NIOCore
import TilshiTesting

extension String {
    /// The string percent-encoded for a query value.
    var queryEncoded: String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return addingPercentEncoding(withAllowedCharacters: allowed) ?? self
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    var data: Data { Data(body.readableBytesView) }

    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    func jsonValue() throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }
}
