import Foundation
import GRDB

/// How article text is kept in `document.text`: Kazakh text in a one-byte-per-letter code, other text as is.
///
/// In UTF-8 every Cyrillic letter takes two bytes, so a Kazakh article takes about 1.85 bytes a character.
/// Stored as a BLOB that starts with ``marker`` (a byte that never occurs in UTF-8), ASCII keeps its byte,
/// the 95 letters and signs of Kazakh news outside ASCII (the Cyrillic alphabet with the nine Kazakh letters,
/// «», dashes, …) take one byte each, and any other scalar takes the escape byte and its UTF-8. Text that
/// would not get shorter (English, Chinese) stays plain TEXT. The FTS5 tokenizer and every read decode it.
public enum StoredText {
    /// First byte of an encoded text; 0xF5 never starts (or occurs in) valid UTF-8.
    static let marker: UInt8 = 0xF5
    /// Precedes a scalar outside the table, written as its UTF-8 bytes.
    static let escape: UInt8 = 0xFE
    static let firstCode: UInt8 = 0x80

    /// The scalars with a one-byte code (`firstCode + index`), most of the non-ASCII text of Kazakh news.
    static let table: [Unicode.Scalar] = {
        var scalars: [Unicode.Scalar] = (0x0410...0x044F).map { Unicode.Scalar($0)! } // А…я
        let others: [UInt32] = [
            0x0401, 0x0451, // Ё ё
            0x04D8, 0x04D9, 0x0492, 0x0493, 0x049A, 0x049B, 0x04A2, 0x04A3, 0x04E8, 0x04E9, // Ә ә Ғ ғ Қ қ Ң ң Ө ө
            0x04B0, 0x04B1, 0x04AE, 0x04AF, 0x04BA, 0x04BB, 0x0406, 0x0456, // Ұ ұ Ү ү Һ һ І і
            0x00AB, 0x00BB, 0x2014, 0x2013, 0x2026, 0x201C, 0x201D, 0x201E, 0x2019, 0x2116, 0x00A0, // « » — – … “ ” „ ’ № nbsp
        ]
        scalars += others.map { Unicode.Scalar($0)! }
        return scalars
    }()

    static let codes: [UInt32: UInt8] = Dictionary(
        uniqueKeysWithValues: table.enumerated().map { ($0.element.value, firstCode + UInt8($0.offset)) }
    )

    /// Why a stored text could not be decoded.
    public struct Corrupt: Error, CustomStringConvertible {
        /// The document whose text failed to decode, when known.
        public var documentID: Int64?
        /// Byte offset in the stored blob where decoding failed.
        public var offset: Int
        /// The message shown to the user, suggesting a re-ingest.
        public var description: String {
            "the stored text of document #\(documentID.map(String.init) ?? "?") is unreadable (bad byte at \(offset)); re-ingest the document"
        }
    }

    /// The database value for `text`: an encoded BLOB when that is shorter than its UTF-8, the text otherwise.
    static func databaseValue(_ text: String) -> DatabaseValue {
        var bytes: [UInt8] = [marker]
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else if let code = codes[scalar.value] {
                bytes.append(code)
            } else {
                bytes.append(escape)
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        return bytes.count < text.utf8.count ? Data(bytes).databaseValue : text.databaseValue
    }

    /// The text of a `document.text` value (encoded BLOB or plain TEXT).
    static func text(_ value: DatabaseValue, documentID: Int64? = nil) throws -> String {
        switch value.storage {
        case .string(let text):
            return text
        case .blob(let data):
            return try data.withUnsafeBytes { try decode(UnsafeRawBufferPointer($0), documentID: documentID) }
        default:
            throw Corrupt(documentID: documentID, offset: 0)
        }
    }

    /// `stored_text_utf8_length(text)`: the UTF-8 length of a `document.text` value, without decoding it.
    static let utf8LengthFunction = DatabaseFunction("stored_text_utf8_length", argumentCount: 1, pure: true) { values in
        switch values[0].storage {
        case .string(let text): return text.utf8.count
        case .blob(let data):
            return data.withUnsafeBytes { bytes -> Int in
                var length = 0
                var index = 1
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        length += 1
                        index += 1
                    } else if byte == escape, index + 1 < bytes.count {
                        let lead = bytes[index + 1]
                        let width = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                        length += width
                        index += 1 + width
                    } else {
                        let slot = Int(byte &- firstCode)
                        length += slot < table.count ? UTF8.width(table[slot]) : 1
                        index += 1
                    }
                }
                return length
            }
        default: return 0
        }
    }

    /// Whether raw bytes given to the tokenizer are an encoded text rather than UTF-8.
    static func isEncoded(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.first == marker
    }

    static func decode(_ bytes: UnsafeRawBufferPointer, documentID: Int64? = nil) throws -> String {
        guard bytes.first == marker else { throw Corrupt(documentID: documentID, offset: 0) }
        // Decoded straight to UTF-8 bytes and made a String once: appending scalar by scalar to a String was a
        // quarter of a search's CPU time (every hit's text is decoded for its snippet).
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count * 2)
        var index = 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                utf8.append(byte)
                index += 1
            } else if byte == escape {
                // One scalar in UTF-8: its length comes from the lead byte.
                guard index + 1 < bytes.count else { throw Corrupt(documentID: documentID, offset: index) }
                let lead = bytes[index + 1]
                let length = lead < 0xC0 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 0
                guard length > 0, index + 1 + length <= bytes.count,
                      String(validating: bytes[(index + 1)..<(index + 1 + length)], as: UTF8.self) != nil
                else { throw Corrupt(documentID: documentID, offset: index) }
                utf8.append(contentsOf: bytes[(index + 1)..<(index + 1 + length)])
                index += 1 + length
            } else {
                let slot = Int(byte &- firstCode)
                guard slot < tableUTF8.count else { throw Corrupt(documentID: documentID, offset: index) }
                let code = tableUTF8[slot]
                utf8.append(code.0)
                utf8.append(code.1)
                if code.2 != 0 { utf8.append(code.2) }
                index += 1
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The UTF-8 bytes of each ``table`` scalar (two or three; a third byte of 0 means two).
    static let tableUTF8: [(UInt8, UInt8, UInt8)] = table.map { scalar in
        let bytes = Array(String(scalar).utf8)
        return (bytes[0], bytes[1], bytes.count > 2 ? bytes[2] : 0)
    }
}
