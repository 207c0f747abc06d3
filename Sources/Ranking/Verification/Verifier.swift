import DocwrightCore

/// Checks a candidate against something the task states (docstring examples, tests).
public protocol Verifier: Sendable {
    /// `.untested` with `examplesRun == 0` when there is nothing to check for this task.
    func verify(candidate: String, task: GenerationTask) async -> VerificationOutcome
}

/// The result of verifying one candidate.
public struct VerificationOutcome: Sendable, Hashable {
    public var status: Candidate.Verification
    public var examplesPassed: Int
    public var examplesRun: Int
    /// Short explanation of the first failure or error (for `Candidate.notes`).
    public var detail: String?

    public init(status: Candidate.Verification, examplesPassed: Int = 0, examplesRun: Int = 0, detail: String? = nil) {
        self.status = status
        self.examplesPassed = examplesPassed
        self.examplesRun = examplesRun
        self.detail = detail
    }

    public static let untested = VerificationOutcome(status: .untested)
}
