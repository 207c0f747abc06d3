import Foundation
import Testing
import TestFixtures

/// The message-level API of end-to-end tests (whole JSON replies, notifications by method) over
/// the one pipe client, `PipeClient`, which runs the built `docwright` and keeps every message.
final class BinaryClient: Sendable {
    private let pipe: PipeClient

    var process: Process { pipe.process }

    static func binaryPath() throws -> String {
        guard let path = LSPProcess.binaryPath() else {
            let named = ProcessInfo.processInfo.environment["DOCWRIGHT_BIN"] ?? ""
            Issue.record(named.isEmpty ? "docwright binary not found: build it (swift build) or set DOCWRIGHT_BIN"
                                       : "DOCWRIGHT_BIN=\(named) is not an executable")
            throw CancellationError()
        }
        return path
    }

    init(environment extra: [String: String] = [:], arguments: [String] = ["lsp"]) throws {
        pipe = try PipeClient(environment: extra, arguments: arguments, keepMessages: true)
    }

    var sawGarbage: Bool { pipe.sawGarbage }

    /// Writes bytes (in order with every other write).
    func sendRaw(_ bytes: [UInt8]) {
        pipe.sendRawDetached(bytes)
    }

    func send(_ object: [String: Any]) throws {
        sendRaw(try LSPFrameReader.frame(object))
    }

    func notify(_ method: String, _ params: [String: Any]) throws {
        try send(["jsonrpc": "2.0", "method": method, "params": params])
    }

    /// Sends a request and waits for its whole response.
    func request(_ method: String, _ params: Any, timeout: Duration = .seconds(120)) async throws -> [String: Any] {
        let id = await pipe.send(method, params)
        return try await waitFor(timeout: timeout) { message in
            (message["id"] as? Int) == id && message["method"] == nil
        }
    }

    /// Waits for a message matching `predicate` (server requests are answered as they come).
    func waitFor(timeout: Duration = .seconds(60), _ predicate: @escaping ([String: Any]) -> Bool) async throws -> [String: Any] {
        do {
            return try await pipe.waitFor(timeout: timeout, predicate)
        } catch is PipeClientError {
            throw BinaryClientError.timeout
        }
    }

    func messages(method: String) -> [[String: Any]] {
        pipe.keptMessages().filter { ($0["method"] as? String) == method }
    }

    func waitForExit(timeout: Duration = .seconds(10)) async -> Int32? {
        await pipe.waitForExit(timeout: timeout)
    }
}

enum BinaryClientError: Error { case timeout }

func initializeParams(_ options: [String: Any] = [:]) -> [String: Any] {
    ["processId": NSNull(), "rootUri": NSNull(), "capabilities": ["workspace": ["applyEdit": true]],
     "initializationOptions": options]
}

/// Runs the built binary (or `executable`) to completion (at most `timeout`) in `directory` (default:
/// the test's), with a private HOME and XDG directories unless `extra` names others, capturing
/// stdout and stderr in files (nothing can block on a full pipe); `exited` is nil when it died of a
/// signal (or was stopped at the timeout).
func runDocwright(_ arguments: [String], environment extra: [String: String] = [:], directory: String? = nil,
                  executable: String? = nil, timeout: Duration = .seconds(60)) async throws
    -> (exited: Int32?, how: String, stdout: String, stderr: String)
{
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outPath = scratch.appendingPathComponent("stdout").path
    let errPath = scratch.appendingPathComponent("stderr").path
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try executable ?? BinaryClient.binaryPath())
    process.arguments = arguments
    process.environment = [
        "HOME": scratch.path, "XDG_CACHE_HOME": scratch.path + "/cache", "XDG_CONFIG_HOME": scratch.path + "/config",
        "XDG_DATA_HOME": scratch.path + "/data", "XDG_STATE_HOME": scratch.path + "/state",
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ].merging(grammarEnvironment) { $1 }.merging(extra) { $1 }
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
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

/// `DOCWRIGHT_GRAMMARS` when the test run has it (a worktree without its own `.build-grammars`):
/// the binary finds the grammars as the tests do.
var grammarEnvironment: [String: String] {
    ProcessInfo.processInfo.environment["DOCWRIGHT_GRAMMARS"].map { ["DOCWRIGHT_GRAMMARS": $0] } ?? [:]
}
