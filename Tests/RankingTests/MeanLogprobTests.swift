import DocwrightCore
import Testing
@testable import Ranking

@Suite("Mean log-probability over kept tokens")
struct MeanLogprobTests {
    let body: [(String, Double?)] = [("    return", -0.1), (" a", -0.2), (" +", -0.3), (" b", -0.4)]
    let stop: [(String, Double?)] = [("\n\n", -5), ("def", -6), (" sub", -7)]

    @Test func averagesExactlyTheKeptTokens() throws {
        let sample = makeSample(body + stop, kept: 0..<16)
        let score = try #require(KeptTokenScore.compute(sample.sample, kept: sample.keptUTF8Range))
        #expect(score.tokensCounted == 4)
        #expect(abs(score.mean - (-0.25)) < 1e-12)
    }

    @Test func withoutOffsetsAccumulatesTokenLengths() throws {
        let sample = makeSample(body + stop, kept: 0..<16, offsets: false)
        let score = try #require(KeptTokenScore.compute(sample.sample, kept: sample.keptUTF8Range))
        #expect(abs(score.mean - (-0.25)) < 1e-12)
    }

    @Test func stopTokensRunningPastTheTextAreIgnored() throws {
        // llama-cpp-python: text ends at the stop, token list (with offsets) goes on past it.
        let sample = makeSample(body + stop, text: "    return a + b")
        let score = try #require(KeptTokenScore.compute(sample.sample, kept: sample.keptUTF8Range))
        #expect(score.tokensCounted == 4)
        #expect(abs(score.mean - (-0.25)) < 1e-12)
    }

    @Test func codeExtractionRangeExcludesFenceTokens() throws {
        let pieces: [(String, Double?)] = [("```", -3), ("python", -2), ("\n", -1)] + body + [("\n", -0.5), ("```", -4)]
        let start = "```python\n".utf8.count
        let sample = makeSample(pieces, kept: start..<(start + 16))
        let score = try #require(KeptTokenScore.compute(sample.sample, kept: sample.keptUTF8Range))
        #expect(score.tokensCounted == 4)
        #expect(abs(score.mean - (-0.25)) < 1e-12)
    }

    @Test func straddlingTokensBelongToTheSideHoldingMostBytes() throws {
        // " b\n\n" has 2 of 4 bytes kept (half is no majority): excluded. " return" has 6 of 7: included.
        let pieces: [(String, Double?)] = [(" return", -1), (" a", -1), (" +", -1), (" b\n\n", -9)]
        let sample = makeSample(pieces, kept: 1..<13)
        let score = try #require(KeptTokenScore.compute(sample.sample, kept: sample.keptUTF8Range))
        #expect(score.tokensCounted == 3)
        #expect(score.mean == -1)
    }

    @Test func toleratesMissingLogprobsAndPrefixCoverage() throws {
        // Tokens cover only "    return a" of a longer text; one token lacks a log-probability.
        let pieces: [(String, Double?)] = [("    return", -0.2), (" a", nil)]
        let sample = makeSample(pieces, text: "    return a + b")
        let score = try #require(KeptTokenScore.compute(sample.sample, kept: sample.keptUTF8Range))
        #expect(score.tokensCounted == 1)
        #expect(score.mean == -0.2)
        let none = makeSample([("    return", nil)], text: "    return a")
        #expect(KeptTokenScore.compute(none.sample, kept: none.keptUTF8Range) == nil)
    }

    @Test func nonFiniteValuesAreSkippedOrClamped() throws {
        let sample = makeSample([("a", -Double.infinity), ("b", Double.nan), ("c", -1)])
        let score = try #require(KeptTokenScore.compute(sample.sample, kept: sample.keptUTF8Range))
        #expect(score.tokensCounted == 2)
        #expect(score.mean == (KeptTokenScore.floor - 1) / 2)
    }

    @Test func rankerReportsTheKeptMeanOnCandidates() async throws {
        let sample = makeSample(body + stop, kept: 0..<16)
        let ranked = await pureRanker().rank([sample], task: nil, verifier: nil)
        let first = try #require(ranked.first)
        #expect(first.text == "    return a + b")
        #expect(abs((first.meanLogprob ?? 0) - (-0.25)) < 1e-12)
        #expect(first.method == .meanLogprob)
        #expect(first.score == first.meanLogprob)
    }
}
