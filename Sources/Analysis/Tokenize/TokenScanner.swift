public import KazakhData
public import TextModel

/// Finds token boundaries in a buffer of Unicode scalars, following UD Kazakh KTB conventions.
///
/// One left-to-right pass, no regular expressions, no `Character`s. At each non-space scalar the
/// scanner tries, in order: a web address or e-mail (ASCII start only), a `#hashtag`/`@handle`,
/// a dotted abbreviation (`т.б.`, `б.з.б.`), a word or number with its joiners, an emoji sequence,
/// a run of full stops (`...`), and finally a single punctuation mark or symbol.
///
/// Conventions (checked against `kk_ktb-dev.conllu`):
/// - hyphenated words and suffixed numbers/acronyms are one token: `сондай-ақ`, `55-ші`, `ЮНЕСКО-ның`,
///   `13%-ға`, `11.00-де`; after a number only a listed ending joins, so a range is three tokens, as KTB
///   writes `2008` `-` `2009`, and so is `15-жылдығы` (`15` `-` `жылдығы`);
/// - `...` is one token, but `?!`, `..` and `?..` are one token per mark, as in KTB;
/// - decimals, times, scores and dates are one token: `1,8`, `11.00`, `11:00`, `05.11.2016`; `13%` is one
///   token; digit groups separated by spaces (`1 000`) stay separate tokens;
/// - a hyphen with a space after it is a token of its own (`тарихи- мәдени` → `тарихи` `-` `мәдени`), except
///   after a number before an ending (below);
/// - a single upper-case letter with its dot is an initial (`Б.` `Байбек`); listed abbreviations keep
///   their dot (`млрд.`, `ж.`, `т.б.`);
/// - a number whose hyphen is followed by a stray space and a case/ordinal ending is one token
///   `90- шы` (norm `90-шы`), so later stages see the ordinal;
/// - a participle with `емес`/`жоқ`/`екен` is one token with a space (`болған емес`), as in KTB;
/// - quotes, brackets, dashes and commas are always tokens of their own;
/// - kinds: `url` for web addresses and `@handles`, `email`, `word` for `#hashtags`, `symbol` for emoji
///   sequences (with skin tones, ZWJ sequences and flags) and other symbols, `abbreviation` for listed dotted
///   abbreviations and upper-case acronyms (`ҚР`, `ЮНЕСКО-ның`), `initial` for `Б.`.
public struct TokenScanner: Sendable {
    /// A token found in the scanned buffer: scalar range and shape class.
    public struct Match: Sendable, Equatable {
        /// Start offset in Unicode scalars of the scanned buffer.
        public var start: Int
        /// End offset (exclusive) in Unicode scalars of the scanned buffer.
        public var end: Int
        /// The token's shape class.
        public var kind: TokenKind
        /// True when the token spans a stray space that its norm drops (`90- шы` → `90-шы`).
        public var dropsInnerSpace: Bool
    }

    let exceptions: TokenizerExceptions
    /// Participle endings of analytic verb forms as scalars, and their last scalars (a cheap first test).
    let participleEndings: [[Unicode.Scalar]]
    let participleFinals: Set<Unicode.Scalar>

    /// Creates a scanner with the abbreviation and participle lists of `exceptions`.
    public init(exceptions: TokenizerExceptions = .shared) {
        self.exceptions = exceptions
        participleEndings = exceptions.participleEndings.map { Array($0.unicodeScalars) }.filter { !$0.isEmpty }
        participleFinals = Set(participleEndings.map { $0[$0.count - 1] })
    }

    /// Every token in `s`, in order.
    public func scan(_ s: [Unicode.Scalar]) -> [Match] {
        var matches: [Match] = []
        matches.reserveCapacity(s.count / 6 + 4)
        let n = s.count
        var i = 0
        var noAddressBefore = 0
        while i < n {
            let c = s[i]
            if ScalarClass.isSpace(c) {
                i += 1
                continue
            }
            let match = next(s, at: i, noAddressBefore: &noAddressBefore)
            matches.append(match)
            i = match.end
        }
        return matches
    }

