import ArgumentParser
import Foundation
import Pipeline
import TextModel
import TilshiCLI

extension TilshiCommand.Bench {
    /// `tilshi bench analyze-cli`: the user's own `analyze` (and `ingest`) command from process start to exit.
    struct AnalyzeCLI: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "analyze-cli",
            abstract: "Tokens per CPU-second and per wall-second of the real `tilshi analyze` command, cold and warm, per output format.",
            discussion: """
                Writes KazNERD sentences (detokenised, repeated up to --tokens) as one file and as files of \
                --sentences-per-file sentences, then runs `tilshi analyze` on them as a fresh process (cold: nothing \
                cached, the models loaded as a user's run loads them, output written to a file) for every format and \
                --jobs value, reading its CPU time and peak memory from the kernel. Warm figures run the same command \
                path again in this process once its caches are full. The writers are timed alone on analysed documents. \
                Tokens are KazNERD's. Build with -c release for real figures.
                """
        )

        @Option(help: "KazNERD IOB2 file whose sentences make up the input.")
        var data: String = "../shared/data/kaznerd/kaznerd-valid.iob2"

        @Option(help: "Tokens of input (KazNERD's sentences repeated).")
        var tokens: Int = 1_000_000

        @Option(help: "Sentences per file of the many-files layout.")
        var sentencesPerFile: Int = 40

        @Option(help: "Output formats to run, comma-separated (json, jsonl, conllu, text).")
        var formats: String = "jsonl,json,conllu,text"

        @Option(help: "Values of --jobs to run, comma-separated (default: 1 and every core).")
        var jobs: String?

        @Option(help: "Layouts to run, comma-separated: one (a single file), many (many small files).")
        var layouts: String = "one,many"

        @Flag(help: "Also time the warm pass in this process (runs the analysis twice more per format and jobs).")
        var warm = false

        @Flag(help: "Also time `tilshi ingest` of the many-files layout into a fresh collection for every --jobs value.")
        var ingest = false

        @Option(help: "Keep the generated input and outputs in this folder (default: a temporary one, removed).")
        var keep: String?

        init() {}

        func validate() throws {
            guard tokens >= 1_000 else { throw ValidationError("--tokens must be at least 1000") }
            guard sentencesPerFile >= 1 else { throw ValidationError("--sentences-per-file must be positive") }
            for format in formats.split(separator: ",") where !AnalyzeCommandPath.formats.contains(String(format)) {
                throw ValidationError("unknown format '\(format)'")
            }
            if let jobs, jobs.split(separator: ",").contains(where: { (Int($0) ?? 0) < 1 }) {
                throw ValidationError("--jobs takes positive numbers, comma-separated")
            }
        }

        func run() async throws {
            let sentences = try TilshiCommand.BenchAnalyze.sentences(data)
            guard !sentences.isEmpty else { throw ValidationError("\(data) has no sentences") }
            // KazNERD sentences repeated up to the token count.
            var lines: [String] = []
            var tokenCount = 0
            while tokenCount < tokens {
                let sentence = sentences[lines.count % sentences.count]
                lines.append(TilshiCommand.BenchSearch.detokenize(sentence))
                tokenCount += sentence.count
            }
            let root = URL(fileURLWithPath: keep ?? FileManager.default.temporaryDirectory.appendingPathComponent("tilshi-bench-cli-\(getpid())").path)
            try FileManager.default.createDirectory(at: root.appendingPathComponent("many"), withIntermediateDirectories: true)
            defer { if keep == nil { try? FileManager.default.removeItem(at: root) } }
            let one = root.appendingPathComponent("kaznerd.txt").path
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: one))
            var many: [String] = []
            for start in stride(from: 0, to: lines.count, by: sentencesPerFile) {
                let path = root.appendingPathComponent("many").appendingPathComponent(String(format: "part-%05d.txt", many.count + 1)).path
                try Data((lines[start..<min(start + sentencesPerFile, lines.count)].joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
                many.append(path)
            }
            let jobValues = jobs.map { $0.split(separator: ",").compactMap { Int($0) } } ?? Array(Set([1, OrderedWorkPool.defaultJobs])).sorted()
            let formatValues = formats.split(separator: ",").map(String.init)
            let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")

            print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; load average \(BenchPipeline.loadAverage()) (before)")
            print("input: \(data): \(sentences.count) sentences repeated to \(lines.count) sentences, \(tokenCount) tokens; "
                + "one file (\(Self.mebibytes(Self.size(of: one)))) and \(many.count) files of \(sentencesPerFile) sentences")
            print("cold: `tilshi analyze --format F --jobs N INPUT… > out` as a fresh process (CPU = user + system of the process)")
            print("  layout  format  jobs   wall s    CPU s   tokens/CPU-s  tokens/wall-s  peak RSS  output")
            for layout in layouts.split(separator: ",").map(String.init) {
                let inputs = layout == "one" ? [one] : many
                for format in formatValues {
                    var reference: Data?
                    for jobCount in jobValues {
                        let output = root.appendingPathComponent("out-\(layout)-\(format)-\(jobCount)").path
                        let run = try Self.spawn(executable, ["analyze", "--format", format, "--jobs", String(jobCount)] + inputs, output: output)
                        let produced = try Data(contentsOf: URL(fileURLWithPath: output))
                        var same = ""
                        if let reference { same = produced == reference ? "  = jobs \(jobValues[0])" : "  DIFFERS from jobs \(jobValues[0])" } else { reference = produced }
                        print("  " + [layout.padding(6), format.padding(6), String(jobCount).padding(4, left: true),
                                      String(format: "%7.2f  %7.2f", run.wall, run.cpu),
                                      String(format: "%13.0f  %13.0f", Double(tokenCount) / run.cpu, Double(tokenCount) / run.wall),
                                      Self.mebibytes(run.peakRSS).padding(8, left: true),
                                      Self.mebibytes(produced.count) + same + (run.status == 0 ? "" : "  exit \(run.status)")].joined(separator: "  "))
                        if keep == nil { try? FileManager.default.removeItem(atPath: output) }
                    }
                }
            }
            if ingest {
                print("ingest: `tilshi ingest --db NEW --no-progress` of the \(many.count) files")
                print("  jobs   wall s    CPU s   files/wall-s  tokens/wall-s  peak RSS")
                for jobCount in jobValues {
                    let database = root.appendingPathComponent("ingest-\(jobCount).sqlite").path
                    let run = try Self.spawn(executable, ["ingest", "--db", database, "--no-progress", "--jobs", String(jobCount), root.appendingPathComponent("many").path], output: "/dev/null")
                    print("  " + [String(jobCount).padding(4, left: true), String(format: "%7.2f  %7.2f", run.wall, run.cpu),
                                  String(format: "%12.0f  %13.0f", Double(many.count) / run.wall, Double(tokenCount) / run.wall),
                                  Self.mebibytes(run.peakRSS).padding(8, left: true) + (run.status == 0 ? "" : "  exit \(run.status)")].joined(separator: "  "))
                    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
                }
            }
            if warm {
                print("warm: the same command path in this process, second pass (CPU = this process)")
                print("  layout  format  jobs   wall s    CPU s   tokens/CPU-s  tokens/wall-s")
                for layout in layouts.split(separator: ",").map(String.init) {
                    let inputs = layout == "one" ? [one] : many
                    for format in formatValues {
                        for jobCount in jobValues {
                            let arguments = ["--format", format, "--jobs", String(jobCount)]
                            var sink = NullSink()
                            _ = try AnalyzeCommandPath.run(arguments, inputs: inputs, write: { sink.write($0) }, report: { _ in })
                            let (wall, cpu) = try Self.measure { _ = try AnalyzeCommandPath.run(arguments, inputs: inputs, write: { sink.write($0) }, report: { _ in }) }
                            print("  " + [layout.padding(6), format.padding(6), String(jobCount).padding(4, left: true),
                                          String(format: "%7.2f  %7.2f", wall, cpu),
                                          String(format: "%13.0f  %13.0f", Double(tokenCount) / cpu, Double(tokenCount) / wall)].joined(separator: "  "))
                        }
                    }
                }
            }
            try writers(many)
            print("machine: load average \(BenchPipeline.loadAverage()) (after)")
        }

        /// Times each output writer alone (one thread) on documents analysed from the first files.
        func writers(_ files: [String]) throws {
            let pipeline = Pipeline.default
            var documents: [Document] = []
            var tokenCount = 0
            for path in files where tokenCount < 100_000 {
                let document = pipeline.analyze(id: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent, text: try String(contentsOfFile: path, encoding: .utf8))
                tokenCount += document.tokens.count
                documents.append(document)
            }
            print("writers alone (CPU of one thread, \(documents.count) analysed documents, \(tokenCount) tokens, best of 3):")
            for format in AnalyzeCommandPath.formats {
                var bytes = 0
                var best = Double.infinity
                for _ in 0..<3 {
                    bytes = 0
                    let start = ThreadCPUClock.now()
                    for document in documents {
                        bytes += try AnalyzeCommandPath.render(document, format: format).utf8.count
                    }
                    best = min(best, ThreadCPUClock.now() - start)
                }
                print("  \(format.padding(6))  " + String(format: "%10.0f tokens/s  %6.1f MB/s", Double(tokenCount) / best, Double(bytes) / best / 1e6))
            }
        }

        /// Wall and process CPU seconds of `work`.
        static func measure(_ work: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
            let wall = Self.clock(CLOCK_MONOTONIC), cpu = Self.clock(CLOCK_PROCESS_CPUTIME_ID)
            try work()
            return (Self.clock(CLOCK_MONOTONIC) - wall, Self.clock(CLOCK_PROCESS_CPUTIME_ID) - cpu)
        }

        static func clock(_ id: clockid_t) -> Double {
            var time = timespec()
            clock_gettime(id, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }

        /// Runs `executable` with `arguments`, standard output to `output` and standard error discarded; returns its
        /// wall time, CPU time (user + system), peak resident memory in bytes and exit status.
        static func spawn(_ executable: String, _ arguments: [String], output: String) throws -> (wall: Double, cpu: Double, peakRSS: Int, status: Int32) {
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            let argv = ([executable] + arguments).map { strdup($0) } + [nil]
            defer { for pointer in argv { free(pointer) } }
            var pid: pid_t = 0
            let start = clock(CLOCK_MONOTONIC)
            let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
            guard spawned == 0 else { throw ValidationError("cannot run \(executable): error \(spawned)") }
            var status: Int32 = 0
            var usage = rusage()
            while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
            let wall = clock(CLOCK_MONOTONIC) - start
            func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
            let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            return (wall, seconds(usage.ru_utime) + seconds(usage.ru_stime), usage.ru_maxrss * 1024, exit)
        }

        static func size(of path: String) -> Int {
            ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
        }

        static func mebibytes(_ bytes: Int) -> String {
            String(format: "%.1f MiB", Double(bytes) / 1_048_576)
        }
    }
}

/// Where the warm pass writes: the command's bytes are counted and dropped, as writing to /dev/null would.
private struct NullSink {
    var bytes = 0
    mutating func write(_ text: String) { bytes &+= text.utf8.count }
}

extension String {
    /// Padded with spaces to `width` (on the left for numbers).
    fileprivate func padding(_ width: Int, left: Bool = false) -> String {
        count >= width ? self : (left ? String(repeating: " ", count: width - count) + self : self + String(repeating: " ", count: width - count))
    }
}
