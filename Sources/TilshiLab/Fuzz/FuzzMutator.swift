import Foundation

/// A small seeded generator (SplitMix64): the same seed gives the same mutations on every machine, so a failure found
/// by a run is found again by running it with the same seed and count.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The mutations of the fuzzing loop: each takes the input's bytes and returns them changed in one hostile way.
///
/// They aim at what broke Tilshi before or could: scalars whose NFC form is longer than themselves (offset maps),
/// deep nesting (recursion in readers), storms of «» (quadratic quotation matching), one huge token, invalid UTF-8
/// and truncation inside a sequence (the input validation), and markup or JSON syntax in the wrong place.
struct FuzzMutator {
    /// The kinds of mutation.
    enum Kind: CaseIterable {
        case flipBit, insertHostileScalar, insertExpandingScalar, nest, hugeToken, invalidUTF8, truncate,
             guillemetStorm, splice, duplicate, delete, insertSyntax, newlineStorm, speech
    }

    /// Kinds drawn from, with weights: the three that make most inputs invalid UTF-8 (a bit flip in Cyrillic text, a bad
    /// sequence, a cut inside a sequence) are drawn less often, so most inputs get past validation into the readers.
    static let weightedKinds: [Kind] = Kind.allCases.flatMap { kind -> [Kind] in
        switch kind {
        case .flipBit, .invalidUTF8, .truncate: return [kind]
        default: return [kind, kind, kind]
        }
    }

    /// Largest input a mutation leaves (bytes); longer results are cut, so one execution stays short.
    let maximumBytes: Int
    /// Other inputs to splice from.
    let corpus: [[UInt8]]

    /// Code points that are no letters yet appear in text and broke offset handling somewhere, some time.
    static let hostileScalars: [Unicode.Scalar] = [
        "\u{200D}", "\u{200C}", "\u{200B}", "\u{2060}", "\u{FEFF}", "\u{FFFD}", "\u{FFFE}", "\u{0301}", "\u{0336}", "\u{20DD}",
        "\u{202E}", "\u{202D}", "\u{2028}", "\u{2029}", "\u{0085}", "\u{000B}", "\u{000C}", "\r", "\t", "\u{00A0}", "\u{3000}",
        "\u{E000}", "\u{F8FF}", "\u{E0001}", "\u{E007F}", "\u{1F1F0}", "\u{1F1FF}", "\u{1F468}", "\u{1F3FB}", "\u{FE0F}",
        "«", "»", "„", "“", "”", "\"", "'", "-", "–", "—", "…", ".", "!", "?", ":", ";", ",", "(", ")", "[", "]", "/",
        "\u{0130}", "\u{0131}", "\u{00DF}", "\u{1E9E}", "\u{FB03}", "\u{0149}", "\u{01F0}", "\u{0390}", "\u{1F80}",
        "\u{04D8}", "\u{04D9}", "\u{0406}", "\u{0456}", "\u{04A2}", "\u{04E8}", "\u{04AE}", "\u{04B0}", "\u{049A}",
        "0", "9", "%", "$", "№", "\u{2116}", "\u{00BD}", "\u{2155}", "\u{0660}", "\u{FF10}",
    ]

    /// Every scalar below U+20000 whose NFC form has more scalars than itself (U+2ADC, U+1D15E…), found by asking
    /// Foundation once (U+0344, U+0958… and the musical symbols; the later planes have none).
    static let expandingScalars: [Unicode.Scalar] = (0x80..<0x20000).compactMap { value -> Unicode.Scalar? in
        guard let scalar = Unicode.Scalar(value), !scalar.properties.isNoncharacterCodePoint else { return nil }
        return String(Character(scalar)).precomposedStringWithCanonicalMapping.unicodeScalars.count > 1 ? scalar : nil
    }

    /// Snippets of markup, JSON and feed syntax inserted where they do not belong.
    static let syntax: [String] = [
        "<![CDATA[", "]]>", "<!--", "-->", "&amp;", "&#x1D160;", "&#0;", "&#xFFFFFFFF;", "&#99999999999;", "&nbsp;", "&",
        "<script>", "</script>", "<style>", "<p>", "</p>", "<br/>", "<item>", "</item>", "<entry>", "</entry>",
        "<title>", "</title>", "<description>", "<content type=\"html\">", "<?xml version=\"1.0\"?>", "<!DOCTYPE x [<!ENTITY a \"b\">]>",
        "<meta property=\"article:published_time\" content=\"", "\" />", "<a href=\"javascript:x\">",
        "{", "}", "[", "]", "\"text\":", "\"published\":\"2025-13-45\"", "\"id\":1e999", "\\u0000", "\\ud800", "\\", "\":\"", "null",
        "\u{0000}", "2025-10-05T25:61:00Z", "12.11.2025", "сағат 25.99-да", "5 қарашада", "1,8 млрд. теңге", "999999999999999999999",
    ]

    init(corpus: [[UInt8]], maximumBytes: Int = 96 * 1024) {
        self.corpus = corpus
        self.maximumBytes = maximumBytes
    }

