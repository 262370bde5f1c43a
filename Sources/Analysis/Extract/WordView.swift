import Foundation
import TextModel

/// A whitespace-delimited word of the document: a run of tokens with no space between them
/// ("11.00-де", "13%-ға", "Б.Байбек", "млрд.", "«Сазген"), with its edge punctuation set aside.
///
/// Fact extractors match over words rather than tokens, so they see "11.00-де" the same way
/// whether the tokeniser made one token of it or five.
struct Word {
    /// Normalised text without edge punctuation ("11.00-де", "Сазген"); empty for a word of punctuation only.
    var core: String
    /// `core`, lower-cased.
    var lower: String
    /// `lower` without a trailing full stop ("млрд." → "млрд").
    var bare: String
    /// Punctuation before the core ("«", "-").
    var leading: String
    /// Punctuation after the core ("»,", ".", ",-").
    var trailing: String
    /// Token index range of the whole word, edge punctuation included.
    var tokens: Range<Int>
    /// Token index range of the core.
    var coreTokens: Range<Int>
    /// Original scalar offsets of the core (of the whole word when the core is empty).
    var start: Int
    var end: Int
    /// Index of the sentence (as segmented by ``WordView``).
    var sentence: Int = 0
    /// ``WordKey`` of `bare`: lexicon lookups compare integers, not Unicode strings.
    var key: UInt64
    /// Whether the core starts with an ASCII digit.
    var startsWithDigit: Bool
    /// Whether a line break separates this word from the previous one.
    var newlineBefore: Bool

    var isPunctuation: Bool { core.isEmpty }
    var isCapitalized: Bool { core.unicodeScalars.first?.isUppercaseFast ?? false }
    /// Whether the word is a dash on its own or ends with a dash ("-", "–", ",-").
    var hasDash: Bool { (core.isEmpty ? leading : trailing).unicodeScalars.contains { WordView.dashes.contains($0) } }
}

/// A 64-bit FNV-1a hash of a word's UTF-8 bytes; lexicon tables are keyed by it so hot loops compare integers.
enum WordKey {
    static func of(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    static func set(_ words: some Sequence<String>) -> KeySet { KeySet(words.map(of)) }
}

/// The words and sentences of a document, built in linear time and shared by the fact stages of one run
/// (see ``shared(for:)``).
struct WordView: Sendable {
    static let dashes: Set<Unicode.Scalar> = ["-", "–", "—", "‒", "−"]
    /// Punctuation that may stay inside a word's core ("%", "$").
    private static let corePunctuation: Set<Unicode.Scalar> = ["%", "$", "€", "£", "№"]

    let words: [Word]
    /// Word index range of each sentence.
    let sentences: [Range<Int>]
    /// For each token, the index of the word that holds it.
    let wordOfToken: [Int]

    init(_ document: Document) {
        let tokens = document.tokens
        var words: [Word] = []
        // At most one word per token: reserved, so the array of large `Word`s is never copied to grow.
        words.reserveCapacity(tokens.count)
        var wordOfToken = [Int](repeating: 0, count: tokens.count)
        var first = 0
        while first < tokens.count {
            var last = first
            while last + 1 < tokens.count, tokens[last].end == tokens[last + 1].start,
                  !Self.splitsGluedWords(tokens, after: last) {
                last += 1
            }
            // Clamped: a gap is read only when the previous token ends before this one starts.
            let newline = first > 0 && tokens[first - 1].end < tokens[first].start
                && document.scalars[tokens[first - 1].end..<tokens[first].start].contains { $0 == "\n" || $0 == "\r" }
            for index in first...last { wordOfToken[index] = words.count }
            words.append(Self.word(tokens, first..<(last + 1), newlineBefore: newline || first == 0))
            first = last + 1
        }
        // Sentences: a break after ".!?…" when the next word starts a sentence, and at every line break.
        var sentences: [Range<Int>] = []
        var sentenceStart = 0
        for index in words.indices {
            let isBreak = index > 0 && (words[index].newlineBefore || Self.endsSentence(words, before: index))
            if isBreak {
                sentences.append(sentenceStart..<index)
                sentenceStart = index
            }
            words[index].sentence = sentences.count
        }
        if sentenceStart < words.count { sentences.append(sentenceStart..<words.count) }
        self.words = words
        self.sentences = sentences
        self.wordOfToken = wordOfToken
    }

