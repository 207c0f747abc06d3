import DocwrightCore
import Synchronization

/// Token counts and time spent per model, summed over the process's life.
public struct UsageTotals: Sendable, Hashable, Codable {
    /// Sampling calls (one `sample` may make several HTTP requests).
    public var calls: Int
    public var usage: Usage
    /// Wall-clock seconds spent in `sample` calls.
    public var seconds: Double

    public init(calls: Int = 0, usage: Usage = Usage(), seconds: Double = 0) {
        self.calls = calls
        self.usage = usage
        self.seconds = seconds
    }
}

/// Thread-safe running totals, keyed by the endpoint's configured name.
final class UsageLedger: Sendable {
    private let totals = Mutex<[String: UsageTotals]>([:])

    func record(_ model: String, usage: Usage, seconds: Double) {
        totals.withLock { table in
            var entry = table[model] ?? UsageTotals()
            entry.calls += seconds > 0 ? 1 : 0
            entry.usage = entry.usage + usage
            entry.seconds += seconds
            table[model] = entry
        }
    }

    var snapshot: [String: UsageTotals] { totals.withLock { $0 } }
}
