import Foundation
import Synchronization
import Testing
import TestFixtures

/// Runs the built `docwright lsp` and talks to it over real pipes with Content-Length frames.
/// stdout is read on its own thread; every byte must parse as a frame (stdout purity).
final class BinaryClient: Sendable {
    let process: Process
    let stdin: FileHandle
    private let state = Box()
    private let nextID = Mutex(0)

    struct State: Sendable {
        /// Raw bodies ([String: Any] is not Sendable); parsed on read.
        var messages: [Data] = []
        var garbage = false
        var closed = false
    }

    static func binaryPath() throws -> String {
        guard let path = LSPProcess.binaryPath() else {
            Issue.record("docwright binary not found: build it (swift build) or set DOCWRIGHT_BIN")
            throw CancellationError()
        }
        return path
    }

    init(environment extra: [String: String] = [:], arguments: [String] = ["lsp"]) throws {
        let server = try LSPProcess(binary: try Self.binaryPath(), arguments: arguments,
                                    environment: try LSPProcess.isolatedEnvironment(prefix: "docwright-e2e", extra: extra))
        process = server.process
        stdin = server.input
        let reader = server.output
        let state = self.state
        let thread = Thread {
            var frames = LSPFrameReader()
            while true {
                let data = reader.availableData
                if data.isEmpty {
                    state.withLock { $0.closed = true }
                    return
                }
                frames.feed(data)
                while let frame = frames.next() {
                    state.withLock { state in
                        switch frame {
                        case .body(let body) where (try? JSONSerialization.jsonObject(with: body) as? [String: Any]) != nil:
                            state.messages.append(body)
                        case .body, .garbage:
                            state.garbage = true
                        }
                    }
                }
            }
        }
        thread.start()
    }

    var sawGarbage: Bool { state.withLock { $0.garbage } }

    func sendRaw(_ bytes: [UInt8]) {
        stdin.write(Data(bytes))
    }

    func send(_ object: [String: Any]) throws {
        sendRaw(try LSPFrameReader.frame(object))
    }

    func notify(_ method: String, _ params: [String: Any]) throws {
        try send(["jsonrpc": "2.0", "method": method, "params": params])
    }

    /// Sends a request and waits for its response, answering server requests meanwhile.
    func request(_ method: String, _ params: Any, timeout: Duration = .seconds(120)) async throws -> [String: Any] {
        let id = nextID.withLock { id -> Int in
            id += 1
            return id
        }
        try send(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
        return try await waitFor(timeout: timeout) { message in
            (message["id"] as? Int) == id && message["method"] == nil
        }
    }

    /// Waits for a message matching `predicate`; replies `{applied: true}` / null to server requests.
    func waitFor(timeout: Duration = .seconds(60), _ predicate: @escaping ([String: Any]) -> Bool) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + timeout
        var answered = Set<String>()
        while ContinuousClock.now < deadline {
            let snapshot = parsed()
            for message in snapshot {
                if let method = message["method"] as? String, let id = message["id"], !answered.contains("\(id)") {
                    answered.insert("\(id)")
                    let result: Any = method == "workspace/applyEdit" ? ["applied": true] : NSNull()
                    try send(["jsonrpc": "2.0", "id": id, "result": result])
                }
                if predicate(message) { return message }
            }
            if state.withLock({ $0.closed }) { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw BinaryClientError.timeout
    }

    func messages(method: String) -> [[String: Any]] {
        parsed().filter { ($0["method"] as? String) == method }
    }

    private func parsed() -> [[String: Any]] {
        state.withLock { $0.messages }.compactMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
    }

    func waitForExit(timeout: Duration = .seconds(10)) async -> Int32? {
        await LSPProcess.waitForExit(process, timeout: timeout)
    }
}

enum BinaryClientError: Error { case timeout }

/// A class around the Mutex so the reader thread can share it.
final class Box: Sendable {
    let mutex = Mutex(BinaryClient.State())
    func withLock<R>(_ body: (inout BinaryClient.State) -> R) -> R { mutex.withLock { body(&$0) } }
}

func initializeParams(_ options: [String: Any] = [:]) -> [String: Any] {
    ["processId": NSNull(), "rootUri": NSNull(), "capabilities": ["workspace": ["applyEdit": true]],
     "initializationOptions": options]
}