    /// The word view of `document`, reused while consecutive stages look at the same tokens.
    ///
    /// The fact stages run one after another on one document; building the view once instead of five times
    /// is most of their cost. The cache holds the last few views, keyed by the text and every token boundary.
    static func shared(for document: Document) -> WordView {
        let fingerprint = Fingerprint(document)
        if let view = WordViewCache.shared.view(for: fingerprint) { return view }
        let view = WordView(document)
        WordViewCache.shared.store(view, for: fingerprint)
        return view
    }

    /// Word indices of the sentence that holds word `index`.
    func sentence(of index: Int) -> Range<Int> { sentences[words[index].sentence] }

    /// The original-text span of words `range` (cores of the first and last word).
    func span(_ range: Range<Int>) -> (start: Int, end: Int) {
        (words[range.lowerBound].start, words[range.upperBound - 1].end)
    }

    /// Whether token `index` is punctuation only. Takes the array and an index, not a `Token`: passing tokens by value
    /// copied (and retained) all their strings, a visible cost when every word of every document is built.
    private static func isPunctuationToken(_ tokens: [Token], _ index: Int) -> Bool {
        let kind = tokens[index].kind
        if kind == .word || kind == .number { return false }
        let norm = tokens[index].norm
        // ASCII marks (",", ".", "-", "\"", "..."), the usual case, without Unicode property lookups.
        if norm.utf8.allSatisfy({ $0 < 0x80 }) {
            return !norm.isEmpty && norm.utf8.allSatisfy { byte in
                !(byte >= 0x30 && byte <= 0x39) && !((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) && byte != 0x25 && byte != 0x24
            }
        }
        return !norm.isEmpty && norm.unicodeScalars.allSatisfy {
            !$0.properties.isAlphabetic && $0.properties.numericType == nil && !corePunctuation.contains($0)
        }
    }

    /// Glued words are split after ",;:!?" before a letter, and after "." between two words of two letters or more
    /// ("екен.Таулардың"), but not inside "Б.Байбек", "1,8" or "11.00".
    private static func splitsGluedWords(_ tokens: [Token], after index: Int) -> Bool {
        let kind = tokens[index].kind
        guard kind != .word, kind != .number else { return false }
        switch tokens[index].norm {
        case ",", ";", "!", "?":
            return tokens[index + 1].norm.unicodeScalars.first?.properties.isAlphabetic ?? false
        case ".":
            guard index > 0, tokens[index - 1].end == tokens[index].start,
                  let next = tokens[index + 1].norm.unicodeScalars.first, next.isUppercaseFast
            else { return false }
            let previous = tokens[index - 1].norm
            return previous.unicodeScalars.count >= 2 && previous.unicodeScalars.allSatisfy(\.properties.isAlphabetic)
        default: return false
        }
    }

    private static func word(_ tokens: [Token], _ range: Range<Int>, newlineBefore: Bool) -> Word {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isPunctuationToken(tokens, lower) { lower += 1 }
        while upper > lower, isPunctuationToken(tokens, upper - 1) { upper -= 1 }
        // An abbreviation's full stop stays in the core ("млрд.") only when the tokeniser put it in the token.
        let core = upper - lower == 1 ? tokens[lower].norm : tokens[lower..<upper].map(\.norm).joined()
        let leading = Self.joinedNorms(tokens, range.lowerBound..<lower)
        let trailing = Self.joinedNorms(tokens, upper..<range.upperBound)
        let lowered = core.fastLowercased
        let bareString = Self.withoutFinalStops(lowered)
        let start = lower < upper ? tokens[lower].start : tokens[range.lowerBound].start
        let end = lower < upper ? tokens[upper - 1].end : tokens[range.upperBound - 1].end
        let firstByte = core.utf8.first ?? 0
        return Word(
            core: core, lower: lowered, bare: bareString, leading: leading, trailing: trailing,
            tokens: range, coreTokens: lower..<upper, start: start, end: end,
            key: WordKey.of(bareString), startsWithDigit: firstByte >= 0x30 && firstByte <= 0x39, newlineBefore: newlineBefore
        )
    }

    /// `text` without its trailing full stops ("млрд." → "млрд"); `text` itself, shared, when it has none (most words),
    /// tested on the last byte without the index arithmetic of `Substring`.
    private static func withoutFinalStops(_ text: String) -> String {
        var text = text
        let stops = text.withUTF8 { bytes in
            var count = 0
            while count < bytes.count, bytes[bytes.count - 1 - count] == UInt8(ascii: ".") { count += 1 }
            return count
        }
        guard stops > 0 else { return text }
        return String(Substring(text.utf8.dropLast(stops)))
    }

    /// The normalised text of tokens `range`: no array or new string for the usual zero or one token.
    private static func joinedNorms(_ tokens: [Token], _ range: Range<Int>) -> String {
        switch range.count {
        case 0: return ""
        case 1: return tokens[range.lowerBound].norm
        default: return tokens[range].map(\.norm).joined()
        }
    }

    /// Whether word `index - 1` ends a sentence before word `index`: a final ".!?…" (possibly inside closing quotes)
    /// and a next word that starts like a sentence; not after an initial ("Б.", "Н.Ә.").
    /// Takes the array and an index: passing two `Word`s by value retained and released their ten strings per word.
    private static func endsSentence(_ words: [Word], before index: Int) -> Bool {
        // A full stop the tokeniser kept inside the core ("млрд.") belongs to an abbreviation, not the sentence.
        let closing = words[index - 1].trailing.unicodeScalars.last { $0 != "»" && $0 != "\"" && $0 != "”" && $0 != ")" }
        let hasFinal = closing == "." || closing == "!" || closing == "?" || closing == "…"
        guard hasFinal, !isInitials(words[index - 1].core) else { return false }
        let leading = words[index].leading
        guard let first = leading.unicodeScalars.first ?? words[index].core.unicodeScalars.first else { return false }
        return first.isUppercaseFast || first == "«" || first == "\"" || first == "“" || dashes.contains(first)
            || first.properties.numericType != nil
    }

    /// "Б", "Н.Ә", "Қ": one or more single upper-case letters separated by full stops.
    static func isInitials(_ core: String) -> Bool {
        // Letter, optional full stop, letter, …: checked without splitting the string.
        var letters = 0
        var previousWasLetter = false
        for scalar in core.unicodeScalars {
            if scalar == "." {
                guard previousWasLetter else { return false }
                previousWasLetter = false
            } else {
                guard !previousWasLetter, scalar.isUppercaseFast, scalar.properties.isAlphabetic else { return false }
                previousWasLetter = true
                letters += 1
            }
        }
        return letters > 0
    }
}

/// What a word view depends on: the text and the tokens' boundaries, kinds and normalised lengths.
struct Fingerprint: Equatable, Sendable {
    let text: String
    let tokenCount: Int
    let tokenHash: Int

