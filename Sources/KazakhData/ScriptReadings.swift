/// Kazakh word forms that the letter rules of the Arabic script and of the informal digraph Latin spelling cannot
/// read back by themselves (`script-readings.tsv`, written by `tilshi train readings`).
///
/// Both spellings lose what Cyrillic keeps: the Arabic script has no capital letters, writes а/ә, о/ө, ұ/ү, ы/і
/// with one letter each (a hamza marks a front word) and guesses the harmony of mixed words; the digraph spelling
/// drops the marks of ә ө ү ұ і. Each row is a Cyrillic form as corpus text writes it — capitalised when the
/// corpus capitalises it inside sentences (a proper noun) — with its corpus frequency and the spellings whose
/// rule reading misses it (the form's letters or its capital).
public enum ScriptReadings {
    /// One form of the table.
    public struct Row: Sendable, Equatable {
        /// The Cyrillic form, capitalised (or all capitals) as the corpus writes it inside sentences.
        public let form: String
        /// Occurrences in the corpus the table was built from.
        public let count: Int
        /// Whether the form's Arabic-script spelling is read from this table (the rules miss its letters or case).
        public let arabic: Bool
        /// Whether the form's digraph spelling is read from this table.
        public let digraph: Bool
    }

    /// The rows in file order (most frequent first).
    public static let rows: [Row] = DataFile.requiredRows(fileName).compactMap { fields in
        guard fields.count >= 3, !fields[0].isEmpty, let count = Int(fields[1]) else { return nil }
        let scripts = fields[2].split(separator: ",")
        return Row(form: fields[0], count: count, arabic: scripts.contains("arab"), digraph: scripts.contains("digraph"))
    }

    /// The bundled table's file name.
    public static let fileName = "script-readings.tsv"
}
