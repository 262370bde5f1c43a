/// Scalars the normaliser unifies (quotes, dashes, spaces, line breaks) or drops, from `Resources/character-classes.tsv`.
public enum CharacterClasses {
    /// What the normaliser does with a scalar of the class.
    public enum Kind: String, Sendable, CaseIterable {
        /// Becomes `"`.
        case doubleQuote = "double-quote"
        /// Becomes `'`.
        case singleQuote = "single-quote"
        /// Becomes `-`.
        case dash
        /// Becomes a plain space.
        case space
        /// Becomes `\n`.
        case newline
        /// Removed from the normalised view (its original offsets stay covered by the neighbours' map).
        case drop
    }

    /// Every listed scalar with its class.
    public static let table: [(scalar: Unicode.Scalar, kind: Kind)] = DataFile.requiredRows("character-classes.tsv").compactMap { row in
        guard row.count >= 2, let kind = Kind(rawValue: row[0]), row[1].hasPrefix("U+"),
              let value = UInt32(row[1].dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value)
        else { return nil }
        return (scalar, kind)
    }
}
