/// Cyrillic → Latin display conversion for the script switch.
enum ScriptConversion {
    /// Kazakh Cyrillic text in the Latin alphabet.
    @Sendable static func toLatin(_ text: String) -> String {
        text
    }
}
