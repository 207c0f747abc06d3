import DocwrightCore
import FoundationEssentials
import JSON
import Languages

/// Runs a Python docstring's `>>>` examples against each candidate in the sandbox: the program is
/// the file with the candidate inserted (`task.prefix + candidate + task.suffix`) loaded as a
/// module, then every example evaluated and compared like doctest does.
///
/// - passed: every (non-skipped) example gave the expected output;
/// - failed: an example failed or timed out, or the file does not compile / raises on import;
/// - error: the harness could not tell (a module the file imports is missing in the sandbox's
///   Python, the sandbox failed to start): ranked like untested;
/// - untested: not Python, or the docstring has no examples.
public struct DoctestVerifier: Verifier {
    public var sandbox: Sandbox
    public var limits: SandboxLimits
    /// Seconds per example before it counts as failed (infinite loops).
    public var exampleTimeout: Double
    public var python: String

    public init(
        sandbox: Sandbox = .shared, limits: SandboxLimits = SandboxLimits(wallSeconds: 10, cpuSeconds: 10),
        exampleTimeout: Double = 2, python: String = "python3"
    ) {
        self.sandbox = sandbox
        self.limits = limits
        self.exampleTimeout = exampleTimeout
        self.python = python
    }

    /// The examples this verifier would run for `task` (empty: nothing to verify).
    public func examples(for task: GenerationTask) -> [DoctestExample] {
        guard Languages.named(task.language.lowercased())?.runnableExamples == .pythonDoctest else { return [] }
        let fromDoc = DoctestExtractor.examples(in: task.docText)
        return fromDoc.isEmpty ? DoctestExtractor.examples(in: task.rawDoc) : fromDoc
    }

    public func verify(candidate: String, task: GenerationTask) async -> VerificationOutcome {
        let examples = examples(for: task)
        guard !examples.isEmpty else { return .untested }
        let nonce = "DWRESULT-" + UUID().uuidString
        let payload: JSONValue = [
            "source": .string(task.prefix + candidate + task.suffix),
            "examples": .array(examples.map { ["source": .string($0.source), "want": .string($0.want)] }),
            "nonce": .string(nonce),
            "exampleTimeout": .number(exampleTimeout),
            "loadTimeout": .number(exampleTimeout),
        ]
        let data = payload.serializedBytes()
        var runLimits = limits
        runLimits.wallSeconds = min(limits.wallSeconds, exampleTimeout * Double(examples.count + 1) + 2)
        let result = await sandbox.run(executable: python, arguments: ["-I", "-B", "-c", DoctestHarness.source],
                                       stdin: String(decoding: data, as: UTF8.self), limits: runLimits)
        return Self.interpret(result, nonce: nonce, exampleCount: examples.count)
    }

    static func interpret(_ result: SandboxResult, nonce: String, exampleCount: Int) -> VerificationOutcome {
        var loadStatus: String?
        var loadDetail: String?
        var passed = 0
        var skipped = 0
        var reported = 0
        var firstFailure: String?
        for line in result.stdout.split(separator: "\n") where line.hasPrefix(nonce + " ") {
            let json = line.dropFirst(nonce.count + 1)
            guard let object = try? JSONValue(parsing: Array(json.utf8)), object.objectValue != nil else { continue }
            if let load = object["load"]?.stringValue {
                loadStatus = load
                loadDetail = object["detail"]?.stringValue
            } else if object["index"] != nil {
                reported += 1
                if object["skipped"]?.boolValue == true {
                    skipped += 1
                } else if object["passed"]?.boolValue == true {
                    passed += 1
                } else if firstFailure == nil {
                    let index = object["index"]?.intValue.map { "example \($0 + 1)" } ?? "example"
                    firstFailure = "\(index): \(object["detail"]?.stringValue ?? "failed")"
                }
            }
        }
        let run = exampleCount - skipped
        switch loadStatus {
        case nil:
            let reason = result.launchError ?? result.terminationSummary
            // Python missing (exit 127) or the sandbox broke: we cannot tell.
            if result.launchError != nil || result.exitCode == 127 || result.exitCode == 126 {
                return VerificationOutcome(status: .error, detail: "could not run python: \(reason)")
            }
            return VerificationOutcome(status: .failed, examplesRun: run, detail: "harness did not start: \(reason)")
        case "import":
            return VerificationOutcome(status: .error, detail: loadDetail ?? "import failed")
        case "syntax", "error":
            return VerificationOutcome(status: .failed, examplesRun: run, detail: "on load: \(loadDetail ?? "error")")
        default:
            break
        }
        if reported < exampleCount, firstFailure == nil {
            firstFailure = "stopped after \(reported) of \(exampleCount) examples: \(result.terminationSummary)"
        }
        if run == 0 { return VerificationOutcome(status: .untested, detail: "all examples skipped") }
        return VerificationOutcome(status: passed == run ? .passed : .failed, examplesPassed: passed,
                                   examplesRun: run, detail: passed == run ? nil : firstFailure)
    }
}