    /// The token that starts at `i` (a non-space scalar).
    func next(_ s: [Unicode.Scalar], at i: Int, noAddressBefore: inout Int) -> Match {
        let c = s[i]
        if ScalarClass.isASCIIAlphanumeric(c), let web = webAddress(s, at: i, noAddressBefore: &noAddressBefore) {
            return web
        }
        if (c == "#" || c == "@"), i + 1 < s.count, ScalarClass.isLetter(s[i + 1]) {
            var end = i + 1
            while end < s.count, ScalarClass.isWordScalar(s[end]) || s[end] == "_" { end += 1 }
            return Match(start: i, end: end, kind: c == "#" ? .word : .url, dropsInnerSpace: false)
        }
        if ScalarClass.isWordScalar(c) {
            if let end = multiDotAbbreviation(s, at: i) {
                return Match(start: i, end: end, kind: .abbreviation, dropsInnerSpace: false)
            }
            return word(s, at: i)
        }
        if ScalarClass.isTerminal(c) {
            // An ellipsis of three or more full stops is one token; KTB writes "?!" and "?.." mark by mark.
            var end = i + 1
            if c == "." {
                var dots = i
                while dots < s.count, s[dots] == "." { dots += 1 }
                if dots - i >= 3 { end = dots }
            }
            return Match(start: i, end: end, kind: .punctuation, dropsInnerSpace: false)
        }
        if c == "-" {
            var end = i + 1
            while end < s.count, s[end] == "-" { end += 1 }
            return Match(start: i, end: end, kind: .punctuation, dropsInnerSpace: false)
        }
        // A percent sign written apart from its number still takes the ending: "5 %-ке".
        if c == "%", i + 2 < s.count, ScalarClass.isHyphen(s[i + 1]), let end = numberSuffixEnd(s, from: i + 2) {
            return Match(start: i, end: end, kind: .symbol, dropsInnerSpace: false)
        }
        if ScalarClass.isPictograph(c) {
            return Match(start: i, end: emojiEnd(s, after: i), kind: .symbol, dropsInnerSpace: false)
        }
        return Match(start: i, end: i + 1, kind: Self.isPunctuation(c) ? .punctuation : .symbol, dropsInnerSpace: false)
    }

    // MARK: Words and numbers

    /// A word or number starting at `i`, with hyphen/decimal/percent/apostrophe joiners and dotted forms.
    func word(_ s: [Unicode.Scalar], at i: Int) -> Match {
        let n = s.count
        var j = i
        var dropsInnerSpace = false
        scanning: while true {
            while j < n, ScalarClass.isWordScalar(s[j]) { j += 1 }
            guard j < n else { break }
            let x = s[j]
            let previous = s[j - 1]
            let following: Unicode.Scalar? = j + 1 < n ? s[j + 1] : nil
            if ScalarClass.isHyphen(x) {
                if let following, ScalarClass.isWordScalar(following) {
                    if ScalarClass.isDigit(previous) || previous == "%" {
                        // After a number only an ending joins ("55-ші", "60-тан", "13%-ға"); KTB writes a range
                        // ("2008 - 2009") and a number before a word ("15 - жылдығының") as three tokens.
                        guard let end = numberSuffixEnd(s, from: j + 1) else { break }
                        j = end
                        break
                    }
                    j += 1
                    continue
                }
                if ScalarClass.isDigit(previous) || previous == "%", let end = spacedNumberSuffix(s, hyphenAt: j) {
                    j = end
                    dropsInnerSpace = true
                    break
                }
                break
            }
            if (x == "." || x == "," || x == ":"), ScalarClass.isDigit(previous), let following, ScalarClass.isDigit(following) {
                j += 1
                continue
            }
            if x == "%", ScalarClass.isDigit(previous) {
                j += 1
                continue scanning
            }
            // Invisible format marks inside a word (soft hyphen, zero-width joiners) do not split it.
            if ScalarClass.isInvisibleJoiner(x), let following, ScalarClass.isWordScalar(following) {
                j += 1
                continue
            }
            if ScalarClass.isApostrophe(x), ScalarClass.isLetter(previous), let following, ScalarClass.isLetter(following) {
                j += 1
                continue
            }
            break
        }
        // A dot right after the word: initial, listed abbreviation, or plain full stop.
        if j < n, s[j] == ".", !dropsInnerSpace {
            if j - i == 1, ScalarClass.isUppercase(s[i]) {
                return Match(start: i, end: j + 1, kind: .initial, dropsInnerSpace: false)
            }
            if j - i <= 8, ScalarClass.isLetter(s[j - 1]), exceptions.abbreviations[lowered(s, i, j + 1)] != nil {
                return Match(start: i, end: j + 1, kind: .abbreviation, dropsInnerSpace: false)
            }
        }
        if !dropsInnerSpace, let end = analyticVerbForm(s, wordStart: i, wordEnd: j) {
            return Match(start: i, end: end, kind: .word, dropsInnerSpace: false)
        }
        return Match(start: i, end: j, kind: dropsInnerSpace ? .number : wordKind(s, i, j), dropsInnerSpace: dropsInnerSpace)
    }

