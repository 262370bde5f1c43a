import KazakhData

/// Flat lookup tables built once from the KazakhData tables, so the normaliser's hot loop does one array
/// read per scalar instead of dictionary or Unicode-property look-ups.
struct NormalizationTables: Sendable {
    /// What pass 1 does with a BMP scalar.
    enum Action: UInt8 {
        case keep = 0, space, newline, drop, doubleQuote, singleQuote, dash, carriageReturn
        /// May need Unicode composition (combining marks, composition singletons): handled by the slow path.
        case compose
    }

    /// Script class of a letter, for homoglyph repair.
    enum Script: UInt8 {
        case none = 0
        /// A Latin letter with no Cyrillic look-alike (evidence for Latin).
        case latinDistinct
        /// A Latin letter that has a Cyrillic look-alike.
        case latinConfusable
        /// A Cyrillic letter with no Latin look-alike (evidence for Cyrillic).
        case cyrillicDistinct
        /// A Cyrillic letter that has a Latin look-alike.
        case cyrillicConfusable
        /// Another letter or a combining mark: part of the word, evidence for neither script.
        case otherLetter
    }

    static let shared = NormalizationTables()

    /// Action per BMP scalar (index = scalar value).
    let actions: [UInt8]
    /// Script class for scalars below ``scriptLimit``.
    let scripts: [UInt8]
    /// Latin → Cyrillic look-alike, indexed by scalar value below ``scriptLimit`` (0 = none).
    let latinToCyrillic: [UInt32]
    /// Cyrillic → Latin look-alike, indexed by scalar value below ``scriptLimit`` (0 = none).
    let cyrillicToLatin: [UInt32]
    static let scriptLimit = 0x530

    init() {
        var actions = [UInt8](repeating: Action.keep.rawValue, count: 0x10000)
        for value in 0x300..<0x10000 where Self.mayCompose(UInt32(value)) {
            actions[value] = Action.compose.rawValue
        }
        for (scalar, kind) in CharacterClasses.table where scalar.value < 0x10000 {
            let action: Action = switch kind {
            case .doubleQuote: .doubleQuote
            case .singleQuote: .singleQuote
            case .dash: .dash
            case .space: .space
            case .newline: .newline
            case .drop: .drop
            }
            actions[Int(scalar.value)] = action.rawValue
        }
        actions[0x0D] = Action.carriageReturn.rawValue
        self.actions = actions

        var scripts = [UInt8](repeating: Script.none.rawValue, count: Self.scriptLimit)
        for value in 0..<Self.scriptLimit {
            scripts[value] = Self.baseScript(UInt32(value)).rawValue
        }
        var latinToCyrillic = [UInt32](repeating: 0, count: Self.scriptLimit)
        var cyrillicToLatin = [UInt32](repeating: 0, count: Self.scriptLimit)
        for pair in Homoglyphs.pairs where pair.latin.value < Self.scriptLimit && pair.cyrillic.value < Self.scriptLimit {
            latinToCyrillic[Int(pair.latin.value)] = pair.cyrillic.value
            cyrillicToLatin[Int(pair.cyrillic.value)] = pair.latin.value
            scripts[Int(pair.latin.value)] = Script.latinConfusable.rawValue
            scripts[Int(pair.cyrillic.value)] = Script.cyrillicConfusable.rawValue
        }
        self.scripts = scripts
        self.latinToCyrillic = latinToCyrillic
        self.cyrillicToLatin = cyrillicToLatin
    }

    /// Script class of a scalar (any plane).
    @inline(__always)
    func script(_ scalar: Unicode.Scalar) -> Script {
        let value = scalar.value
        if value < UInt32(Self.scriptLimit) { return Script(rawValue: scripts[Int(value)])! }
        if value >= 0x2000 && value < 0x2C00 { return .none }  // punctuation, symbols, arrows
        return scalar.properties.isAlphabetic || scalar.properties.canonicalCombiningClass.rawValue != 0 ? .otherLetter : .none
    }

    private static func baseScript(_ value: UInt32) -> Script {
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x250...0x2AF: return .latinDistinct
        case 0x400...0x481, 0x48A...0x52F: return .cyrillicDistinct
        case 0x300...0x36F, 0x483...0x489: return .otherLetter
        default:
            guard let scalar = Unicode.Scalar(value) else { return .none }
            return scalar.properties.isAlphabetic ? .otherLetter : .none
        }
    }

    /// Whether a scalar can change under NFC: combining marks, composition singletons and the "maybe"
    /// starters of scripts that compose (Indic, Tibetan, Myanmar, Hangul jamo, Balinese, Greek extended, CJK
    /// compatibility). A superset of Unicode's NFC_Quick_Check ≠ Yes; the slow path decides exactly.
    static func mayCompose(_ value: UInt32) -> Bool {
        switch value {
        case 0x0340...0x0344, 0x0374, 0x037E, 0x0387: return true
        case 0x0900...0x0DFF, 0x0F00...0x109F, 0x1100...0x11FF, 0x1B00...0x1B7F, 0x1F00...0x1FFF: return true
        case 0x2000, 0x2001, 0x2126, 0x212A, 0x212B, 0x2329, 0x232A, 0x2ADC: return true
        case 0xF900...0xFAFF, 0xFB1D...0xFB4F: return true
        case 0x1D15E...0x1D1C0, 0x2F800...0x2FA1D, 0x11000...0x1134F: return true
        default:
            guard let scalar = Unicode.Scalar(value) else { return false }
            return scalar.properties.canonicalCombiningClass.rawValue != 0
        }
    }
}
