@testable import Bench
import DocwrightCore
import Foundation
import Testing

@Suite struct ReportTests {
    static func result(_ id: String, n: Int, c: Int, picks: [String: Double], error: String? = nil) -> ProblemResult {
        ProblemResult(taskID: id, samples: n, usable: n, correct: c, passAt1: BenchStatistics.passAtK(n: n, c: c, k: 1) ?? 0,
                      passAtN: c > 0, policies: picks, latency: 1, completionTokens: 10, canonicalThroughDocwright: true,
                      records: [], error: error)
    }

    @Test func rowsSumPerProblemValuesWithWilsonIntervals() throws {
        let results = [
            Self.result("A", n: 5, c: 1, picks: ["random": 0.2, "mean_logprob": 1]),
            Self.result("B", n: 5, c: 0, picks: ["random": 0, "mean_logprob": 0]),
            Self.result("C", n: 5, c: 5, picks: ["random": 1, "mean_logprob": 1]),
            Self.result("D", n: 0, c: 0, picks: [:], error: "timeout"),
        ]
        let rows = HumanEvalReport.rows(results, n: 5, policies: [.random, .ranker(.meanLogprob)])
        #expect(rows.map(\.name) == ["pass@1", "pass@5", "random", "mean_logprob"])
        let passAt1 = rows[0]
        #expect(passAt1.problems == 3)  // the errored problem is left out
        #expect(abs(passAt1.successes - 1.2) < 1e-12)
        #expect(abs(passAt1.rate - 0.4) < 1e-12)
        let interval = try #require(BenchStatistics.wilson(successes: 1.2, trials: 3))
        #expect(passAt1.low == interval.lowerBound && passAt1.high == interval.upperBound)
        #expect(rows[1].successes == 2)
        #expect(rows[3].successes == 2)
    }

    @Test func perfRowsJudgeGoalsOnValueOrRatio() {
        let ratio = PerfRow(figure: "x", value: 1.04, unit: "s", baseline: 1.0, goalOnRatio: true, goal: 1.05)
        #expect(ratio.met == true)
        let slower = PerfRow(figure: "x", value: 1.2, unit: "s", baseline: 1.0, goalOnRatio: true, goal: 1.05)
        #expect(slower.met == false)
        let throughput = PerfRow(figure: "y", value: 8000, unit: "/s", goal: 9000, direction: .atLeast)
        #expect(throughput.met == false)
        #expect(PerfRow(figure: "z", value: 3, unit: "ms").met == nil)
        let report = PerfReport(date: "d", binary: "b", quick: true, machine: "m", rows: [ratio, throughput], skipped: ["w: why"])
        #expect(report.markdown.contains("| x | 1.04 s | 1.00 s | 1.04 | ratio ≤ 1.05 | yes |"))
        #expect(report.markdown.contains("| y | 8000 /s | — | — | ≥ 9000 /s | **no** |"))
        #expect(report.markdown.contains("- w: why"))
    }
}
