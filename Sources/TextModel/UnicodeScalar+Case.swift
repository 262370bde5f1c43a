extension Unicode.Scalar {
    /// The lower-case scalar, with table-free fast paths for ASCII and Cyrillic (Kazakh letters included)
    /// because nearly every scalar the analysers see is one of those; other scalars use the Unicode tables.
    /// Only single-scalar mappings apply (e.g. `İ` keeps itself rather than becoming two scalars).
    @inlinable
    public var fastLowercase: Unicode.Scalar {
        let v = value
        switch v {
        case 0x41...0x5A, 0x410...0x42F: return Unicode.Scalar(v + 0x20)!
        case 0x400...0x40F: return Unicode.Scalar(v + 0x50)!
        // Latin-1 punctuation and symbols (« » № ° NBSP) and general punctuation (— “ ” …): no case.
        case 0x0...0x7F, 0x430...0x45F, 0x482...0x489, 0x4CF, 0xA0...0xBF, 0x2010...0x205E: return self
        // Ӏ/ӏ is the one pair of the Cyrillic extensions that is not adjacent.
        case 0x4C0: return Unicode.Scalar(0x4CF)!
        // Historic and Kazakh letters (Ә ә, Ғ ғ, Қ қ, Ң ң, Ө ө, Ұ ұ, Ү ү, Һ һ) alternate upper/lower; from U+04C1 to
        // U+04CE the upper-case letters sit on odd code points.
        case 0x4C1...0x4CE: return v % 2 == 1 ? Unicode.Scalar(v + 1)! : self
        case 0x460...0x4FF: return v % 2 == 0 ? Unicode.Scalar(v + 1)! : self
        default:
            let mapping = properties.lowercaseMapping.unicodeScalars
            return mapping.count == 1 ? mapping.first! : self
        }
    }
}
