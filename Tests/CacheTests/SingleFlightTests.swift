import Foundation
import Synchronization
import Testing
@testable import Cache

/// Lets a test decide when shared operations may finish.
final class Gate: Sendable {
    private let opened = Atomic<Bool>(false)
    func open() { opened.store(true, ordering: .releasing) }
    var isOpen: Bool { opened.load(ordering: .acquiring) }
}

/// Counts operation starts and observes cancellation from inside the operation.
final class Probe: Sendable {
    let starts = Atomic<Int>(0)
    let cancellations = Atomic<Int>(0)
    let completions = Atomic<Int>(0)

    /// Waits for `gate` (polling, at most 20 s), returning `value` unless cancelled first.
    func operation(_ value: String, gate: Gate) -> @Sendable () async throws -> String {
        { [self] in
            starts.add(1, ordering: .relaxed)
            let deadline = Date().addingTimeInterval(20)
            while !gate.isOpen, Date() < deadline {
                if Task.isCancelled {
                    cancellations.add(1, ordering: .relaxed)
                    throw CancellationError()
                }
                try? await Task.sleep(for: .milliseconds(5))
            }
            completions.add(1, ordering: .relaxed)
            return value
        }
    }

    /// Finishes after `seconds` unless cancelled.
    func operation(_ value: String, seconds: Double) -> @Sendable () async throws -> String {
        let gate = Gate()
        Task {
            try? await Task.sleep(for: .seconds(seconds))
            gate.open()
        }
        return operation(value, gate: gate)
    }
}

struct Failure: Error, Equatable { let code: Int }

/// Polls `condition` every 5 ms for up to 10 s.
func eventually(_ condition: @Sendable () async -> Bool) async -> Bool {
    for _ in 0..<2000 {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return false
}

@Suite("Single-flight")
struct SingleFlightTests {
    @Test func identicalConcurrentRequestsShareOneOperation() async throws {
        let flight = SingleFlight<String, String>()
        let probe = Probe()
        let gate = Gate()
        Task {
            // Open once all eight joined (or after 10 s), so sharing does not depend on timing.
            _ = await eventually { await flight.waiterCount(for: "k") == 8 }
            gate.open()
        }
        let results = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                group.addTask { try await flight.run("k", operation: probe.operation("shared", gate: gate)) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results == Array(repeating: "shared", count: 8))
        #expect(probe.starts.load(ordering: .relaxed) == 1)
        #expect(await flight.inFlightCount == 0)
        // Different keys do not share.
        async let a = flight.run("a", operation: probe.operation("A", seconds: 0.05))
        async let b = flight.run("b", operation: probe.operation("B", seconds: 0.05))
        #expect(try await [a, b] == ["A", "B"])
        #expect(probe.starts.load(ordering: .relaxed) == 3)
    }

    @Test func oneWaiterLeavingDoesNotCancelTheSharedOperation() async throws {
        let flight = SingleFlight<String, String>()
        let probe = Probe()
        let gate = Gate()
        let leaver = Task { try await flight.run("k", operation: probe.operation("v", gate: gate)) }
        let stayer = Task { try await flight.run("k", operation: probe.operation("other", gate: gate)) }
        #expect(await eventually { await flight.waiterCount(for: "k") == 2 })
        leaver.cancel()
        await #expect(throws: CancellationError.self) { try await leaver.value }
        #expect(await flight.waiterCount(for: "k") == 1)
        gate.open()
        #expect(try await stayer.value == "v")
        #expect(probe.starts.load(ordering: .relaxed) == 1)
        #expect(probe.cancellations.load(ordering: .relaxed) == 0)
        #expect(probe.completions.load(ordering: .relaxed) == 1)
    }

    @Test func lastWaiterLeavingCancelsTheOperation() async throws {
        let flight = SingleFlight<String, String>()
        let probe = Probe()
        let gate = Gate()
        defer { gate.open() }
        let first = Task { try await flight.run("k", operation: probe.operation("v", gate: gate)) }
        let second = Task { try await flight.run("k", operation: probe.operation("v", gate: gate)) }
        #expect(await eventually { await flight.waiterCount(for: "k") == 2 })
        first.cancel()
        second.cancel()
        await #expect(throws: CancellationError.self) { try await first.value }
        await #expect(throws: CancellationError.self) { try await second.value }
        #expect(await eventually { probe.cancellations.load(ordering: .relaxed) == 1 })
        #expect(probe.completions.load(ordering: .relaxed) == 0)
        #expect(await flight.inFlightCount == 0)
        // The key is free: a new request starts a new operation.
        #expect(try await flight.run("k", operation: probe.operation("fresh", seconds: 0.01)) == "fresh")
        #expect(probe.starts.load(ordering: .relaxed) == 2)
    }

    @Test func errorsReachEveryWaiterAndAreNotRemembered() async throws {
        let flight = SingleFlight<String, String>()
        let attempts = Atomic<Int>(0)
        let failing: @Sendable () async throws -> String = {
            attempts.add(1, ordering: .relaxed)
            // Fail only once all four have joined, so sharing does not depend on timing.
            _ = await eventually { await flight.waiterCount(for: "k") == 4 }
            throw Failure(code: 503)
        }
        let outcomes = await withTaskGroup(of: Result<String, Failure>.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    do { return .success(try await flight.run("k", operation: failing)) } catch let error as Failure {
                        return .failure(error)
                    } catch { return .failure(Failure(code: -1)) }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.count == 4)
        #expect(outcomes.allSatisfy { $0 == .failure(Failure(code: 503)) })
        #expect(attempts.load(ordering: .relaxed) == 1)
        // Next request runs again (the error was not cached) and can succeed.
        #expect(try await flight.run("k", operation: { "recovered" }) == "recovered")
        #expect(attempts.load(ordering: .relaxed) == 1)
    }

    @Test func alreadyCancelledCallerDoesNotStartAnything() async {
        let flight = SingleFlight<String, String>()
        let probe = Probe()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await flight.run("k", operation: probe.operation("v", seconds: 1))
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(await flight.inFlightCount == 0)
        #expect(probe.starts.load(ordering: .relaxed) == 0)
    }
}
