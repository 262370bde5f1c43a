import Evaluation
import Testing

@Suite struct WordClustererTests {
    /// Towns and people's first names in fixed frames: a town is always followed by "қаласында", a name by
    /// "мырза"; the two families should part at the first split and each stay together.
    static let sentences: [[String]] = {
        let towns = ["Астана", "Алматы", "Шымкент", "Ақтөбе", "Қарағанды", "Павлодар"]
        let names = ["Ерлан", "Мұрат", "Асқар", "Болат", "Нұрлан", "Серік"]
        var sentences: [[String]] = []
        for (i, town) in towns.enumerated() {
            for verb in ["жиналыс", "көрме", "концерт", "форум"] {
                sentences.append(["Кеше", town, "қаласында", verb, "өтті", "."])
            }
            let name = names[i]
            for verb in ["сөйледі", "келді", "айтты", "жазды"] {
                sentences.append(["Бүгін", name, "мырза", "жиында", verb, "."])
            }
        }
        return sentences
    }()

    static var options: WordClusterer.Options {
        var options = WordClusterer.Options()
        options.leafSize = 2
        options.contextWords = 40
        options.dimensions = 32
        return options
    }

    @Test func wordsInTheSameContextsShareASubtree() {
        let table = WordClusterer(options: Self.options).clusters(Self.sentences)
        let bits = Dictionary(uniqueKeysWithValues: table.map { ($0.form, $0.bits) })
        let towns = ["астана", "алматы", "шымкент", "ақтөбе", "қарағанды", "павлодар"].compactMap { bits[$0] }
        let names = ["ерлан", "мұрат", "асқар", "болат", "нұрлан", "серік"].compactMap { bits[$0] }
        #expect(towns.count == 6 && names.count == 6)
        // Forms are lower-cased, as the tagger's features look them up.
        #expect(bits["Астана"] == nil)
        // Each family sits in a subtree of its own: the bit-string prefix all towns share starts no name, and back.
        func common(_ strings: [String]) -> String {
            var prefix = strings.first ?? ""
            for string in strings { while !string.hasPrefix(prefix) { prefix.removeLast() } }
            return prefix
        }
        let townPrefix = common(towns), namePrefix = common(names)
        #expect(!names.contains { $0.hasPrefix(townPrefix) })
        #expect(!towns.contains { $0.hasPrefix(namePrefix) })
    }

    @Test func theSameTextGivesTheSameTable() {
        let first = WordClusterer(options: Self.options).clusters(Self.sentences)
        let second = WordClusterer(options: Self.options).clusters(Self.sentences)
        #expect(first.map { "\($0.form)\t\($0.count)\t\($0.bits)" } == second.map { "\($0.form)\t\($0.count)\t\($0.bits)" })
        // Most frequent first: "." and the frame words lead.
        #expect(first.first?.form == ".")
    }

    @Test func rareFormsGetNoCluster() {
        var options = Self.options
        options.minimumCount = 5
        let forms = Set(WordClusterer(options: options).clusters(Self.sentences).map(\.form))
        // Each town occurs 4 times, "қаласында" 24 times.
        #expect(!forms.contains("астана"))
        #expect(forms.contains("қаласында"))
    }
}