    /// `number`, `abbreviation` (an upper-case acronym such as `ҚР`, `ЮНЕСКО-ның`) or `word`.
    func wordKind(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> TokenKind {
        if ScalarClass.isDigit(s[start]) { return .number }
        var letters = 0
        var k = start
        while k < end, !ScalarClass.isHyphen(s[k]) {
            if !ScalarClass.isLetter(s[k]) { return .word }
            if !ScalarClass.isUppercase(s[k]) { return .word }
            letters += 1
            k += 1
        }
        return letters >= 2 && letters <= 6 ? .abbreviation : .word
    }

    /// End of `N- шы`: a hyphen, horizontal spaces, then a listed ending followed by a word boundary.
    func spacedNumberSuffix(_ s: [Unicode.Scalar], hyphenAt h: Int) -> Int? {
        var k = h + 1
        while k < s.count, ScalarClass.isSpace(s[k]), !ScalarClass.isLineBreak(s[k]) { k += 1 }
        guard k > h + 1, k - h <= 3 else { return nil }
        return numberSuffixEnd(s, from: k)
    }

    /// End of the letters from `k` when they form a number ending followed by a word boundary: a listed ending,
    /// or a longer stack of endings that begins with a listed ending of three letters or more (`ншісіне`).
    /// A short listed ending at the start of a whole word (`ке` in `кезеңінің`) does not count.
    func numberSuffixEnd(_ s: [Unicode.Scalar], from k: Int) -> Int? {
        var end = k
        while end < s.count, ScalarClass.isLetter(s[end]) { end += 1 }
        guard end > k, end - k <= 8, end == s.count || !ScalarClass.isWordScalar(s[end]) else { return nil }
        let ending = lowered(s, k, end)
        if exceptions.numberSuffixes.contains(ending) { return end }
        var prefix = ""
        for (count, scalar) in ending.unicodeScalars.enumerated() {
            prefix.unicodeScalars.append(scalar)
            if count + 1 >= 3, exceptions.numberSuffixes.contains(prefix) { return end }
        }
        return nil
    }

    /// End of `болған емес`: the word ends in a listed participle ending and one space precedes a listed auxiliary.
    func analyticVerbForm(_ s: [Unicode.Scalar], wordStart: Int, wordEnd: Int) -> Int? {
        guard wordEnd + 1 < s.count, s[wordEnd] == " ", wordEnd - wordStart >= 4,
              ScalarClass.isLowercase(s[wordEnd + 1]) else { return nil }
        guard participleFinals.contains(s[wordEnd - 1]) else { return nil }
        let matched = participleEndings.contains { ending in
            ending.count < wordEnd - wordStart && s[(wordEnd - ending.count)..<wordEnd].elementsEqual(ending)
        }
        guard matched else { return nil }
        var end = wordEnd + 1
        while end < s.count, ScalarClass.isLetter(s[end]) { end += 1 }
        guard end - wordEnd <= 12, end == s.count || !ScalarClass.isWordScalar(s[end]) && !ScalarClass.isHyphen(s[end]) else {
            return nil
        }
        return exceptions.analyticAuxiliaries.contains(lowered(s, wordEnd + 1, end)) ? end : nil
    }

    /// End of a listed abbreviation with inner dots (`т.б.`, `т.с.с.`, `б.з.б.`, `e.g.`) starting at `i`.
    func multiDotAbbreviation(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        guard i + 2 < s.count, s[i + 1] == "." || (i + 2 < s.count && s[i + 2] == "."),
              ScalarClass.isLowercase(s[i]) else { return nil }
        candidates: for candidate in exceptions.multiDotAbbreviations {
            let end = i + candidate.count
            guard end <= s.count else { continue }
            for (offset, expected) in candidate.enumerated() where ScalarClass.lowered(s[i + offset]) != expected {
                continue candidates
            }
            if end < s.count, ScalarClass.isWordScalar(s[end]) { continue }
            return end
        }
        return nil
    }

    // MARK: Web addresses

    /// A URL (`https://…`, `www.…`, `Almaty.tv`) or an e-mail address starting at `i`.
    ///
    /// `noAddressBefore` remembers how far a failed look reached: a later start inside the same run of
    /// address characters would fail the same way, so it is not looked at again (keeps long runs linear).
    func webAddress(_ s: [Unicode.Scalar], at i: Int, noAddressBefore: inout Int) -> Match? {
        let n = s.count
        let limit = min(n, i + Self.maximumAddressLength)
        if hasPrefix(s, i, "http://") || hasPrefix(s, i, "https://") || hasPrefix(s, i, "ftp://") || hasPrefix(s, i, "www.") {
            return Match(start: i, end: trimmedAddressEnd(s, i, addressRunEnd(s, from: i, limit: limit)), kind: .url, dropsInnerSpace: false)
        }
        guard i >= noAddressBefore else { return nil }
        var k = i
        while k < limit, ScalarClass.isASCIIAlphanumeric(s[k]) || s[k] == "." || s[k] == "_" || s[k] == "-" || s[k] == "+" { k += 1 }
        if k < n, s[k] == "@", let domainEnd = domain(s, at: k + 1, requireKnownTLD: false) {
            return Match(start: i, end: domainEnd, kind: .email, dropsInnerSpace: false)
        }
        guard let domainEnd = domain(s, at: i, requireKnownTLD: true) else {
            noAddressBefore = k
            return nil
        }
        var end = domainEnd
        if end < n, s[end] == "/" {
            end = trimmedAddressEnd(s, i, addressRunEnd(s, from: end, limit: limit))
        }
        // A Kazakh case ending on an address: "Almaty.tv-ға".
        if end < n, ScalarClass.isHyphen(s[end]), end + 1 < n, ScalarClass.isLetter(s[end + 1]), !ScalarClass.isASCIILetter(s[end + 1]) {
            end += 1
            while end < n, ScalarClass.isLetter(s[end]) { end += 1 }
        }
        return Match(start: i, end: end, kind: .url, dropsInnerSpace: false)
    }

    /// End of the run of scalars an address may span: up to a space, a quotation mark or an angle bracket.
    func addressRunEnd(_ s: [Unicode.Scalar], from start: Int, limit: Int) -> Int {
        var end = start
        while end < limit {
            let c = s[end]
            if ScalarClass.isSpace(c) || c == "«" || c == "»" || c == "\"" || c == "“" || c == "”" || c == "<" || c == ">" { break }
            end += 1
        }
        return end
    }

    /// Longest web address or e-mail recognised, in scalars.
    static let maximumAddressLength = 1024

    /// End of `label(.label)+` in ASCII letters, digits and hyphens, ending in a known TLD when asked.
    func domain(_ s: [Unicode.Scalar], at start: Int, requireKnownTLD: Bool) -> Int? {
        let n = min(s.count, start + Self.maximumAddressLength)
        var k = start
        var labels = 0
        var lastLabelStart = start
        while true {
            let labelStart = k
            while k < n, ScalarClass.isASCIIAlphanumeric(s[k]) || (s[k] == "-" && k > labelStart) { k += 1 }
            guard k > labelStart else { return nil }
            labels += 1
            lastLabelStart = labelStart
            if k + 1 < n, s[k] == ".", ScalarClass.isASCIIAlphanumeric(s[k + 1]) {
                k += 1
                continue
            }
            break
        }
        guard labels >= 2 else { return nil }
        if k < n, ScalarClass.isLetter(s[k]) { return nil }
        if requireKnownTLD {
            let tld = lowered(s, lastLabelStart, k)
            guard exceptions.topLevelDomains.contains(tld), !ScalarClass.isDigit(s[lastLabelStart]) else { return nil }
        } else if !ScalarClass.isASCIILetter(s[lastLabelStart]) {
            return nil
        }
        return k
    }

    /// End of an address with trailing sentence punctuation and unbalanced closing brackets removed.
    func trimmedAddressEnd(_ s: [Unicode.Scalar], _ start: Int, _ runEnd: Int) -> Int {
        var end = runEnd
        var opened = 0
        for k in start..<runEnd where s[k] == "(" { opened += 1 }
        while end > start {
            let last = s[end - 1]
            if last == ")" && opened > 0 { break }
            if last == "." || last == "," || last == ";" || last == ":" || last == "!" || last == "?" || last == ")"
                || last == "'" || last == "’" || last == "…" {
                end -= 1
            } else {
                break
            }
        }
        return end
    }

    // MARK: Helpers

    func emojiEnd(_ s: [Unicode.Scalar], after i: Int) -> Int {
        var end = i + 1
        while end < s.count {
            let v = s[end].value
            if v == 0xFE0F || v == 0xFE0E || (v >= 0x1F3FB && v <= 0x1F3FF) || (v >= 0xE0020 && v <= 0xE007F) {
                end += 1
            } else if v == 0x200D, end + 1 < s.count {
                end += 2
            } else if v >= 0x1F1E6 && v <= 0x1F1FF && s[end - 1].value >= 0x1F1E6 && s[end - 1].value <= 0x1F1FF && end - i == 1 {
                end += 1  // second regional indicator of a flag
            } else {
                break
            }
        }
        return end
    }

    func hasPrefix(_ s: [Unicode.Scalar], _ i: Int, _ prefix: StaticString) -> Bool {
        var k = i
        var matched = true
        prefix.withUTF8Buffer { bytes in
            for byte in bytes {
                guard k < s.count, ScalarClass.lowered(s[k]).value == UInt32(byte) else {
                    matched = false
                    return
                }
                k += 1
            }
        }
        return matched
    }

    func lowered(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        for k in start..<end { view.append(ScalarClass.lowered(s[k])) }
        return String(view)
    }

    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            switch s {
            case "!", "\"", "'", "(", ")", ",", "-", ".", ":", ";", "?", "[", "]", "{", "}", "_", "/", "\\", "*", "&", "#", "@", "%":
                return true
            default: return false
            }
        }
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
