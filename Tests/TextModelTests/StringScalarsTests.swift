import Testing
import TextModel

/// The shared scalar → string encoder and the byte-level lower-casing, on Kazakh text.
@Suite struct StringScalarsTests {
    @Test func encodesScalarsOfEveryWidth() {
        for text in ["Алматы қаласының әкімі", "ALA CRAFT 2025", "«Қазақстан-2030» – €40 млн 😀", ""] {
            #expect(String(scalars: Array(text.unicodeScalars)) == text)
            #expect(String(scalars: text.unicodeScalars.dropFirst(min(2, text.unicodeScalars.count))) == String(text.unicodeScalars.dropFirst(min(2, text.unicodeScalars.count))))
        }
    }

    @Test func lowersKazakhLettersByBytes() {
        #expect("ӘҒҚҢӨҰҮҺІ".fastLowercased == "әғқңөұүһі")
        #expect("Ахылбек Күрішбаевты".fastLowercased == "ахылбек күрішбаевты")
        #expect("ЮНЕСКО-ның".fastLowercased == "юнеско-ның")
        #expect("ЁЂЏ Ӏ".fastLowercased == "ёђџ ӏ")
        // Outside ASCII and Cyrillic: the scalar path ("Ä", Greek), and the multi-scalar mapping of "İ".
        #expect("Ärzte ΑΘΉΝΑ".fastLowercased == "ärzte αθήνα")
        #expect("İ".fastLowercased == "i̇")
        // Already lower case: the same string back.
        #expect("алматы".fastLowercased == "алматы")
        // Agrees with the standard library on every letter of the Kazakh alphabet.
        let alphabet = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
        #expect(alphabet.fastLowercased == alphabet.lowercased())
    }
}
