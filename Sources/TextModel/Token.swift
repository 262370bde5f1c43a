/// A token with its original surface, its normalised form and its morphology.
public struct Token: Sendable, Equatable {
    /// Surface text exactly as in the original document.
    public var text: String
    /// Normalised surface (NFC, homoglyphs repaired, unified quotes/dashes); what analysers read.
    public var norm: String
    /// Start offset in Unicode scalars of the original text.
    public var start: Int
    /// End offset (exclusive) in Unicode scalars of the original text.
    public var end: Int
    /// Whether whitespace follows the token in the original text (CoNLL-U `SpaceAfter`).
    public var spaceAfter: Bool
    /// Dictionary form, following UD Kazakh KTB conventions (verb lemmas are bare stems).
    public var lemma: String?
    /// Universal part-of-speech tag.
    public var upos: UPOS?
    /// Universal features, e.g. `Case=Gen|Number[psor]=Plur,Sing|Person[psor]=3` (sorted, as in CoNLL-U).
    public var feats: String?
    /// The morphology analyser's suffix chain of the chosen reading, innermost first (`POSS3+GEN`, empty for a bare
    /// word); set by the morphology stage next to ``feats`` because the entity tagger reads the morphemes as written.
    public var chain: String?
    /// Coarse shape class assigned by the tokeniser.
    public var kind: TokenKind

    /// Creates a token; `norm` defaults to `text`, offsets are Unicode scalars of the original text, end exclusive.
    public init(
        text: String, norm: String? = nil, start: Int, end: Int, spaceAfter: Bool = true,
        kind: TokenKind = .word, lemma: String? = nil, upos: UPOS? = nil, feats: String? = nil, chain: String? = nil
    ) {
        self.text = text
        self.norm = norm ?? text
        self.start = start
        self.end = end
        self.spaceAfter = spaceAfter
        self.kind = kind
        self.lemma = lemma
        self.upos = upos
        self.feats = feats
        self.chain = chain
    }
}

/// What kind of string a token is; decided by the tokeniser, refined by nobody else.
public enum TokenKind: String, Sendable, Codable, CaseIterable {
    case word, number, punctuation, symbol, url, email, abbreviation, initial
}

/// Universal POS tags (UD v2).
public enum UPOS: String, Sendable, Codable, CaseIterable {
    case ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB, X
}
