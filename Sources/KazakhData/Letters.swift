/// The letters of Kazakh Cyrillic by sound class, vowel harmony and stem-final voicing, from
/// `Resources/phonology-letters.tsv`: the one table the morphological analyser and the nominative of names read.
public enum Letters {
    /// The class of a letter that a suffix allomorph may follow (the `class` column; the codes of the `after` column
    /// of `morphology-suffixes.tsv`).
    public enum SoundClass: String, Sendable, CaseIterable {
        /// `V`: а ә е о ө ұ ү ы і э ю я ё.
        case vowel = "V"
        /// `S`: р й у и.
        case sonorant = "S"
        /// `L`: л.
        case lateral = "L"
        /// `Z`: з ж.
        case voiced = "Z"
        /// `N`: м н ң.
        case nasal = "N"
        /// `K`: voiceless or devoiced consonants.
        case voiceless = "K"
    }

    /// The vowel harmony a letter carries (the `harmony` column).
    public enum Harmony: String, Sendable, CaseIterable {
        /// а о ұ ы.
        case back
        /// ә е ө ү і э.
        case front
        /// и у ю: either harmony may follow.
        case neutral
        /// я ё: back for the choice of a suffix allomorph, no evidence when a name's stripped ending is checked.
        case loanBack = "loan-back"
    }

    /// One row of the table.
    public struct Letter: Sendable {
        /// The lower-case letter.
        public let scalar: Unicode.Scalar
        /// Its sound class.
        public let soundClass: SoundClass
        /// Its harmony; nil for a consonant.
        public let harmony: Harmony?
        /// The letter it becomes at the end of a stem before a vowel-initial suffix (п → б); nil for none.
        public let voiced: Unicode.Scalar?
    }

    /// Every row, in table order.
    public static let table: [Letter] = DataFile.requiredRows("phonology-letters.tsv").compactMap { row in
        guard row.count >= 4, let scalar = row[0].unicodeScalars.first, let soundClass = SoundClass(rawValue: row[1]) else { return nil }
        return Letter(scalar: scalar, soundClass: soundClass, harmony: Harmony(rawValue: row[2]),
                      voiced: row[3] == "-" ? nil : row[3].unicodeScalars.first)
    }

    /// The letters whose harmony is one of `harmonies`, in table order.
    public static func letters(with harmonies: Set<Harmony>) -> [Unicode.Scalar] {
        table.filter { $0.harmony.map(harmonies.contains) == true }.map(\.scalar)
    }

    /// The harmony of a suffix read from its last back or front vowel ("ның" → back, "нде" → front); nil when it has
    /// none ("н").
    public static func harmony(ofSuffix suffix: String) -> Harmony? {
        suffix.unicodeScalars.reversed().lazy.compactMap { harmonies[$0] }.first { $0 == .back || $0 == .front }
    }

    private static let harmonies: [Unicode.Scalar: Harmony] = Dictionary(
        table.compactMap { row in row.harmony.map { (row.scalar, $0) } }, uniquingKeysWith: { first, _ in first })
}
