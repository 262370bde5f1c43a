extension String {
    /// A string from Unicode scalars, encoded straight to UTF-8 in one allocation.
    ///
    /// Every layer slices the original text by scalar offsets (``Document/slice(_:_:)``, entity and fact texts);
    /// appending scalars to a `String.UnicodeScalarView` one by one re-checks and grows the storage per scalar, which
    /// made slicing a visible share of the fact stages.
    @inlinable
    public init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        var byteCount = 0
        for scalar in scalars { byteCount += UTF8.width(scalar) }
        guard byteCount > 0 else {
            self = ""
            return
        }
        self.init(unsafeUninitializedCapacity: byteCount) { buffer in
            var index = 0
            for scalar in scalars {
                let value = scalar.value
                switch value {
                case 0..<0x80:
                    buffer[index] = UInt8(value)
                    index += 1
                case 0x80..<0x800:
                    buffer[index] = UInt8(0xC0 | (value >> 6))
                    buffer[index + 1] = UInt8(0x80 | (value & 0x3F))
                    index += 2
                case 0x800..<0x10000:
                    buffer[index] = UInt8(0xE0 | (value >> 12))
                    buffer[index + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
                    buffer[index + 2] = UInt8(0x80 | (value & 0x3F))
                    index += 3
                default:
                    buffer[index] = UInt8(0xF0 | (value >> 18))
                    buffer[index + 1] = UInt8(0x80 | ((value >> 12) & 0x3F))
                    buffer[index + 2] = UInt8(0x80 | ((value >> 6) & 0x3F))
                    buffer[index + 3] = UInt8(0x80 | (value & 0x3F))
                    index += 4
                }
            }
            return index
        }
    }

    /// Lower case through ``Unicode/Scalar/fastLowercase``, working on UTF-8 bytes: ASCII and two-byte Cyrillic
    /// (Kazakh letters included, U+0400–U+04FF) are mapped byte pair by byte pair without decoding the string;
    /// any other upper-case scalar sends the whole string through the scalar path, where a scalar with a multi-scalar
    /// mapping takes that mapping. A string with nothing to lower is returned as it is (shared, no copy).
    public var fastLowercased: String {
        // Bytes read from contiguous storage (native strings always are): the UTF-8 iterator's per-byte checks were
        // most of the cost for the short words the fact stages lower one by one.
        var text = self
        switch text.withUTF8(Self.lowercasedFastBytes) {
        case .unchanged: return self
        case .lowered(let lowered): return lowered
        case .needsScalars: break
        }
        guard unicodeScalars.contains(where: { $0.fastLowercase != $0 || $0.properties.changesWhenLowercased }) else { return self }
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            let lower = scalar.fastLowercase
            if lower == scalar, scalar.properties.changesWhenLowercased {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                result.append(lower)
            }
        }
        return String(result)
    }
}

/// What lowering a string byte by byte found: nothing to change, the lowered string, or a scalar outside ASCII and
/// two-byte Cyrillic that needs the Unicode tables.
private enum FastLowering {
    case unchanged
    case lowered(String)
    case needsScalars
}

extension String {
    /// The byte path of ``fastLowercased``: ASCII and U+0400–U+04FF only.
    fileprivate static func lowercasedFastBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> FastLowering {
        var needsChange = false
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte >= 0x41 && byte <= 0x5A { needsChange = true }
                index += 1
            } else if byte >= 0xD0 && byte <= 0xD3, index + 1 < count {
                let next = bytes[index + 1]
                switch byte {
                // U+0400–U+042F (Ѐ…Я) are upper case, U+0430–U+043F lower.
                case 0xD0: if next <= 0xAF { needsChange = true }
                // U+0440–U+045F are lower case; in U+0460–U+047F the even code points (even bytes) are upper.
                case 0xD1: if next >= 0xA0 && next & 1 == 0 { needsChange = true }
                default:
                    let value = (UInt32(byte & 0x1F) << 6) | UInt32(next & 0x3F)
                    if Unicode.Scalar(value)!.fastLowercase.value != value { needsChange = true }
                }
                index += 2
            } else {
                return .needsScalars
            }
        }
        guard needsChange else { return .unchanged }
        return .lowered(String(unsafeUninitializedCapacity: count) { buffer in
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    buffer[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    index += 1
                } else {
                    let next = bytes[index + 1]
                    let lower = Unicode.Scalar((UInt32(byte & 0x1F) << 6) | UInt32(next & 0x3F))!.fastLowercase.value
                    // Lower-case letters of U+0400–U+04FF stay in that block: two bytes again.
                    buffer[index] = UInt8(0xC0 | (lower >> 6))
                    buffer[index + 1] = UInt8(0x80 | (lower & 0x3F))
                    index += 2
                }
            }
            return index
        })
    }
}
