import Foundation

/// Bridges between the cooperative pool and dedicated threads.
enum Blocking {
    /// Runs blocking `body` on its own thread and awaits it (never blocks the cooperative pool).
    static func run<T: Sendable>(name: String = "docwright.bench", _ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
            let thread = Thread { continuation.resume(with: Result { try body() }) }
            thread.name = name
            thread.stackSize = 4 << 20
            thread.start()
        }
    }

    /// From a dedicated thread (never from the cooperative pool): waits for async work.
    static func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let semaphore = DispatchSemaphore(value: 0)
        let box = Locked<Result<T, Error>?>(nil)
        Task {
            let result = await Result(catching: { try await body() })
            box.withLock { $0 = result }
            semaphore.signal()
        }
        semaphore.wait()
        guard let result = box.value else { throw BenchError.harness("async work finished without a result") }
        return try result.get()
    }
}

extension Result where Failure == Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
