import DocwrightCore
import FoundationEssentials

/// Runs untrusted programs (candidate code, its docstring examples, HumanEval tests) contained:
/// a fresh temporary working directory (HOME and TMPDIR too) removed afterwards; wall-time, CPU,
/// memory, file-size, process-count, descriptor and output limits; an environment holding only
/// PATH, HOME, TMPDIR and LANG (no API keys inherited); the network cut, a PID namespace and a
/// read-only view of shared writable directories where the machine allows it (see
/// `SandboxIsolation`, reported with every result). As root, programs run as `nobody`.
public struct Sandbox: Sendable {
    /// Shares the once-per-process probe of what this machine allows.
    public static let shared = Sandbox()

    public init() {}

    /// What containment runs get on this machine (probes on first use, ~50 ms).
    public func isolation(isolateNetwork: Bool = true) async -> SandboxIsolation {
        await LaunchPlanCache.shared.plan().isolation(isolateNetwork: isolateNetwork)
    }

    /// Runs `executable` (a name looked up in PATH inside the sandbox, or an absolute path the
    /// sandbox user can execute) with `arguments`, feeding `stdin`. `files` (plain names, no
    /// directories) are placed in the working directory first. Never throws: failures to start
    /// are reported in `launchError`. Cancelling the calling task kills the program.
    public func run(
        executable: String, arguments: [String] = [], stdin: String = "", files: [String: String] = [:],
        limits: SandboxLimits = SandboxLimits()
    ) async -> SandboxResult {
        let plan = await LaunchPlanCache.shared.plan()
        let isolation = plan.isolation(isolateNetwork: limits.isolateNetwork)
        let control = SpawnControl()
        let outcome = await withTaskCancellationHandler {
            await DedicatedThread.run(name: "docwright.sandbox") {
                Self.runBlocking(plan: plan, executable: executable, arguments: arguments, stdin: stdin,
                                 files: files, limits: limits, control: control)
            }
        } onCancel: {
            control.cancel()
        }
        // The wrapper shell reports a program killed by signal n as exit status 128 + n.
        var exitCode = outcome.exitCode
        var signal = outcome.signal
        if let code = exitCode, code > 128, code <= 128 + 64, outcome.launchError == nil {
            exitCode = nil
            signal = code - 128
        }
        return SandboxResult(
            exitCode: exitCode, signal: signal, launchError: outcome.launchError,
            stdoutBytes: outcome.stdout, stderrBytes: outcome.stderr, stdoutTruncated: outcome.stdoutTruncated,
            stderrTruncated: outcome.stderrTruncated, timedOut: outcome.timedOut,
            outputLimitExceeded: outcome.outputCapExceeded, cancelled: outcome.cancelled,
            wallSeconds: outcome.wallSeconds, isolation: isolation
        )
    }

    private static func runBlocking(
        plan: LaunchPlan, executable: String, arguments: [String], stdin: String, files: [String: String],
        limits: SandboxLimits, control: SpawnControl
    ) -> SpawnOutcome {
        let directory: WorkDirectory
        switch WorkDirectory.create(owner: plan.sandboxUser, stdinText: stdin, files: files) {
        case .success(let created): directory = created
        case .failure(let error):
            var outcome = SpawnOutcome()
            outcome.launchError = error.message
            return outcome
        }
        defer { directory.remove() }
        if control.isCancelled {
            var outcome = SpawnOutcome()
            outcome.cancelled = true
            return outcome
        }
        let request = SpawnRequest(
            argv: plan.argv(executable: executable, arguments: arguments, limits: limits,
                            work: directory.work, staged: !files.isEmpty),
            environment: plan.environment(work: directory.work), stdinPath: directory.stdin,
            wallSeconds: limits.wallSeconds, outputCap: limits.outputBytes
        )
        return ProcessRunner.supervise(request, control: control)
    }
}