    /// `bytes` changed by one mutation of a random kind.
    func mutate(_ bytes: [UInt8], using rng: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        let kind = Self.weightedKinds.randomElement(using: &rng)!
        var position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &rng)
        // Edits land on scalar boundaries (inside a UTF-8 sequence nearly every one would only make the input invalid,
        // which the kinds that aim at that already do), except a quarter of the cuts.
        if kind != .truncate || Int.random(in: 0..<4, using: &rng) != 0 { position = Self.boundary(in: bytes, from: position) }
        func boundary(_ index: Int) -> Int { Self.boundary(in: bytes, from: index) }
        func insert(_ inserted: some Collection<UInt8>) { bytes.insert(contentsOf: inserted, at: position) }
        func utf8(_ scalar: Unicode.Scalar) -> [UInt8] { Array(String(scalar).utf8) }
        switch kind {
        case .flipBit:
            if !bytes.isEmpty {
                let index = Int.random(in: 0..<bytes.count, using: &rng)
                bytes[index] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &rng)
            }
        case .insertHostileScalar:
            let count = [1, 1, 2, 50, 1000].randomElement(using: &rng)!
            let scalar = Self.hostileScalars.randomElement(using: &rng)!
            insert((0..<count).flatMap { _ in utf8(scalar) })
        case .insertExpandingScalar:
            let scalar = Self.expandingScalars.randomElement(using: &rng) ?? "\u{2ADC}"
            let count = [1, 1, 3, 200].randomElement(using: &rng)!
            insert((0..<count).flatMap { _ in utf8(scalar) })
        case .nest:
            let element = ["b", "div", "p", "item", "entry", "content", "span", "description"].randomElement(using: &rng)!
            let depth = [10, 300, 5000, 20000].randomElement(using: &rng)!
            let closed = Bool.random(using: &rng)
            insert(Array((String(repeating: "<\(element)>", count: depth) + "Алматы" + (closed ? String(repeating: "</\(element)>", count: depth) : "")).utf8))
        case .hugeToken:
            let unit = ["а", "Ә", "x", "7", "-", ".", "«", "\u{0301}", "😀", "ab"].randomElement(using: &rng)!
            insert(Array(String(repeating: unit, count: [100, 5000, 30000].randomElement(using: &rng)!).utf8))
        case .invalidUTF8:
            let sequences: [[UInt8]] = [[0xC0], [0xFF], [0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0xC1, 0xBF], [0xF0, 0x9D, 0x85]]
            insert(sequences.randomElement(using: &rng)!)
        case .truncate:
            bytes = Array(bytes.prefix(position))
        case .guillemetStorm:
            let unit = ["«»", "«", "»", "»«", "„“", "\"", "« «", "«»,- деді ол. "].randomElement(using: &rng)!
            insert(Array(String(repeating: unit, count: [10, 1000, 20000].randomElement(using: &rng)!).utf8))
        case .splice:
            if let other = corpus.randomElement(using: &rng), !other.isEmpty {
                let start = Self.boundary(in: other, from: Int.random(in: 0..<other.count, using: &rng))
                let end = Self.boundary(in: other, from: start + Int.random(in: 0...min(4096, other.count - start), using: &rng))
                insert(other[start..<end])
            }
        case .duplicate:
            if !bytes.isEmpty {
                let start = boundary(Int.random(in: 0..<bytes.count, using: &rng))
                let end = boundary(start + Int.random(in: 0...min(2048, bytes.count - start), using: &rng))
                let chunk = Array(bytes[start..<end])
                let times = [1, 2, 20].randomElement(using: &rng)!
                for _ in 0..<times { bytes.insert(contentsOf: chunk, at: min(position, bytes.count)) }
            }
        case .delete:
            if position < bytes.count {
                let end = boundary(position + Int.random(in: 1...min(512, bytes.count - position), using: &rng))
                bytes.removeSubrange(position..<end)
            }
        case .insertSyntax:
            insert(Array(Self.syntax.randomElement(using: &rng)!.utf8))
        case .newlineStorm:
            let unit = ["\n", "\r\n", "\n\n", "\u{2029}", " ", "\t"].randomElement(using: &rng)!
            insert(Array(String(repeating: unit, count: [5, 500, 10000].randomElement(using: &rng)!).utf8))
        case .speech:
            let unit = ["– Бұл жақсы, – деді ол. ", "Министрдің айтуынша, ", ", - деп хабарлады Kazinform.kz. ", "Әкім: «", "» деді. ",
                        "Оның айтуынша, ", "көрмесі өтеді. ", "сағат 11.00-де ", "кездесті. "].randomElement(using: &rng)!
            insert(Array(String(repeating: unit, count: [1, 30, 600].randomElement(using: &rng)!).utf8))
        }
        if bytes.count > maximumBytes {
            var cut = maximumBytes
            while cut > 0, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
            bytes.removeSubrange(cut...)
        }
        return bytes
    }

    /// The first index at or after `index` that starts a UTF-8 sequence (or the end).
    static func boundary(in bytes: [UInt8], from index: Int) -> Int {
        var index = min(max(0, index), bytes.count)
        while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
        return index
    }
}
