import DocwrightCore
import Foundation
import Synchronization

/// A wall clock that moves only when told: TTLs, day boundaries and budgets without waiting.
public final class ManualClock: WallClock {
    private let current: Mutex<Date>

    /// Starts at `start` (by default 2026-11-22 12:00 UTC, mid-day so a few hours never cross midnight).
    public init(_ start: Date = Date(timeIntervalSince1970: 1_795_348_800)) {
        current = Mutex(start)
    }

    public func now() -> Date { current.withLock { $0 } }

    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    public func advance(days: Double) { advance(by: days * 86_400) }
}
