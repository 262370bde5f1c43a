import ArgumentParser
import TilshiCLI
import TilshiLab

/// The `tilshi` command: the root only lists subcommands. The user's commands live in `TilshiCLI`; the developers'
/// lab (`eval`, `bench`, `train`, `tag`), which measures and trains but is never needed to run Tilshi, in `TilshiLab`.
@main
struct Tilshi: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tilshi",
        abstract: "Tilshi turns Kazakh news into structured, searchable knowledge.",
        version: "0.1.0",
        subcommands: TilshiCommand.userCommands + TilshiCommand.labCommands
    )
}
