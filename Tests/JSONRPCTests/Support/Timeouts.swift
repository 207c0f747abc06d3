import Synchronization

struct TimedOut: Error, CustomStringConvertible {
    let what: String
    var description: String { "timed out waiting for \(what)" }
}

/// Runs `operation` but gives up after `limit` (the operation is cancelled and left behind),
/// so a hanging test fails instead of hanging the suite.
func within<T: Sendable>(
    _ limit: Duration, _ what: String = "operation", _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    let decided = Box<Bool>(false)
    return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
        let work = Task {
            let result: Result<T, any Error>
            do { result = .success(try await operation()) } catch { result = .failure(error) }
            if decided.claim() { continuation.resume(with: result) }
        }
        Task {
            try? await Task.sleep(for: limit)
            if decided.claim() {
                work.cancel()
                continuation.resume(throwing: TimedOut(what: what))
            }
        }
    }
}

/// A small thread-safe box for test bookkeeping.
final class Box<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    init(_ value: Value) { storage = Mutex(value) }

    var value: Value { storage.withLock { $0 } }

    func update<R: Sendable>(_ body: (inout Value) -> R) -> R {
        storage.withLock { body(&$0) }
    }
}

extension Box where Value == Bool {
    /// True for the first caller only.
    func claim() -> Bool {
        update { claimed in
            defer { claimed = true }
            return !claimed
        }
    }
}

/// Polls `condition` until it holds or `limit` passes.
func eventually(_ limit: Duration = .seconds(5), _ condition: @Sendable () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(2))
    }
    return condition()
}
