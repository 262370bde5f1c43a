import KazakhData
import Testing

@Suite struct TextTablesTests {
    @Test func homoglyphPairsCoverTheKazakhRepairs() {
        let pairs = Dictionary(uniqueKeysWithValues: Homoglyphs.pairs.map { ($0.latin, $0.cyrillic) })
        #expect(pairs["i"] == "і")
        #expect(pairs["\u{0259}"] == "ә")
        #expect(pairs["h"] == "һ")
        for latin in "aeopcxykhABEKMHOPCTXI".unicodeScalars {
            #expect(pairs[latin] != nil, "\(latin)")
        }
        // Every pair really crosses scripts.
        for pair in Homoglyphs.pairs {
            #expect(pair.latin.value < 0x300 && (0x400...0x4FF).contains(pair.cyrillic.value))
        }
    }

    @Test func characterClassesUnifyQuotesDashesSpacesButKeepGuillemets() {
        let table = Dictionary(CharacterClasses.table.map { ($0.scalar, $0.kind) }, uniquingKeysWith: { first, _ in first })
        #expect(table["\u{201C}"] == .doubleQuote)
        #expect(table["\u{2019}"] == .singleQuote)
        #expect(table["\u{2013}"] == .dash)
        #expect(table["\u{2212}"] == .dash)
        #expect(table["\u{00A0}"] == .space)
        #expect(table["\u{00AD}"] == .drop)
        #expect(table["\u{FEFF}"] == .drop)
        #expect(table["«"] == nil && table["»"] == nil)
    }

    @Test func stopWordListsAreLoadedAndDoNotOverlap() {
        #expect(StopWords.kazakh.contains("және"))
        #expect(StopWords.russian.contains("что"))
        #expect(StopWords.english.contains("the"))
        #expect(StopWords.kazakh.isDisjoint(with: StopWords.russian))
        #expect(LanguageEndings.kazakh.contains("ның"))
        #expect(LanguageEndings.russian.contains("ого"))
    }

    @Test func transliterationTableHasEveryCyrillicLetter() {
        let rows = TransliterationTable.rows
        #expect(rows.count == 42)
        let byLetter = Dictionary(uniqueKeysWithValues: rows.map { ($0.cyrillic, $0) })
        #expect(byLetter["і"]?.latin2021 == "ı")
        #expect(byLetter["и"]?.latin2021 == "i")
        #expect(byLetter["ұ"]?.latin2021 == "ū")
        #expect(byLetter["ә"]?.latin2018 == "á")
        #expect(byLetter["ш"]?.latin2017 == "s'")
        #expect(rows.filter(\.isLoanLetter).map { String($0.cyrillic) }.sorted() == ["ё", "ц", "щ", "ъ", "ь", "э", "ю", "я"].sorted())
        let prefixes = TransliterationTable.loanwordPrefixes
        #expect(zip(prefixes, prefixes.dropFirst()).allSatisfy { $0.latin.count >= $1.latin.count })
    }
}
