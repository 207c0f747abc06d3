/// Shares one in-flight operation among identical concurrent requests.
///
/// - The first caller for a key starts the operation; later callers for the same key wait for
///   the same result.
/// - A waiter that is cancelled leaves at once (with `CancellationError`) without cancelling the
///   operation while others still wait; when the last waiter leaves, the operation is cancelled
///   and forgotten, so the next caller starts afresh.
/// - Errors reach every waiter and are not remembered: once an operation finishes (either way)
///   the key is free again. Caching successes is the cache's job, not this type's.
public actor SingleFlight<Key: Hashable & Sendable, Value: Sendable> {
    private struct Flight {
        let id: UInt64
        let task: Task<Void, Never>
        var waiters: [UInt64: CheckedContinuation<Value, Error>]
    }

    private var flights: [Key: Flight] = [:]
    private var nextID: UInt64 = 0

    public init() {}

    /// Keys with an operation running now.
    public var inFlightCount: Int { flights.count }

    /// Waiters on `key` now (for tests and diagnostics).
    public func waiterCount(for key: Key) -> Int { flights[key]?.waiters.count ?? 0 }

    /// Runs `operation` for `key`, or joins the run already in flight.
    public func run(_ key: Key, operation: @escaping @Sendable () async throws -> Value) async throws -> Value {
        nextID += 1
        let waiterID = nextID
        return try await withTaskCancellationHandler {
            // Runs synchronously on the actor: starting the flight and registering the waiter
            // cannot interleave with the flight finishing.
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                    return
                }
                if flights[key] == nil { start(key, operation: operation) }
                flights[key]?.waiters[waiterID] = continuation
            }
        } onCancel: {
            Task { await self.leave(key, waiterID: waiterID) }
        }
    }

    private func start(_ key: Key, operation: @escaping @Sendable () async throws -> Value) {
        nextID += 1
        let flightID = nextID
        let task = Task {
            let result: Result<Value, Error>
            do {
                result = .success(try await operation())
            } catch {
                result = .failure(error)
            }
            self.finish(key, flightID: flightID, result: result)
        }
        flights[key] = Flight(id: flightID, task: task, waiters: [:])
    }

    private func leave(_ key: Key, waiterID: UInt64) {
        guard let continuation = flights[key]?.waiters.removeValue(forKey: waiterID) else { return }
        continuation.resume(throwing: CancellationError())
        cancelIfAbandoned(key)
    }

    /// Cancels and forgets the flight when nobody waits for it any more.
    private func cancelIfAbandoned(_ key: Key) {
        guard let flight = flights[key], flight.waiters.isEmpty else { return }
        flight.task.cancel()
        flights[key] = nil
    }

    private func finish(_ key: Key, flightID: UInt64, result: Result<Value, Error>) {
        // An abandoned (cancelled) flight may finish after a new one started for the key.
        guard let flight = flights[key], flight.id == flightID else { return }
        flights[key] = nil
        for continuation in flight.waiters.values {
            continuation.resume(with: result)
        }
    }
}
