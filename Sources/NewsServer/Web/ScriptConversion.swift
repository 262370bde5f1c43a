import Analysis

/// Cyrillic → Latin display conversion for the script switch (the 2021 Kazakh Latin alphabet).
enum ScriptConversion {
    /// Kazakh Cyrillic text in the Latin alphabet.
    @Sendable static func toLatin(_ text: String) -> String {
        Transliterator.toLatin(text)
    }
}
