import Bench
import DocwrightCore
import Ranking
import Testing

/// Each policy's pick on hand-built samples whose test results are known.
@Suite struct PolicySelectionTests {
    struct Case {
        var heTask: HumanEvalTask
        var processed: [ProcessedSample]
        var passes: [String: Bool]
    }

    /// Samples as (text, mean logprob, finish reason, passes the hidden tests).
    static func makeCase(_ samples: [(String, Double, FinishReason, Bool)]) throws -> Case {
        let heTask = try HumanEvalTask.make(BenchFixtures.addProblem)
        var processed: [ProcessedSample] = []
        var passes: [String: Bool] = [:]
        for (text, logprob, finish, passing) in samples {
            let sample = try #require(BenchFixtures.processed(BenchFixtures.sample(text, logprob: logprob, finish: finish), heTask))
            processed.append(sample)
            passes[sample.text] = passing
        }
        return Case(heTask: heTask, processed: processed, passes: passes)
    }

    static func value(_ policy: BenchPolicy, _ testCase: Case, verifier: (any Verifier)? = nil) async -> (Double, Candidate?) {
        await PolicySelection.value(of: policy, processed: testCase.processed, task: testCase.heTask.task,
                                    passes: testCase.passes, verifier: verifier, syntaxChecker: nil)
    }

    @Test func truncationDemotionChangesThePick() async throws {
        // The truncated sample has the higher mean log-probability (the pitfall the demotion fixes).
        let testCase = try Self.makeCase([
            ("    result = a * b\n    return result\n    # and then", -0.1, .length, false),
            ("    return a + b\n", -0.9, .stop, true),
        ])
        let (raw, rawTop) = await Self.value(.ranker(.meanLogprobNoDemotion), testCase)
        #expect(raw == 0)
        #expect(rawTop?.finishReason == .length)
        let (demoted, demotedTop) = await Self.value(.ranker(.meanLogprob), testCase)
        #expect(demoted == 1)
        #expect(demotedTop?.text.contains("a + b") == true)
        let (random, _) = await Self.value(.random, testCase)
        #expect(random == 0.5)
    }

    @Test func agreementFollowsTheMajorityLogprobTheLikeliest() async throws {
        let testCase = try Self.makeCase([
            ("    return a * b\n", -0.5, .stop, false),
            ("    return a + b\n", -0.2, .stop, true),
            ("    return a * b\n", -0.5, .stop, false),
            ("    return a*b\n", -0.5, .stop, false),
        ])
        #expect(await Self.value(.ranker(.agreement), testCase).0 == 0)
        #expect(await Self.value(.ranker(.meanLogprob), testCase).0 == 1)
        #expect(await Self.value(.ranker(.meanLogprobNoDemotion), testCase).0 == 1)
        // Random: 1 of the 4 usable samples passes.
        #expect(await Self.value(.random, testCase).0 == 0.25)
    }

    @Test func verificationRunsTheDocstringExamples() async throws {
        // `a * b` is likelier but fails `add(2, 3) == 5`; verification puts `a + b` first.
        let testCase = try Self.makeCase([
            ("    return a * b\n", -0.1, .stop, false),
            ("    return a + b\n", -0.8, .stop, true),
        ])
        #expect(await Self.value(.ranker(.meanLogprob), testCase).0 == 0)
        let (verified, top) = await Self.value(.ranker(.verifiedThenLogprob), testCase, verifier: DoctestVerifier())
        #expect(verified == 1)
        #expect(top?.verification == .passed)
    }

    @Test func examplesAreWeakerThanHiddenTests() async throws {
        // `a * b - 1` also gives 5 for (2, 3): it passes the docstring example but not the tests.
        let testCase = try Self.makeCase([
            ("    return a * b - 1\n", -0.05, .stop, false),
            ("    return a + b\n", -0.8, .stop, true),
        ])
        let (verified, top) = await Self.value(.ranker(.verifiedThenLogprob), testCase, verifier: DoctestVerifier())
        #expect(verified == 0)
        #expect(top?.text.contains("a * b - 1") == true)
    }

    @Test func noUsableSampleCountsAsFailure() async throws {
        let heTask = try HumanEvalTask.make(BenchFixtures.addProblem)
        for policy in BenchPolicy.all {
            let (value, top) = await PolicySelection.value(of: policy, processed: [], task: heTask.task, passes: [:],
                                                           verifier: nil, syntaxChecker: nil)
            #expect(value == 0 && top == nil)
        }
    }

    @Test func policyNamesRoundTrip() {
        for policy in BenchPolicy.all { #expect(BenchPolicy(name: policy.name) == policy) }
        #expect(BenchPolicy(name: "best") == nil)
        #expect(BenchPolicy.all.map(\.name) == ["random", "mean_logprob_raw", "mean_logprob", "verified_then_logprob", "agreement"])
    }
}
