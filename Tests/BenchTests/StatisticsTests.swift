import Bench
import Foundation
import Testing

@Suite struct StatisticsTests {
    /// The Codex paper's estimator computed naively with binomial coefficients (small n only).
    static func naivePassAtK(n: Int, c: Int, k: Int) -> Double {
        func choose(_ n: Int, _ k: Int) -> Double {
            guard k >= 0, k <= n else { return 0 }
            var result = 1.0
            for i in 0..<k { result = result * Double(n - i) / Double(i + 1) }
            return result
        }
        return 1 - choose(n - c, k) / choose(n, k)
    }

    @Test(arguments: [
        (5, 0, 1, 0.0), (5, 1, 1, 0.2), (10, 3, 1, 0.3), (5, 5, 1, 1.0),
        (10, 3, 5, 1 - 21.0 / 252.0),  // 1 - C(7,5)/C(10,5)
        (5, 1, 5, 1.0), (4, 2, 3, 1.0),  // n - c < k: every k-subset holds a correct sample
        (200, 10, 100, 1 - 0.0007710260627178503),
    ])
    func passAtKKnownValues(n: Int, c: Int, k: Int, expected: Double) throws {
        let value = try #require(BenchStatistics.passAtK(n: n, c: c, k: k))
        #expect(abs(value - expected) < 1e-9, "pass@\(k) n=\(n) c=\(c): \(value) vs \(expected)")
    }

    @Test func passAtKMatchesBinomialFormula() throws {
        for n in 1...12 {
            for c in 0...n {
                for k in 1...n {
                    let value = try #require(BenchStatistics.passAtK(n: n, c: c, k: k))
                    #expect(abs(value - Self.naivePassAtK(n: n, c: c, k: k)) < 1e-9)
                }
            }
        }
    }

    @Test func passAtKRejectsInconsistentArguments() {
        #expect(BenchStatistics.passAtK(n: 5, c: 1, k: 6) == nil)
        #expect(BenchStatistics.passAtK(n: 5, c: 6, k: 1) == nil)
        #expect(BenchStatistics.passAtK(n: 5, c: -1, k: 1) == nil)
        #expect(BenchStatistics.passAtK(n: 5, c: 1, k: 0) == nil)
    }

    @Test(arguments: [
        (0.0, 10, 0.0, 0.2775), (5.0, 10, 0.2366, 0.7634), (10.0, 10, 0.7225, 1.0),
        (1.0, 164, 0.0011, 0.0337), (82.0, 164, 0.4244, 0.5756),
    ])
    func wilsonKnownValues(successes: Double, trials: Int, low: Double, high: Double) throws {
        let interval = try #require(BenchStatistics.wilson(successes: successes, trials: trials))
        #expect(abs(interval.lowerBound - low) < 5e-4, "low \(interval.lowerBound) vs \(low)")
        #expect(abs(interval.upperBound - high) < 5e-4, "high \(interval.upperBound) vs \(high)")
    }

    @Test func wilsonContainsTheRateAndNarrowsWithTrials() throws {
        #expect(BenchStatistics.wilson(successes: 0, trials: 0) == nil)
        let small = try #require(BenchStatistics.wilson(successes: 3, trials: 10))
        let large = try #require(BenchStatistics.wilson(successes: 300, trials: 1000))
        #expect(small.contains(0.3) && large.contains(0.3))
        #expect(large.upperBound - large.lowerBound < small.upperBound - small.lowerBound)
    }

    @Test func quantiles() {
        let values = (1...100).map(Double.init)
        #expect(BenchStatistics.quantile(values, 0.5) == 50)
        #expect(BenchStatistics.quantile(values, 0.99) == 99)
        #expect(BenchStatistics.quantile(values, 1) == 100)
        #expect(BenchStatistics.quantile([], 0.5) == nil)
        #expect(BenchStatistics.median([3, 1, 2]) == 2)
    }
}
