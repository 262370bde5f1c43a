/// Case and plural endings that may follow a name: the rows of `Resources/case-suffixes.tsv` with a `stem` column,
/// with the letters a stem must end with for each ending (classes of `Resources/name-letter-classes.tsv`).
public enum NameCaseSuffixes {
    /// One ending and the final letters of the stems it attaches to.
    public struct Rule: Sendable, Equatable {
        /// The ending, lower case, as Unicode scalars.
        public let suffix: [Unicode.Scalar]
        /// Letters the remaining stem may end with; nil means any letter.
        public let allowedFinals: Set<Unicode.Scalar>?
    }

    /// Every rule, longest suffix first (so the longest match wins).
    public static let rules: [Rule] = {
        var classes: [Character: Set<Unicode.Scalar>] = [:]
        for row in DataFile.requiredRows("name-letter-classes.tsv") where row.count >= 2 {
            if let name = row[0].first { classes[name] = Set(row[1].unicodeScalars) }
        }
        var rules: [Rule] = []
        for row in CaseEndings.rows where row.stem != "-" && row.stem != "protected" {
            let finals: Set<Unicode.Scalar>? = row.stem == "*" ? nil : row.stem.reduce(into: Set()) { set, name in
                set.formUnion(classes[name] ?? [])
            }
            rules.append(Rule(suffix: Array(row.suffix.unicodeScalars), allowedFinals: finals))
        }
        return rules.sorted { $0.suffix.count > $1.suffix.count }
    }()

    /// Word endings that mark a nominative name which must never be stripped ("-стан").
    public static let protectedEndings: [[Unicode.Scalar]] = CaseEndings.rows.filter { $0.stem == "protected" }
        .map { Array($0.suffix.unicodeScalars) }
}
