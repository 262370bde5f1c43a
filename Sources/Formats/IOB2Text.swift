/// Running text rebuilt from a pre-tokenised IOB2 file (KazNERD: one "token TAG" per line, blank line between
/// sentences), for benchmarks and tokenisation agreement checks.
///
/// Spacing follows ordinary Kazakh typography: no space before `. , ! ? : ; » ) …`, none after `« (`.
public enum IOB2Text {
    /// Each sentence as a CoNLL-U sentence with its surface tokens, `SpaceAfter=No` and a `# text` line.
    public static func sentences(_ source: String) -> [CoNLLUSentence] {
        var sentences: [CoNLLUSentence] = []
        var forms: [String] = []
        func flush() {
            guard !forms.isEmpty else { return }
            var words: [CoNLLUSentence.Word] = []
            var text = ""
            for (index, form) in forms.enumerated() {
                let spaceAfter = index + 1 < forms.count && !gluesRight(form) && !gluesLeft(forms[index + 1])
                words.append(.init(id: index + 1, form: form, misc: spaceAfter ? "_" : "SpaceAfter=No"))
                text += form + (spaceAfter ? " " : "")
            }
            sentences.append(CoNLLUSentence(comments: ["# text = \(text)"], words: words))
            forms = []
        }
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let space = line.lastIndex(of: " "), space > line.startIndex else {
                flush()
                continue
            }
            forms.append(String(line[..<space]))
        }
        flush()
        return sentences
    }

    /// Whether `form` takes no space before it (`.`, `,`, `»`, `)`, `…`).
    public static func gluesLeft(_ form: String) -> Bool {
        [".", ",", "!", "?", ":", ";", "»", ")", "…", "..."].contains(form)
    }

    /// Whether `form` takes no space after it (`«`, `(`).
    public static func gluesRight(_ form: String) -> Bool {
        form == "«" || form == "("
    }
}
