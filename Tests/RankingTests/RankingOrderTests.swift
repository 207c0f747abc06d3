import DocwrightCore
import Testing
@testable import Ranking

@Suite("Ranking order, dedupe, demotion, fallback")
struct RankingOrderTests {
    // The measured pitfall with the local Gemma model: the loop cut by max_tokens scores higher.
    let truncated = uniformSample("    result = 0\n    for i in range(n):\n        result += i\n    result = result", logprob: -0.35, finish: .length)
    let natural = uniformSample("    return sum(range(n))\n", logprob: -0.56)

    @Test func truncatedSampleIsDemotedBelowNaturalStop() async throws {
        let ranked = await pureRanker(.meanLogprob).rank([truncated, natural], task: nil, verifier: nil)
        try #require(ranked.count == 2)
        #expect(ranked[0].text == natural.text)
        #expect(ranked[1].finishReason == .length)
        #expect(ranked[1].notes.contains("truncated at max tokens"))
        #expect(abs((ranked[1].meanLogprob ?? 0) - (-0.35)) < 1e-9)
    }

    @Test func rawPolicyAndDisabledDemotionKeepTheLogprobOrder() async throws {
        let raw = await pureRanker(.meanLogprobNoDemotion).rank([natural, truncated], task: nil, verifier: nil)
        #expect(raw.first?.text == truncated.text)
        #expect(raw.first?.notes.isEmpty == true)
        let off = await pureRanker(.meanLogprob, demoteTruncated: false).rank([natural, truncated], task: nil, verifier: nil)
        #expect(off.first?.text == truncated.text)
    }

    @Test func degenerateRepetitionIsDropped() async throws {
        let loop = uniformSample("    x = 1\n" + String(repeating: "    print(x)\n", count: 8), logprob: -0.05, finish: .length)
        let ranked = await pureRanker().rank([loop, natural], task: nil, verifier: nil)
        #expect(ranked.count == 1)
        #expect(ranked.first?.text == natural.text)
        // When every candidate is degenerate nothing is dropped, and the note says why.
        let only = await pureRanker().rank([loop], task: nil, verifier: nil)
        #expect(only.count == 1)
        #expect(only.first?.notes.contains { $0.hasPrefix("degenerate repetition") } == true)
        // The raw policy never drops.
        let raw = await pureRanker(.meanLogprobNoDemotion).rank([loop, natural], task: nil, verifier: nil)
        #expect(raw.count == 2)
        #expect(raw.first?.text == loop.text)
    }

    @Test func equalCandidatesMergeWithAgreementAndBestRepresentative() async throws {
        let task = pythonTask(signature: "def add(a, b):", doc: "Add two numbers.")
        let samples = [
            uniformSample("    return a+b\n", logprob: -0.9),
            uniformSample("    return a + b  # add them\n", logprob: -0.3),
            uniformSample("  return a + b\n\n", logprob: -0.6),
            uniformSample("    return a - b\n", logprob: -0.5),
        ]
        let ranked = await pureRanker().rank(samples, task: task, verifier: nil)
        try #require(ranked.count == 2)
        #expect(ranked[0].agreement == 3)
        #expect(ranked[0].text == "    return a + b  # add them\n")
        #expect(abs((ranked[0].meanLogprob ?? 0) - (-0.3)) < 1e-9)
        #expect(ranked[1].agreement == 1)
        #expect(ranked[1].text == "    return a - b\n")
    }

    @Test func differentNestingDoesNotMerge() async {
        let task = pythonTask(signature: "def f(x):", doc: "Doc.")
        let a = uniformSample("    if x:\n        y = 1\n    return y\n", logprob: -0.5)
        let b = uniformSample("    if x:\n        y = 1\n        return y\n", logprob: -0.5)
        let ranked = await pureRanker().rank([a, b], task: task, verifier: nil)
        #expect(ranked.count == 2)
    }

