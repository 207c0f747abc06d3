import Foundation

/// Estimators the reports use. Pure functions, tested against known values.
public enum BenchStatistics {
    /// The unbiased pass@k estimator of the Codex paper (arXiv 2107.03374, eq. 1) for one problem:
    /// `1 - C(n-c, k) / C(n, k)`, computed as a running product so it never overflows.
    /// - Parameters: n samples drawn, c of them correct, k ≤ n.
    /// - Returns: nil when the arguments are inconsistent (k < 1, k > n, c outside 0...n).
    public static func passAtK(n: Int, c: Int, k: Int) -> Double? {
        guard k >= 1, k <= n, c >= 0, c <= n else { return nil }
        if c == 0 { return 0 }
        if n - c < k { return 1 }
        // C(n-c, k) / C(n, k) = Π_{i=n-c+1}^{n} (1 - k/i)
        var product = 1.0
        for i in (n - c + 1)...n {
            product *= 1 - Double(k) / Double(i)
        }
        return 1 - product
    }

    /// Wilson score interval for `successes` out of `trials` (z = 1.96 → 95 %). Fractional
    /// successes are allowed (an expected count, e.g. the random policy). nil for zero trials.
    public static func wilson(successes: Double, trials: Int, z: Double = 1.959963984540054) -> ClosedRange<Double>? {
        guard trials > 0 else { return nil }
        let n = Double(trials)
        let p = min(max(successes / n, 0), 1)
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / denominator
        return max(0, centre - half)...min(1, centre + half)
    }

    /// The value at quantile `q` (0...1) of already sorted values (nearest rank); nil when empty.
    public static func quantile(_ sorted: [Double], _ q: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((Double(sorted.count) * q).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    public static func median(_ values: [Double]) -> Double? {
        quantile(values.sorted(), 0.5)
    }
}
