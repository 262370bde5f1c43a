public import ArgumentParser
public import TilshiCLI

extension TilshiCommand {
    /// The developers' commands: accuracy (`eval`), speed (`bench`), training (`train`) and tagging gold data (`tag`).
    public static let labCommands: [any ParsableCommand.Type] = [Eval.self, Bench.self, Train.self, Tag.self, Fuzz.self]
}
