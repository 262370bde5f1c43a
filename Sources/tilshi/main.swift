import TilshiCLI

await TilshiCommand.runFromCommandLine()
