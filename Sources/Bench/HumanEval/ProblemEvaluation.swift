import DocwrightCore
import Prompting
import Ranking

/// What one problem gave: its samples, which passed, and each policy's pick.
public struct ProblemResult: Sendable, Codable {
    public struct SampleRecord: Sendable, Codable {
        public var finishReason: String
        /// Mean log-probability of the kept tokens (nil: none returned or nothing kept).
        public var meanLogprob: Double?
        /// The text docwright would insert; nil when post-processing left nothing usable.
        public var text: String?
        public var passed: Bool
        public var test: String?
    }

    public var taskID: String
    /// Samples drawn (the n of pass@k).
    public var samples: Int
    /// Samples post-processing kept.
    public var usable: Int
    /// Samples whose tests passed (the c of pass@k).
    public var correct: Int
    public var passAt1: Double
    public var passAtN: Bool
    /// Policy name → 1/0 (its top candidate passed) or the expected rate (random).
    public var policies: [String: Double]
    /// Seconds to draw the samples.
    public var latency: Double
    public var completionTokens: Int
    /// The canonical solution passed when fed through docwright's post-processing as a sample.
    public var canonicalThroughDocwright: Bool
    public var records: [SampleRecord]
    /// Set when the problem could not be evaluated (model error); then it is left out of the totals.
    public var error: String?
    /// Set when docwright's Intent found no task in the prompt: counted as failed by every row.
    public var noTask: String?

    static func failed(_ taskID: String, error: String) -> ProblemResult {
        ProblemResult(taskID: taskID, samples: 0, usable: 0, correct: 0, passAt1: 0, passAtN: false, policies: [:],
                      latency: 0, completionTokens: 0, canonicalThroughDocwright: false, records: [], error: error)
    }

    static func noTask(_ taskID: String, reason: String) -> ProblemResult {
        ProblemResult(taskID: taskID, samples: 0, usable: 0, correct: 0, passAt1: 0, passAtN: false, policies: [:],
                      latency: 0, completionTokens: 0, canonicalThroughDocwright: false, records: [], error: nil,
                      noTask: reason)
    }
}

/// Tests every sample of one problem and asks each policy for its pick.
public struct ProblemEvaluator: Sendable {
    public var tester: SolutionTester
    public var policies: [BenchPolicy]
    public var verifier: DoctestVerifier
    public var testWidth: Int

    public init(tester: SolutionTester, policies: [BenchPolicy] = BenchPolicy.all,
                verifier: DoctestVerifier = DoctestVerifier(), testWidth: Int = 2) {
        self.tester = tester
        self.policies = policies
        self.verifier = verifier
        self.testWidth = testWidth
    }

    /// Checks the harness on the problem's canonical solution: it must pass as the official
    /// harness runs it (else the sandbox or Python is broken: throws). Returns whether it also
    /// passes after docwright's post-processing, as if a model had written it.
    public func checkCanonical(_ heTask: HumanEvalTask, plan: PromptPlan) async throws -> Bool {
        let problem = heTask.problem
        let official = try await tester.run(problem.testProgram(completedFile: problem.prompt + problem.canonicalSolution))
        guard official.passed else {
            throw BenchError.harness("\(problem.taskID): the canonical solution fails in the sandbox (\(official.summary)); "
                                     + "the test harness is broken on this machine")
        }
        let sample = Sample(text: problem.canonicalSolution, tokens: nil, finishReason: .stop)
        guard let processed = Postprocessor.process(sample, plan: plan, task: heTask.task) else { return false }
        return try await tester.run(heTask.testProgram(for: processed.text)).passed
    }

    /// Evaluates the samples of one batch.
    public func evaluate(_ heTask: HumanEvalTask, batch: SampleBatch, plan: PromptPlan, canonicalOK: Bool) async throws -> ProblemResult {
        let processed = batch.samples.map { Postprocessor.process($0, plan: plan, task: heTask.task) }
        let usable = processed.compactMap { $0 }
        var distinct: [String] = []
        for sample in usable where !distinct.contains(sample.text) { distinct.append(sample.text) }
        let outcomes = try await tester.runAll(distinct.map(heTask.testProgram(for:)), width: testWidth)
        var passes: [String: Bool] = [:]
        var summaries: [String: String] = [:]
        for (text, outcome) in zip(distinct, outcomes) {
            passes[text] = outcome.passed
            summaries[text] = outcome.summary
        }
        // Per-sample mean log-probability, as Ranking computes it (a ranker without subprocesses).
        let scorer = Ranker(policy: .meanLogprobNoDemotion, demoteTruncated: false, syntaxChecker: nil)
        var records: [ProblemResult.SampleRecord] = []
        for (sample, processed) in zip(batch.samples, processed) {
            var meanLogprob: Double?
            if let processed { meanLogprob = await scorer.rank([processed], task: nil, verifier: nil).first?.meanLogprob }
            records.append(ProblemResult.SampleRecord(
                finishReason: sample.finishReason.rawValue, meanLogprob: meanLogprob, text: processed?.text,
                passed: processed.map { passes[$0.text] == true } ?? false, test: processed.flatMap { summaries[$0.text] }))
        }
        let n = batch.samples.count
        let c = records.filter(\.passed).count
        var values: [String: Double] = [:]
        for policy in policies {
            values[policy.name] = await PolicySelection.value(
                of: policy, processed: usable, task: heTask.task, passes: passes, verifier: verifier).value
        }
        return ProblemResult(
            taskID: heTask.problem.taskID, samples: n, usable: usable.count, correct: c,
            passAt1: BenchStatistics.passAtK(n: n, c: c, k: 1) ?? 0, passAtN: c > 0, policies: values,
            latency: batch.latency, completionTokens: batch.usage.completionTokens,
            canonicalThroughDocwright: canonicalOK, records: records, error: nil, noTask: nil)
    }
}
