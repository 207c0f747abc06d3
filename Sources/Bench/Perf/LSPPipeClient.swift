import Foundation
import TestFixtures
#if canImport(Glibc)
import Glibc
#endif

/// A language client talking to a spawned `docwright lsp` over real pipes, with Content-Length
/// frames. Synchronous and single-threaded on purpose: the perf harness drives it from one
/// dedicated thread (never the cooperative pool), so a round trip is timed without any
/// scheduling hop on the client side. Server→client requests (applyEdit, progress) are answered
/// while waiting.
final class LSPPipeClient {
    let process: Process
    let pid: Int32
    /// When the process was started (for start-up timing).
    let startedAt: ContinuousClock.Instant
    private let server: LSPProcess
    private var frames = LSPFrameReader()
    private var nextID = 0
    /// Notifications the server sent (method names), for diagnostics.
    private(set) var notifications: [String] = []

    init(binary: String, environment: [String: String], stderrPath: String? = nil) throws {
        startedAt = .now
        server = try LSPProcess(binary: binary, environment: environment, stderrPath: stderrPath)
        process = server.process
        pid = process.processIdentifier
    }

    deinit {
        if process.isRunning { kill(pid, SIGKILL) }
    }

    // MARK: sending

    static func frame(_ object: [String: Any]) throws -> [UInt8] {
        try LSPFrameReader.frame(object)
    }

    func write(_ bytes: [UInt8]) throws {
        let fd = server.input.fileDescriptor
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Glibc.write(fd, base + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw BenchError.harness("writing to docwright lsp failed: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    func notify(_ method: String, _ params: Any) throws {
        try write(Self.frame(["jsonrpc": "2.0", "method": method, "params": params]))
    }

    func notificationFrame(_ method: String, _ params: Any) throws -> [UInt8] {
        try Self.frame(["jsonrpc": "2.0", "method": method, "params": params])
    }

    /// Sends a request; returns its id.
    @discardableResult
    func send(_ method: String, _ params: Any) throws -> Int {
        nextID += 1
        try write(Self.frame(["jsonrpc": "2.0", "id": nextID, "method": method, "params": params]))
        return nextID
    }

    func request(_ method: String, _ params: Any, timeout: Double = 120) throws -> [String: Any] {
        let id = try send(method, params)
        return try waitForResponse(id: id, timeout: timeout)
    }

    // MARK: receiving

    /// Reads frames until the response to `id` arrives, answering server requests meanwhile.
    func waitForResponse(id: Int, timeout: Double) throws -> [String: Any] {
        let deadline = ContinuousClock.now + .milliseconds(Int64(timeout * 1000))
        while true {
            let message = try nextMessage(deadline: deadline)
            if let method = message["method"] as? String {
                if let requestID = message["id"] {
                    let result: Any = method == "workspace/applyEdit" ? ["applied": true] : NSNull()
                    try write(Self.frame(["jsonrpc": "2.0", "id": requestID, "result": result]))
                } else {
                    notifications.append(method)
                }
                continue
            }
            if (message["id"] as? Int) == id { return message }
        }
    }

    private func nextMessage(deadline: ContinuousClock.Instant) throws -> [String: Any] {
        while true {
            if let message = try takeFrame() { return message }
            try fill(deadline: deadline)
        }
    }

    private func takeFrame() throws -> [String: Any]? {
        switch frames.next() {
        case nil:
            return nil
        case .garbage(let header):
            throw BenchError.harness("docwright lsp wrote a frame without Content-Length: \(header)")
        case .body(let body):
            guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                throw BenchError.harness("docwright lsp wrote a frame that is not a JSON object")
            }
            return object
        }
    }

    private func fill(deadline: ContinuousClock.Instant) throws {
        let fd = server.output.fileDescriptor
        let remaining = ContinuousClock.now.duration(to: deadline).milliseconds
        guard remaining > 0 else { throw BenchError.harness("docwright lsp did not answer in time") }
        var pollFD = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&pollFD, 1, Int32(min(remaining, 1000).rounded(.up)))
        if ready < 0, errno != EINTR { throw BenchError.harness("poll failed: \(String(cString: strerror(errno)))") }
        guard ready > 0 else { return }
        let count = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64 * 1024) { scratch -> Int in
            let count = read(fd, scratch.baseAddress, scratch.count)
            if count > 0 { frames.feed(UnsafeBufferPointer(rebasing: scratch[..<count])) }
            return count
        }
        if count == 0 { throw BenchError.harness("docwright lsp closed its output (it exited; status \(exitStatusText))") }
        if count < 0, errno != EINTR, errno != EAGAIN { throw BenchError.harness("reading from docwright lsp failed") }
    }

    private var exitStatusText: String {
        Thread.sleep(forTimeInterval: 0.05)
        return process.isRunning ? "still running" : "\(process.terminationStatus)"
    }

    // MARK: lifecycle

    /// initialize + initialized.
    func initialize(options: [String: Any] = [:], timeout: Double = 30) throws -> [String: Any] {
        let reply = try request("initialize", [
            "processId": NSNull(), "rootUri": NSNull(),
            "capabilities": ["workspace": ["applyEdit": true]],
            "initializationOptions": options,
        ], timeout: timeout)
        try notify("initialized", [String: Any]())
        return reply
    }

    func didOpen(uri: String, language: String, text: String, version: Int = 1) throws {
        try notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": language, "version": version, "text": text]])
    }

    /// shutdown + exit, then waits; kills it when it does not exit within 5 s.
    func close() {
        if process.isRunning {
            _ = try? request("shutdown", NSNull(), timeout: 5)
            try? notify("exit", [String: Any]())
        }
        let deadline = ContinuousClock.now + .seconds(5)
        while process.isRunning, ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning { kill(pid, SIGKILL) }
    }

    /// Resident set size in KiB (VmRSS of /proc/PID/status).
    var residentKiB: Int? { LSPProcess.residentKiB(pid: pid) }
}
