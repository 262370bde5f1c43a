import Analysis
import Foundation
import Testing
import TextModel

@Suite struct NormalizerTests {
    func normalized(_ text: String) -> (Document, NormalizedText) {
        var document = Document(id: "n", text: text)
        Normalizer().annotate(&document)
        return (document, document.normalized)
    }

    /// The original text behind normalised scalars `start..<end`.
    func original(_ document: Document, _ start: Int, _ end: Int) -> String {
        let range = document.normalized.originalRange(start, end)
        return document.slice(range.start, range.end)
    }

    @Test func nfcMergesDecomposedLettersAndMapsBackToBothScalars() {
        // "Байбек ұйымы" with each й written as и + U+0306 COMBINING BREVE.
        let text = "Баи\u{0306}бек ұи\u{0306}ымы"
        let (document, view) = normalized(text)
        #expect(view.string(0, view.count) == "Байбек ұйымы")
        #expect(view.count == document.scalars.count - 2)
        // The composed й (normalised offset 2) stands for original scalars 2..<4 (и and the breve).
        #expect(view.originalStart[2] == 2 && view.originalEnd[2] == 4)
        #expect(original(document, 2, 3) == "и\u{0306}")
        // Everything after the merge is shifted by one and maps back exactly.
        #expect(original(document, 7, 12) == "ұи\u{0306}ымы")
        #expect(original(document, 0, view.count) == text)
    }

    @Test func alreadyNFCTextMapsToItself() {
        let text = "Алматы қаласының әкімі Бауыржан Байбек Пьер Кабаремен кездесті."
        let (document, view) = normalized(text)
        #expect(view.scalars == document.scalars)
        #expect(view.originalStart == Array(0..<document.scalars.count))
    }

    @Test func latinLettersInsideCyrillicWordsAreRepaired() {
        let normalizer = Normalizer()
        #expect(normalizer.normalize("Алмaты") == "Алматы")          // Latin a
        #expect(normalizer.normalize("қaзақ") == "қазақ")            // Latin a after қ
        #expect(normalizer.normalize("Kазақстан") == "Казақстан")    // Latin capital K
        #expect(normalizer.normalize("əкім") == "әкім")              // U+0259 schwa
        #expect(normalizer.normalize("бiлiм берy") == "білім беру")  // Latin i and y
        #expect(normalizer.normalize("Oңтүстік") == "Оңтүстік")      // Latin capital O
        #expect(normalizer.normalize("шaһар") == "шаһар")
        for (wrong, right) in [("Алмaты", "Алматы"), ("əкім", "әкім")] {
            #expect(Array(normalizer.normalize(wrong).unicodeScalars) == Array(right.unicodeScalars))
        }
    }

    @Test func cyrillicLookAlikesInsideLatinWordsAreRepaired() {
        let normalizer = Normalizer()
        #expect(normalizer.normalize("\u{0430}lmaty") == "almaty")        // Cyrillic а
        #expect(normalizer.normalize("Alm\u{0430}ty.tv") == "Almaty.tv")
        #expect(normalizer.normalize("W\u{043E}rld Craft City") == "World Craft City")  // Cyrillic о
    }

    @Test func singleScriptWordsAreNeverTouched() {
        let normalizer = Normalizer()
        for text in ["Smart Almaty", "World Crafts Council", "ЮНЕСКО-ның", "Қазақстан Республикасы", "ALA CRAFT 2025", "Almaty ресми",
                     // A foreign stem with a Kazakh suffix, and words that really mix scripts, are not typos.
                     "SMSке", "WhatsAppта", "IDCмен", "ALMATЫ"] {
            #expect(normalizer.normalize(text) == text)
        }
    }

    @Test func quotesAndDashesAreUnifiedButGuillemetsKept() {
        let normalizer = Normalizer()
        #expect(normalizer.normalize("\u{201C}Біз\u{201D} \u{201E}сіз\u{201F} 5\u{2033}") == "\"Біз\" \"сіз\" 5\"")
        #expect(normalizer.normalize("\u{2018}а\u{2019} \u{201A}б\u{201B} 3\u{2032}") == "'а' 'б' 3'")
        #expect(normalizer.normalize("«Сазген сазы»") == "«Сазген сазы»")
        #expect(normalizer.normalize("World Craft City \u{2013} әлемдік \u{2014} қала \u{2212}5 \u{2010}\u{2011}\u{2012}\u{2015}\u{FE58}\u{FE63}\u{FF0D}") == "World Craft City - әлемдік - қала -5 -------")
    }

