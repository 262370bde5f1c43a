public import ArgumentParser

/// The namespace of `tilshi`'s subcommands; each lives in `Commands/`, the root in the `tilshi` executable.
public enum TilshiCommand {
    /// The commands a user runs: analyse, build, search and serve a collection.
    public static let userCommands: [any ParsableCommand.Type] = [
        Analyze.self,
        Translit.self,
        Events.self,
        Ingest.self, Search.self, Show.self, Entities.self, Stats.self, Export.self, Reindex.self, Migrate.self,
        Serve.self,
        Demo.self,
    ]
}
