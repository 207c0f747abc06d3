import DocwrightCore
import FoundationEssentials
import Synchronization

/// Tokens and estimated cost per day and model, kept in `$XDG_STATE_HOME/docwright/usage.json`
/// so `docwright usage` and the daily budget see every process's spending. Two processes writing
/// at once may lose one increment (last writer wins); the figures are estimates anyway.
public final class UsageLedger: Sendable {
    public struct Entry: Codable, Sendable, Hashable {
        public var requests = 0
        public var promptTokens = 0
        public var completionTokens = 0
        public var cost = 0.0
    }

    /// day ("2026-11-22") → model name → entry.
    public typealias Days = [String: [String: Entry]]

    public let path: String?
    private let days: Mutex<Days>
    private let clock: any WallClock
    private let timeZone: CivilTime

    /// - Parameters:
    ///   - clock: what "today" is (a new day starts a new budget).
    ///   - timeZone: where days begin (the user's).
    public init(path: String?, clock: any WallClock = SystemClock(), timeZone: CivilTime = .local) {
        self.path = path
        self.clock = clock
        self.timeZone = timeZone
        var loaded: Days = [:]
        if let path, let data = FileManager.default.contents(atPath: path) {
            loaded = (try? JSONDecoder().decode(Days.self, from: data)) ?? [:]
        }
        self.days = Mutex(loaded)
    }

    public static func defaultPath(environment: [String: String]) -> String? {
        let base = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { $0 + "/.local/state" }
        return base.map { $0 + "/docwright/usage.json" }
    }

    /// The day of `date` ("2026-11-22") where days begin in `timeZone`.
    public static func day(of date: Date, timeZone: CivilTime) -> String {
        timeZone.day(of: date)
    }

    /// Today, by the ledger's clock.
    public var today: String { Self.day(of: clock.now(), timeZone: timeZone) }

    public func record(model: String, usage: Usage, cost: Double) {
        let day = today
        let snapshot = days.withLock { days -> Days in
            var entry = days[day, default: [:]][model, default: Entry()]
            entry.requests += 1
            entry.promptTokens += usage.promptTokens
            entry.completionTokens += usage.completionTokens
            entry.cost += cost
            days[day, default: [:]][model] = entry
            return days
        }
        persist(snapshot)
    }

    /// Today's estimated spending, USD.
    public func cost() -> Double {
        let day = today
        return days.withLock { $0[day]?.values.reduce(0) { $0 + $1.cost } ?? 0 }
    }

    public var all: Days { days.withLock { $0 } }

    private func persist(_ days: Days) {
        guard let path else { return }
        let url = URL(fileURLWithPath: path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(days) else { return }
        try? data.write(to: url, options: .atomic)
    }
}
