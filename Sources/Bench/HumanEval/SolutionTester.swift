import Foundation
import Ranking

/// What running a problem's tests against one completed file gave.
public struct TestOutcome: Sendable, Hashable, Codable {
    public var passed: Bool
    /// "ok", "exit 1", "timeout after 5.00 s", … plus the last line of stderr on failure.
    public var summary: String
    public var seconds: Double
}

/// Runs HumanEval test programs in Ranking's `Sandbox` (python3 subprocess with a wall-time
/// limit, rlimits, and network/filesystem isolation where the machine allows).
public struct SolutionTester: Sendable {
    public var python: String
    public var timeout: Double
    public var sandbox: Sandbox

    public init(python: String = "python3", timeout: Double = 5, sandbox: Sandbox = .shared) {
        self.python = python
        self.timeout = timeout
        self.sandbox = sandbox
    }

    /// Runs `program`; throws only when the sandbox itself could not start it.
    public func run(_ program: String) async throws -> TestOutcome {
        let limits = SandboxLimits(wallSeconds: timeout, cpuSeconds: max(1, Int(timeout.rounded(.up))))
        let result = await sandbox.run(executable: python, arguments: ["-I", "-B", "solution.py"],
                                       files: ["solution.py": program], limits: limits)
        if let launchError = result.launchError {
            throw BenchError.harness("the sandbox could not run \(python): \(launchError)")
        }
        if result.exitCode == 127 || result.exitCode == 126 {
            throw BenchError.harness("\(python) could not be started in the sandbox: \(result.stderr.suffix(300))")
        }
        var summary = result.terminationSummary
        if !result.succeeded, let last = result.stderr.split(separator: "\n").last {
            summary += ": " + last.prefix(160)
        }
        return TestOutcome(passed: result.succeeded, summary: summary, seconds: result.wallSeconds)
    }

    /// Runs several programs, `width` at a time; results in input order.
    public func runAll(_ programs: [String], width: Int = 2) async throws -> [TestOutcome] {
        var results = [TestOutcome?](repeating: nil, count: programs.count)
        try await withThrowingTaskGroup(of: (Int, TestOutcome).self) { group in
            var next = 0
            func launch() {
                let index = next
                let program = programs[index]
                group.addTask {
                    // Await first: Swift 6.3 -O can lose tuple parts written before an await (swiftlang/swift#91911).
                    let outcome = try await run(program)
                    return (index, outcome)
                }
                next += 1
            }
            while next < min(max(1, width), programs.count) { launch() }
            while let (index, outcome) = try await group.next() {
                results[index] = outcome
                if next < programs.count { launch() }
            }
        }
        return results.map { $0 ?? TestOutcome(passed: false, summary: "not run", seconds: 0) }
    }
}
