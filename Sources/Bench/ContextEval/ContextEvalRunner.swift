import Foundation
import Ranking

/// The repo-level eval of issue 15: for each case, `docwright generate TARGET --apply` on a fresh
/// copy of its workspace, once with project context and once with `--no-context`, then the case's
/// test in the sandbox. Drives the real binary (as a user would), with private HOME/XDG
/// directories and a user configuration that fixes the sampling settings.
public struct ContextEvalRunner: Sendable {
    public var options: ContextEvalOptions
    public var environment: [String: String]
    /// Progress lines (stderr by default).
    public var progress: @Sendable (String) -> Void

    public init(options: ContextEvalOptions, environment: [String: String] = ProcessInfo.processInfo.environment,
                progress: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) {
        self.options = options
        self.environment = environment
        self.progress = progress
    }

    /// The docwright binary: `--binary`, else `$DOCWRIGHT_BIN`, else the sibling of this program.
    func resolvedBinary() throws -> String {
        let here = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let sibling = URL(fileURLWithPath: here).deletingLastPathComponent().appendingPathComponent("docwright").path
        let path = options.binary ?? environment["DOCWRIGHT_BIN"].flatMap { $0.isEmpty ? nil : $0 } ?? sibling
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw BenchError.harness("cannot find the docwright binary (\(path)); pass --binary PATH")
        }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }

    var modelURL: String {
        options.modelURL ?? environment["DOCWRIGHT_LOCAL_MODEL_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "http://127.0.0.1:8012/v1"
    }

    public func run() async throws -> (report: ContextEvalReport, files: [String]) {
        let started = ContinuousClock.now
        var cases = try ContextEvalCase.load(from: options.casesDirectory)
        if let only = options.only {
            cases = cases.filter { only.contains($0.name) }
            guard !cases.isEmpty else { throw BenchError.badData("no case named \(only.joined(separator: ", "))") }
        }
        let binary = try resolvedBinary()
        let isolation = await Sandbox.shared.isolation()
        progress("context-eval: \(cases.count) cases × 2 modes, n=\(options.n), max_tokens=\(options.maxTokens), "
                 + "model \(options.model) at \(modelURL); docwright: \(binary); sandbox: \(isolation.summary)")
        var results: [ContextEvalResult] = []
        for (index, evalCase) in cases.enumerated() {
            let with = try await attempt(evalCase, context: true, binary: binary)
            let without = try await attempt(evalCase, context: false, binary: binary)
            progress("context-eval: [\(index + 1)/\(cases.count)] \(evalCase.name): with context \(with.passed ? "pass" : "fail")"
                     + " (\(with.contextPieces) pieces\(with.helperInContext ? ", helper in context" : "")), without "
                     + (without.passed ? "pass" : "fail") + (with.passed ? "" : " — \(with.summary.prefix(120))"))
            results.append(ContextEvalResult(name: evalCase.name, helper: evalCase.helper, withContext: with, withoutContext: without))
        }
        let attempts = results.flatMap { [$0.withContext, $0.withoutContext] }
        if attempts.allSatisfy({ $0.summary.hasPrefix("docwright exit") }) {
            throw BenchError.model("no generation succeeded (model at \(modelURL)): \(attempts.first?.summary ?? "")")
        }
        let report = ContextEvalReport(
            model: options.model, baseURL: modelURL, binary: binary, n: options.n, maxTokens: options.maxTokens,
            temperature: options.temperature, seed: options.seed, date: ISO8601DateFormatter().string(from: Date()),
            sandbox: isolation.summary, seconds: started.duration(to: .now).seconds, results: results)
        return (report, try write(report))
    }

    /// One generation and its test, in a fresh temporary directory removed afterwards.
    func attempt(_ evalCase: ContextEvalCase, context: Bool, binary: String) async throws -> ContextEvalAttempt {
        let started = ContinuousClock.now
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-context-eval-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let workspace = root + "/workspace"
        try evalCase.writeWorkspace(to: workspace)
        let environment = try isolatedEnvironment(home: root + "/home")
        let target = workspace + "/" + evalCase.target
        let mode = (context ? [] : ["--no-context"]) + ["--workspace", workspace, "--model", options.model]

        // What the prompt carries (no model call): the context pieces, and whether the helper is among them.
        let preview = try await Subprocess.run(binary, ["prompt", target, "--json"] + mode, environment: environment, timeout: 120)
        let previewJSON = (try? JSONSerialization.jsonObject(with: preview.stdout)) as? [String: Any] ?? [:]
        let pieces = previewJSON["context"] as? [[String: Any]] ?? []
        let helperInContext = pieces.contains { piece in
            (piece["symbols"] as? [String] ?? []).contains(evalCase.helper)
                || (piece["text"] as? String ?? "").contains(evalCase.helper + "(")
        }

        func finish(_ passed: Bool, _ summary: String, body: String = "") -> ContextEvalAttempt {
            ContextEvalAttempt(passed: passed, summary: summary, callsHelper: body.contains(evalCase.helper + "("),
                               contextPieces: pieces.count, helperInContext: helperInContext, body: body,
                               seconds: started.duration(to: .now).seconds)
        }

        let generated = try await Subprocess.run(
            binary, ["generate", target, "--json", "--apply", "--n", String(options.n)] + mode,
            environment: environment, timeout: options.generateTimeout)
        if generated.timedOut { return finish(false, "docwright timed out after \(Int(options.generateTimeout)) s") }
        let json = (try? JSONSerialization.jsonObject(with: generated.stdout)) as? [String: Any]
        let body = ((json?["candidates"] as? [[String: Any]])?.first?["text"] as? String) ?? ""
        guard generated.status == 0 else {
            if json != nil, body.isEmpty { return finish(false, "no candidate") }
            return finish(false, "docwright exit \(generated.status): " + Self.lastLine(generated.stderrText))
        }
        guard !body.isEmpty else { return finish(false, "no candidate") }

        let outcome = try await test(workspace: workspace, evalCase: evalCase)
        return finish(outcome.passed, outcome.summary, body: body)
    }

    /// Runs the case's test against the workspace as generated, in the sandbox: the workspace is
    /// staged as one JSON file that a fixed runner unpacks before running `test_case.py`.
    func test(workspace: String, evalCase: ContextEvalCase) async throws -> (passed: Bool, summary: String) {
        let files = try ContextEvalCase.readTree(workspace)
        let bundle = String(decoding: try JSONSerialization.data(withJSONObject: files, options: [.sortedKeys]), as: UTF8.self)
        let limits = SandboxLimits(wallSeconds: options.testTimeout, cpuSeconds: max(1, Int(options.testTimeout.rounded(.up))))
        let result = await Sandbox.shared.run(
            executable: options.python, arguments: ["-I", "-B", "run_case.py"],
            files: ["workspace.json": bundle, "run_case.py": Self.caseRunner, "test_case.py": evalCase.test], limits: limits)
        if let launchError = result.launchError {
            throw BenchError.harness("the sandbox could not run \(options.python): \(launchError)")
        }
        if result.exitCode == 127 || result.exitCode == 126 {
            throw BenchError.harness("\(options.python) could not be started in the sandbox: \(result.stderr.suffix(300))")
        }
        if result.succeeded { return (true, "ok") }
        return (false, "test " + result.terminationSummary + ": " + Self.lastLine(result.stderr))
    }

    /// Unpacks `workspace.json` into the working directory and runs `test_case.py` from there.
    static let caseRunner = """
        import json, os, runpy, sys
        with open("workspace.json", encoding="utf-8") as bundle:
            files = json.load(bundle)
        for relative, text in files.items():
            directory = os.path.dirname(relative)
            if directory:
                os.makedirs(directory, exist_ok=True)
            with open(relative, "w", encoding="utf-8") as out:
                out.write(text)
        sys.path.insert(0, os.getcwd())
        runpy.run_path("test_case.py", run_name="__main__")

        """

    /// Private HOME and XDG directories, the model's URL, and a user configuration with the
    /// eval's sampling settings (so no setting of the machine's user applies).
    func isolatedEnvironment(home: String) throws -> [String: String] {
        let config = home + "/config/docwright"
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        var settings = ["n = \(options.n)", "max_tokens = \(options.maxTokens)", "temperature = \(options.temperature)"]
        if let seed = options.seed { settings.append("seed = \(seed)") }
        // The model may be slow on a busy machine: the generation's own limit applies, not the preset's.
        settings += ["timeout = \(Int(options.generateTimeout))", "", "[models.\"\(options.model)\"]",
                     "timeout = \(Int(options.generateTimeout))"]
        try (settings.joined(separator: "\n") + "\n").write(toFile: config + "/config.toml", atomically: true, encoding: .utf8)
        var result = [
            "HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_CACHE_HOME": home + "/cache",
            "XDG_DATA_HOME": home + "/data", "XDG_STATE_HOME": home + "/state",
            "PATH": environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8", "DOCWRIGHT_LOG": "warning",
            "DOCWRIGHT_LOCAL_MODEL_URL": modelURL,
        ]
        for name in ["DOCWRIGHT_GRAMMARS", "DOCWRIGHT_LIBCURL"] { result[name] = environment[name] }
        return result
    }

    static func lastLine(_ text: String) -> String {
        String(text.split(separator: "\n").last ?? "").trimmingCharacters(in: .whitespaces).prefix(200).description
    }

    func write(_ report: ContextEvalReport) throws -> [String] {
        let directory = options.outputDirectory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = directory + "/context-eval-latest.json"
        let markdown = directory + "/context-eval-latest.md"
        try encoder.encode(report).write(to: URL(fileURLWithPath: json))
        try report.markdown.write(toFile: markdown, atomically: true, encoding: .utf8)
        return [markdown, json]
    }
}
