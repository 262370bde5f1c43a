import Evaluation
import SampleArticles
import TilshiCLI
import ArgumentParser

/// Where the public gold corpora are read from (shared by the `eval` subcommands of text normalisation).
struct GoldDataOptions: ParsableArguments {
    @Option(help: "Directory holding UD Kazakh KTB (kk_ktb-dev.conllu, kk_ktb-ud-train.conllu).")
    var ktb: String = "../shared/data/ud-kazakh-ktb"

    @Option(help: "KazNERD IOB2 file (one token and tag per line, blank line between sentences).")
    var kaznerd: String = "../shared/data/kaznerd/kaznerd-valid.iob2"

    init() {}
}
