import ArgumentParser

/// The `tilshi` command: the root only lists subcommands; each lives in `Commands/`.
public struct TilshiCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tilshi",
        abstract: "Tilshi turns Kazakh news into structured, searchable knowledge.",
        version: "0.1.0",
        subcommands: [
            Analyze.self,
            Translit.self,
            Events.self,
            Ingest.self, Search.self, Show.self, Entities.self, Stats.self, Export.self,
            Eval.self,
            Bench.self,
            Train.self,
            Tag.self,
            Serve.self,
            Demo.self,
        ]
    )

    public init() {}
}

extension TilshiCommand {
    /// Entry point for the `tilshi` executable: parses `CommandLine.arguments` and runs the command.
    public static func runFromCommandLine() async {
        await main()
    }
}
