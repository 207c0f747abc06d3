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
            Issue.record("docwright binary not found: build it (swift build) or set DOCWRIGHT_BIN")
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
