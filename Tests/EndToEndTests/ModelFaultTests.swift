import Foundation
import LoopbackHTTP
import Synchronization
import Testing

/// The fault suite's main cases (Tests/GatewayTests/FaultInjectionTests, in-process) again through
/// the built binary, `docwright sample` against a scripted loopback server: so the HTTP driver,
/// retries and the n strategies are exercised in the release build users install (scripts/test
/// runs this suite on both builds). The binary must end with a clear message, never a crash.
@Suite struct ModelFaultTests {
    static let okReply = #"{"choices":[{"index":0,"text":"    return a + b","finish_reason":"stop"}],"#
        + #""usage":{"prompt_tokens":5,"completion_tokens":4}}"#

    enum Fault: String, CaseIterable, Sendable {
        case refused, unauthorized, serverErrorOnce, persistentServerError, truncated, notJSON, slowDrip
    }

    /// (stderr must contain, or nil when the run must succeed; server requests expected).
    static func expected(_ fault: Fault, base: String) -> (message: String?, requests: Int?) {
        switch fault {
        case .refused: return ("Is the server running at \(base)?", nil)
        case .unauthorized: return ("MY_MODEL_KEY", 1)
        case .serverErrorOnce: return (nil, 2)
        case .persistentServerError: return ("after 3 attempts", 3)
        case .truncated: return ("cut off", nil)
        case .notJSON: return ("<html>", nil)
        case .slowDrip: return ("0.50 s", nil)
        }
    }

    static func reply(_ fault: Fault, count: Int) -> LoopbackServer.Reply {
        switch fault {
        case .refused: return .close
        case .unauthorized: return .json(401, #"{"error":{"message":"Incorrect API key provided: sk-e2e****cdef"}}"#)
        case .serverErrorOnce: return count == 0 ? .json(500, #"{"error":{"message":"boom"}}"#) : .json(200, okReply)
        case .persistentServerError: return .json(503, #"{"error":{"message":"overloaded"}}"#)
        case .truncated: return .truncated(status: 200, declaredLength: 4000, body: Array(okReply.utf8.prefix(40)))
        case .notJSON: return .json(200, "<html>oops</html>")
        case .slowDrip: return .chunked(status: 200, chunks: Array(repeating: Array(" ".utf8), count: 30), interval: 0.1, complete: true)
        }
    }

    @Test(arguments: Fault.allCases)
    func faultEndsWithAClearMessage(_ fault: Fault) async throws {
        let counter = Counter()
        let server = try LoopbackServer { _ in Self.reply(fault, count: counter.next()) }
        defer { server.stop() }
        var base = server.baseURL + "/v1"
        if fault == .refused {
            server.stop()
            base = "http://127.0.0.1:\(server.port)/v1"  // closed now: nothing listens there
        }
        let secret = "sk-e2e-0123456789abcdef"
        let run = try await runDocwright(
            ["sample", "--base-url", base, "--model", "m", "--n", "1", "--max-tokens", "8", "--timeout", "0.5",
             "--api-key-env", "MY_MODEL_KEY", Self.promptFile()],
            environment: ["MY_MODEL_KEY": secret])
        let (message, requests) = Self.expected(fault, base: base)
        if let message {
            #expect(run.exited == 1, "\(fault): \(run.how)")
            #expect(run.stderr.contains(message), "\(fault): \(run.stderr.suffix(600))")
        } else {
            #expect(run.exited == 0, "\(fault): \(run.how): \(run.stderr.suffix(600))")
            #expect(run.stdout.contains("    return a + b"), "\(fault): \(run.stdout)")
        }
        #expect(!run.stderr.contains(secret) && !run.stdout.contains(secret))
        if let requests { #expect(counter.value == requests, "\(fault)") }
    }

    /// n above the server's slots: llama.cpp's 400 names the limit, the rest is drawn in chunks
    /// of that size in parallel (the other parallel path, besides a server that ignores n).
    @Test func nAboveTheServerSlotsIsDrawnInChunks() async throws {
        let seen = Counter()
        let server = try LoopbackServer { request in
            _ = seen.next()
            let n = request.json?["n"] as? Int ?? 1
            let seed = request.json?["seed"] as? Int ?? -1
            if n > 2 {
                return .json(400, #"{"error":{"code":400,"message":"Field 'n': Value must be between 1 <= value <= 2, but got \#(n)"}}"#)
            }
            let choices = (0..<n).map { #"{"index":\#($0),"text":"s\#(seed + $0)","finish_reason":"stop"}"# }
            return .json(200, #"{"choices":[\#(choices.joined(separator: ","))]}"#)
        }
        defer { server.stop() }
        let run = try await runDocwright(["sample", "--base-url", server.baseURL + "/v1", "--model", "m", "--n", "5",
                                          "--seed", "100", "--json", Self.promptFile()])
        try #require(run.exited == 0, "\(run.how): \(run.stderr.suffix(600))")
        let batch = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let texts = (batch["samples"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        #expect(texts == (100...104).map { "s\($0)" })
        #expect(seen.value == 4)  // the rejected n=5, then chunks of 2, 2 and 1
    }

    static func promptFile() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-e2e-prompt.txt")
        try Data("def add(a, b):\n    \"\"\"Return the sum of a and b.\"\"\"\n".utf8).write(to: url, options: .atomic)
        return url.path
    }
}

final class Counter: Sendable {
    private let count = Atomic<Int>(0)
    /// Counts one more and returns how many came before.
    func next() -> Int { count.add(1, ordering: .relaxed).oldValue }
    var value: Int { count.load(ordering: .relaxed) }
}
