import Foundation
import Synchronization
import Testing
import TestFixtures

/// The one client for the built `docwright` over real pipes (end-to-end, fuzzing, stress): writes
/// go through one serial queue (frames never interleave, and a blocked pipe never blocks the
/// test's cooperative threads), stdout is parsed on its own thread (every byte must be a frame:
/// stdout purity), server→client requests are answered at once, and reading can be paused to play
/// a client that stops draining stdout. It keeps which ids were answered with which error code,
/// and, when asked to (`keepMessages`), every message for `waitFor` and `messages(method:)`
/// (`BinaryClient`'s message-level API).
final class PipeClient: Sendable {
    struct State: Sendable {
        /// Answered request ids (as `"\(id)"`) → error code, or nil for a result.
        var answers: [String: Int?] = [:]
        var results: [String: Data] = [:]
        var notifications: [String: Int] = [:]
        var messages = 0
        /// Every message's body, when kept.
        var bodies: [Data] = []
        var keepMessages = false
        var garbage = false
        var closed = false
        var paused = false
    }

    let process: Process
    private let input: FileHandle
    private let writes = DispatchQueue(label: "docwright.pipe-client.writes")
    private let state = PipeState()
    /// Our ids start far above any id the fuzz generator uses, so answers never get mixed up.
    private let nextID = Mutex(5_000_000_000)

    init(environment extra: [String: String] = [:], arguments: [String] = ["lsp"], keepMessages: Bool = false) throws {
        // A server that dies must fail the test, not kill the test process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        // DOCWRIGHT_TEST_STDERR=path keeps the server's log (e.g. to see why a fuzz run failed).
        let server = try LSPProcess(binary: try BinaryClient.binaryPath(), arguments: arguments,
                                    environment: try LSPProcess.isolatedEnvironment(prefix: "docwright-pipe", extra: extra),
                                    stderrPath: ProcessInfo.processInfo.environment["DOCWRIGHT_TEST_STDERR"])
        process = server.process
        input = server.input
        state.withLock { $0.keepMessages = keepMessages }
        let reader = server.output
        let state = self.state
        let writes = self.writes
        let input = self.input
        Thread {
            var frames = LSPFrameReader()
            while true {
                if state.withLock({ $0.paused }) {
                    Thread.sleep(forTimeInterval: 0.005)
                    continue
                }
                let data = reader.availableData
                if data.isEmpty {
                    state.withLock { $0.closed = true }
                    return
                }
                frames.feed(data)
                var replies: [Data] = []
                while let frame = frames.next() {
                    replies += state.withLock { Self.handle(frame, &$0) }
                }
                // Answer server→client requests (progress, applyEdit) so nothing waits on us.
                for body in replies {
                    writes.async { try? input.write(contentsOf: LSPFrameReader.frame(body)) }
                }
            }
        }.start()
    }

