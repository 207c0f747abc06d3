import FoundationEssentials

/// Where the pipeline reads the time of day: cache freshness (TTL), the usage ledger's days and
/// the daily budget. The product uses `SystemClock`; tests inject a clock they move by hand, so
/// TTLs and day boundaries are tested without waiting. (Durations are measured with
/// `ContinuousClock`, which no test needs to move.)
public protocol WallClock: Sendable {
    func now() -> Date
}

/// The system's time.
public struct SystemClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}