    @Test func withoutLogprobsRanksByAgreementThenTypicalLength() async throws {
        let samples = [
            plainSample("    return x[::-1]\n"),
            plainSample("    return list(reversed(x))\n"),
            plainSample("    return list(reversed( x ))\n"),          // equal after normalisation
            plainSample("    return list(reversed(x))  \n# reversed\n"), // equal
            plainSample("    return list(reversed(xs))\n"),          // near-equal
            plainSample("    out = []\n    for item in x:\n        out.insert(0, item)\n    return out\n"),
        ]
        let task = pythonTask(signature: "def rev(x):", doc: "Reverse.")
        let ranked = await pureRanker().rank(samples, task: task, verifier: nil)
        try #require(ranked.count == 4)
        #expect(ranked[0].text == "    return list(reversed(x))\n")
        #expect(ranked[0].agreement == 3)
        #expect(ranked[0].method == .agreement)
        #expect(ranked[0].meanLogprob == nil)
        // Support counts near-equal samples too: 3 equal + 1 near-equal.
        #expect(ranked[0].score >= 4 && ranked[0].score < 5)
        #expect(ranked[1].text == "    return list(reversed(xs))\n")
        #expect(ranked.allSatisfy { $0.method == .agreement })
    }

    @Test func mixedLogprobAvailabilityPutsScoredCandidatesFirst() async throws {
        let ranked = await pureRanker().rank([plainSample("    return 1\n"), uniformSample("    return 2\n", logprob: -3)],
                                             task: nil, verifier: nil)
        try #require(ranked.count == 2)
        #expect(ranked[0].text == "    return 2\n")
        #expect(ranked[1].notes.contains("no logprobs (ranked by agreement)"))
    }

    @Test func agreementPolicyPrefersTheMajorityOverLogprob() async throws {
        let samples = [
            uniformSample("    return 42\n", logprob: -0.1),
            uniformSample("    return 41\n", logprob: -2),
            uniformSample("    return 41\n", logprob: -2.5),
        ]
        let ranked = await pureRanker(.agreement).rank(samples, task: nil, verifier: nil)
        #expect(ranked.first?.text == "    return 41\n")
        #expect(ranked.first?.agreement == 2)
        #expect(ranked.first?.method == .agreement)
    }

    @Test func randomPolicyIsSeededAndReportsItself() async {
        let samples = (0..<8).map { uniformSample("    return \($0)\n", logprob: -Double($0)) }
        let a = await Ranker(policy: .random, syntaxChecker: nil, randomSeed: 7).rank(samples, task: nil, verifier: nil)
        let b = await Ranker(policy: .random, syntaxChecker: nil, randomSeed: 7).rank(samples, task: nil, verifier: nil)
        let c = await Ranker(policy: .random, syntaxChecker: nil, randomSeed: 8).rank(samples, task: nil, verifier: nil)
        #expect(a.map(\.text) == b.map(\.text))
        #expect(a.map(\.text) != c.map(\.text))
        #expect(a.allSatisfy { $0.method == .random })
    }

    @Test func emptyAndCommentOnlySamplesAreIgnored() async {
        let task = pythonTask(signature: "def f():", doc: "Doc.")
        let ranked = await pureRanker().rank([plainSample("   \n"), plainSample("    # TODO\n"), plainSample("    return 1\n")],
                                             task: task, verifier: nil)
        #expect(ranked.map(\.text) == ["    return 1\n"])
        #expect(await pureRanker().rank([], task: nil, verifier: nil).isEmpty)
    }

    @Test func policyNamesMatchConfigSpellings() {
        #expect(RankingPolicy(rawValue: "mean_logprob") == .meanLogprob)
        #expect(RankingPolicy(rawValue: "mean_logprob_raw") == .meanLogprobNoDemotion)
        #expect(RankingPolicy(rawValue: "verified_then_logprob") == .verifiedThenLogprob)
        #expect(RankingPolicy(rawValue: "agreement") == .agreement)
        #expect(RankingPolicy(rawValue: "random") == .random)
    }
}