    /// Records one frame; returns the reply owed to a server→client request.
    private static func handle(_ frame: LSPFrameReader.Frame, _ state: inout State) -> [Data] {
        var serverRequests: [Data] = []
        guard case .body(let body) = frame else {
            state.garbage = true
            return serverRequests
        }
        state.messages += 1
        guard let message = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
            state.garbage = true
            return serverRequests
        }
        if state.keepMessages { state.bodies.append(body) }
        let method = message["method"] as? String
        if let id = message["id"], !(id is NSNull) {
            if let method {
                let result: Any = method == "workspace/applyEdit" ? ["applied": true] : NSNull()
                if let reply = try? JSONSerialization.data(withJSONObject: ["jsonrpc": "2.0", "id": id, "result": result]) {
                    serverRequests.append(reply)
                }
                state.notifications[method, default: 0] += 1
            } else {
                let key = "\(id)"
                state.answers.updateValue((message["error"] as? [String: Any])?["code"] as? Int, forKey: key)
                if let result = message["result"], !(result is NSNull),
                   let data = try? JSONSerialization.data(withJSONObject: result, options: .fragmentsAllowed) {
                    state.results[key] = data
                }
            }
        } else if let method {
            state.notifications[method, default: 0] += 1
        }
        return serverRequests
    }

    // MARK: Writing

    /// Queues raw bytes and returns once they are written (or the pipe broke).
    func sendRaw(_ bytes: [UInt8]) async {
        let input = self.input
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            writes.async {
                try? input.write(contentsOf: bytes)
                continuation.resume()
            }
        }
    }

    /// Queues bytes without waiting (for a client that keeps writing while the server is stuck).
    func sendRawDetached(_ bytes: [UInt8]) {
        let input = self.input
        writes.async { try? input.write(contentsOf: bytes) }
    }

    static func frame(_ object: Any) -> [UInt8] {
        (try? LSPFrameReader.frame(object)) ?? LSPFrameReader.frame(Data())
    }

    func makeID() -> Int {
        nextID.withLock { id in
            id += 1
            return id
        }
    }

    func notify(_ method: String, _ params: Any) async {
        await sendRaw(Self.frame(["jsonrpc": "2.0", "method": method, "params": params]))
    }

    /// Sends a request; returns its id without waiting.
    @discardableResult
    func send(_ method: String, _ params: Any, detached: Bool = false) async -> Int {
        let id = makeID()
        let bytes = Self.frame(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
        if detached { sendRawDetached(bytes) } else { await sendRaw(bytes) }
        return id
    }

    /// Sends a request and waits for its answer: the error code (nil = success), or a thrown
    /// timeout when the server does not answer in time.
    @discardableResult
    func request(_ method: String, _ params: Any, timeout: Duration = .seconds(30)) async throws -> Int? {
        let id = await send(method, params)
        return try await waitForAnswer(id, timeout: timeout)
    }

    func waitForAnswer(_ id: Int, timeout: Duration = .seconds(30)) async throws -> Int? {
        let key = "\(id)"
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let (answered, code, closed) = state.withLock { state in
                (state.answers.keys.contains(key), state.answers[key] ?? nil, state.closed)
            }
            if answered { return code }
            if closed { throw PipeClientError.closed }
            try await Task.sleep(for: .milliseconds(2))
        }
        throw PipeClientError.timeout(id: id)
    }

    func result(_ id: Int) -> Data? { state.withLock { $0.results[id.description] } }
    func isAnswered(_ id: Int) -> Bool { state.withLock { $0.answers.keys.contains(id.description) } }
    func errorCode(_ id: Int) -> Int? { state.withLock { $0.answers[id.description] ?? nil } }

    // MARK: Observation

    /// Waits for a kept message matching `predicate` (see `keepMessages`).
    func waitFor(timeout: Duration = .seconds(60), _ predicate: @escaping ([String: Any]) -> Bool) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let match = keptMessages().first(where: predicate) { return match }
            if state.withLock({ $0.closed }) { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw PipeClientError.timeout(id: -1)
    }

    /// Kept messages (see `keepMessages`), parsed, in arrival order.
    func keptMessages() -> [[String: Any]] {
        state.withLock { $0.bodies }.compactMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
    }

    var sawGarbage: Bool { state.withLock { $0.garbage } }
    var messageCount: Int { state.withLock { $0.messages } }
    func notificationCount(_ method: String) -> Int { state.withLock { $0.notifications[method] ?? 0 } }

    func pauseReading(_ paused: Bool) { state.withLock { $0.paused = paused } }

    /// Resident set size of the server in kB (Linux /proc), or nil.
    var residentKilobytes: Int? { LSPProcess.residentKiB(pid: process.processIdentifier) }

    func initialize(options: [String: Any] = [:]) async throws {
        let code = try await request("initialize", [
            "processId": NSNull(), "rootUri": NSNull(), "initializationOptions": options,
            "capabilities": ["workspace": ["applyEdit": true]],
        ])
        #expect(code == nil)
        await notify("initialized", [String: Any]())
    }

    /// shutdown + exit; returns the exit status (nil if the process had to be killed).
    func finish(timeout: Duration = .seconds(20)) async -> Int32? {
        _ = try? await request("shutdown", NSNull(), timeout: timeout)
        await notify("exit", NSNull())
        return await waitForExit(timeout: timeout)
    }

    func waitForExit(timeout: Duration = .seconds(20)) async -> Int32? {
        await LSPProcess.waitForExit(process, timeout: timeout)
    }
}

enum PipeClientError: Error { case timeout(id: Int), closed }

/// A class around the Mutex so the reader thread can share it.
final class PipeState: Sendable {
    let mutex = Mutex(PipeClient.State())
    func withLock<R>(_ body: (inout PipeClient.State) -> R) -> R { mutex.withLock { body(&$0) } }
}