    init(_ document: Document) {
        text = document.text
        tokenCount = document.tokens.count
        // FNV-1a over the boundaries: cheaper than SipHash, and collisions only matter together with equal text.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        // By index: iterating tokens by value would copy (retain and release) four strings per token.
        let tokens = document.tokens
        for index in tokens.indices {
            hash = (hash ^ UInt64(truncatingIfNeeded: tokens[index].start)) &* 0x0000_0100_0000_01b3
            hash = (hash ^ UInt64(truncatingIfNeeded: tokens[index].end &* 31 &+ tokens[index].norm.utf8.count)) &* 0x0000_0100_0000_01b3
        }
        tokenHash = Int(truncatingIfNeeded: hash)
    }

    static func == (a: Fingerprint, b: Fingerprint) -> Bool {
        a.tokenCount == b.tokenCount && a.tokenHash == b.tokenHash && a.text == b.text
    }
}

/// A small lock-protected cache of recent word views (one per document being analysed on each thread).
final class WordViewCache: @unchecked Sendable {
    static let shared = WordViewCache()
    private let lock = NSLock()
    private var entries: [(fingerprint: Fingerprint, view: WordView)] = []
    private let capacity = 8

    func view(for fingerprint: Fingerprint) -> WordView? {
        lock.lock()
        defer { lock.unlock() }
        return entries.first { $0.fingerprint == fingerprint }?.view
    }

    func store(_ view: WordView, for fingerprint: Fingerprint) {
        lock.lock()
        defer { lock.unlock() }
        entries.removeAll { $0.fingerprint == fingerprint }
        entries.append((fingerprint, view))
        if entries.count > capacity { entries.removeFirst() }
    }
}

extension Document {
    /// The end offset of a headline: a first paragraph of one line without a closing full stop, ! or ?, followed by
    /// more text (news sites put the title above the lead, which then says the same thing in full). Nil otherwise.
    var headlineEnd: Int? {
        guard paragraphs.count >= 2, let first = paragraphs.first else { return nil }
        var end = first.end
        while end > first.start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        guard end > first.start, !".!?…".unicodeScalars.contains(scalars[end - 1]) else { return nil }
        guard !scalars[first.start..<end].contains("\n") else { return nil }
        return end
    }
}
