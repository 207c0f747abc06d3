import DocwrightCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How often and how long to retry rate-limited (429) and failing (5xx) requests.
public struct RetryPolicy: Sendable, Hashable {
    /// Tries in all, the first included.
    public var maxAttempts: Int
    /// First backoff, seconds; doubled each retry, with jitter.
    public var baseDelay: Double
    /// Longest single backoff, seconds.
    public var maxDelay: Double
    /// Longest `Retry-After` honoured, seconds; a longer demand fails at once (saying how long).
    public var maxRetryAfter: Double

    public init(maxAttempts: Int = 3, baseDelay: Double = 0.5, maxDelay: Double = 8, maxRetryAfter: Double = 20) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    public static let standard = RetryPolicy()

    /// Whether an HTTP status is worth another try.
    static func isRetryable(status: Int) -> Bool {
        status == 429 || status == 500 || status == 502 || status == 503 || status == 504
    }

    /// Seconds to wait before attempt `attempt + 1` (attempt counts from 1), or nil to give up.
    func delay(afterAttempt attempt: Int, retryAfter: Double?) -> Double? {
        guard attempt < maxAttempts else { return nil }
        if let retryAfter {
            return retryAfter <= maxRetryAfter ? max(0, retryAfter) : nil
        }
        let exponential = min(maxDelay, baseDelay * pow(2, Double(attempt - 1)))
        // "Equal jitter": half fixed, half random, so parallel clients spread out.
        return exponential / 2 + Double.random(in: 0...(exponential / 2))
    }

    /// `Retry-After` as seconds: either a number or an HTTP date.
    static func retryAfter(from headers: [String: String]) -> Double? {
        guard let value = headers["retry-after"]?.trimmingHorizontalWhitespace() else { return nil }
        if let seconds = Double(value) { return max(0, seconds) }
        guard let date = HTTPDate.parse(value) else { return nil }
        return max(0, date.timeIntervalSinceNow)
    }
}
