import Formats
import NewsSources
import Pipeline
import TextModel

/// One piece of the work of `analyze` and `events`: a document to analyse, with the reports about its input that
/// come before it (an unreadable file, a bad JSON line). Inputs are read as the units are taken, so only the units
/// in flight are in memory.
struct AnalysisUnit: Sendable {
    /// Problems with the input, reported (and counted as failures) before the unit's own output.
    var reports: [String] = []
    /// What to analyse, if anything.
    var work: Work?

    enum Work: Sendable {
        /// A document the news readers found; `id` names it in the output.
        case news(SourceDocument, id: String)
        /// A whole input to analyse as it is (plain text or CoNLL-U).
        case text(String, input: String)
    }
}

/// The units of a list of inputs, in order: each input is read when the first of its units is asked for.
struct AnalysisUnits: Sequence, IteratorProtocol {
    let inputs: [String]
    let format: TilshiCommand.Analyze.InputFormat
    /// The size limits each document must keep; a document over them is reported, not analysed.
    let limits: InputLimits
    private var position = 0
    private var pending: [AnalysisUnit] = []

    init(_ inputs: [String], format: TilshiCommand.Analyze.InputFormat, limits: InputLimits = .default) {
        self.inputs = inputs
        self.format = format
        self.limits = limits
    }

    mutating func next() -> AnalysisUnit? {
        while pending.isEmpty {
            guard position < inputs.count else { return nil }
            let input = inputs[position]
            position += 1
            pending = Self.units(of: input, format: format, limits: limits).reversed()
        }
        return pending.removeLast()
    }

    /// Reads one input into its units (at least one, so every input's reports are seen).
    static func units(of input: String, format: TilshiCommand.Analyze.InputFormat, limits: InputLimits = .default) -> [AnalysisUnit] {
        let text: String
        do { text = try TextInput.read(input) } catch { return [AnalysisUnit(reports: ["\(error)"])] }
        guard let sources = TilshiCommand.Analyze.newsDocuments(text, input: input, format: format, limits: limits) else {
            do { try limits.check(document: text, input: input) } catch { return [AnalysisUnit(reports: ["\(error)"])] }
            return [AnalysisUnit(work: .text(text, input: input))]
        }
        let baseID = TilshiCommand.Analyze.documentID(for: input)
        var units = sources.documents.enumerated().map { index, source in
            AnalysisUnit(work: .news(source, id: source.documentID(fallback: sources.documents.count == 1 ? baseID : "\(baseID)#\(index + 1)")))
        }
        let reports = sources.problems.map { "\($0)" }
        if units.isEmpty { units = [AnalysisUnit()] }
        units[0].reports = reports
        return units
    }
}