    @Test func softHyphenIsDroppedAndTheWordMapsBackOverIt() {
        let text = "Алма\u{00AD}ты\u{200B}да"
        let (document, view) = normalized(text)
        #expect(view.string(0, view.count) == "Алматыда")
        #expect(view.count == 8)
        // The whole normalised word covers the whole original span, soft hyphen and zero-width space included.
        #expect(view.originalRange(0, view.count) == (0, 10))
        #expect(original(document, 0, view.count) == text)
        // "ты" starts after the soft hyphen.
        #expect(view.originalStart[4] == 5)
    }

    @Test func whitespaceAndLineBreaksAreUnified() {
        let text = "5\u{00A0}қазан\u{202F}күні\tсағат\u{2009}11.00\r\nАлматы\rАстана\u{FEFF}"
        let (document, view) = normalized(text)
        #expect(view.string(0, view.count) == "5 қазан күні сағат 11.00\nАлматы\nАстана")
        // CRLF becomes one \n that maps to both original scalars.
        let newline = view.scalars.firstIndex(of: "\n")!
        #expect(original(document, newline, newline + 1) == "\r\n")
    }

    @Test func tokensOfTheDefaultTokenizerMapBackThroughTheNormaliser() {
        var document = Document(id: "t", text: "Алмa\u{00AD}ты \u{201C}Kазақстан\u{201D}")
        Normalizer().annotate(&document)
        Tokenizer().annotate(&document)
        #expect(document.tokens.map(\.norm) == ["Алматы", "\"", "Казақстан", "\""])
        #expect(document.tokens.map(\.text) == ["Алмa\u{00AD}ты", "\u{201C}", "Kазақстан", "\u{201D}"])
    }

    @Test func seedArticlesKeepTheirLengthAndMapExactly() throws {
        for text in try Seeds.texts() {
            let (document, view) = normalized(text)
            #expect(view.originalRange(0, view.count).end <= document.scalars.count)
            // Seeds are NFC and single-script per word except real typos: the view never grows.
            #expect(view.count <= document.scalars.count)
            for index in stride(from: 0, to: view.count, by: 97) {
                #expect(view.originalStart[index] < view.originalEnd[index])
            }
        }
    }
}

@Suite struct NormalizerRobustnessTests {
    /// Deterministic pseudo-random strings over the scalars the normaliser treats specially.
    static func strings(count: Int) -> [String] {
        let pool: [Unicode.Scalar] = [
            "а", "қ", "і", "a", "i", "k", "ə", "\u{0306}", "\u{0301}", "\u{0308}", "\r", "\n", " ", "\u{00A0}", "\u{00AD}",
            "\u{200B}", "\u{FEFF}", "\u{201C}", "\u{2013}", "«", "-", ".", "1", "\u{212B}", "\u{1F600}", "\u{1100}", "\u{1161}", "e",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        return (0..<count).map { _ in
            var view = String.UnicodeScalarView()
            for _ in 0..<(next() % 24) { view.append(pool[next() % pool.count]) }
            return String(view)
        }
    }

    @Test func mapIsMonotonicAndCoversEveryKeptScalar() {
        for text in Self.strings(count: 1000) {
            let original = Array(text.unicodeScalars)
            let view = Normalizer().normalize(original)
            #expect(view.originalStart.count == view.count && view.originalEnd.count == view.count)
            for index in 0..<view.count {
                #expect(view.originalStart[index] < view.originalEnd[index] && view.originalEnd[index] <= original.count)
                if index > 0 { #expect(view.originalStart[index] >= view.originalStart[index - 1]) }
            }
            // The language identifier and the transliterator accept whatever the normaliser accepts.
            var document = Document(id: "f", text: text)
            Normalizer().annotate(&document)
            LanguageIdentifier().annotate(&document)
            for paragraph in document.paragraphs { #expect(paragraph.start < paragraph.end && paragraph.end <= original.count) }
            _ = Transliterator.toCyrillic(Transliterator.toLatin(text), preserveForeign: true)
        }
    }
}
