import Foundation
public import Pipeline
public import TextModel

/// One word of text as the index sees it: its lemma, its surface form, and where it is.
public struct IndexTerm: Sendable, Equatable {
    /// The dictionary form (lowercased, folded to Cyrillic); the term every inflected form shares.
    public var lemma: String
    /// The lowercased, folded surface form when it differs from the lemma (indexed at the same position).
    public var surface: String?
    /// Start offset in Unicode scalars of the analysed text.
    public var start: Int
    /// End offset (exclusive) in Unicode scalars of the analysed text.
    public var end: Int
    /// For a capitalised word, the ``NameStem`` key terms indexed at the same position (a name query reads them
    /// instead of scanning every word that begins with the name); empty for other words.
    public var nameKeys: [String]
    /// Other forms of the word as a query may spell it, indexed at the same position: a Latin- or Arabic-script word
    /// read on its own (a query word has no paragraph to tell its Latin scheme by, so "jıyn" alone may read otherwise than
    /// in its 2018-scheme article), an initial or abbreviation without its final dot ("Н." as "н").
    public var spellings: [String] = []

    /// Creates a term; offsets are Unicode scalars of the analysed text, end exclusive.
    public init(lemma: String, surface: String?, start: Int, end: Int, nameKeys: [String] = []) {
        self.lemma = lemma
        self.surface = surface
        self.start = start
        self.end = end
        self.nameKeys = nameKeys
    }
}

extension IndexTerm {
    /// The terms a query word matches at its position, as every backend's query side reads them: for a prefix (`алма*`)
    /// its surface form alone; otherwise its lemma, which every indexed form of the word shares, then its own surface
    /// form as a synonym (``KazakhFTS5Tokenizer/matchesSurfaceForms``), which the index holds for every word, so a word
    /// copied from a document is found whatever lemma its context gave it there.
    package func queryForms(prefix: Bool) -> [String] {
        if prefix { return [surface ?? lemma] }
        guard KazakhFTS5Tokenizer.matchesSurfaceForms, let surface, surface != lemma else { return [lemma] }
        return [lemma, surface]
    }
}

/// Turns text into index terms: the one place documents, queries, snippets and shingles go through,
/// so they always agree on what a word is.
///
/// A term is `Token.lemma ?? Token.norm`, lowercased, with Latin-script and homoglyph-damaged
/// words folded to Cyrillic (``ScriptFolding``, over the project's `Normalizer` and `Transliterator`). Words that had to be folded are analysed again in
/// their Cyrillic form, so "Almatyda" gets the lemma of "алматыда".
public struct IndexTermAnalyzer: Sendable {
    /// The pipeline that provides tokens and lemmas (`kk-search`: normalisation, tokens, lemmas).
    public let pipeline: Pipeline
    /// Words longer than this (in scalars) are not indexed: they are noise, not words.
    public static let maximumWordLength = 64

    /// The pipeline without its morphology stage: normalisation and tokens only, for ``contextFreeTerms(of:)``.
    let tokenPipeline: Pipeline

    /// Creates an analyzer over `pipeline` (`kk-search` by default) and its token-only twin.
    public init(pipeline: Pipeline = .search) {
        self.pipeline = pipeline
        tokenPipeline = Pipeline(name: pipeline.name + "-tokens", annotators: pipeline.annotators.filter { $0.name != "morphology" })
    }

    /// Terms with each word's lemma taken out of context and cached per form: several times faster
    /// than ``terms(of:)-(String)`` once the cache is warm, for highlighting search results (where a
    /// rare context-dependent lemma choice matters less than answering in a few milliseconds).
    public func contextFreeTerms(of text: String) -> [IndexTerm] {
        let document = tokenPipeline.analyze(id: "", text: text)
        var terms: [IndexTerm] = []
        terms.reserveCapacity(document.tokens.count)
        for token in document.tokens {
            switch token.kind {
            case .punctuation, .symbol: continue
            default: break
            }
            guard token.end - token.start <= Self.maximumWordLength else { continue }
            let forms = FormTermCache.shared.value(for: token.norm) {
                let surface = ScriptFolding.cyrillic(token.norm) ?? token.norm.lowercased()
                let lemma = lemma(ofWord: surface) ?? surface
                return (lemma, surface == lemma ? nil : surface)
            }
            terms.append(IndexTerm(lemma: forms.lemma, surface: forms.surface, start: token.start, end: token.end))
        }
        return terms
    }

    /// Analyses `text` and returns its terms in order.
    public func terms(of text: String) -> [IndexTerm] {
        terms(of: pipeline.analyze(id: "", text: text))
    }

    /// The terms of an already analysed document (no second analysis, except for folded words).
    public func terms(of document: Document) -> [IndexTerm] {
        var terms: [IndexTerm] = []
        terms.reserveCapacity(document.tokens.count)
        for token in document.tokens {
            if let term = term(of: token) { terms.append(term) }
        }
        return terms
    }

    /// The term of one token, or nil for punctuation, symbols and over-long strings.
    public func term(of token: Token) -> IndexTerm? {
        switch token.kind {
        case .punctuation, .symbol: return nil
        default: break
        }
        guard token.end - token.start <= Self.maximumWordLength else { return nil }
        if let folded = ScriptFolding.cyrillic(token.norm) {
            // A Latin or mixed-script word: look up the lemma of its Cyrillic spelling.
            let lemma = lemma(ofWord: folded) ?? folded
            var term = IndexTerm(lemma: lemma, surface: folded == lemma ? nil : folded, start: token.start, end: token.end,
                                 nameKeys: NameStem.indexKeys(original: token.norm, lowercased: folded))
            // A Latin initial ("U.") loses its final dot in a query as a Cyrillic one does.
            if folded.count > 1, folded.hasSuffix("."), case let bare = String(folded.dropLast()), bare != lemma { term.spellings = [bare] }
            return term
        }
        let surface = token.norm.lowercased()
        let lemma = token.lemma.map { $0.lowercased() } ?? surface
        var term = IndexTerm(lemma: lemma, surface: surface == lemma ? nil : surface, start: token.start, end: token.end,
                             nameKeys: NameStem.indexKeys(original: token.norm, lowercased: surface))
        term.spellings = Self.querySpellings(of: token, lemma: lemma, surface: surface)
        return term
    }

    /// The forms a query may give a word that its analysis in context does not (``IndexTerm/spellings``).
    static func querySpellings(of token: Token, lemma: String, surface: String) -> [String] {
        var forms: [String] = []
        // A word the script view read from Latin or Arabic script: its own reading, as a query word gets it.
        if token.text != token.norm, let alone = ScriptFolding.cyrillic(token.text), alone != lemma, alone != surface {
            forms.append(alone)
        }
        // "Н.", "т.б.": the query parser drops a word's final dot.
        if surface.count > 1, surface.hasSuffix(".") {
            let bare = String(surface.dropLast())
            if bare != lemma, !forms.contains(bare) { forms.append(bare) }
        }
        return forms
    }

    /// The lemma the pipeline gives a single word, lowercased.
    public func lemma(ofWord word: String) -> String? {
        let document = pipeline.analyze(id: "", text: word)
        guard document.tokens.count == 1, let lemma = document.tokens[0].lemma else { return nil }
        return lemma.lowercased()
    }
}

/// Context-free lemma and surface per word form, shared by all searches.
enum FormTermCache {
    static let shared = BoundedStringCache<(lemma: String, surface: String?)>(limit: 200_000)
}
