import Foundation
import Synchronization
import Testing

/// Runs the built `docwright lsp` and talks to it over real pipes with Content-Length frames.
/// stdout is read on its own thread; every byte must parse as a frame (stdout purity).
final class BinaryClient: Sendable {
    let process: Process
    let stdin: FileHandle
    private let state = Box()
    private let nextID = Mutex(0)

    struct State: Sendable {
        var buffer: [UInt8] = []
        /// Raw bodies ([String: Any] is not Sendable); parsed on read.
        var messages: [Data] = []
        var garbage = false
        var closed = false
    }

    static func binaryPath() throws -> String {
        if let path = ProcessInfo.processInfo.environment["DOCWRIGHT_BIN"], !path.isEmpty {
            // Named but missing is an error, not a cue to test another build (scripts/test runs
            // this tier once per build; a fallback would quietly test the debug build twice).
            guard FileManager.default.isExecutableFile(atPath: path) else {
                Issue.record("DOCWRIGHT_BIN=\(path) is not an executable")
                throw CancellationError()
            }
            return path
        }
        // swift test builds the executable too: find it beside the test bundle.
        let candidates = [".build/debug/docwright", ".build/release/docwright"]
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            return URL(fileURLWithPath: candidate).path
        }
        Issue.record("docwright binary not found: build it (swift build) or set DOCWRIGHT_BIN")
        throw CancellationError()
    }

    init(environment extra: [String: String] = [:], arguments: [String] = ["lsp"]) throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: try Self.binaryPath())
        process.arguments = arguments
        var environment = [
            "HOME": home.path, "XDG_CACHE_HOME": home.path + "/cache", "XDG_CONFIG_HOME": home.path + "/config",
            "XDG_STATE_HOME": home.path + "/state", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "DOCWRIGHT_LOCAL_MODEL_URL": "http://127.0.0.1:9/v1",
        ]
        environment.merge(extra) { $1 }
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        stdin = input.fileHandleForWriting
        try process.run()
        let reader = output.fileHandleForReading
        let state = self.state
        let thread = Thread {
            while true {
                let data = reader.availableData
                if data.isEmpty {
                    state.withLock { $0.closed = true }
                    return
                }
                state.withLock { state in
                    state.buffer.append(contentsOf: data)
                    Self.drainFrames(&state)
                }
            }
        }
        thread.start()
    }

    private static func drainFrames(_ state: inout State) {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        while true {
            guard let headerEnd = state.buffer.firstRange(of: separator) else { return }
            let header = String(decoding: state.buffer[..<headerEnd.lowerBound], as: UTF8.self)
            guard header.hasPrefix("Content-Length: "),
                  let length = Int(header.dropFirst("Content-Length: ".count).split(separator: "\r").first ?? "")
            else {
                state.garbage = true
                state.buffer.removeAll()
                return
            }
            let bodyStart = headerEnd.upperBound
            guard state.buffer.count >= bodyStart + length else { return }
            let body = Data(state.buffer[bodyStart..<(bodyStart + length)])
            state.buffer.removeFirst(bodyStart + length)
            if (try? JSONSerialization.jsonObject(with: body) as? [String: Any]) != nil {
                state.messages.append(body)
            } else {
                state.garbage = true
            }
        }
    }

    var sawGarbage: Bool { state.withLock { $0.garbage } }

    func sendRaw(_ bytes: [UInt8]) {
        stdin.write(Data(bytes))
    }

    func send(_ object: [String: Any]) throws {
        let body = try JSONSerialization.data(withJSONObject: object)
        sendRaw(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + Array(body))
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
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if !process.isRunning { return process.terminationStatus }
            try? await Task.sleep(for: .milliseconds(20))
        }
        process.terminate()
        return nil
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

/// Runs the built binary to completion (at most `timeout`), capturing stdout and stderr; `exited`
/// is nil when it died of a signal (or was stopped at the timeout).
func runDocwright(_ arguments: [String], environment extra: [String: String] = [:], timeout: Duration = .seconds(60)) async throws
    -> (exited: Int32?, how: String, stdout: String, stderr: String)
{
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let outPath = directory.appendingPathComponent("stdout").path
    let errPath = directory.appendingPathComponent("stderr").path
    FileManager.default.createFile(atPath: outPath, contents: nil)
    FileManager.default.createFile(atPath: errPath, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try BinaryClient.binaryPath())
    process.arguments = arguments
    process.environment = [
        "HOME": directory.path, "XDG_CACHE_HOME": directory.path + "/cache", "XDG_CONFIG_HOME": directory.path + "/config",
        "XDG_STATE_HOME": directory.path + "/state", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ].merging(extra) { $1 }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle(forWritingAtPath: outPath)
    process.standardError = FileHandle(forWritingAtPath: errPath)
    try process.run()
    let deadline = ContinuousClock.now + timeout
    while process.isRunning, ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(20))
    }
    if process.isRunning {
        process.terminate()
        process.waitUntilExit()
    }
    let how = process.terminationReason == .uncaughtSignal
        ? "died of signal \(process.terminationStatus)" : "exited \(process.terminationStatus)"
    let exited = process.terminationReason == .exit ? process.terminationStatus : nil
    return (exited, how, (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
}
