/// The tokenizer's language data: dotted abbreviations, web domains, number endings and analytic verb forms.
///
/// Loaded once from `Resources/abbreviations.tsv`, `top-level-domains.txt`, `number-suffixes.txt` and
/// `analytic-verb-forms.tsv` (spaCy keeps the same kind of rows in `tokenizer_exceptions.py`).
/// Keys are stored as arrays of lower-cased Unicode scalars, so the tokenizer can match them on its
/// scalar buffer without building strings.
public struct TokenizerExceptions: Sendable {
    /// One dotted abbreviation row.
    public struct Abbreviation: Sendable, Equatable {
        /// Surface form in lower case, with its dots (`млрд.`, `т.б.`).
        public let surface: String
        /// What it stands for (`миллиард`).
        public let expansion: String
        /// Whether it may end a sentence (`т.б.` may; `млрд.`, `ж.` practically never do in verb-final Kazakh).
        public let mayEndSentence: Bool
    }

    /// Dotted abbreviations keyed by their lower-cased surface.
    public let abbreviations: [String: Abbreviation]
    /// Lower-cased surfaces of the abbreviations that contain more than one dot (`т.б.`, `б.з.б.`), longest first.
    public let multiDotAbbreviations: [[Unicode.Scalar]]
    /// Lower-cased top-level domains (`kz`, `tv`, `com`).
    public let topLevelDomains: Set<String>
    /// Endings that may follow a number after `-` (`шы`, `ға`, `дан`).
    public let numberSuffixes: Set<String>
    /// Endings of the participle that opens an analytic verb form (`ған`, `ген`).
    public let participleEndings: [String]
    /// Second words of analytic verb forms (`емес`, `жоқ`, `екен` and their personal forms).
    public let analyticAuxiliaries: Set<String>

    /// The bundled tables.
    public static let shared = TokenizerExceptions(
        abbreviationRows: DataFile.requiredRows("abbreviations.tsv"),
        domainRows: DataFile.requiredRows("top-level-domains.txt"),
        suffixRows: DataFile.requiredRows("number-suffixes.txt"),
        analyticRows: DataFile.requiredRows("analytic-verb-forms.tsv")
    )

    /// Builds the tables from data rows (exposed so tests can use small hand-made tables).
    public init(abbreviationRows: [[String]], domainRows: [[String]], suffixRows: [[String]], analyticRows: [[String]]) {
        var abbreviations: [String: Abbreviation] = [:]
        for row in abbreviationRows where !row[0].isEmpty {
            let surface = row[0].lowercased()
            abbreviations[surface] = Abbreviation(
                surface: surface,
                expansion: row.count > 1 ? row[1] : "",
                mayEndSentence: row.count > 2 && row[2] == "final"
            )
        }
        self.abbreviations = abbreviations
        multiDotAbbreviations = abbreviations.keys
            .filter { $0.unicodeScalars.filter { $0 == "." }.count > 1 }
            .map { Array($0.unicodeScalars) }
            .sorted { $0.count > $1.count }
        topLevelDomains = Set(domainRows.compactMap { $0.first?.lowercased() })
        numberSuffixes = Set(suffixRows.compactMap { $0.first?.lowercased() })
        participleEndings = analyticRows.filter { $0.count > 1 && $0[0] == "participle" }.map { $0[1] }
        analyticAuxiliaries = Set(analyticRows.filter { $0.count > 1 && $0[0] == "auxiliary" }.map { $0[1] })
    }

    /// The abbreviation row for a surface form such as `Млрд.` (case-insensitive), or nil.
    public func abbreviation(_ surface: String) -> Abbreviation? {
        abbreviations[surface.lowercased()]
    }
}
