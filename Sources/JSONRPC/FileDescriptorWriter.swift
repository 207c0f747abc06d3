import Dispatch
import DocwrightCore
import FoundationEssentials
import Synchronization

/// Writes byte buffers to a file descriptor, in order, from a thread of its own.
///
/// Callers suspend (no thread is blocked) until their bytes are written. One writer thread
/// means whole buffers never interleave, and a peer that stops reading blocks only this thread,
/// never the reader or the cooperative pool.
final class FileDescriptorWriter: Sendable {
    private struct Pending: Sendable {
        let bytes: [UInt8]
        let done: CheckedContinuation<Void, any Error>
    }

    private struct State: Sendable {
        var queue: [Pending] = []
        var closed = false
        var failure: TransportError?
    }

    private let descriptor: Int32
    private let closesDescriptor: Bool
    private let state = Mutex(State())
    private let wakeUp = DispatchSemaphore(value: 0)

    init(descriptor: Int32, closesDescriptor: Bool, name: String) {
        self.descriptor = descriptor
        self.closesDescriptor = closesDescriptor
        DedicatedThread.start(name: name) { [self] in self.runLoop() }
    }

    func write(_ bytes: [UInt8]) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            let rejection: TransportError? = state.withLock { state in
                if state.closed { return .closed }
                if let failure = state.failure { return failure }
                state.queue.append(Pending(bytes: bytes, done: done))
                return nil
            }
            if let rejection {
                done.resume(throwing: rejection)
            } else {
                wakeUp.signal()
            }
        }
    }

    /// Stops the thread after the write in progress; queued writes fail with `.closed`.
    func close() {
        let dropped = state.withLock { state -> [Pending] in
            state.closed = true
            defer { state.queue.removeAll() }
            return state.queue
        }
        for pending in dropped { pending.done.resume(throwing: TransportError.closed) }
        wakeUp.signal()
    }

    private func runLoop() {
        while true {
            wakeUp.wait()
            let next: Pending?? = state.withLock { state in
                if state.closed { return .some(nil) }
                return state.queue.isEmpty ? nil : state.queue.removeFirst()
            }
            guard let item = next else { continue }  // spurious wake-up
            guard let pending = item else { break }  // closed
            if let error = writeAll(pending.bytes) {
                let dropped = state.withLock { state -> [Pending] in
                    state.failure = error
                    defer { state.queue.removeAll() }
                    return state.queue
                }
                pending.done.resume(throwing: error)
                for other in dropped { other.done.resume(throwing: error) }
            } else {
                pending.done.resume()
            }
        }
        if closesDescriptor { Posix.close(descriptor) }
    }

    private func writeAll(_ bytes: [UInt8]) -> TransportError? {
        bytes.withUnsafeBytes { raw -> TransportError? in
            guard let base = raw.baseAddress else { return nil }
            var offset = 0
            while offset < raw.count {
                let written = Posix.write(descriptor, base + offset, raw.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && Posix.lastError == Posix.interrupted {
                    continue
                } else {
                    return .systemCallFailed(call: "write", errno: Posix.lastError)
                }
            }
            return nil
        }
    }
}
